// Mina insatser (medborgare, issue 5): for me and each person I act for, the beställningar of the
// cases I may see (citizen-access.ts decides which: custody limits, fullmakt's areas and dates),
// with the provider and how to reach it, the latest SIGNED genomförandeplan (9 kap. 12–13 §§ SoL;
// a draft is the provider's work in progress), and the visits performed in the last weeks (who by
// first name only). Never the provider's own journal (17 kap. SoL), its avvikelser, or the
// information the handläggare sent the provider. Nothing that reveals a protected person's address.
//
// Valfrihet (lag 2008:962 om valfrihetssystem, LOV): where the insats is delivered by LOV providers,
// the person (or their ombud or guardian) may ask to choose another provider, the municipality's
// own provider (ickevalsalternativ) included; the handläggare carries it out or refuses
// (src/server/modules/orders/provider-choice.ts).
//
// Kön till särskilt boende: a granted decision (11 kap. 1 § SoL) waiting for a place, with its place
// in the municipality's queue (src/domain/sabo-queue.ts) and what happens next.
import { randomUUID } from 'node:crypto';
import { remindCaseWorkers } from '../reminders/case-workers.ts';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, recordListReads } from '../../access/gate.ts';
import { accessCitizenCase, citizenVisibleCases, type CitizenCaseRef } from '../../access/citizen-access.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problems.ts';
import { firstNameOf } from '../shared/rows.ts';
import {
  ChoiceIdParams, CitizenServicesQuery, CitizenServicesResponse, ProviderChoiceBody, ProviderChoiceParams, ProviderChoiceView,
  type CitizenPlan, type CitizenProvider, type CitizenService, type CitizenServiceGroup, type CitizenVisitWeek,
  type ProviderChoiceBody as ProviderChoiceBodyT, type ProviderChoiceView as ProviderChoiceViewT, type SaboQueueItem,
} from '../../../shared/citizen-services-api.ts';
import { ORDER_ACTIVE, type OrderStatus } from '../../../domain/verkstallighet.ts';
import { addDays, dateInSweden, dayOfWeek, isValidIsoDate } from '../../../domain/deadlines.ts';
import { formatDateSv } from '../../../domain/format.ts';
import { clockSv, swedishDay } from '../../../domain/visits.ts';
import { SABO_INSATS_KEYS, saboPlace, type SaboDecisionFacts } from '../../../domain/sabo-queue.ts';
import {
  CHOICE_SELECT, activeProviders, choiceView, choicesWhere, choosableProviders, registerProviderChoiceStaffRoutes, type ChoiceRow, type ProviderRow,
} from '../orders/provider-choice.ts';

/** Performed visits shown: the last 60 days. */
export const VISIT_DAYS = 60;
/** An ended beställning is still shown this long after its last day. */
const ENDED_SHOWN_DAYS = 90;
/** Provider choice requests shown: the last year. */
const REQUESTS_SHOWN_DAYS = 365;

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } } as const;
const tags = ['medborgare'];

type Relation = 'self' | 'vardnadshavare' | 'ombud';

function fieldError(path: string, message: string): never {
  throw badRequest(message, [{ path: `body/${path}`, message }]);
}

function toProvider(p: Pick<ProviderRow, 'id' | 'name' | 'kind' | 'lov' | 'phone' | 'email' | 'areas'>, hideAreas: boolean): CitizenProvider {
  return { id: p.id, name: p.name, kind: p.kind, lov: p.lov, phone: p.phone, email: p.email, areas: hideAreas ? [] : p.areas };
}

// ---- Mina insatser ------------------------------------------------------------------------------

interface OrderRow {
  id: string; decision_id: string; case_id: string; person_id: string; insats_key: string | null; insats: string; scope: string;
  scope_amount: string | null; scope_unit: string | null; status: OrderStatus; start_on: string; end_on: string | null; started_on: string | null;
  provider_id: string; valid_to: string | null;
}
interface PlanRow {
  order_id: string; version: number; signed_at: Date | null; goals: unknown; parts: unknown; participation: string; follow_up_on: string | null;
}
interface VisitRow { order_id: string; checked_in_at: Date; checked_out_at: Date; staff_name: string | null; tasks: string }

