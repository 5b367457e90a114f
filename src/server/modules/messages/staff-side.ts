// What the two staff sides share: the handläggare reads a case's conversations, the provider an
// order's. Each conversation is with one citizen; whether that citizen may (still) see the case is
// asked of citizen-access.ts, so a reply can never reach someone whose fullmakt has ended.
import type { TenantTx } from '../../db/database.ts';
import { citizensWhoMaySeeCase } from '../../access/citizen-access.ts';
import type { CitizenRelation } from '../../../shared/citizen-api.ts';
import type { Correspondent, MessageJournalLink, StaffThread, ThreadList } from '../../../shared/messages-api.ts';
import {
  THREAD_COLS, fullName, messagesOf, personNames, readByOther, unreadFor, type MessageRow, type Subject, type ThreadRow,
} from './threads.ts';

export interface LinkRow { message_id: string; entry_id: string; signed: boolean; author_id: string; by_name: string }

export async function threadsOf(tx: TenantTx, subject: Pick<Subject, 'caseId' | 'orderId'>): Promise<ThreadRow[]> {
  return tx.query<ThreadRow>(
    `SELECT ${THREAD_COLS} FROM message_threads t
     WHERE t.municipality_id = $1 AND ${subject.orderId ? 't.order_id = $2' : 't.case_id = $2 AND t.order_id IS NULL'}
     ORDER BY t.last_message_at DESC NULLS LAST, t.created_at`, [tx.municipalityId, subject.orderId ?? subject.caseId]);
}

/** The journal entries messages were documented in (the case's journal or the provider's). */
export async function journalLinks(tx: TenantTx, messageIds: string[], journal: 'case' | 'provider'): Promise<Map<string, LinkRow>> {
  if (messageIds.length === 0) return new Map();
  const table = journal === 'case' ? 'journal_entries' : 'provider_journal_entries';
  const col = journal === 'case' ? 'journal_entry_id' : 'provider_journal_entry_id';
  const rows = await tx.query<LinkRow>(
    `SELECT l.message_id, j.id AS entry_id, (j.signed_at IS NOT NULL) AS signed, j.author_id, s.name AS by_name
     FROM message_journal_links l
     JOIN ${table} j ON j.municipality_id = l.municipality_id AND j.id = l.${col}
     JOIN staff_users s ON s.municipality_id = l.municipality_id AND s.id = l.created_by
     WHERE l.municipality_id = $1 AND l.message_id = ANY($2::uuid[])`, [tx.municipalityId, messageIds]);
  return new Map(rows.map((r) => [r.message_id, r]));
}

export const linkView = (l: LinkRow, viewerId: string): MessageJournalLink => ({ entryId: l.entry_id, signed: l.signed, byName: l.by_name, mine: l.author_id === viewerId });

/** Who may see the case, of the person and those acting for them: the people one can write to (citizen-access.ts). */
export async function visibleCorrespondents(
  tx: TenantTx, subject: Pick<Subject, 'caseId'>, candidateIds: string[],
): Promise<Map<string, CitizenRelation>> {
  return citizensWhoMaySeeCase(tx, subject.caseId, candidateIds);
}

/** The person and everyone registered as guardian or ombud for them (before asking who may see the case). */
export async function representativesOf(tx: TenantTx, personId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT related_person_id AS id FROM person_relations
     WHERE municipality_id = $1 AND person_id = $2 AND kind IN ('vardnadshavare', 'ombud')`, [tx.municipalityId, personId]);
  return rows.map((r) => r.id);
}

/** What relation a conversation's citizen had, when they can no longer see the case. */
function relationFromHistory(thread: ThreadRow, messages: MessageRow[]): CitizenRelation {
  const said = [...messages].reverse().find((x) => x.thread_id === thread.id && x.author_kind === 'citizen')?.author_role;
  if (said === 'self' || said === 'vardnadshavare' || said === 'ombud') return said;
  return thread.citizen_person_id === thread.person_id ? 'self' : 'ombud';
}

export async function buildThreadList(
  tx: TenantTx, viewerId: string, subject: Subject,
  opts: { journal: 'case' | 'provider'; startWith: string[] },
): Promise<ThreadList> {
  const threads = await threadsOf(tx, subject);
  const messages = await messagesOf(tx, threads.map((t) => t.id));
  const links = await journalLinks(tx, messages.map((x) => x.id), opts.journal);
  const visible = await visibleCorrespondents(tx, subject, [...threads.map((t) => t.citizen_person_id), ...opts.startWith]);
  const names = await personNames(tx, [...threads.map((t) => t.citizen_person_id), ...visible.keys()]);
  const correspondent = (id: string, relation: CitizenRelation): Correspondent => ({ personId: id, name: fullName(names.get(id)), relation });
  const list: StaffThread[] = threads.map((t) => {
    const own = messages.filter((x) => x.thread_id === t.id);
    return {
      id: t.id,
      citizen: correspondent(t.citizen_person_id, visible.get(t.citizen_person_id) ?? relationFromHistory(t, own)),
      unread: unreadFor(t, own, 'staff'),
      lastMessageAt: t.last_message_at?.toISOString() ?? null,
      canWrite: visible.has(t.citizen_person_id),
      messages: own.map((x) => {
        const l = links.get(x.id);
        return {
          id: x.id, authorKind: x.author_kind, authorName: x.author_name, authorRole: x.author_role, body: x.body,
          createdAt: x.created_at.toISOString(), mine: x.author_staff_id === viewerId, read: readByOther(t, x),
          journal: l ? linkView(l, viewerId) : null,
        };
      }),
    };
  });
  const taken = new Set(threads.map((t) => t.citizen_person_id));
  // A child's guardians come first (the one offered first is the one most often meant), else the person.
  const hasGuardian = [...visible.values()].includes('vardnadshavare');
  const rank = (c: Correspondent) => (c.relation === (hasGuardian ? 'vardnadshavare' : 'self') ? 0 : c.relation === 'self' ? 1 : 2);
  const canStartWith = opts.startWith.filter((id, i, all) => all.indexOf(id) === i && visible.has(id) && !taken.has(id))
    .map((id) => correspondent(id, visible.get(id)!))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'));
  return { threads: list, canStartWith, unread: list.reduce((s, t) => s + t.unread, 0) };
}

/** The journal text for a message: who wrote to whom, when, and the text as it was sent. */
export function journalText(x: MessageRow, parts: {
  when: string; citizenName: string; citizenRelation: CitizenRelation; subjectName: string; staffSide: string;
}): { title: string; body: string } {
  const forWhom = parts.citizenRelation === 'self' ? '' : ` (${parts.citizenRelation === 'ombud' ? 'ombud' : 'vårdnadshavare'} för ${parts.subjectName})`;
  const citizen = `${parts.citizenName}${forWhom}`;
  const staff = `${x.author_name}${x.author_role ? `, ${x.author_role}` : ''}`;
  const fromCitizen = x.author_kind === 'citizen';
  return {
    title: fromCitizen ? `Meddelande från ${parts.citizenName}` : `Meddelande till ${parts.citizenName}`,
    body: [
      `Meddelande i e-tjänsten ${parts.when}.`,
      `Från: ${fromCitizen ? citizen : staff}`,
      `Till: ${fromCitizen ? parts.staffSide : citizen}`,
      '',
      x.body,
    ].join('\n'),
  };
}
