// Meddelanden for the handläggare: the case's conversations with the citizen and those acting for
// them (everyone in the case's unit sees them), replies, read markers, and "journalför": a draft
// journal entry with the message (who, when, the text) for the handläggare to read and sign
// (14 kap. 3 § SoL: significant facts and events are documented; SOSFS 2014:5 4 kap.).
import { citizensWhoMaySeeCase } from '../../access/citizen-access.ts';
import type { TenantTx } from '../../db/database.ts';
import { isCaseWorker, type CaseWorker, type RequestContext } from '../../access/actor.ts';
import { accessCase } from '../../access/case-access.ts';
import { recordListReads } from '../../access/gate.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problems.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import type { CitizenRelation } from '../../../shared/citizen-api.ts';
import type { JournalMessageResult, StaffNewMessageBody, ThreadList, UnreadByCase } from '../../../shared/messages-api.ts';
import { createEntry } from '../journal/service.ts';
import {
  MESSAGE_COLS, appendMessage, cleanBody, ensureThread, fullName, markRead, personNames, queueNotice, swedishDateTime,
  type MessageRow,
} from './threads.ts';
import { buildThreadList, journalLinks, journalText, linkView, representativesOf, threadsOf } from './staff-side.ts';

function caseWorker(ctx: RequestContext): CaseWorker {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare skriver meddelanden i ärenden.');
  return ctx.actor;
}

async function list(tx: TenantTx, ctx: RequestContext, caseId: string, personId: string): Promise<ThreadList> {
  const reps = await representativesOf(tx, personId);
  return buildThreadList(tx, caseWorker(ctx).userId, { caseId, orderId: null, personId }, { journal: 'case', startWith: [personId, ...reps] });
}

export async function caseMessages(tx: TenantTx, ctx: RequestContext, caseId: string): Promise<ThreadList> {
  const access = await accessCase(tx, ctx, caseId, { action: 'read', resource: 'messages.case' });
  return list(tx, ctx, caseId, access.personId);
}