/** ISO 8601 week of a day: the week belongs to the year of its Thursday. */
function isoWeek(day: string): { year: number; week: number; monday: string } {
  const monday = addDays(day, -((dayOfWeek(day) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, -((dayOfWeek(jan4) + 6) % 7));
  const week = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${week1Monday}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return { year, week, monday };
}

function visitWeeks(rows: VisitRow[]): CitizenVisitWeek[] {
  const weeks = new Map<string, CitizenVisitWeek>();
  for (const v of rows) {
    const date = swedishDay(v.checked_in_at);
    const w = isoWeek(date);
    const key = `${w.year}-${w.week}`;
    let week = weeks.get(key);
    if (!week) {
      week = { year: w.year, week: w.week, from: w.monday, to: addDays(w.monday, 6), visits: [], minutes: 0 };
      weeks.set(key, week);
    }
    const minutes = Math.max(0, Math.round((v.checked_out_at.getTime() - v.checked_in_at.getTime()) / 60_000));
    week.visits.push({ date, timeIn: clockSv(v.checked_in_at), timeOut: clockSv(v.checked_out_at), minutes, by: firstNameOf(v.staff_name), what: v.tasks });
    week.minutes += minutes;
  }
  // rows come newest first; weeks keep that order
  return [...weeks.values()];
}

function planOf(p: PlanRow | undefined): CitizenPlan | null {
  if (!p) return null;
  const goals = Array.isArray(p.goals) ? (p.goals as Array<{ goal?: unknown }>).map((g) => String(g.goal ?? '')).filter(Boolean) : [];
  const parts = Array.isArray(p.parts) ? (p.parts as Array<Record<string, unknown>>).map((x) => ({
    what: String(x.what ?? ''), how: String(x.how ?? ''), when: String(x.when ?? ''), who: String(x.who ?? ''),
  })) : [];
  return {
    version: p.version, signedOn: p.signed_at ? dateInSweden(p.signed_at) : null, goals, parts,
    participation: p.participation, followUpOn: p.follow_up_on,
  };
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r); else out.set(k, [r]);
  }
  return out;
}

/** The earliest day a new provider can start: tomorrow (the current one needs to know). */
export const earliestChoiceDay = (today: string) => addDays(today, 1);

