// Utförare (providers): the orders sent to my provider, and each client's summary — only what
// the order covers, never the case, the investigation or the journal of the municipality.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OrderStep } from '../../../domain/verkstallighet.ts';
import {
  DeviationBody, DeviationList, DeviationParams, DeviationStatusBody, DeviationView, InboxQuery, JournalBody, JournalEntryParams,
  MessageBody, OrderIdParams, OrderMessages, OrderTime, PlanBody, PlanList, PlanParams, PlanView, ProviderClients, ProviderInbox,
  ProviderJournal, ProviderJournalEntry, ProviderOrderDetail, StepBody, StepParams, TimeQuery, VisitBody, PlanVisitsBody, ProviderStaff,
} from '../../../shared/provider-api.ts';
import { clients, inbox, orderDetail, takeStep } from './orders.ts';
import { editPlan, listPlans, newPlan, signPlan } from './plans.ts';
import {
  listDeviations, listJournal, listMessages, orderTime, planVisits, providerStaff, registerVisit, reportDeviation, sendMessage, setDeviationStatus, signJournal, writeJournal,
} from './records.ts';
import { IdParams, ProviderClient, type OrderView } from '../../../shared/api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { ACTIVE_ORDER_STATUSES, accessPerson } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { PERSON_COLS, addressOf, ageOf, personRef, type PersonCols } from '../shared/rows.ts';

const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };
const changeProblems = { 400: { $ref: 'Problem#' }, ...problems, 409: { $ref: 'Problem#' } };
const tags = ['utförare'];

interface OrderRow extends PersonCols {
  id: string; order_number: string; insats: string; scope: string; start_on: string; end_on: string | null;
  status: OrderView['status']; sent_at: Date; info_to_provider: string;
}

const ORDER_SELECT = `SELECT o.id, o.order_number, o.insats, o.scope, o.start_on, o.end_on, o.status, o.sent_at, o.info_to_provider,
    ${PERSON_COLS}, p.street, p.postal_code, p.city, p.phone
  FROM orders o JOIN persons p ON p.municipality_id = o.municipality_id AND p.id = o.person_id`;

function orderView(r: OrderRow): OrderView {
  return {
    id: r.id, orderNumber: r.order_number, person: personRef(r), insats: r.insats, scope: r.scope, startOn: r.start_on,
    endOn: r.end_on, status: r.status, sentAt: r.sent_at.toISOString(), infoToProvider: r.info_to_provider,
  };
}

async function providerClient(tx: TenantTx, ctx: RequestContext, personId: string) {
  const actor = ctx.actor as StaffActor;
  await accessPerson(tx, ctx, personId, { resource: 'provider.client' });
  const rows = await tx.query<OrderRow & { phone: string | null }>(
    `${ORDER_SELECT}
     WHERE o.municipality_id = $1 AND o.provider_id = $2 AND o.person_id = $3 AND o.status = ANY($4::text[])
     ORDER BY o.start_on`, [tx.municipalityId, actor.providerId, personId, ACTIVE_ORDER_STATUSES]);
  const first = rows[0];
  if (!first) throw new Error('access was granted without an active order');
  return {
    person: {
      id: first.person_id, name: `${first.first_name} ${first.last_name}`, idNumber: personRef(first).idNumber,
      age: ageOf(first), protection: first.protection, address: addressOf(first),
      phone: first.protection === 'ingen' ? first.phone : null,
    },
    orders: rows.map(orderView),
  };
}

type P<T> = FastifyRequest & { params: T };
const orderId = (req: FastifyRequest) => (req.params as { id: string }).id;

