// The API contract for Meddelanden (issue 5): secure messages between a citizen (or the one acting
// for them) and the handläggare (within a case) or the provider (within an order). A conversation
// is always with ONE citizen: a reply goes only to the one who wrote. The server validates with
// these schemas; the web imports only the types.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './schema.ts';
import { CitizenRelation } from './citizen-api.ts';

export const MESSAGE_BODY_MAX = 4000;

const Body = Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX });

export const NewMessageBody = Type.Object({
  body: Body,
  /** Made by the client when the form opens: a double click or a retry sends the message once. */
  idempotencyKey: Type.Optional(Uuid),
});
export type NewMessageBody = Static<typeof NewMessageBody>;

export const NotificationChannel = Type.Enum(['ingen', 'e_post', 'sms']);
export type NotificationChannel = Static<typeof NotificationChannel>;

// ---- Citizen ----------------------------------------------------------------------------------

export const TopicKind = Type.Enum(['arende', 'bestallning']);

/** Something the citizen can write about: a case (with the handläggare) or an order (with the provider). */
export const CitizenTopic = Type.Object({
  kind: TopicKind,
  caseId: Uuid,
  orderId: Nullable(Uuid),
  caseNumber: Type.String(),
  /** The case's title as citizens see it; for an order, the insats. */
  title: Type.String(),
  /** Whom the conversation is with: the handläggare's first name, or the provider's name. */
  counterpart: Nullable(Type.String()),
  threadId: Nullable(Uuid),
  messageCount: Type.Integer(),
  unread: Type.Integer(),
  lastMessageAt: Nullable(IsoDateTime),
  /** False for a closed case or an ended order: the conversation can be read, not continued. */
  canWrite: Type.Boolean(),
});
export type CitizenTopic = Static<typeof CitizenTopic>;

export const CitizenMessagesOverview = Type.Object({
  persons: Type.Array(Type.Object({
    person: Type.Object({ id: Uuid, name: Type.String() }),
    relation: CitizenRelation,
    topics: Type.Array(CitizenTopic),
  })),
  unread: Type.Integer(),
});
export type CitizenMessagesOverview = Static<typeof CitizenMessagesOverview>;

export const CitizenMessageView = Type.Object({
  id: Uuid,
  /** me: written by the logged-in citizen; staff: the handläggare; provider: the provider's staff. */
  from: Type.Enum(['me', 'staff', 'provider']),
  /** For staff, the first name only (as on Mina ärenden). */
  authorName: Type.String(),
  authorRole: Type.String(),
  body: Type.String(),
  createdAt: IsoDateTime,
  /** For my own messages: whether the other side has opened them. */
  readByOtherSide: Type.Boolean(),
});
export type CitizenMessageView = Static<typeof CitizenMessageView>;

export const CitizenThread = Type.Object({
  person: Type.Object({ id: Uuid, name: Type.String() }),
  relation: CitizenRelation,
  topic: CitizenTopic,
  messages: Type.Array(CitizenMessageView),
});
export type CitizenThread = Static<typeof CitizenThread>;

export const CitizenCaseParams = Type.Object({ caseId: Uuid });
export const CitizenOrderParams = Type.Object({ orderId: Uuid });

export const CitizenUnread = Type.Object({ unread: Type.Integer() });
export type CitizenUnread = Static<typeof CitizenUnread>;