async function servicesOf(tx: TenantTx, refs: CitizenCaseRef[], protectedPersons: Set<string>, today: string): Promise<Map<string, CitizenService[]>> {
  const m = tx.municipalityId;
  const caseIds = refs.map((r) => r.id);
  const orders = await tx.query<OrderRow>(
    `SELECT o.id, o.decision_id, o.case_id, o.person_id, o.insats_key, o.insats, o.scope, o.scope_amount, o.scope_unit, o.status,
       o.start_on, o.end_on, o.started_on, o.provider_id, d.valid_to
     FROM orders o JOIN decisions d ON d.municipality_id = o.municipality_id AND d.id = o.decision_id
     WHERE o.municipality_id = $1 AND o.case_id = ANY($2::uuid[])
       AND (o.status = ANY($3::text[]) OR (o.status = 'avslutad' AND coalesce(o.end_on, (o.ended_at AT TIME ZONE 'Europe/Stockholm')::date) >= $4::date))
     ORDER BY (o.status = 'avslutad'), o.start_on DESC, o.sent_at DESC`,
    [m, caseIds, ORDER_ACTIVE, addDays(today, -ENDED_SHOWN_DAYS)]);
  if (!orders.length) return new Map();
  const ids = orders.map((o) => o.id);
  const allProviders = await tx.query<ProviderRow>(
    'SELECT id, name, kind, lov, phone, email, insatser, areas, active FROM providers WHERE municipality_id = $1', [m]);
  const providerById = new Map(allProviders.map((p) => [p.id, p]));
  // The latest signed version only: a draft is the provider's work in progress.
  const plans = new Map((await tx.query<PlanRow>(
    `SELECT DISTINCT ON (order_id) order_id, version, signed_at, goals, parts, participation, follow_up_on FROM implementation_plans
     WHERE municipality_id = $1 AND order_id = ANY($2::uuid[]) AND status = 'signerad' ORDER BY order_id, version DESC`, [m, ids])).map((p) => [p.order_id, p]));
  // Performed visits (checked in and out); the note from the phone is the provider's documentation and stays there.
  const visits = groupBy(await tx.query<VisitRow>(
    `SELECT v.order_id, v.checked_in_at, v.checked_out_at, su.name AS staff_name, v.tasks FROM visits v
     LEFT JOIN staff_users su ON su.municipality_id = v.municipality_id AND su.id = v.staff_user_id
     WHERE v.municipality_id = $1 AND v.order_id = ANY($2::uuid[]) AND v.status = 'utford'
       AND v.checked_in_at IS NOT NULL AND v.checked_out_at IS NOT NULL AND v.checked_in_at >= now() - make_interval(days => $3)
     ORDER BY v.checked_in_at DESC`, [m, ids, VISIT_DAYS]), (v) => v.order_id);
  const open = new Map((await choicesWhere(tx, `r.order_id = ANY($2::uuid[]) AND r.status = 'requested'`, [m, ids]))
    .map((r) => [r.order_id, r]));
  const active = allProviders.filter((p) => p.active);

  const out = new Map<string, CitizenService[]>();
  for (const o of orders) {
    const hideAreas = protectedPersons.has(o.person_id);
    const provider = providerById.get(o.provider_id)!;
    const isActive = (ORDER_ACTIVE as readonly string[]).includes(o.status);
    const latest = [o.valid_to, o.end_on].filter((x): x is string => Boolean(x)).sort()[0] ?? null;
    const earliest = earliestChoiceDay(today);
    const choosable = isActive && (latest === null || latest >= earliest) ? choosableProviders(active, o.insats_key, o.provider_id) : [];
    const openReq = open.get(o.id);
    const list = out.get(o.person_id) ?? [];
    list.push({
      orderId: o.id, decisionId: o.decision_id, caseId: o.case_id, insatsKey: o.insats_key, insats: o.insats, scope: o.scope,
      scopeAmount: o.scope_amount === null ? null : Number(o.scope_amount), scopeUnit: o.scope_unit,
      // The order's end, or else the decision's: the person sees how long the insats is granted.
      status: o.status as CitizenService['status'], startOn: o.start_on, endOn: o.end_on ?? o.valid_to, startedOn: o.started_on,
      provider: toProvider(provider, hideAreas),
      plan: planOf(plans.get(o.id)),
      visitDays: VISIT_DAYS,
      visitWeeks: visitWeeks(visits.get(o.id) ?? []),
      choice: choosable.length || openReq ? {
        providers: choosable.map((p) => ({ ...toProvider(p, hideAreas), ickeval: p.ickeval })),
        open: openReq ? choiceView(openReq) : null,
        earliest, latest,
      } : null,
    });
    out.set(o.person_id, list);
  }
  return out;
}

// ---- Kön till särskilt boende -------------------------------------------------------------------

interface SaboRow {
  id: string; case_id: string; person_id: string; insats: string; insats_key: string | null; status: string; outcome: SaboDecisionFacts['outcome'];
  decided_on: string | null; created_at: Date; valid_to: string | null; case_closed: boolean; started: (string | null)[]; pending_order: boolean;
}

