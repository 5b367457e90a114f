// What the citizen, the handläggare and the provider share: conversations (one per subject and
// citizen), messages that never change once sent, read markers per side, and the outbox row that
// tells the citizen — by their own choice of channel — only that there is a message.
import type { TenantTx } from '../../db/database.ts';
import { conflict } from '../../http/problems.ts';
import { notifyOnCommit } from '../../jobs/notify.ts';

export type AuthorKind = 'citizen' | 'staff' | 'provider_staff';

export interface ThreadRow {
  id: string; case_id: string; order_id: string | null; person_id: string; citizen_person_id: string;
  last_message_at: Date | null; staff_read_until: Date | null; citizen_read_until: Date | null;
}
export const THREAD_COLS = `t.id, t.case_id, t.order_id, t.person_id, t.citizen_person_id, t.last_message_at, t.staff_read_until, t.citizen_read_until`;

export interface MessageRow {
  id: string; thread_id: string; author_kind: AuthorKind; author_person_id: string | null; author_staff_id: string | null;
  author_name: string; author_role: string; body: string; created_at: Date;
}
export const MESSAGE_COLS = `m.id, m.thread_id, m.author_kind, m.author_person_id, m.author_staff_id, m.author_name, m.author_role, m.body, m.created_at`;

export interface Subject { caseId: string; orderId: string | null; personId: string }

/** The conversation about the subject with this citizen, made when the first message is written. */
export async function ensureThread(tx: TenantTx, subject: Subject, citizenPersonId: string): Promise<ThreadRow> {
  const m = tx.municipalityId;
  const conflictTarget = subject.orderId
    ? '(municipality_id, order_id, citizen_person_id) WHERE order_id IS NOT NULL'
    : '(municipality_id, case_id, citizen_person_id) WHERE order_id IS NULL';
  await tx.query(
    `INSERT INTO message_threads (municipality_id, id, case_id, order_id, person_id, citizen_person_id)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5) ON CONFLICT ${conflictTarget} DO NOTHING`,
    [m, subject.caseId, subject.orderId, subject.personId, citizenPersonId]);
  const row = await findThread(tx, subject, citizenPersonId, true);
  if (!row) throw new Error('the thread was neither made nor found');
  return row;
}

export async function findThread(tx: TenantTx, subject: Pick<Subject, 'caseId' | 'orderId'>, citizenPersonId: string, lock = false): Promise<ThreadRow | undefined> {
  return tx.one<ThreadRow>(
    `SELECT ${THREAD_COLS} FROM message_threads t
     WHERE t.municipality_id = $1 AND t.citizen_person_id = $2 AND ${subject.orderId ? 't.order_id = $3' : 't.case_id = $3 AND t.order_id IS NULL'}
     ${lock ? 'FOR UPDATE' : ''}`,
    [tx.municipalityId, citizenPersonId, subject.orderId ?? subject.caseId]);
}

export interface NewMessage {
  authorKind: AuthorKind;
  authorPersonId?: string;
  authorStaffId?: string;
  authorName: string;
  authorRole: string;
  body: string;
  idempotencyKey?: string;
}

/**
 * Appends a message to the thread (idempotent on the client's key) and moves the writer's own read
 * marker: whoever writes has read what came before. Answers the message and whether it is new.
 */
export async function appendMessage(tx: TenantTx, thread: ThreadRow, msg: NewMessage): Promise<{ message: MessageRow; created: boolean }> {
  const m = tx.municipalityId;
  const inserted = await tx.one<MessageRow>(
    `INSERT INTO messages AS m (municipality_id, id, thread_id, author_kind, author_person_id, author_staff_id, author_name, author_role, body, idempotency_key)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (municipality_id, idempotency_key) DO NOTHING
     RETURNING ${MESSAGE_COLS}`,
    [m, thread.id, msg.authorKind, msg.authorPersonId ?? null, msg.authorStaffId ?? null, msg.authorName, msg.authorRole, msg.body, msg.idempotencyKey ?? null]);
  if (!inserted) {
    const existing = await tx.one<MessageRow>(`SELECT ${MESSAGE_COLS} FROM messages m WHERE m.municipality_id = $1 AND m.idempotency_key = $2`, [m, msg.idempotencyKey]);
    const same = existing && existing.thread_id === thread.id && existing.author_kind === msg.authorKind
      && (existing.author_person_id ?? null) === (msg.authorPersonId ?? null) && (existing.author_staff_id ?? null) === (msg.authorStaffId ?? null);
    if (!existing || !same) throw conflict('Meddelandets id används redan. Ladda om sidan och skriv meddelandet igen.', 'message-key-taken');
    return { message: existing, created: false };
  }
  const marker = msg.authorKind === 'citizen' ? 'citizen_read_until' : 'staff_read_until';
  // The time from the row itself (microseconds), not from JavaScript (milliseconds).
  await tx.query(
    `UPDATE message_threads t SET last_message_at = GREATEST(COALESCE(t.last_message_at, '-infinity'), x.created_at), ${marker} = GREATEST(COALESCE(t.${marker}, '-infinity'), x.created_at)
     FROM messages x WHERE t.municipality_id = $1 AND t.id = $2 AND x.municipality_id = $1 AND x.id = $3`, [m, thread.id, inserted.id]);
  return { message: inserted, created: true };
}

