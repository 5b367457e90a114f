// The provider's inbox and the life of an order on the provider's side: accept with a planned
// start, return with a reason, report the start (the decision is then verkställt, 34 kap. 2 § SoL),
// an interruption and its end (34 kap. 1 § andra stycket SoL). Only what the order covers and the
// person's minimum for delivering it — never the municipality's investigation or journal.
import { randomUUID } from 'node:crypto';
import {
  ORDER_ACTIVE, checkOrderStep, orderStepsFor, type OrderStatus, type OrderStep,
} from '../../../domain/verkstallighet.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import type { RequestContext } from '../../access/actor.ts';
import { recordListReads } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { conflict } from '../../http/problems.ts';
import { PERSON_COLS, addressOf, personRef, type PersonCols } from '../shared/rows.ts';
import type { ProviderClients, ProviderInbox, ProviderOrder, ProviderOrderDetail, StepBody } from '../../../shared/provider-api.ts';
import { openOrder, providerActor } from './access.ts';

export interface FullOrderRow extends PersonCols {
  id: string; order_number: string; insats: string; scope: string; start_on: string; end_on: string | null;
  status: OrderStatus; sent_at: Date; info_to_provider: string; planned_start_on: string | null; started_on: string | null;
  interrupted_on: string | null; interruption_reason: string | null; version: number; unread: number; phone: string | null;
}

export const FULL_ORDER_SELECT = `SELECT o.id, o.order_number, o.insats, o.scope, o.start_on, o.end_on, o.status, o.sent_at, o.info_to_provider,
    o.planned_start_on, o.started_on, o.interrupted_on, o.interruption_reason, o.version,
    (SELECT count(*)::int FROM order_messages m WHERE m.municipality_id = o.municipality_id AND m.order_id = o.id
       AND m.side = 'myndighet' AND m.read_at IS NULL) AS unread,
    ${PERSON_COLS}, p.street, p.postal_code, p.city, p.phone
  FROM orders o JOIN persons p ON p.municipality_id = o.municipality_id AND p.id = o.person_id`;

export function providerOrderView(r: FullOrderRow): ProviderOrder {
  return {
    id: r.id, orderNumber: r.order_number, person: personRef(r), insats: r.insats, scope: r.scope, startOn: r.start_on,
    endOn: r.end_on, status: r.status, sentAt: r.sent_at.toISOString(), infoToProvider: r.info_to_provider,
    plannedStartOn: r.planned_start_on, startedOn: r.started_on, interruptedOn: r.interrupted_on,
    interruptionReason: r.interruption_reason, version: r.version, unreadMessages: r.unread,
    steps: orderStepsFor(r.status, 'utforare').map((t) => ({ step: t.step, label: t.labelSv, needs: [...t.needs] })),
  };
}

const INBOX_STATUSES: Record<'new' | 'active' | 'all', readonly OrderStatus[]> = {
  new: ['skickad'],
  active: ['accepterad', 'pagaende', 'avbruten'],
  all: ORDER_ACTIVE,
};

export async function inbox(tx: TenantTx, ctx: RequestContext, which: 'new' | 'active' | 'all' = 'all'): Promise<ProviderInbox> {
  const actor = providerActor(ctx);
  const rows = await tx.query<FullOrderRow>(
    `${FULL_ORDER_SELECT}
     WHERE o.municipality_id = $1 AND o.provider_id = $2 AND o.status = ANY($3::text[])
     ORDER BY (o.status = 'skickad') DESC, o.sent_at DESC, o.order_number LIMIT 500`,
    [tx.municipalityId, actor.providerId, INBOX_STATUSES[which]]);
  const provider = await tx.one<{ name: string }>('SELECT name FROM providers WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, actor.providerId]);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'provider.order.list');
  return { providerName: provider?.name ?? '', items: rows.map(providerOrderView) };
}

export async function clients(tx: TenantTx, ctx: RequestContext): Promise<ProviderClients> {
  const actor = providerActor(ctx);
  const rows = await tx.query<FullOrderRow>(
    `${FULL_ORDER_SELECT}
     WHERE o.municipality_id = $1 AND o.provider_id = $2 AND o.status = ANY($3::text[])
     ORDER BY p.last_name, p.first_name, o.start_on LIMIT 1000`,
    [tx.municipalityId, actor.providerId, ORDER_ACTIVE]);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'provider.client.list');
  const byPerson = new Map<string, ProviderClients['items'][number]>();
  for (const r of rows) {
    const item = byPerson.get(r.person_id) ?? { person: personRef(r), orders: [] };
    item.orders.push({ id: r.id, orderNumber: r.order_number, insats: r.insats, scope: r.scope, status: r.status });
    byPerson.set(r.person_id, item);
  }
  return { items: [...byPerson.values()] };
}

async function loadOrderRow(tx: TenantTx, orderId: string): Promise<FullOrderRow> {
  const row = await tx.one<FullOrderRow>(`${FULL_ORDER_SELECT} WHERE o.municipality_id = $1 AND o.id = $2`, [tx.municipalityId, orderId]);
  if (!row) throw new Error('order vanished inside its transaction');
  return row;
}

