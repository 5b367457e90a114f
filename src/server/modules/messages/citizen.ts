// Meddelanden for the citizen: conversations about the cases they may see (their own, a child's in
// custody, a fullmaktsgivare's) with the handläggare, and about those cases' orders with the
// provider. Which cases: ONLY src/server/access/citizen-access.ts decides. A conversation is the
// logged-in citizen's own: a parent does not read what the other parent wrote.
import type { TenantTx } from '../../db/database.ts';
import type { RequestContext } from '../../access/actor.ts';
import { remindCaseWorkers } from '../reminders/case-workers.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { accessCitizenCase, citizenVisibleCases, type CitizenCaseRef } from '../../access/citizen-access.ts';
import { recordListReads } from '../../access/gate.ts';
import { HttpProblem, badRequest, conflict, notFound } from '../../http/problems.ts';
import { ORDER_ACTIVE, type OrderStatus } from '../../../domain/verkstallighet.ts';
import type { CitizenRelation } from '../../../shared/citizen-api.ts';
import type {
  CitizenMessageView, CitizenMessagesOverview, CitizenThread, CitizenTopic, NewMessageBody,
} from '../../../shared/messages-api.ts';
import { REPORT_TITLE } from '../citizen/routes.ts';
import { firstNameOf } from '../shared/rows.ts';
import {
  THREAD_COLS, appendMessage, cleanBody, ensureThread, findThread, markRead, messagesOf, personNames, readByOther, unreadFor,
  type MessageRow, type ThreadRow,
} from './threads.ts';

/** How the writer is related to the person, for the handläggare's reminder. */
const RELATION_WORDS = { vardnadshavare: 'vårdnadshavare', ombud: 'ombud med fullmakt', medsokande: 'medsökande' } as const;

interface CaseInfo { id: string; title: string; case_type: string; status: string; worker_name: string | null }
interface OrderInfo { id: string; case_id: string; person_id: string; status: OrderStatus; insats: string; provider_name: string }

function me(ctx: RequestContext): string | null {
  return ctx.actor.kind === 'citizen' ? ctx.actor.personId : null;
}

const citizenTitle = (c: CaseInfo) => (c.case_type === 'barn_anmalan' ? REPORT_TITLE : c.title);