export function registerProviderRoutes(app: FastifyInstance, withActor: WithActor) {
  const run = <T>(req: FastifyRequest, fn: (tx: TenantTx, ctx: RequestContext) => Promise<T>) => withActor<T>(req, ['utforare'], fn);

  // ---- Inbox and clients ----
  app.get('/api/provider/orders', {
    schema: { tags, summary: 'Beställningar till min utförare (nya först) med de steg som kan tas', querystring: InboxQuery, response: { 200: ProviderInbox, 400: { $ref: 'Problem#' }, ...problems } },
  }, (req) => run(req, (tx, ctx) => inbox(tx, ctx, (req.query as { status?: 'new' | 'active' | 'all' }).status)));

  app.get('/api/provider/clients', {
    schema: { tags, summary: 'Mina kunder (personer med aktiv beställning) och deras beställningar', response: { 200: ProviderClients, ...problems } },
  }, (req) => run(req, clients));

  app.get('/api/provider/clients/:id', {
    schema: { tags, summary: 'Sammanfattning av en kund med aktiv beställning', params: IdParams, response: { 200: ProviderClient, ...problems } },
  }, (req) => run(req, (tx, ctx) => providerClient(tx, ctx, orderId(req))));

  // ---- The order and its steps ----
  app.get('/api/provider/orders/:id', {
    schema: { tags, summary: 'Beställningen: vad den omfattar och personens uppgifter för att utföra den', params: OrderIdParams, response: { 200: ProviderOrderDetail, ...problems } },
  }, (req) => run(req, (tx, ctx) => orderDetail(tx, ctx, orderId(req))));

  app.post('/api/provider/orders/:id/steps/:step', {
    schema: { tags, summary: 'Acceptera, returnera, rapportera start (verkställt), avbrott eller återupptagande', params: StepParams, body: StepBody, response: { 200: ProviderOrderDetail, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => takeStep(tx, ctx, orderId(req), (req as P<{ step: OrderStep }>).params.step, (req.body ?? {}) as StepBody)));

  // ---- Genomförandeplan ----
  app.get('/api/provider/orders/:id/plans', {
    schema: { tags, summary: 'Genomförandeplanens versioner', params: OrderIdParams, response: { 200: PlanList, ...problems } },
  }, (req) => run(req, (tx, ctx) => listPlans(tx, ctx, orderId(req))));

  app.post('/api/provider/orders/:id/plans', {
    schema: { tags, summary: 'Nytt utkast (mål från beslutet, eller kopia av senaste versionen)', params: OrderIdParams, response: { 200: PlanView, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => newPlan(tx, ctx, orderId(req))));

  app.put('/api/provider/orders/:id/plans/:planId', {
    schema: { tags, summary: 'Ändra ett utkast', params: PlanParams, body: PlanBody, response: { 200: PlanView, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => editPlan(tx, ctx, orderId(req), (req as P<{ planId: string }>).params.planId, req.body as PlanBody)));

  app.post('/api/provider/orders/:id/plans/:planId/sign', {
    schema: { tags, summary: 'Signera planen (den kan sedan inte ändras)', params: PlanParams, response: { 200: PlanView, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => signPlan(tx, ctx, orderId(req), (req as P<{ planId: string }>).params.planId)));

  // ---- Journal at the provider ----
  app.get('/api/provider/orders/:id/journal', {
    schema: { tags, summary: 'Utförarens journal för beställningen', params: OrderIdParams, response: { 200: ProviderJournal, ...problems } },
  }, (req) => run(req, (tx, ctx) => listJournal(tx, ctx, orderId(req))));

  app.post('/api/provider/orders/:id/journal', {
    schema: { tags, summary: 'Ny journalanteckning (eller rättelse av en signerad)', params: OrderIdParams, body: JournalBody, response: { 200: ProviderJournalEntry, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => writeJournal(tx, ctx, orderId(req), req.body as JournalBody)));

  app.post('/api/provider/orders/:id/journal/:entryId/sign', {
    schema: { tags, summary: 'Signera en journalanteckning', params: JournalEntryParams, response: { 200: ProviderJournalEntry, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => signJournal(tx, ctx, orderId(req), (req as P<{ entryId: string }>).params.entryId)));

  // ---- Avvikelser ----
  app.get('/api/provider/orders/:id/deviations', {
    schema: { tags, summary: 'Avvikelser och rapporter enligt lex Sarah', params: OrderIdParams, response: { 200: DeviationList, ...problems } },
  }, (req) => run(req, (tx, ctx) => listDeviations(tx, ctx, orderId(req))));

  app.post('/api/provider/orders/:id/deviations', {
    schema: { tags, summary: 'Rapportera en avvikelse', params: OrderIdParams, body: DeviationBody, response: { 200: DeviationView, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => reportDeviation(tx, ctx, orderId(req), req.body as DeviationBody)));

  app.post('/api/provider/orders/:id/deviations/:deviationId/status', {
    schema: { tags, summary: 'Utred eller avsluta en avvikelse (ansvarig chef)', params: DeviationParams, body: DeviationStatusBody, response: { 200: DeviationView, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => setDeviationStatus(tx, ctx, orderId(req), (req as P<{ deviationId: string }>).params.deviationId, req.body as DeviationStatusBody)));

  // ---- Messages ----
  app.get('/api/provider/orders/:id/messages', {
    schema: { tags, summary: 'Meddelanden med handläggaren (markerar mottagna som lästa)', params: OrderIdParams, response: { 200: OrderMessages, ...problems } },
  }, (req) => run(req, (tx, ctx) => listMessages(tx, ctx, orderId(req))));

  app.post('/api/provider/orders/:id/messages', {
    schema: { tags, summary: 'Skicka ett meddelande till handläggaren', params: OrderIdParams, body: MessageBody, response: { 200: OrderMessages, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => sendMessage(tx, ctx, orderId(req), (req.body as { body: string }).body)));

  // ---- Utförd tid ----
  app.get('/api/provider/orders/:id/time', {
    schema: { tags, summary: 'Besök och utförd tid per månad', params: OrderIdParams, querystring: TimeQuery, response: { 200: OrderTime, 400: { $ref: 'Problem#' }, ...problems } },
  }, (req) => run(req, (tx, ctx) => orderTime(tx, ctx, orderId(req), (req.query as { month?: string }).month)));

  app.post('/api/provider/orders/:id/visits', {
    schema: { tags, summary: 'Registrera ett utfört besök i efterhand (ansvarig chef)', params: OrderIdParams, body: VisitBody, response: { 200: OrderTime, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => registerVisit(tx, ctx, orderId(req), req.body as VisitBody)));

  app.post('/api/provider/orders/:id/visits/planned', {
    schema: { tags, summary: 'Planera besök för en medarbetare (ansvarig chef)', params: OrderIdParams, body: PlanVisitsBody, response: { 200: OrderTime, ...changeProblems } },
  }, (req) => run(req, (tx, ctx) => planVisits(tx, ctx, orderId(req), req.body as PlanVisitsBody)));

  app.get('/api/provider/staff', {
    schema: { tags, summary: 'Utförarens medarbetare, för planering av besök', response: { 200: ProviderStaff, ...problems } },
  }, (req) => run(req, providerStaff));
}
