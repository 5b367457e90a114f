// Verkställighet, the myndighet side: the beställning from a granted decision in one step, the
// order's life as the handläggare sees it, the myndighet's steps and the messages with the
// provider. The order machine is src/domain/verkstallighet.ts; nothing here re-declares it.
import { randomUUID } from 'node:crypto';
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker } from '../../access/actor.ts';
import type { CaseAccess } from '../../access/case-access.ts';
import { badRequest, conflict, notFound } from '../../http/problems.ts';
import { ORDER_ACTIVE, checkOrderStep, orderStepsFor, type OrderStatus, type OrderStep } from '../../../domain/verkstallighet.ts';
import { dateInSweden, isValidIsoDate } from '../../../domain/deadlines.ts';
import { formatDateSv } from '../../../domain/format.ts';
import { insatsByKey } from '../../../domain/insatser.ts';
import type { CaseOrders, NewOrderBody, OrderMessageView, OrderStepBody, ProviderOption, StaffOrderView } from '../../../shared/orders-api.ts';
import { INFO_TO_PROVIDER_MAX } from '../../../shared/orders-api.ts';

function fieldError(path: string, message: string): never {
  throw badRequest(message, [{ path: `body/${path}`, message }]);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ---- providers --------------------------------------------------------------------------------

export async function listProviders(tx: TenantTx, insats?: string): Promise<ProviderOption[]> {
  const rows = await tx.query<{ id: string; name: string; kind: 'kommunal' | 'privat'; lov: boolean; insatser: string[]; areas: string[] }>(
    `SELECT id, name, kind, lov, insatser, areas FROM providers
     WHERE municipality_id = $1 AND active AND ($2::text IS NULL OR $2 = ANY(insatser))
     ORDER BY kind, name`, [tx.municipalityId, insats ?? null]);
  return rows;
}

// ---- the beställning ---------------------------------------------------------------------------

interface DecisionForOrder {
  id: string; status: string; outcome: string; insats: string; insats_key: string | null; scope: string | null; legal_basis: string;
  valid_from: string | null; valid_to: string | null; decided_on: string | null;
}

const PERSONNUMMER_LIKE = /\b(\d{2})?\d{6}[-+]?\d{4}\b/;

/**
 * One step from a signed, granted decision to a beställning: insats, scope and legal basis come
 * from the decision; the provider must deliver the insats; valfrihet only with a LOV provider.
 */
export async function createOrder(tx: TenantTx, actor: CaseWorker, access: CaseAccess, body: NewOrderBody): Promise<string> {
  const m = tx.municipalityId;
  const today = dateInSweden();
  // Lock the decision row: two clicks cannot make two active orders for one decision.
  const d = await tx.one<DecisionForOrder>(
    `SELECT id, status, outcome, insats, insats_key, scope, legal_basis, valid_from, valid_to, decided_on
     FROM decisions WHERE municipality_id = $1 AND case_id = $2 AND id = $3 FOR UPDATE`, [m, access.caseId, body.decisionId]);
  if (!d) throw notFound('Beslutet');
  if (d.status !== 'fattat') throw conflict('Beslutet är inte fattat (signerat) än. En beställning görs från ett fattat beslut.', 'decision-not-taken');
  if (d.outcome === 'avslag') throw conflict('Beslutet är ett avslag. Bara ett beviljat beslut (bifall eller delvis bifall) kan verkställas.', 'decision-not-granted');
  if (d.valid_to && d.valid_to < today) throw conflict(`Beslutet gällde till ${formatDateSv(d.valid_to)} och kan inte längre verkställas.`, 'decision-ended');
  const insats = d.insats_key ? insatsByKey(d.insats_key) : undefined;
  if (!insats) throw conflict('Beslutet saknar en insats ur katalogen och kan inte beställas hos en utförare.', 'no-insats');
  if (insats.hasAmount) throw conflict('Ekonomiskt bistånd verkställs genom utbetalning, inte genom en beställning hos en utförare.', 'not-orderable');
  // One provider at a time: an active order blocks a new one unless it ends before the new start
  // (a change of provider under LOV: the old provider serves until the day before).
  const active = await tx.one<{ order_number: string }>(
    `SELECT order_number FROM orders WHERE municipality_id = $1 AND decision_id = $2 AND status = ANY($3::text[])
       AND (end_on IS NULL OR end_on >= $4)`, [m, d.id, ORDER_ACTIVE, body.startOn]);
  if (active) throw conflict(`Beslutet har redan en aktiv beställning (${active.order_number}). Avsluta den först om utföraren ska bytas.`, 'order-exists');

  const provider = await tx.one<{ id: string; name: string; lov: boolean; active: boolean; insatser: string[] }>(
    'SELECT id, name, lov, active, insatser FROM providers WHERE municipality_id = $1 AND id = $2', [m, body.providerId]);
  if (!provider) throw notFound('Utföraren');
  if (!provider.active || !provider.insatser.includes(insats.key)) {
    throw conflict(`${provider.name} utför inte insatsen ${insats.labelSv.toLowerCase()}. Välj en utförare som gör det.`, 'provider-does-not-deliver');
  }
  if (body.chosenBy === 'enskild' && !provider.lov) {
    throw conflict(`${provider.name} ingår inte i valfrihetssystemet (LOV). Den enskildes eget val av utförare registreras bara för LOV-utförare.`, 'not-lov');
  }
  if (!isValidIsoDate(body.startOn)) fieldError('startOn', 'Ogiltigt datum.');
  if (d.valid_from && body.startOn < d.valid_from) fieldError('startOn', `Startdatumet ligger före beslutets giltighet (från ${formatDateSv(d.valid_from)}).`);
  if (d.valid_to && body.startOn > d.valid_to) fieldError('startOn', `Startdatumet ligger efter beslutets slut (${formatDateSv(d.valid_to)}).`);
  const info = body.infoToProvider.trim();
  if (info.length > INFO_TO_PROVIDER_MAX) fieldError('infoToProvider', `Skriv högst ${INFO_TO_PROVIDER_MAX} tecken.`);
  // Only what the provider needs: the person is in the order already, so never an id number here.
  if (PERSONNUMMER_LIKE.test(info)) fieldError('infoToProvider', 'Skriv inte personnummer i informationen till utföraren; utföraren ser vem beställningen gäller.');

  // Order numbers per municipality and year (B-2026-0001), taken under a transaction lock.
  const year = today.slice(0, 4);
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lots:order_number:${m}:${year}`]);
  const next = await tx.one<{ n: number }>(
    `SELECT coalesce(max(substring(order_number FROM 8)::int), 0) + 1 AS n FROM orders
     WHERE municipality_id = $1 AND order_number ~ ('^B-' || $2 || '-[0-9]+$')`, [m, year]);
  const orderNumber = `B-${year}-${String(next!.n).padStart(4, '0')}`;
  const id = randomUUID();
  await tx.query(
    `INSERT INTO orders (municipality_id, id, order_number, decision_id, case_id, person_id, provider_id, insats, scope, start_on, end_on,
       status, info_to_provider, insats_key, scope_amount, scope_unit, chosen_by, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'skickad', $12, $13, $14, $15, $16, $17)`,
    [m, id, orderNumber, d.id, access.caseId, access.personId, provider.id, d.insats, d.scope ?? '', body.startOn, d.valid_to, info,
      insats.key, body.scopeAmount ?? null, insats.scopeHint, body.chosenBy, actor.userId]);
  await addEvent(tx, id, 'skickad', today, `Beställning skickad till ${provider.name}${body.chosenBy === 'enskild' ? ' (den enskildes val)' : ''}.`, actor.userId);
  // The beställning is the case's step into verkställighet (the process step 'verkstall': decision signed and granted).
  await tx.query(`UPDATE cases SET status = CASE WHEN status = 'beslut' THEN 'verkstallighet' ELSE status END, version = version + 1
     WHERE municipality_id = $1 AND id = $2`, [m, access.caseId]);
  return id;
}

async function addEvent(tx: TenantTx, orderId: string, kind: string, onDate: string, note: string | null, actorId: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO order_events (municipality_id, id, order_id, kind, on_date, note, actor_id) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6)`,
    [tx.municipalityId, orderId, kind, onDate, note, actorId]);
}

