// Meddelanden for the provider (utförare): the order's conversations with the citizen, within the
// provider's one way into an order (openOrder: the order is the provider's own and active, else
// 404, audited). The provider answers whoever wrote, and may start a conversation only with the
// person themself: it is not told who else acts for them. "Journalför" makes an unsigned entry in
// the provider's own journal (14 kap. 3 § SoL, for private providers via 17 kap. 1 §).
import { citizensWhoMaySeeCase } from '../../access/citizen-access.ts';
import type { TenantTx } from '../../db/database.ts';
import type { RequestContext } from '../../access/actor.ts';
import { recordListReads } from '../../access/gate.ts';
import { badRequest, conflict, notFound } from '../../http/problems.ts';
import { ORDER_ACTIVE } from '../../../domain/verkstallighet.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import type { CitizenRelation } from '../../../shared/citizen-api.ts';
import type { JournalMessageResult, StaffNewMessageBody, ThreadList, UnreadByOrder } from '../../../shared/messages-api.ts';
import { openOrder, providerActor, type OrderAccess } from '../provider/access.ts';
import { writeJournal } from '../provider/records.ts';
import {
  MESSAGE_COLS, appendMessage, cleanBody, ensureThread, findThread, fullName, markRead, personNames, queueNotice,
  swedishDateTime, type MessageRow,
} from './threads.ts';
import { buildThreadList, journalLinks, journalText, linkView, threadsOf } from './staff-side.ts';

const subjectOf = (o: OrderAccess) => ({ caseId: o.case_id, orderId: o.id, personId: o.person_id });

async function list(tx: TenantTx, ctx: RequestContext, order: OrderAccess): Promise<ThreadList> {
  return buildThreadList(tx, providerActor(ctx).userId, subjectOf(order), { journal: 'provider', startWith: [order.person_id] });
}