export async function orderDetail(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<ProviderOrderDetail> {
  await openOrder(tx, ctx, orderId, { resource: 'provider.order' });
  return detailOf(tx, orderId);
}

async function detailOf(tx: TenantTx, orderId: string): Promise<ProviderOrderDetail> {
  const r = await loadOrderRow(tx, orderId);
  // The decision's own insats, scope and period — not its motivation, the investigation or the journal.
  const d = await tx.one<{ insats: string; scope: string | null; valid_from: string | null; valid_to: string | null; legal_basis: string; handlaggare: string | null }>(
    `SELECT d.insats, d.scope, d.valid_from, d.valid_to, d.legal_basis, su.name AS handlaggare
     FROM orders o JOIN decisions d ON d.municipality_id = o.municipality_id AND d.id = o.decision_id
     JOIN cases c ON c.municipality_id = o.municipality_id AND c.id = o.case_id
     LEFT JOIN staff_users su ON su.municipality_id = c.municipality_id AND su.id = c.assigned_to
     WHERE o.municipality_id = $1 AND o.id = $2`, [tx.municipalityId, orderId]);
  const events = await tx.query<{ kind: string; on_date: string; note: string | null; actor_name: string | null; created_at: Date }>(
    `SELECT e.kind, e.on_date, e.note, su.name AS actor_name, e.created_at FROM order_events e
     LEFT JOIN staff_users su ON su.municipality_id = e.municipality_id AND su.id = e.actor_id
     WHERE e.municipality_id = $1 AND e.order_id = $2 ORDER BY e.created_at, e.on_date`, [tx.municipalityId, orderId]);
  const protectedPerson = r.protection !== 'ingen';
  return {
    order: providerOrderView(r),
    decision: { insats: d?.insats ?? r.insats, scope: d?.scope ?? null, validFrom: d?.valid_from ?? null, validTo: d?.valid_to ?? null, legalBasis: d?.legal_basis ?? '' },
    person: {
      id: r.person_id, name: `${r.first_name} ${r.last_name}`, idNumber: personRef(r).idNumber, protection: r.protection,
      address: addressOf(r), phone: protectedPerson ? null : r.phone,
    },
    handlaggare: d?.handlaggare ?? null,
    events: events.map((e) => ({ kind: e.kind, onDate: e.on_date, note: e.note, actorName: e.actor_name, createdAt: e.created_at.toISOString() })),
  };
}

const EVENT_OF: Record<OrderStep, string> = {
  acceptera: 'accepterad', returnera: 'returnerad', paborja: 'paborjad', avbryt: 'avbruten', ateruppta: 'aterupptagen', avsluta: 'avslutad',
};

/** Takes one of the provider's steps; a refused step is a 409 with the machine's Swedish reason. */
export async function takeStep(tx: TenantTx, ctx: RequestContext, orderId: string, step: OrderStep, body: StepBody): Promise<ProviderOrderDetail> {
  const actor = providerActor(ctx);
  const order = await openOrder(tx, ctx, orderId, { action: 'update', resource: `provider.order.${step}`, lock: true });
  if (body.version !== undefined && body.version !== order.version) {
    throw conflict('Beställningen har ändrats sedan du öppnade den. Läs in den igen och försök på nytt.', 'stale-version');
  }
  const reason = body.reason?.trim() || null;
  const check = checkOrderStep(order.status, step, 'utforare', { date: body.date ?? null, reason });
  if (!check.ok) throw conflict(check.reason, 'order-step-refused');
  const today = dateInSweden();
  const date = body.date ?? today;
  if ((step === 'paborja' || step === 'avbryt' || step === 'ateruppta') && date > today) {
    throw conflict('Rapportera det som har hänt: datumet kan inte ligga i framtiden.', 'order-step-refused');
  }
  if (step === 'acceptera' && date < today) {
    throw conflict('Planerat startdatum kan inte ligga före i dag.', 'order-step-refused');
  }
  const sets: Record<OrderStep, string> = {
    acceptera: 'planned_start_on = $4::date, accepted_at = now(), accepted_by = $5',
    returnera: 'returned_at = now(), returned_reason = $6',
    paborja: 'started_on = $4::date, start_reported_by = $5',
    avbryt: 'interrupted_on = $4::date, interruption_reason = $6',
    ateruppta: 'interrupted_on = NULL, interruption_reason = NULL',
    avsluta: 'ended_at = now(), end_reason = $6',
  };
  await tx.query(
    `UPDATE orders SET status = $3, version = version + 1, ${sets[step]}
     WHERE municipality_id = $1 AND id = $2 AND ($4::date IS NOT NULL OR true) AND ($5::uuid IS NOT NULL OR true) AND ($6::text IS NOT NULL OR true)`,
    [tx.municipalityId, orderId, check.to, date, actor.userId, reason]);
  await tx.query(
    `INSERT INTO order_events (municipality_id, id, order_id, kind, on_date, note, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tx.municipalityId, randomUUID(), orderId, EVENT_OF[step], date, reason, actor.userId]);
  return detailOf(tx, orderId);
}
