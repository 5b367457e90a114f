// Utförare (providers): the orders sent to my provider, and each client's summary — only what
// the order covers, never the case, the investigation or the journal of the municipality.
import type { FastifyInstance } from 'fastify';
import { IdParams, ProviderClient, ProviderOrders, type OrderView } from '../../../shared/api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { ACTIVE_ORDER_STATUSES, accessPerson, recordListReads } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { PERSON_COLS, addressOf, ageOf, personRef, type PersonCols } from '../shared/rows.ts';

const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };

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

async function providerOrders(tx: TenantTx, ctx: RequestContext) {
  const actor = ctx.actor as StaffActor;
  const rows = await tx.query<OrderRow>(
    `${ORDER_SELECT}
     WHERE o.municipality_id = $1 AND o.provider_id = $2 AND o.status = ANY($3::text[])
     ORDER BY (o.status = 'skickad') DESC, o.start_on, o.order_number LIMIT 500`,
    [tx.municipalityId, actor.providerId, ACTIVE_ORDER_STATUSES]);
  const provider = await tx.one<{ name: string }>('SELECT name FROM providers WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, actor.providerId]);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'order.list');
  return { providerName: provider?.name ?? '', items: rows.map(orderView) };
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

export function registerProviderRoutes(app: FastifyInstance, withActor: WithActor) {
  app.get('/api/provider/orders', {
    schema: { tags: ['utförare'], summary: 'Beställningar till min utförare', response: { 200: ProviderOrders, ...problems } },
  }, (req) => withActor(req, ['utforare'], providerOrders));

  app.get('/api/provider/clients/:id', {
    schema: { tags: ['utförare'], summary: 'Sammanfattning av en kund med aktiv beställning', params: IdParams, response: { 200: ProviderClient, ...problems } },
  }, (req) => withActor(req, ['utforare'], (tx, ctx) => providerClient(tx, ctx, (req.params as { id: string }).id)));
}