/** Moves a side's read marker to the newest message in the threads (never backwards). */
export async function markRead(tx: TenantTx, threadIds: string[], side: 'staff' | 'citizen'): Promise<void> {
  if (threadIds.length === 0) return;
  const marker = side === 'citizen' ? 'citizen_read_until' : 'staff_read_until';
  await tx.query(
    `UPDATE message_threads t SET ${marker} = GREATEST(COALESCE(t.${marker}, '-infinity'), t.last_message_at)
     WHERE t.municipality_id = $1 AND t.id = ANY($2::uuid[]) AND t.last_message_at IS NOT NULL
       AND (t.${marker} IS NULL OR t.${marker} < t.last_message_at)`, [tx.municipalityId, threadIds]);
}

export async function messagesOf(tx: TenantTx, threadIds: string[]): Promise<MessageRow[]> {
  if (threadIds.length === 0) return [];
  return tx.query<MessageRow>(
    `SELECT ${MESSAGE_COLS} FROM messages m WHERE m.municipality_id = $1 AND m.thread_id = ANY($2::uuid[]) ORDER BY m.created_at, m.id`,
    [tx.municipalityId, threadIds]);
}

/** Unread for a side: the other side's messages after the side's marker. */
export function unreadFor(thread: ThreadRow, messages: MessageRow[], side: 'staff' | 'citizen'): number {
  const until = (side === 'citizen' ? thread.citizen_read_until : thread.staff_read_until)?.getTime() ?? -Infinity;
  return messages.filter((x) => x.thread_id === thread.id && (side === 'citizen') === (x.author_kind !== 'citizen') && x.created_at.getTime() > until).length;
}

/** Whether the other side has opened a message (by its marker). */
export function readByOther(thread: ThreadRow, x: MessageRow): boolean {
  const until = x.author_kind === 'citizen' ? thread.staff_read_until : thread.citizen_read_until;
  return until !== null && until.getTime() >= x.created_at.getTime();
}

export interface PersonName { id: string; first_name: string; last_name: string }

export async function personNames(tx: TenantTx, ids: string[]): Promise<Map<string, PersonName>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<PersonName>('SELECT id, first_name, last_name FROM persons WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [tx.municipalityId, [...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

export const fullName = (p: PersonName | undefined) => (p ? `${p.first_name} ${p.last_name}` : '');

/**
 * Puts a notice in the outbox for the citizen of the thread, if they have chosen a channel and confirmed
 * its address. One
 * waiting notice is enough: more messages before it is sent do not send more notices.
 */
export async function queueNotice(tx: TenantTx, thread: ThreadRow, messageId: string): Promise<boolean> {
  const m = tx.municipalityId;
  const s = await tx.one<{ channel: 'ingen' | 'e_post' | 'sms'; email: string | null; phone: string | null; verified_at: Date | null }>(
    'SELECT channel, email, phone, verified_at FROM citizen_notification_settings WHERE municipality_id = $1 AND person_id = $2', [m, thread.citizen_person_id]);
  // Only to an address the citizen has confirmed with the code (settings.ts): a typo must not tell a
  // stranger that the municipality writes to someone. Changing channel or address clears verified_at.
  if (!s || s.channel === 'ingen' || !s.verified_at) return false;
  const address = s.channel === 'e_post' ? s.email : s.phone;
  if (!address) return false;
  const waiting = await tx.one(
    `SELECT 1 AS x FROM message_notifications WHERE municipality_id = $1 AND recipient_person_id = $2 AND status = 'vantar'`, [m, thread.citizen_person_id]);
  if (waiting) return false;
  await tx.query(
    `INSERT INTO message_notifications (municipality_id, id, message_id, recipient_person_id, channel, address)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [m, messageId, thread.citizen_person_id, s.channel, address]);
  await notifyOnCommit(tx);
  return true;
}

/** The time of a message in Sweden, as written in a journal: "5 mars 2026 kl. 14.32". */
export function swedishDateTime(d: Date): string {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(d).replace(':', '.');
  return `${date} kl. ${time}`;
}

/** The body must say something; whitespace only is refused like an empty field. */
export function cleanBody(body: string): string | null {
  const text = body.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, '').trim();
  return text.length === 0 ? null : text;
}