// ---- the case's orders, as the handläggare sees them -------------------------------------------

interface OrderRow {
  id: string; order_number: string; decision_id: string; insats_key: string | null; insats: string; scope: string; scope_amount: string | null;
  scope_unit: string | null; provider_id: string; provider_name: string; provider_kind: 'kommunal' | 'privat'; provider_lov: boolean;
  chosen_by: 'enskild' | 'kommun'; status: OrderStatus; start_on: string; end_on: string | null; sent_at: Date; info_to_provider: string;
  planned_start_on: string | null; started_on: string | null; interrupted_on: string | null; interruption_reason: string | null;
  returned_reason: string | null; end_reason: string | null; version: number;
}

const ORDER_SELECT = `SELECT o.id, o.order_number, o.decision_id, o.insats_key, o.insats, o.scope, o.scope_amount, o.scope_unit,
    o.provider_id, pr.name AS provider_name, pr.kind AS provider_kind, pr.lov AS provider_lov, o.chosen_by, o.status, o.start_on, o.end_on,
    o.sent_at, o.info_to_provider, o.planned_start_on, o.started_on, o.interrupted_on, o.interruption_reason, o.returned_reason, o.end_reason, o.version
  FROM orders o JOIN providers pr ON pr.municipality_id = o.municipality_id AND pr.id = o.provider_id`;

