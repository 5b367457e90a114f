// The API contract for reminders (påminnelser) from the deadline sweep. Server validates and
// serialises with these schemas; the web imports only the types.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';


export const ReminderKind = Type.Enum(['deadline_soon', 'deadline_overdue', 'follow_up', 'komm_reply', 'unassigned', 'citizen_message', 'provider_choice']);
export type ReminderKind = Static<typeof ReminderKind>;

export const ReminderView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  kind: ReminderKind,
  /** In Swedish, e.g. "Förhandsbedömning (20 kap. 2 § SoL) för ärende 2026-BU-0003 har passerat (2026-03-01)". */
  message: Type.String(),
  dueOn: IsoDate,
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
export type ReminderView = Static<typeof ReminderView>;

export const MyReminders = Type.Object({
  /** All my unread reminders (of cases not yet closed), however many are listed. */
  unreadCount: Type.Integer(),
  /** Unread first (earliest due first), then the 20 most recently read. */
  items: Type.Array(ReminderView),
});
export type MyReminders = Static<typeof MyReminders>;