async function queueOf(tx: TenantTx, refs: CitizenCaseRef[], today: string): Promise<Map<string, SaboQueueItem[]>> {
  const m = tx.municipalityId;
  const mine = new Set(refs.map((r) => r.id));
  // Most citizens have no decision on särskilt boende: answer before reading the municipality's queue.
  const any = mine.size > 0 && await tx.one<{ x: number }>(
    `SELECT 1 AS x FROM decisions d WHERE d.municipality_id = $1 AND d.case_id = ANY($2::uuid[])
       AND d.insats_key = ANY($3::text[]) AND d.status = 'fattat' AND d.outcome <> 'avslag' LIMIT 1`,
    [m, [...mine], SABO_INSATS_KEYS]);
  if (!any) return new Map();
  // Every decision for särskilt boende in the municipality, to find the place; only a count of
  // those ahead leaves this function.
  const rows = await tx.query<SaboRow>(
    `SELECT d.id, d.case_id, c.person_id, d.insats, d.insats_key, d.status, d.outcome, d.decided_on, d.created_at, d.valid_to,
       (c.status = 'avslutad') AS case_closed,
       coalesce((SELECT array_agg(o.started_on::text) FROM orders o WHERE o.municipality_id = d.municipality_id AND o.decision_id = d.id), '{}') AS started,
       EXISTS (SELECT 1 FROM orders o WHERE o.municipality_id = d.municipality_id AND o.decision_id = d.id AND o.status IN ('skickad','accepterad')) AS pending_order
     FROM decisions d JOIN cases c ON c.municipality_id = d.municipality_id AND c.id = d.case_id
     WHERE d.municipality_id = $1 AND d.insats_key = ANY($2::text[]) AND d.status = 'fattat' AND d.outcome <> 'avslag'`,
    [m, SABO_INSATS_KEYS]);
  const facts: SaboDecisionFacts[] = rows.map((r) => ({
    decisionId: r.id, insatsKey: r.insats_key, status: r.status, outcome: r.outcome, decidedOn: r.decided_on,
    createdAt: r.created_at.toISOString(), validTo: r.valid_to, caseClosed: r.case_closed, startedOn: r.started,
  }));
  const own = rows.filter((r) => mine.has(r.case_id));
  if (!own.length) return new Map();
  const muni = await tx.one<{ phone: string | null }>('SELECT phone FROM municipalities WHERE id = $1', [m]);
  const workers = new Map((await tx.query<{ case_id: string; name: string | null }>(
    `SELECT c.id AS case_id, s.name FROM cases c LEFT JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = c.assigned_to
     WHERE c.municipality_id = $1 AND c.id = ANY($2::uuid[])`, [m, own.map((r) => r.case_id)])).map((r) => [r.case_id, r.name]));
  const out = new Map<string, SaboQueueItem[]>();
  for (const r of own) {
    const place = saboPlace(facts, r.id, today);
    if (!place) continue;
    const worker = firstNameOf(workers.get(r.case_id));
    const list = out.get(r.person_id) ?? [];
    list.push({
      decisionId: r.id, insats: r.insats, decidedOn: place.decidedOn, position: place.position, ahead: place.ahead,
      daysWaited: place.daysWaited, ivoReportAfter: place.ivoReportAfter, overThreeMonths: place.overThreeMonths,
      offered: r.pending_order, contact: worker ? { firstName: worker, phone: muni?.phone ?? null } : null,
    });
    out.set(r.person_id, list);
  }
  return out;
}

// ---- the list -----------------------------------------------------------------------------------