async function messagesOf(tx: TenantTx, orderIds: string[], markRead: boolean): Promise<Map<string, OrderMessageView[]>> {
  const m = tx.municipalityId;
  if (markRead && orderIds.length) {
    await tx.query(`UPDATE order_messages SET read_at = now() WHERE municipality_id = $1 AND order_id = ANY($2::uuid[]) AND side = 'utforare' AND read_at IS NULL`, [m, orderIds]);
  }
  const rows = await tx.query<{ id: string; order_id: string; side: 'myndighet' | 'utforare'; author: string; body: string; created_at: Date; read_at: Date | null }>(
    `SELECT om.id, om.order_id, om.side, su.name AS author, om.body, om.created_at, om.read_at FROM order_messages om
     JOIN staff_users su ON su.municipality_id = om.municipality_id AND su.id = om.author_id
     WHERE om.municipality_id = $1 AND om.order_id = ANY($2::uuid[]) ORDER BY om.created_at, om.id`, [m, orderIds]);
  const out = new Map<string, OrderMessageView[]>();
  for (const r of rows) {
    const list = out.get(r.order_id) ?? [];
    list.push({ id: r.id, side: r.side, author: r.author, body: r.body, createdAt: r.created_at.toISOString(), readAt: iso(r.read_at) });
    out.set(r.order_id, list);
  }
  return out;
}

function group<T extends { order_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.order_id);
    if (list) list.push(r);
    else out.set(r.order_id, [r]);
  }
  return out;
}