export async function writeToCitizen(
  tx: TenantTx, ctx: RequestContext, caseId: string, body: StaffNewMessageBody,
): Promise<{ list: ThreadList; created: boolean; notified: boolean }> {
  const actor = caseWorker(ctx);
  const access = await accessCase(tx, ctx, caseId, { action: 'update', resource: 'messages.write' });
  const subject = { caseId, orderId: null, personId: access.personId };
  // Only someone who may see the case in the e-service (the one rule: citizen-access.ts).
  if (!(await citizensWhoMaySeeCase(tx, caseId, [body.citizenPersonId])).has(body.citizenPersonId)) {
    throw conflict('Mottagaren kan inte se ärendet i e-tjänsten (till exempel har fullmakten gått ut eller barnet fyllt 18). Kontakta personen på annat sätt.',
      'recipient-cannot-see');
  }
  const text = cleanBody(body.body);
  if (!text) throw badRequest('Skriv ett meddelande innan du skickar.', [{ path: 'body/body', message: 'Skriv ett meddelande.' }]);
  const thread = await ensureThread(tx, subject, body.citizenPersonId);
  const me = await tx.one<{ title: string }>('SELECT title FROM staff_users WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, actor.userId]);
  const { message, created } = await appendMessage(tx, thread, {
    authorKind: 'staff', authorStaffId: actor.userId, authorName: actor.name, authorRole: me?.title ?? '', body: text, idempotencyKey: body.idempotencyKey,
  });
  const notified = created ? await queueNotice(tx, thread, message.id) : false;
  return { list: await list(tx, ctx, caseId, access.personId), created, notified };
}

export async function markCaseRead(tx: TenantTx, ctx: RequestContext, caseId: string): Promise<ThreadList> {
  const access = await accessCase(tx, ctx, caseId, { action: 'update', resource: 'messages.read' });
  const threads = await threadsOf(tx, { caseId, orderId: null });
  await markRead(tx, threads.map((t) => t.id), 'staff');
  return list(tx, ctx, caseId, access.personId);
}

/**
 * Journalför: a draft journal entry in the case with the message as sent. The draft is the
 * handläggare's own, to read and sign in the journal; a message is journaled once.
 */
export async function journalMessage(tx: TenantTx, ctx: RequestContext, caseId: string, messageId: string): Promise<JournalMessageResult> {
  const actor = caseWorker(ctx);
  await accessCase(tx, ctx, caseId, { action: 'update', resource: 'messages.journal' });
  const m = tx.municipalityId;
  const row = await tx.one<MessageRow & { citizen_person_id: string; person_id: string }>(
    `SELECT ${MESSAGE_COLS}, t.citizen_person_id, t.person_id FROM messages m
     JOIN message_threads t ON t.municipality_id = m.municipality_id AND t.id = m.thread_id
     WHERE m.municipality_id = $1 AND m.id = $2 AND t.case_id = $3 AND t.order_id IS NULL
     FOR UPDATE OF t`, [m, messageId, caseId]);
  if (!row) throw notFound('Meddelandet');
  const existing = (await journalLinks(tx, [messageId], 'case')).get(messageId);
  if (existing) return { messageId, entryId: existing.entry_id, created: false, link: linkView(existing, actor.userId) };

  const names = await personNames(tx, [row.citizen_person_id, row.person_id]);
  const unit = await tx.one<{ name: string }>(
    'SELECT u.name FROM cases c JOIN org_units u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id WHERE c.municipality_id = $1 AND c.id = $2', [m, caseId]);
  const relation: CitizenRelation = (await citizensWhoMaySeeCase(tx, caseId, [row.citizen_person_id])).get(row.citizen_person_id)
    ?? (['self', 'vardnadshavare', 'ombud'].includes(row.author_role) ? row.author_role as CitizenRelation : row.citizen_person_id === row.person_id ? 'self' : 'ombud');
  const text = journalText(row, {
    when: swedishDateTime(row.created_at), citizenName: fullName(names.get(row.citizen_person_id)), citizenRelation: relation,
    subjectName: fullName(names.get(row.person_id)), staffSide: `handläggare, ${unit?.name ?? 'enheten'}`,
  });
  const entry = await createEntry(tx, ctx, actor, caseId, {
    kind: 'anteckning', title: text.title.slice(0, 200), body: text.body, occurredOn: dateInSweden(row.created_at),
  });
  await tx.query(
    'INSERT INTO message_journal_links (municipality_id, message_id, journal_entry_id, created_by) VALUES ($1, $2, $3, $4)',
    [m, messageId, entry.id, actor.userId]);
  return { messageId, entryId: entry.id, created: true, link: { entryId: entry.id, signed: false, byName: actor.name, mine: true } };
}

/** Unread messages from citizens in my unit's cases, per case (for the overview and the case list). */
export async function unitUnread(tx: TenantTx, ctx: RequestContext): Promise<UnreadByCase> {
  const actor = caseWorker(ctx);
  const rows = await tx.query<{ case_id: string; case_number: string; title: string; person_id: string; first_name: string; last_name: string; unread: number; last_at: Date }>(
    `SELECT c.id AS case_id, c.case_number, c.title, p.id AS person_id, p.first_name, p.last_name,
            count(*)::int AS unread, max(m.created_at) AS last_at
     FROM message_threads t
     JOIN messages m ON m.municipality_id = t.municipality_id AND m.thread_id = t.id
     JOIN cases c ON c.municipality_id = t.municipality_id AND c.id = t.case_id
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     WHERE t.municipality_id = $1 AND t.order_id IS NULL AND c.unit_id = $2
       AND m.author_kind = 'citizen' AND m.created_at > COALESCE(t.staff_read_until, '-infinity')
     GROUP BY c.id, c.case_number, c.title, p.id, p.first_name, p.last_name
     ORDER BY max(m.created_at) DESC LIMIT 200`, [tx.municipalityId, actor.unitId]);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'messages.unread');
  return {
    items: rows.map((r) => ({
      caseId: r.case_id, caseNumber: r.case_number, caseTitle: r.title, personName: `${r.first_name} ${r.last_name}`, unread: r.unread,
      lastMessageAt: r.last_at.toISOString(),
    })),
    total: rows.reduce((s, r) => s + r.unread, 0),
  };
}