export const NotificationSettings = Type.Object({
  channel: NotificationChannel,
  email: Nullable(Type.String()),
  /** As entered in Sweden: 070-123 45 67 (stored as +46701234567). */
  phone: Nullable(Type.String()),
  /** The notice that is sent, word for word: it never says what the message is about. */
  example: Type.String(),
  /** The chosen address is confirmed with a one-time code: only then are notices sent to it. */
  verified: Type.Boolean(),
  /** A code is waiting to be typed (not expired, tries left); it was sent to the chosen address. */
  codePending: Type.Boolean(),
  /** When the waiting code stops being valid. */
  codeExpiresAt: Nullable(IsoDateTime),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

/** The six digits from the e-mail or SMS. */
export const VerifyCodeBody = Type.Object({
  code: Type.String({ maxLength: 20 }),
});
export type VerifyCodeBody = Static<typeof VerifyCodeBody>;

export const NotificationSettingsBody = Type.Object({
  channel: NotificationChannel,
  email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
});
export type NotificationSettingsBody = Static<typeof NotificationSettingsBody>;

// ---- Staff (handläggare) and provider -------------------------------------------------------

export const AuthorKind = Type.Enum(['citizen', 'staff', 'provider_staff']);

export const MessageJournalLink = Type.Object({
  entryId: Uuid,
  signed: Type.Boolean(),
  byName: Type.String(),
  /** The draft is mine (drafts are personal: only its author can open it). */
  mine: Type.Boolean(),
});
export type MessageJournalLink = Static<typeof MessageJournalLink>;

export const StaffMessageView = Type.Object({
  id: Uuid,
  authorKind: AuthorKind,
  authorName: Type.String(),
  /** citizen: self | vardnadshavare | ombud; staff: the title; provider staff: the provider. */
  authorRole: Type.String(),
  body: Type.String(),
  createdAt: IsoDateTime,
  mine: Type.Boolean(),
  /** A citizen's message: opened by our side; our message: opened by the citizen. */
  read: Type.Boolean(),
  journal: Nullable(MessageJournalLink),
});
export type StaffMessageView = Static<typeof StaffMessageView>;

export const Correspondent = Type.Object({
  personId: Uuid,
  name: Type.String(),
  relation: CitizenRelation,
});
export type Correspondent = Static<typeof Correspondent>;

export const StaffThread = Type.Object({
  id: Uuid,
  citizen: Correspondent,
  unread: Type.Integer(),
  lastMessageAt: Nullable(IsoDateTime),
  /** False when the citizen can no longer see the case (a fullmakt ended, a child came of age). */
  canWrite: Type.Boolean(),
  messages: Type.Array(StaffMessageView),
});
export type StaffThread = Static<typeof StaffThread>;

export const ThreadList = Type.Object({
  threads: Type.Array(StaffThread),
  /** Whom a new conversation can be started with (those who may see the case and have none yet). */
  canStartWith: Type.Array(Correspondent),
  unread: Type.Integer(),
});
export type ThreadList = Static<typeof ThreadList>;

export const StaffNewMessageBody = Type.Object({
  /** The citizen the conversation is with. */
  citizenPersonId: Uuid,
  body: Body,
  idempotencyKey: Type.Optional(Uuid),
});
export type StaffNewMessageBody = Static<typeof StaffNewMessageBody>;

export const JournalMessageBody = Type.Object({ messageId: Uuid });
export type JournalMessageBody = Static<typeof JournalMessageBody>;

export const JournalMessageResult = Type.Object({
  messageId: Uuid,
  entryId: Uuid,
  /** False when the message was already journaled: nothing new was made. */
  created: Type.Boolean(),
  link: MessageJournalLink,
});
export type JournalMessageResult = Static<typeof JournalMessageResult>;

export const UnreadByCase = Type.Object({
  items: Type.Array(Type.Object({
    caseId: Uuid, caseNumber: Type.String(), caseTitle: Type.String(), personName: Type.String(),
    unread: Type.Integer(), lastMessageAt: IsoDateTime,
  })),
  total: Type.Integer(),
});
export type UnreadByCase = Static<typeof UnreadByCase>;

export const UnreadByOrder = Type.Object({
  items: Type.Array(Type.Object({
    orderId: Uuid, orderNumber: Type.String(), personName: Type.String(), unread: Type.Integer(), lastMessageAt: IsoDateTime,
  })),
  total: Type.Integer(),
});
export type UnreadByOrder = Static<typeof UnreadByOrder>;
