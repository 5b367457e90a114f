// The API contract for the journal (social documentation, 14 kap. 3 § SoL; SOSFS 2014:5 4 kap.)
// and a person's timeline. Drafts are personal and autosaved; a signed entry never changes
// (a correction is a new entry that points at the old one, both stay visible). The server
// validates with these schemas; the web imports only the types.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';
import { CaseArea } from './api.ts';


/** Kinds of journal entries: what happened, so the journal can be read by kind (SOSFS 2014:5 4 kap. 6 §). */
export const JOURNAL_KINDS = [
  'anteckning', 'samtal', 'telefonsamtal', 'hembesok', 'mote', 'kontakt_annan_myndighet', 'information_underrattelse', 'beslut',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** Swedish labels (the web has its own copy in sv and en, typed against JournalKind). */
export const JOURNAL_KIND_LABELS_SV: Record<JournalKind, string> = {
  anteckning: 'Anteckning',
  samtal: 'Samtal',
  telefonsamtal: 'Telefonsamtal',
  hembesok: 'Hembesök',
  mote: 'Möte',
  kontakt_annan_myndighet: 'Kontakt med annan myndighet',
  information_underrattelse: 'Information/underrättelse',
  beslut: 'Beslut',
};

export const JournalKindSchema = Type.Enum([...JOURNAL_KINDS]);

/** Limits: long enough for any real note, short enough for keepalive flushes of typical text. */
export const JOURNAL_TITLE_MAX = 200;
export const JOURNAL_BODY_MAX = 100_000;

const Fields = {
  kind: JournalKindSchema,
  /** May be empty in a draft; at signing an empty title becomes the kind's label. */
  title: Type.String({ maxLength: JOURNAL_TITLE_MAX }),
  /** May be empty in a draft (autosave never refuses text); must not be empty to sign. */
  body: Type.String({ maxLength: JOURNAL_BODY_MAX }),
  /** The day the documented event happened. */
  occurredOn: IsoDate,
};

export const EntryParams = Type.Object({ entryId: Uuid });

export const NewJournalEntryBody = Type.Object({
  /**
   * Client-chosen id (idempotency): a draft created before a closed tab or a lost answer is not
   * created twice. Omitted: the server picks one.
   */
  id: Type.Optional(Uuid),
  ...Fields,
  /** A correction: the signed entry in the same case that this entry corrects. */
  correctsId: Type.Optional(Nullable(Uuid)),
});
export type NewJournalEntryBody = Static<typeof NewJournalEntryBody>;

export const NewJournalEntryResult = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  /** false when a draft with this id already existed (the request was repeated). */
  created: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export type NewJournalEntryResult = Static<typeof NewJournalEntryResult>;

export const UpdateJournalEntryBody = Type.Object({
  ...Fields,
  /** The version the text was based on; a different server version answers 409 with its text. */
  version: Type.Integer({ minimum: 1 }),
});
export type UpdateJournalEntryBody = Static<typeof UpdateJournalEntryBody>;

export const SaveResult = Type.Object({ version: Type.Integer(), updatedAt: IsoDateTime });
export type SaveResult = Static<typeof SaveResult>;

export const SignJournalEntryBody = Type.Object({
  /** When given, the entry is signed only if it is still this version (what the user saw). */
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const SignResult = Type.Object({ id: Uuid, signedAt: IsoDateTime, title: Type.String() });
export type SignResult = Static<typeof SignResult>;

const StaffRef = Type.Object({ id: Uuid, name: Type.String() });

/** The server's text in a 409 problem (member `current`), so the client can keep both texts. */
export const JournalCurrent = Type.Object({
  id: Uuid,
  kind: JournalKindSchema,
  title: Type.String(),
  body: Type.String(),
  occurredOn: IsoDate,
  version: Type.Integer(),
  updatedAt: IsoDateTime,
  signedAt: Nullable(IsoDateTime),
});
export type JournalCurrent = Static<typeof JournalCurrent>;

export const SignedJournalEntry = Type.Object({
  id: Uuid,
  kind: JournalKindSchema,
  title: Type.String(),
  body: Type.String(),
  occurredOn: IsoDate,
  author: StaffRef,
  signedBy: StaffRef,
  signedAt: IsoDateTime,
  /** The signed entry this one corrects. */
  correctsId: Nullable(Uuid),
  /** Signed entries that correct this one, oldest first. */
  correctedBy: Type.Array(Uuid),
});
export type SignedJournalEntry = Static<typeof SignedJournalEntry>;

export const JournalDraft = Type.Object({
  id: Uuid,
  kind: JournalKindSchema,
  title: Type.String(),
  body: Type.String(),
  occurredOn: IsoDate,
  correctsId: Nullable(Uuid),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type JournalDraft = Static<typeof JournalDraft>;

export const CaseJournal = Type.Object({
  caseId: Uuid,
  /** The reader; drafts are stored locally per user. */
  viewerId: Uuid,
  /** Signed entries, newest first. */
  entries: Type.Array(SignedJournalEntry),
  /** My own unsigned drafts in this case (only the author sees drafts). */
  drafts: Type.Array(JournalDraft),
});
export type CaseJournal = Static<typeof CaseJournal>;

export const MyDrafts = Type.Object({
  items: Type.Array(Type.Object({
    id: Uuid,
    caseId: Uuid,
    caseNumber: Type.String(),
    caseTitle: Type.String(),
    kind: JournalKindSchema,
    title: Type.String(),
    occurredOn: IsoDate,
    updatedAt: IsoDateTime,
  })),
});
export type MyDrafts = Static<typeof MyDrafts>;

// ---- a person's timeline ----
export const TIMELINE_TYPES = ['aktualisering', 'journal', 'beslut', 'beslutsbrev', 'fil'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];
export const TimelineTypeSchema = Type.Enum([...TIMELINE_TYPES]);
export const TIMELINE_LIMIT = 200;

export const TimelineQuery = Type.Object({
  area: Type.Optional(CaseArea),
  type: Type.Optional(TimelineTypeSchema),
});
export type TimelineQuery = Static<typeof TimelineQuery>;

export const TimelineEvent = Type.Object({
  /** Unique within the timeline: type and the record's id. */
  key: Type.String(),
  type: TimelineTypeSchema,
  date: IsoDate,
  caseId: Uuid,
  caseNumber: Type.String(),
  area: CaseArea,
  title: Type.String(),
  summary: Nullable(Type.String()),
  /** aktualisering: origin (ansokan, anmalan, ovrigt); journal: kind; beslut: outcome; beslutsbrev: delivered on (date) or null; fil: file kind. */
  detail: Nullable(Type.String()),
});
export type TimelineEvent = Static<typeof TimelineEvent>;

export const Timeline = Type.Object({
  personId: Uuid,
  items: Type.Array(TimelineEvent),
  /** Areas of the person's cases the user may see (for the filter). */
  areas: Type.Array(CaseArea),
  /** More events than the limit matched: narrow the filter. */
  truncated: Type.Boolean(),
});
export type Timeline = Static<typeof Timeline>;