export async function orderMessages(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<ThreadList> {
  const order = await openOrder(tx, ctx, orderId, { resource: 'provider.citizen_messages' });
  return list(tx, ctx, order);
}

export async function writeToCitizen(
  tx: TenantTx, ctx: RequestContext, orderId: string, body: StaffNewMessageBody,
): Promise<{ list: ThreadList; created: boolean; notified: boolean }> {
  const actor = providerActor(ctx);
  const order = await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.citizen_messages.write' });
  const subject = subjectOf(order);
  // The person themself, or whoever already wrote about the order: no one else is known to the provider.
  const known = body.citizenPersonId === order.person_id || Boolean(await findThread(tx, subject, body.citizenPersonId));
  if (!known || !(await citizensWhoMaySeeCase(tx, subject.caseId, [body.citizenPersonId])).has(body.citizenPersonId)) {
    throw conflict('Mottagaren kan inte läsa meddelanden om den här insatsen i e-tjänsten. Kontakta personen på annat sätt.', 'recipient-cannot-see');
  }
  const text = cleanBody(body.body);
  if (!text) throw badRequest('Skriv ett meddelande innan du skickar.', [{ path: 'body/body', message: 'Skriv ett meddelande.' }]);
  const provider = await tx.one<{ name: string }>('SELECT name FROM providers WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, actor.providerId]);
  const thread = await ensureThread(tx, subject, body.citizenPersonId);
  const { message, created } = await appendMessage(tx, thread, {
    authorKind: 'provider_staff', authorStaffId: actor.userId, authorName: actor.name, authorRole: provider?.name ?? '', body: text,
    idempotencyKey: body.idempotencyKey,
  });
  const notified = created ? await queueNotice(tx, thread, message.id) : false;
  return { list: await list(tx, ctx, order), created, notified };
}

export async function markOrderRead(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<ThreadList> {
  const order = await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.citizen_messages.read' });
  const threads = await threadsOf(tx, subjectOf(order));
  await markRead(tx, threads.map((t) => t.id), 'staff');
  return list(tx, ctx, order);
}

/** Journalför: an unsigned entry in the provider's journal with the message as sent; once per message. */
export async function journalMessage(tx: TenantTx, ctx: RequestContext, orderId: string, messageId: string): Promise<JournalMessageResult> {
  const actor = providerActor(ctx);
  const order = await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.citizen_messages.journal' });
  const m = tx.municipalityId;
  const row = await tx.one<MessageRow & { citizen_person_id: string; person_id: string }>(
    `SELECT ${MESSAGE_COLS}, t.citizen_person_id, t.person_id FROM messages m
     JOIN message_threads t ON t.municipality_id = m.municipality_id AND t.id = m.thread_id
     WHERE m.municipality_id = $1 AND m.id = $2 AND t.order_id = $3
     FOR UPDATE OF t`, [m, messageId, orderId]);
  if (!row) throw notFound('Meddelandet');
  const existing = (await journalLinks(tx, [messageId], 'provider')).get(messageId);
  if (existing) return { messageId, entryId: existing.entry_id, created: false, link: linkView(existing, actor.userId) };

  const names = await personNames(tx, [row.citizen_person_id, row.person_id]);
  const provider = await tx.one<{ name: string }>('SELECT name FROM providers WHERE municipality_id = $1 AND id = $2', [m, actor.providerId]);
  const relation: CitizenRelation = (await citizensWhoMaySeeCase(tx, subjectOf(order).caseId, [row.citizen_person_id])).get(row.citizen_person_id)
    ?? (row.citizen_person_id === row.person_id ? 'self' : 'ombud');
  const text = journalText(row, {
    when: swedishDateTime(row.created_at), citizenName: fullName(names.get(row.citizen_person_id)), citizenRelation: relation,
    subjectName: fullName(names.get(row.person_id)), staffSide: provider?.name ?? 'utföraren',
  });
  const entry = await writeJournal(tx, ctx, orderId, { occurredOn: dateInSweden(row.created_at), title: text.title.slice(0, 200), body: text.body });
  await tx.query(
    'INSERT INTO message_journal_links (municipality_id, message_id, provider_journal_entry_id, created_by) VALUES ($1, $2, $3, $4)',
    [m, messageId, entry.id, actor.userId]);
  return { messageId, entryId: entry.id, created: true, link: { entryId: entry.id, signed: false, byName: actor.name, mine: true } };
}

/** Unread messages from citizens on my provider's active orders, per order. */
export async function providerUnread(tx: TenantTx, ctx: RequestContext): Promise<UnreadByOrder> {
  const actor = providerActor(ctx);
  const rows = await tx.query<{ order_id: string; order_number: string; person_id: string; first_name: string; last_name: string; unread: number; last_at: Date }>(
    `SELECT o.id AS order_id, o.order_number, p.id AS person_id, p.first_name, p.last_name, count(*)::int AS unread, max(m.created_at) AS last_at
     FROM message_threads t
     JOIN messages m ON m.municipality_id = t.municipality_id AND m.thread_id = t.id
     JOIN orders o ON o.municipality_id = t.municipality_id AND o.id = t.order_id
     JOIN persons p ON p.municipality_id = o.municipality_id AND p.id = o.person_id
     WHERE t.municipality_id = $1 AND o.provider_id = $2 AND o.status = ANY($3::text[])
       AND m.author_kind = 'citizen' AND m.created_at > COALESCE(t.staff_read_until, '-infinity')
     GROUP BY o.id, o.order_number, p.id, p.first_name, p.last_name
     ORDER BY max(m.created_at) DESC LIMIT 200`, [tx.municipalityId, actor.providerId, ORDER_ACTIVE]);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'provider.citizen_messages.unread');
  return {
    items: rows.map((r) => ({
      orderId: r.order_id, orderNumber: r.order_number, personName: `${r.first_name} ${r.last_name}`, unread: r.unread, lastMessageAt: r.last_at.toISOString(),
    })),
    total: rows.reduce((s, r) => s + r.unread, 0),
  };
}