async function orderViews(tx: TenantTx, rows: OrderRow[]): Promise<StaffOrderView[]> {
  const m = tx.municipalityId;
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const events = group(await tx.query<{ id: string; order_id: string; kind: string; on_date: string; note: string | null; actor: string | null; created_at: Date }>(
    `SELECT e.id, e.order_id, e.kind, e.on_date, e.note, su.name AS actor, e.created_at FROM order_events e
     LEFT JOIN staff_users su ON su.municipality_id = e.municipality_id AND su.id = e.actor_id
     WHERE e.municipality_id = $1 AND e.order_id = ANY($2::uuid[]) ORDER BY e.created_at, e.id`, [m, ids]));
  // The handläggare reads the latest signed genomförandeplan (a draft is the provider's work in progress).
  const plans = group(await tx.query<{ id: string; order_id: string; version: number; status: 'utkast' | 'signerad'; goals: unknown; parts: unknown; participation: string;
    follow_up_on: string | null; signed_at: Date | null; signed_by: string | null }>(
    `SELECT DISTINCT ON (ip.order_id) ip.id, ip.order_id, ip.version, ip.status, ip.goals, ip.parts, ip.participation, ip.follow_up_on, ip.signed_at, su.name AS signed_by
     FROM implementation_plans ip LEFT JOIN staff_users su ON su.municipality_id = ip.municipality_id AND su.id = ip.signed_by
     WHERE ip.municipality_id = $1 AND ip.order_id = ANY($2::uuid[]) AND ip.status = 'signerad'
     ORDER BY ip.order_id, ip.version DESC`, [m, ids]));
  // Utförd tid: visits checked in and out, per calendar month in Sweden.
  const performed = group(await tx.query<{ order_id: string; month: string; visits: number; minutes: number }>(
    `SELECT order_id, to_char(checked_in_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month, count(*)::int AS visits,
       coalesce(round(sum(extract(epoch FROM (checked_out_at - checked_in_at)) / 60)), 0)::int AS minutes
     FROM visits WHERE municipality_id = $1 AND order_id = ANY($2::uuid[]) AND status = 'utford' AND checked_in_at IS NOT NULL AND checked_out_at IS NOT NULL
     GROUP BY order_id, month ORDER BY month DESC`, [m, ids]));
  // Uppföljning reads what the provider documented: its signed journal entries, never drafts.
  const journal = group(await tx.query<{ id: string; order_id: string; occurred_on: string; title: string; body: string; author: string; signed_at: Date; corrects_id: string | null }>(
    `SELECT j.id, j.order_id, j.occurred_on, j.title, j.body, su.name AS author, j.signed_at, j.corrects_id FROM provider_journal_entries j
     JOIN staff_users su ON su.municipality_id = j.municipality_id AND su.id = j.author_id
     WHERE j.municipality_id = $1 AND j.order_id = ANY($2::uuid[]) AND j.signed_at IS NOT NULL ORDER BY j.occurred_on DESC, j.created_at DESC`, [m, ids]));
  const messages = await messagesOf(tx, ids, false);
  return rows.map((r) => {
    const plan = plans.get(r.id)?.[0];
    const msgs = messages.get(r.id) ?? [];
    return {
      id: r.id, orderNumber: r.order_number, decisionId: r.decision_id, insatsKey: r.insats_key, insats: r.insats, scope: r.scope,
      scopeAmount: r.scope_amount === null ? null : Number(r.scope_amount), scopeUnit: r.scope_unit,
      provider: { id: r.provider_id, name: r.provider_name, kind: r.provider_kind, lov: r.provider_lov },
      chosenBy: r.chosen_by, status: r.status, startOn: r.start_on, endOn: r.end_on, sentAt: r.sent_at.toISOString(), infoToProvider: r.info_to_provider,
      plannedStartOn: r.planned_start_on, startedOn: r.started_on, interruptedOn: r.interrupted_on, interruptionReason: r.interruption_reason,
      returnedReason: r.returned_reason, endReason: r.end_reason, version: r.version,
      events: (events.get(r.id) ?? []).map((e) => ({ id: e.id, kind: e.kind as StaffOrderView['events'][number]['kind'], onDate: e.on_date, note: e.note, actor: e.actor, createdAt: e.created_at.toISOString() })),
      steps: orderStepsFor(r.status, 'myndighet').map((t) => ({ step: t.step, label: t.labelSv, needs: [...t.needs] })),
      plan: plan ? {
        id: plan.id, version: plan.version, status: plan.status, goals: (plan.goals ?? []) as NonNullable<StaffOrderView['plan']>['goals'],
        parts: (plan.parts ?? []) as NonNullable<StaffOrderView['plan']>['parts'], participation: plan.participation, followUpOn: plan.follow_up_on,
        signedAt: iso(plan.signed_at), signedBy: plan.signed_by,
      } : null,
      performed: (performed.get(r.id) ?? []).map((p) => ({ month: p.month, visits: p.visits, minutes: p.minutes })),
      journal: (journal.get(r.id) ?? []).map((j) => ({ id: j.id, occurredOn: j.occurred_on, title: j.title, body: j.body, author: j.author, signedAt: j.signed_at.toISOString(), corrects: j.corrects_id })),
      messages: msgs,
      unreadFromProvider: msgs.filter((x) => x.side === 'utforare' && !x.readAt).length,
    };
  });
}