async function casesInfo(tx: TenantTx, ids: string[]): Promise<Map<string, CaseInfo>> {
  const rows = await tx.query<CaseInfo>(
    `SELECT c.id, c.title, c.case_type, c.status, s.name AS worker_name FROM cases c
     LEFT JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = c.assigned_to
     WHERE c.municipality_id = $1 AND c.id = ANY($2::uuid[])`, [tx.municipalityId, ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

async function ordersOf(tx: TenantTx, caseIds: string[], orderId?: string): Promise<OrderInfo[]> {
  return tx.query<OrderInfo>(
    `SELECT o.id, o.case_id, o.person_id, o.status, o.insats, pr.name AS provider_name FROM orders o
     JOIN providers pr ON pr.municipality_id = o.municipality_id AND pr.id = o.provider_id
     WHERE o.municipality_id = $1 AND o.case_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR o.id = $3)
     ORDER BY o.start_on DESC, o.sent_at DESC`, [tx.municipalityId, caseIds, orderId ?? null]);
}

async function myThreads(tx: TenantTx, person: string, caseIds: string[]): Promise<ThreadRow[]> {
  return tx.query<ThreadRow>(
    `SELECT ${THREAD_COLS} FROM message_threads t WHERE t.municipality_id = $1 AND t.citizen_person_id = $2 AND t.case_id = ANY($3::uuid[])`,
    [tx.municipalityId, person, caseIds]);
}

/** Counts per thread, without reading the texts. */
async function counts(tx: TenantTx, threadIds: string[]): Promise<Map<string, { total: number; unread: number }>> {
  if (threadIds.length === 0) return new Map();
  const rows = await tx.query<{ thread_id: string; total: number; unread: number }>(
    `SELECT m.thread_id, count(*)::int AS total,
       count(*) FILTER (WHERE m.author_kind <> 'citizen' AND m.created_at > COALESCE(t.citizen_read_until, '-infinity'))::int AS unread
     FROM messages m JOIN message_threads t ON t.municipality_id = m.municipality_id AND t.id = m.thread_id
     WHERE m.municipality_id = $1 AND m.thread_id = ANY($2::uuid[]) GROUP BY m.thread_id`, [tx.municipalityId, threadIds]);
  return new Map(rows.map((r) => [r.thread_id, { total: r.total, unread: r.unread }]));
}

function caseTopic(ref: CitizenCaseRef, info: CaseInfo, thread: ThreadRow | undefined, n: { total: number; unread: number } | undefined): CitizenTopic {
  return {
    kind: 'arende', caseId: ref.id, orderId: null, caseNumber: ref.caseNumber, title: citizenTitle(info),
    counterpart: firstNameOf(info.worker_name), threadId: thread?.id ?? null, messageCount: n?.total ?? 0, unread: n?.unread ?? 0,
    lastMessageAt: thread?.last_message_at?.toISOString() ?? null, canWrite: ref.status !== 'avslutad',
  };
}

function orderTopic(ref: CitizenCaseRef, o: OrderInfo, thread: ThreadRow | undefined, n: { total: number; unread: number } | undefined): CitizenTopic {
  return {
    kind: 'bestallning', caseId: ref.id, orderId: o.id, caseNumber: ref.caseNumber, title: o.insats, counterpart: o.provider_name,
    threadId: thread?.id ?? null, messageCount: n?.total ?? 0, unread: n?.unread ?? 0,
    lastMessageAt: thread?.last_message_at?.toISOString() ?? null, canWrite: ORDER_ACTIVE.includes(o.status),
  };
}

/** Every conversation I have or can start, grouped by the person it is about. */
export async function overview(tx: TenantTx, ctx: RequestContext): Promise<CitizenMessagesOverview> {
  const person = me(ctx);
  if (!person) return { persons: [], unread: 0 };
  const refs = await citizenVisibleCases(tx, ctx);
  if (refs.length === 0) return { persons: [], unread: 0 };
  recordListReads(tx, ctx, refs.map((r) => r.personId), 'citizen.messages');
  const caseIds = refs.map((r) => r.id);
  // One connection: the queries go one after the other.
  const info = await casesInfo(tx, caseIds);
  const orders = await ordersOf(tx, caseIds);
  const threads = await myThreads(tx, person, caseIds);
  const names = await personNames(tx, refs.map((r) => r.personId));
  const n = await counts(tx, threads.map((t) => t.id));
  const caseThread = new Map(threads.filter((t) => !t.order_id).map((t) => [t.case_id, t]));
  const orderThread = new Map(threads.filter((t) => t.order_id).map((t) => [t.order_id!, t]));

  const groups = new Map<string, CitizenMessagesOverview['persons'][number]>();
  for (const ref of refs) {
    const c = info.get(ref.id);
    if (!c) continue;
    const group = groups.get(ref.personId) ?? (() => {
      const p = names.get(ref.personId);
      const g = { person: { id: ref.personId, name: p ? `${p.first_name} ${p.last_name}` : '' }, relation: ref.relation as CitizenRelation, topics: [] as CitizenTopic[] };
      groups.set(ref.personId, g);
      return g;
    })();
    const t = caseThread.get(ref.id);
    const topic = caseTopic(ref, c, t, t && n.get(t.id));
    // A closed case without a conversation has nothing to show and nothing to start.
    if (topic.canWrite || topic.threadId) group.topics.push(topic);
    for (const o of orders.filter((x) => x.case_id === ref.id)) {
      const ot = orderThread.get(o.id);
      const otopic = orderTopic(ref, o, ot, ot && n.get(ot.id));
      if (otopic.canWrite || otopic.threadId) group.topics.push(otopic);
    }
  }
  // Me first, then the others by name.
  const persons = [...groups.values()].sort((a, b) => Number(a.relation !== 'self') - Number(b.relation !== 'self') || a.person.name.localeCompare(b.person.name, 'sv'));
  return { persons, unread: persons.reduce((s, g) => s + g.topics.reduce((x, t) => x + t.unread, 0), 0) };
}

/**
 * Only the number of unread messages (for the menu, polled every minute); no names, no texts.
 * First my own unread per conversation (usually none: answered at once); only then which of
 * those cases I may still see (citizen-access.ts).
 */
export async function unreadCount(tx: TenantTx, ctx: RequestContext): Promise<number> {
  const person = me(ctx);
  if (!person) return 0;
  const rows = await tx.query<{ case_id: string; n: number }>(
    `SELECT t.case_id, count(*)::int AS n FROM messages m JOIN message_threads t ON t.municipality_id = m.municipality_id AND t.id = m.thread_id
     WHERE t.municipality_id = $1 AND t.citizen_person_id = $2
       AND m.author_kind <> 'citizen' AND m.created_at > COALESCE(t.citizen_read_until, '-infinity')
     GROUP BY t.case_id`,
    [tx.municipalityId, person]);
  if (rows.length === 0) return 0;
  const visible = new Set((await citizenVisibleCases(tx, ctx)).map((r) => r.id));
  return rows.reduce((sum, r) => sum + (visible.has(r.case_id) ? r.n : 0), 0);
}

function toView(thread: ThreadRow, x: MessageRow): CitizenMessageView {
  const from = x.author_kind === 'citizen' ? 'me' : x.author_kind === 'staff' ? 'staff' : 'provider';
  return {
    id: x.id, from,
    // Staff are shown by first name, as on Mina ärenden; the provider's staff with the provider's name.
    authorName: x.author_kind === 'citizen' ? x.author_name : firstNameOf(x.author_name) ?? '',
    authorRole: x.author_role, body: x.body, createdAt: x.created_at.toISOString(),
    readByOtherSide: x.author_kind === 'citizen' ? readByOther(thread, x) : true,
  };
}

interface Resolved { ref: CitizenCaseRef; order: OrderInfo | null }

/** The case (or the order's case) through the one gate for citizens; 404 for anything else, audited. */
async function resolve(tx: TenantTx, ctx: RequestContext, target: { caseId: string } | { orderId: string }, action: 'read' | 'update'): Promise<Resolved> {
  const resource = action === 'read' ? 'citizen.messages' : 'citizen.messages.write';
  if ('caseId' in target) return { ref: await accessCitizenCase(tx, ctx, target.caseId, { action, resource }), order: null };
  const row = await tx.one<{ case_id: string }>('SELECT case_id FROM orders WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, target.orderId]);
  if (!row) throw notFound('Beställningen');
  try {
    const ref = await accessCitizenCase(tx, ctx, row.case_id, { action, resource });
    const [order] = await ordersOf(tx, [row.case_id], target.orderId);
    if (!order) throw notFound('Beställningen');
    return { ref, order };
  } catch (err) {
    // The same answer as for an order that does not exist (the refusal is already in the log).
    if (err instanceof HttpProblem && err.status === 404) throw notFound('Beställningen');
    throw err;
  }
}

async function threadView(tx: TenantTx, person: string, r: Resolved, markAsRead: boolean): Promise<CitizenThread> {
  const info = await casesInfo(tx, [r.ref.id]);
  const names = await personNames(tx, [r.ref.personId]);
  const thread = await findThread(tx, { caseId: r.ref.id, orderId: r.order?.id ?? null }, person);
  const messages = thread ? await messagesOf(tx, [thread.id]) : [];
  const before = thread ? { total: messages.length, unread: unreadFor(thread, messages, 'citizen') } : undefined;
  if (thread && markAsRead && before?.unread) {
    await markRead(tx, [thread.id], 'citizen');
    thread.citizen_read_until = thread.last_message_at;
  }
  const c = info.get(r.ref.id)!;
  const topic = r.order ? orderTopic(r.ref, r.order, thread, before) : caseTopic(r.ref, c, thread, before);
  topic.unread = 0;
  const p = names.get(r.ref.personId);
  return {
    person: { id: r.ref.personId, name: p ? `${p.first_name} ${p.last_name}` : '' },
    relation: r.ref.relation as CitizenRelation,
    topic,
    messages: thread ? messages.map((x) => toView(thread, x)) : [],
  };
}

/** Reads the conversation about a case or an order, and marks it read. */
export async function readThread(tx: TenantTx, ctx: RequestContext, target: { caseId: string } | { orderId: string }): Promise<CitizenThread> {
  const person = me(ctx);
  const r = await resolve(tx, ctx, target, 'read');
  return threadView(tx, person!, r, true);
}

/** Writes to the handläggare (a case) or the provider (an order). */
export async function write(
  tx: TenantTx, ctx: RequestContext, target: { caseId: string } | { orderId: string }, body: NewMessageBody,
): Promise<{ thread: CitizenThread; created: boolean }> {
  const person = me(ctx);
  const r = await resolve(tx, ctx, target, 'update');
  const open = r.order ? ORDER_ACTIVE.includes(r.order.status) : r.ref.status !== 'avslutad';
  if (!open) {
    throw conflict(r.order
      ? 'Insatsen har avslutats, så utföraren läser inte längre meddelanden om den. Skriv till handläggaren i ärendet i stället.'
      : 'Ärendet är avslutat. Om du vill något nytt kan du ansöka igen eller ringa kommunen.', 'messages-closed');
  }
  const text = cleanBody(body.body);
  if (!text) throw badRequest('Skriv ett meddelande innan du skickar.', [{ path: 'body/body', message: 'Skriv ett meddelande.' }]);
  const thread = await ensureThread(tx, { caseId: r.ref.id, orderId: r.order?.id ?? null, personId: r.ref.personId }, person!);
  const { created } = await appendMessage(tx, thread, {
    authorKind: 'citizen', authorPersonId: person!, authorName: ctx.actor.name, authorRole: r.ref.relation, body: text,
    idempotencyKey: body.idempotencyKey,
  });
  // A message to the handläggare shows up in their reminders (the provider reads theirs on the order).
  if (created && !r.order) {
    await remindCaseWorkers(tx, r.ref.id, {
      kind: 'citizen_message', sourceKey: `message:${thread.id}:${dateInSweden()}`,
      message: `Nytt meddelande i e-tjänsten från ${ctx.actor.name}${r.ref.relation === 'self' ? '' : ` (${RELATION_WORDS[r.ref.relation]})`}.`,
    });
  }
  return { thread: await threadView(tx, person!, r, false), created };
}

// ---- Notification settings: in settings.ts (the address is confirmed with a one-time code) ----------

export { getSettings, resendCode, saveSettings, verifyCode } from './settings.ts';