async function citizenServices(tx: TenantTx, ctx: RequestContext, forPerson: string | undefined) {
  const actor = ctx.actor;
  const today = dateInSweden();
  if (actor.kind !== 'citizen' || !actor.personId) return { today, persons: [] };
  const m = tx.municipalityId;
  let persons: Array<{ id: string; relation: Relation }>;
  let refs: CitizenCaseRef[];
  if (forPerson) {
    // Through the gate: 404 for no such person, 403 (logged, flagged) when I do not act for them.
    const relation = await accessPerson(tx, ctx, forPerson, { action: 'read', resource: 'citizen.services' });
    refs = await citizenVisibleCases(tx, ctx, { personId: forPerson });
    persons = [{ id: forPerson, relation: relation as Relation }];
  } else {
    refs = await citizenVisibleCases(tx, ctx);
    const byPerson = new Map<string, Relation>([[actor.personId, 'self']]);
    for (const r of refs) if (!byPerson.has(r.personId)) byPerson.set(r.personId, r.relation as Relation);
    persons = [...byPerson].map(([id, relation]) => ({ id, relation }));
    recordListReads(tx, ctx, persons.map((p) => p.id), 'citizen.services');
  }
  const people = new Map((await tx.query<{ id: string; first_name: string; last_name: string; protection: string }>(
    'SELECT id, first_name, last_name, protection FROM persons WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [m, persons.map((p) => p.id)]))
    .map((p) => [p.id, p]));
  const protectedPersons = new Set([...people.values()].filter((p) => p.protection !== 'ingen').map((p) => p.id));
  const services = refs.length ? await servicesOf(tx, refs, protectedPersons, today) : new Map<string, CitizenService[]>();
  const queue = refs.length ? await queueOf(tx, refs, today) : new Map<string, SaboQueueItem[]>();
  const requests = refs.length ? groupBy(await choicesWhere(tx,
    `r.case_id = ANY($2::uuid[]) AND r.requested_at >= now() - make_interval(days => $3)`, [m, refs.map((r) => r.id), REQUESTS_SHOWN_DAYS]),
  (r) => r.person_id) : new Map<string, ChoiceRow[]>();
  const groups: CitizenServiceGroup[] = persons.filter((p) => people.has(p.id)).map((p) => {
    const row = people.get(p.id)!;
    return {
      person: { id: p.id, name: `${row.first_name} ${row.last_name}` }, relation: p.relation,
      services: services.get(p.id) ?? [], queue: queue.get(p.id) ?? [], requests: (requests.get(p.id) ?? []).map(choiceView),
    };
  });
  return { today, persons: groups };
}

// ---- asking to choose or change provider -------------------------------------------------------

async function caseOfOrder(tx: TenantTx, orderId: string): Promise<string> {
  const row = await tx.one<{ case_id: string }>('SELECT case_id FROM orders WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, orderId]);
  if (!row) throw notFound('Insatsen');
  return row.case_id;
}

async function loadChoice(tx: TenantTx, id: string): Promise<ChoiceRow> {
  const row = await tx.one<ChoiceRow>(`${CHOICE_SELECT} WHERE r.municipality_id = $1 AND r.id = $2`, [tx.municipalityId, id]);
  if (!row) throw notFound('Önskemålet');
  return row;
}

async function requestProviderChoice(tx: TenantTx, ctx: RequestContext, orderId: string, body: ProviderChoiceBodyT): Promise<ProviderChoiceViewT> {
  const actor = ctx.actor;
  if (actor.kind !== 'citizen' || !actor.personId) throw forbidden('Logga in med e-legitimation för att välja utförare.');
  // The same 404 for an order that does not exist and one in a case I may not see.
  const ref = await accessCitizenCase(tx, ctx, await caseOfOrder(tx, orderId), { action: 'update', resource: 'citizen.provider_choice' });
  const m = tx.municipalityId;
  const today = dateInSweden();
  const o = await tx.one<OrderRow>(
    `SELECT o.id, o.decision_id, o.case_id, o.person_id, o.insats_key, o.insats, o.scope, o.scope_amount, o.scope_unit, o.status, o.start_on,
       o.end_on, o.started_on, o.provider_id, d.valid_to
     FROM orders o JOIN decisions d ON d.municipality_id = o.municipality_id AND d.id = o.decision_id
     WHERE o.municipality_id = $1 AND o.id = $2 FOR UPDATE OF o`, [m, orderId]);
  if (!o) throw notFound('Insatsen');
  if (!(ORDER_ACTIVE as readonly string[]).includes(o.status)) {
    throw conflict('Insatsen är avslutad. Du kan byta utförare för en insats som pågår eller ska börja.', 'order-not-active');
  }
  const choices = choosableProviders(await activeProviders(tx), o.insats_key, o.provider_id);
  if (!choices.length) throw conflict('Du kan inte välja utförare för den här insatsen. Kommunen har inget valfrihetssystem (LOV) för den.', 'no-valfrihet');
  const chosen = choices.find((p) => p.id === body.providerId);
  if (!chosen) fieldError('providerId', 'Välj en av utförarna i listan.');
  const earliest = earliestChoiceDay(today);
  const latest = [o.valid_to, o.end_on].filter((x): x is string => Boolean(x)).sort()[0] ?? null;
  if (!isValidIsoDate(body.wishedStartOn)) fieldError('wishedStartOn', 'Skriv ett datum som ÅÅÅÅ-MM-DD.');
  if (body.wishedStartOn < earliest) fieldError('wishedStartOn', `Välj ${formatDateSv(earliest, 'long')} eller senare.`);
  if (latest && body.wishedStartOn > latest) fieldError('wishedStartOn', `Beslutet gäller till ${formatDateSv(latest, 'long')}. Välj ett datum till och med den dagen.`);
  const open = await tx.one<{ id: string }>(
    `SELECT id FROM provider_choice_requests WHERE municipality_id = $1 AND order_id = $2 AND status = 'requested'`, [m, orderId]);
  if (open) throw conflict('Det finns redan ett önskemål om byte av utförare som handläggaren inte har hanterat. Ta tillbaka det först om du vill ändra det.', 'choice-open');
  const id = randomUUID();
  await tx.query(
    `INSERT INTO provider_choice_requests (municipality_id, id, order_id, decision_id, case_id, person_id, from_provider_id, provider_id,
       wished_start_on, message, requested_by_person_id, requested_relation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [m, id, o.id, o.decision_id, o.case_id, o.person_id, o.provider_id, chosen.id, body.wishedStartOn, (body.message ?? '').trim(), actor.personId, ref.relation]);
  await remindCaseWorkers(tx, o.case_id, {
    kind: 'provider_choice', sourceKey: `provider-choice:${id}`,
    message: `Önskemål om byte av utförare för ${o.insats} till ${chosen!.name} från ${formatDateSv(body.wishedStartOn, 'long')}.`,
  });
  return choiceView(await loadChoice(tx, id));
}

async function withdrawProviderChoice(tx: TenantTx, ctx: RequestContext, id: string): Promise<ProviderChoiceViewT> {
  const row = await tx.one<{ case_id: string }>('SELECT case_id FROM provider_choice_requests WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
  if (!row) throw notFound('Önskemålet');
  await accessCitizenCase(tx, ctx, row.case_id, { action: 'update', resource: 'citizen.provider_choice.withdraw' });
  const updated = await tx.query(
    `UPDATE provider_choice_requests SET status = 'withdrawn', handled_at = now() WHERE municipality_id = $1 AND id = $2 AND status = 'requested' RETURNING id`,
    [tx.municipalityId, id]);
  if (!updated.length) throw conflict('Önskemålet är redan hanterat och kan inte tas tillbaka.', 'choice-handled');
  return choiceView(await loadChoice(tx, id));
}

export function registerCitizenServiceRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/citizen/services', {
    schema: {
      tags, summary: 'Mina insatser: beställda insatser, utförare, genomförandeplan, utförda besök, val av utförare (LOV) och kön till särskilt boende (for = en person jag företräder)',
      querystring: CitizenServicesQuery, response: { 200: CitizenServicesResponse, ...problems },
    },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizenServices(tx, ctx, req.query.for)));

  app.post('/api/citizen/services/orders/:orderId/provider-choice', {
    schema: {
      tags, summary: 'Önskemål om att välja eller byta utförare (valfrihetssystem enligt LOV) från ett önskat datum',
      params: ProviderChoiceParams, body: ProviderChoiceBody, response: { 201: ProviderChoiceView, ...problems },
    },
  }, async (req, reply) => {
    const view = await withActor(req, ['medborgare'], (tx, ctx) => requestProviderChoice(tx, ctx, req.params.orderId, req.body));
    return reply.status(201).send(view);
  });

  app.post('/api/citizen/provider-choices/:id/withdraw', {
    schema: { tags, summary: 'Ta tillbaka ett önskemål om byte av utförare som inte är hanterat', params: ChoiceIdParams, response: { 200: ProviderChoiceView, ...problems } },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => withdrawProviderChoice(tx, ctx, req.params.id)));

  // The handläggare's side of the same requests (case page, Verkställighet).
  registerProviderChoiceStaffRoutes(root, withActor);
}