export async function loadCaseOrders(tx: TenantTx, access: CaseAccess): Promise<CaseOrders> {
  const m = tx.municipalityId;
  const today = dateInSweden();
  const rows = await tx.query<OrderRow>(`${ORDER_SELECT} WHERE o.municipality_id = $1 AND o.case_id = $2 ORDER BY o.sent_at DESC, o.order_number DESC`, [m, access.caseId]);
  const decisions = await tx.query<DecisionForOrder>(
    `SELECT id, status, outcome, insats, insats_key, scope, legal_basis, valid_from, valid_to, decided_on FROM decisions
     WHERE municipality_id = $1 AND case_id = $2 AND status = 'fattat' AND outcome <> 'avslag' ORDER BY decided_on, created_at`, [m, access.caseId]);
  return {
    orders: await orderViews(tx, rows),
    decisions: decisions.map((d) => {
      const mine = rows.filter((o) => o.decision_id === d.id);
      const active = mine.find((o) => (ORDER_ACTIVE as readonly string[]).includes(o.status));
      const started = mine.map((o) => o.started_on).filter((x): x is string => Boolean(x)).sort();
      const insats = d.insats_key ? insatsByKey(d.insats_key) : undefined;
      return {
        decisionId: d.id, insatsKey: d.insats_key, insats: d.insats, scope: d.scope, validFrom: d.valid_from, validTo: d.valid_to, decidedOn: d.decided_on,
        verkstalldOn: started[0] ?? null, activeOrderId: active?.id ?? null, scopeUnit: insats?.scopeHint ?? null,
        canOrder: !active && Boolean(insats) && !insats?.hasAmount && !(d.valid_to && d.valid_to < today),
      };
    }),
  };
}

/** The order's case, for the gate: every order route passes accessCase on it first. */
export async function caseOfOrder(tx: TenantTx, orderId: string): Promise<string> {
  const row = await tx.one<{ case_id: string }>('SELECT case_id FROM orders WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, orderId]);
  if (!row) throw notFound('Beställningen');
  return row.case_id;
}

export async function loadOrder(tx: TenantTx, orderId: string): Promise<StaffOrderView> {
  const rows = await tx.query<OrderRow>(`${ORDER_SELECT} WHERE o.municipality_id = $1 AND o.id = $2`, [tx.municipalityId, orderId]);
  if (!rows.length) throw notFound('Beställningen');
  return (await orderViews(tx, rows))[0]!;
}

/** The myndighet's steps on an order: avbryt, återuppta, avsluta (checkOrderStep decides). */
export async function takeOrderStep(tx: TenantTx, actor: CaseWorker, orderId: string, step: OrderStep, body: OrderStepBody): Promise<void> {
  const m = tx.municipalityId;
  const today = dateInSweden();
  const o = await tx.one<{ status: OrderStatus; started_on: string | null; start_on: string; interrupted_on: string | null }>(
    'SELECT status, started_on, start_on, interrupted_on FROM orders WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [m, orderId]);
  if (!o) throw notFound('Beställningen');
  const r = checkOrderStep(o.status, step, 'myndighet', { date: body.date ?? null, reason: body.reason ?? null });
  if (!r.ok) {
    if (r.reason === 'Ange datum.') fieldError('date', r.reason);
    if (r.reason === 'Ange skäl.') fieldError('reason', r.reason);
    throw conflict(r.reason, 'order-step-refused');
  }
  const date = body.date!;
  const reason = body.reason?.trim() || null;
  if (step === 'avbryt' || step === 'ateruppta') {
    if (date > today) fieldError('date', 'Datumet kan inte ligga i framtiden; rapportera när det har hänt.');
    const from = step === 'avbryt' ? o.started_on : o.interrupted_on;
    if (from && date < from) fieldError('date', `Datumet kan inte ligga före ${formatDateSv(from)}.`);
  }
  if (step === 'avbryt') {
    await tx.query(`UPDATE orders SET status = 'avbruten', interrupted_on = $3, interruption_reason = $4, version = version + 1 WHERE municipality_id = $1 AND id = $2`, [m, orderId, date, reason]);
    await addEvent(tx, orderId, 'avbruten', date, reason, actor.userId);
  } else if (step === 'ateruppta') {
    await tx.query(`UPDATE orders SET status = 'pagaende', interrupted_on = NULL, interruption_reason = NULL, version = version + 1 WHERE municipality_id = $1 AND id = $2`, [m, orderId]);
    await addEvent(tx, orderId, 'aterupptagen', date, reason, actor.userId);
  } else if (step === 'avsluta') {
    await endOrder(tx, orderId, date, reason ?? '', actor.userId);
  }
}

/**
 * Ends an active order on a later day: the provider keeps it until then and sees the end date
 * (an 'andrad' event); the daily sweep closes it when the day has passed (closeOrdersPastEnd).
 */
export async function setOrderEnd(tx: TenantTx, orderId: string, endOn: string, reason: string, actorId: string | null): Promise<void> {
  await tx.query('UPDATE orders SET end_on = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, orderId, endOn]);
  await addEvent(tx, orderId, 'andrad', dateInSweden(), `${reason} Beställningen upphör ${formatDateSv(endOn)}.`, actorId);
}

/** Active orders whose last day has passed are ended (run by the sweep, once a day is enough). */
export async function closeOrdersPastEnd(tx: TenantTx, today: string): Promise<number> {
  const due = await tx.query<{ id: string; end_on: string }>(
    `SELECT id, end_on FROM orders WHERE municipality_id = $1 AND status = ANY($2::text[]) AND end_on < $3 FOR UPDATE`,
    [tx.municipalityId, ORDER_ACTIVE, today]);
  for (const o of due) await endOrder(tx, o.id, o.end_on, 'Beställningens sista dag har passerat.', null);
  return due.length;
}

async function endOrder(tx: TenantTx, orderId: string, endOn: string, reason: string, actorId: string | null): Promise<void> {
  await tx.query(`UPDATE orders SET status = 'avslutad', ended_at = now(), end_on = $3, end_reason = $4, version = version + 1 WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, orderId, endOn, reason]);
  await addEvent(tx, orderId, 'avslutad', endOn, reason, actorId);
}

/**
 * A decision's validity ended (endInsats): its active orders follow. Ending today or earlier ends
 * the orders; a later end day is recorded on the orders as a change, so the provider knows.
 */
export async function endOrdersOfDecision(tx: TenantTx, decisionId: string, endOn: string, reason: string, actorId: string | null): Promise<void> {
  const m = tx.municipalityId;
  const active = await tx.query<{ id: string }>('SELECT id FROM orders WHERE municipality_id = $1 AND decision_id = $2 AND status = ANY($3::text[]) FOR UPDATE',
    [m, decisionId, ORDER_ACTIVE]);
  for (const o of active) {
    if (endOn <= dateInSweden()) {
      await endOrder(tx, o.id, endOn, reason, actorId);
    } else {
      await setOrderEnd(tx, o.id, endOn, reason, actorId);
    }
  }
}

// ---- messages -------------------------------------------------------------------------------

export async function listMessages(tx: TenantTx, orderId: string): Promise<OrderMessageView[]> {
  return (await messagesOf(tx, [orderId], true)).get(orderId) ?? [];
}

export async function postMessage(tx: TenantTx, actor: CaseWorker, orderId: string, body: string): Promise<void> {
  const text = body.trim();
  if (!text) fieldError('body', 'Skriv ett meddelande.');
  const o = await tx.one<{ status: OrderStatus }>('SELECT status FROM orders WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, orderId]);
  if (!o) throw notFound('Beställningen');
  if (!(ORDER_ACTIVE as readonly string[]).includes(o.status)) throw conflict('Beställningen är inte aktiv; meddelanden skickas inom en aktiv beställning.', 'order-not-active');
  await tx.query(`INSERT INTO order_messages (municipality_id, id, order_id, side, author_id, body) VALUES ($1, gen_random_uuid(), $2, 'myndighet', $3, $4)`,
    [tx.municipalityId, orderId, actor.userId, text]);
}
