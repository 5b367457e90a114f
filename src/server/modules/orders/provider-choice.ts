// Valfrihet (lag 2008:962 om valfrihetssystem, LOV), the handläggare's side: the person's requests
// to choose or change provider, on the case page (Verkställighet). Carrying one out is one step in
// one transaction, through the order service: the current beställning ends the day before the new
// provider starts (its step checked by checkOrderStep in takeOrderStep), and a new beställning for
// the same decision, scope and information goes to the chosen provider (createOrder). Or the
// handläggare refuses with a reason, which the person reads in Mina insatser.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WithActor } from '../../access/session.ts';
import { isCaseWorker, type CaseWorker, type RequestContext } from '../../access/actor.ts';
import { accessCase } from '../../access/case-access.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problems.ts';
import { IdParams } from '../../../shared/api.ts';
import {
  CarryOutBody, RefuseBody, StaffProviderChoices, type CarryOutBody as CarryOutBodyT, type ProviderChoiceView, type StaffProviderChoice,
} from '../../../shared/citizen-services-api.ts';
import { ORDER_ACTIVE, type OrderStatus } from '../../../domain/verkstallighet.ts';
import { addDays, dateInSweden, isValidIsoDate } from '../../../domain/deadlines.ts';
import { formatDateSv } from '../../../domain/format.ts';
import { createOrder, setOrderEnd, takeOrderStep } from './service.ts';

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } } as const;
const tags = ['verkställighet'];
const VIEWS: ['handlaggare'] = ['handlaggare'];

function caseWorker(ctx: RequestContext): CaseWorker {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare arbetar med verkställighet.');
  return ctx.actor;
}

type Relation = 'self' | 'vardnadshavare' | 'ombud';
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function fieldError(path: string, message: string): never {
  throw badRequest(message, [{ path: `body/${path}`, message }]);
}

// ---- providers: who may be chosen --------------------------------------------------------------

export interface ProviderRow {
  id: string; name: string; kind: 'kommunal' | 'privat'; lov: boolean; phone: string | null; email: string | null;
  insatser: string[]; areas: string[]; active: boolean;
}

export async function activeProviders(tx: TenantTx): Promise<ProviderRow[]> {
  return tx.query<ProviderRow>(
    `SELECT id, name, kind, lov, phone, email, insatser, areas, active FROM providers WHERE municipality_id = $1 AND active ORDER BY kind, name`,
    [tx.municipalityId]);
}

/**
 * Where LOV applies to the insats (some active LOV provider delivers it), the providers the person
 * may choose: every active LOV provider delivering it, and the municipality's own provider
 * (ickevalsalternativ) delivering it. The current provider is not a choice. Empty: no valfrihet.
 */
export function choosableProviders(all: readonly ProviderRow[], insatsKey: string | null, currentProviderId: string): Array<ProviderRow & { ickeval: boolean }> {
  if (!insatsKey) return [];
  const delivering = all.filter((p) => p.active && p.insatser.includes(insatsKey));
  if (!delivering.some((p) => p.lov)) return [];
  return delivering
    .filter((p) => (p.lov || p.kind === 'kommunal') && p.id !== currentProviderId)
    .map((p) => ({ ...p, ickeval: p.kind === 'kommunal' }));
}

// ---- provider choice requests, as both sides see them --------------------------------------------

export interface ChoiceRow {
  id: string; order_id: string; decision_id: string; case_id: string; person_id: string; insats: string;
  from_provider_id: string; from_provider: string; provider_id: string; to_provider: string; wished_start_on: string; message: string;
  status: ProviderChoiceView['status']; requested_at: Date; requester_name: string; requested_relation: Relation;
  handled_at: Date | null; handled_by: string | null; start_on: string | null; refusal_reason: string | null; new_order_number: string | null;
}

export const CHOICE_SELECT = `SELECT r.id, r.order_id, r.decision_id, r.case_id, r.person_id, o.insats, r.from_provider_id, fp.name AS from_provider,
    r.provider_id, tp.name AS to_provider, r.wished_start_on, r.message, r.status, r.requested_at,
    (rp.first_name || ' ' || rp.last_name) AS requester_name, r.requested_relation, r.handled_at, su.name AS handled_by,
    r.start_on, r.refusal_reason, no.order_number AS new_order_number
  FROM provider_choice_requests r
  JOIN orders o ON o.municipality_id = r.municipality_id AND o.id = r.order_id
  JOIN providers fp ON fp.municipality_id = r.municipality_id AND fp.id = r.from_provider_id
  JOIN providers tp ON tp.municipality_id = r.municipality_id AND tp.id = r.provider_id
  JOIN persons rp ON rp.municipality_id = r.municipality_id AND rp.id = r.requested_by_person_id
  LEFT JOIN staff_users su ON su.municipality_id = r.municipality_id AND su.id = r.handled_by
  LEFT JOIN orders no ON no.municipality_id = r.municipality_id AND no.id = r.new_order_id`;

/**
 * Requests matching `where` (on alias r, $1 = municipality), newest first. Most people have none,
 * and the full row is a seven-table join under row-level security that costs milliseconds to plan
 * even on an empty table: look the ids up first and join only when there are any.
 */
export async function choicesWhere(tx: TenantTx, where: string, params: unknown[]): Promise<ChoiceRow[]> {
  const ids = await tx.query<{ id: string }>(`SELECT r.id FROM provider_choice_requests r WHERE r.municipality_id = $1 AND ${where}`, params);
  if (ids.length === 0) return [];
  return tx.query<ChoiceRow>(`${CHOICE_SELECT} WHERE r.municipality_id = $1 AND r.id = ANY($2::uuid[]) ORDER BY r.requested_at DESC`,
    [tx.municipalityId, ids.map((r) => r.id)]);
}

export function choiceView(r: ChoiceRow): ProviderChoiceView {
  return {
    id: r.id, orderId: r.order_id, insats: r.insats, fromProvider: r.from_provider, toProvider: r.to_provider,
    wishedStartOn: r.wished_start_on, message: r.message, status: r.status, requestedAt: r.requested_at.toISOString(),
    requestedBy: { name: r.requester_name, relation: r.requested_relation },
    handledAt: iso(r.handled_at), startOn: r.start_on, refusalReason: r.refusal_reason,
  };
}

interface OrderFacts { status: OrderStatus; provider_id: string; insats_key: string | null }

async function listForCase(tx: TenantTx, caseId: string): Promise<StaffProviderChoice[]> {
  const m = tx.municipalityId;
  const rows = await choicesWhere(tx, 'r.case_id = $2', [m, caseId]);
  if (!rows.length) return [];
  const orders = new Map((await tx.query<OrderFacts & { id: string }>(
    'SELECT id, status, provider_id, insats_key FROM orders WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [m, rows.map((r) => r.order_id)]))
    .map((o) => [o.id, o]));
  const providers = await activeProviders(tx);
  return rows.map((r) => {
    const blocked = r.status === 'requested' ? blockedReason(orders.get(r.order_id)!, r, providers) : null;
    return {
      ...choiceView(r), decisionId: r.decision_id, fromProviderId: r.from_provider_id, providerId: r.provider_id,
      handledBy: r.handled_by, newOrderNumber: r.new_order_number,
      canCarryOut: r.status === 'requested' && blocked === null, blockedReason: blocked,
    };
  });
}

/** Why an open request cannot be carried out as it stands, or null. */
function blockedReason(o: OrderFacts, r: ChoiceRow, providers: Awaited<ReturnType<typeof activeProviders>>): string | null {
  if (!(ORDER_ACTIVE as readonly string[]).includes(o.status)) return 'Beställningen är inte längre aktiv. Avslå önskemålet med en förklaring, eller gör en ny beställning.';
  if (o.provider_id !== r.from_provider_id) return 'Beställningen har redan en annan utförare än när önskemålet kom in.';
  if (!choosableProviders(providers, o.insats_key, o.provider_id).some((p) => p.id === r.provider_id)) {
    return `${r.to_provider} kan inte väljas för insatsen längre (inte aktiv, utför inte insatsen, eller inget valfrihetssystem).`;
  }
  return null;
}

async function requestOf(tx: TenantTx, ctx: RequestContext, id: string, resource: string) {
  const actor = caseWorker(ctx);
  const row = await tx.one<{ case_id: string }>('SELECT case_id FROM provider_choice_requests WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
  if (!row) throw notFound('Önskemålet');
  const access = await accessCase(tx, ctx, row.case_id, { action: 'update', resource });
  // Lock the request: two clicks cannot carry it out twice.
  const r = await tx.one<ChoiceRow>(`${CHOICE_SELECT} WHERE r.municipality_id = $1 AND r.id = $2 FOR UPDATE OF r`, [tx.municipalityId, id]);
  if (!r) throw notFound('Önskemålet');
  if (r.status !== 'requested') {
    throw conflict(r.status === 'withdrawn' ? 'Den enskilde har tagit tillbaka önskemålet.' : 'Önskemålet är redan hanterat.', 'choice-handled');
  }
  return { actor, access, r };
}

/** Carry out: end the current order, order from the chosen provider (same decision, scope and information). */
async function carryOut(tx: TenantTx, ctx: RequestContext, id: string, body: CarryOutBodyT): Promise<string> {
  const { actor, access, r } = await requestOf(tx, ctx, id, 'case.provider_choice.carry_out');
  const m = tx.municipalityId;
  const today = dateInSweden();
  const o = await tx.one<OrderFacts & { started_on: string | null; scope_amount: string | null; info_to_provider: string }>(
    'SELECT status, provider_id, insats_key, started_on, scope_amount, info_to_provider FROM orders WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
    [m, r.order_id]);
  if (!o) throw notFound('Beställningen');
  const providers = await activeProviders(tx);
  const blocked = blockedReason(o, r, providers);
  if (blocked) throw conflict(blocked, 'choice-blocked');
  const startOn = body.startOn ?? (r.wished_start_on < today ? today : r.wished_start_on);
  if (!isValidIsoDate(startOn)) fieldError('startOn', 'Ogiltigt datum.');
  if (startOn < today) fieldError('startOn', 'Den nya utföraren kan inte börja i det förflutna. Välj i dag eller senare.');
  // The current provider's last day is the day before; an order never started ends at once.
  const dayBefore = addDays(startOn, -1);
  const endOn = o.started_on === null ? (dayBefore < today ? today : dayBefore) : (dayBefore < o.started_on ? o.started_on : dayBefore);
  const chosen = providers.find((p) => p.id === r.provider_id)!;
  const reason = `Byte av utförare på den enskildes begäran (valfrihetssystem, LOV). Ny utförare ${chosen.name} från ${formatDateSv(startOn)}.`;
  // A started order runs until the day before the new provider starts; one not yet started, or a
  // change from today, ends now (through the beställning's machine).
  if (o.started_on !== null && endOn > today) await setOrderEnd(tx, r.order_id, endOn, reason, actor.userId);
  else await takeOrderStep(tx, actor, r.order_id, 'avsluta', { date: endOn, reason });
  const newOrderId = await createOrder(tx, actor, access, {
    decisionId: r.decision_id, providerId: chosen.id, chosenBy: chosen.lov ? 'enskild' : 'kommun', startOn,
    scopeAmount: o.scope_amount === null ? null : Number(o.scope_amount), infoToProvider: o.info_to_provider,
  });
  await tx.query(
    `UPDATE provider_choice_requests SET status = 'carried_out', handled_at = now(), handled_by = $3, start_on = $4, new_order_id = $5
     WHERE municipality_id = $1 AND id = $2`, [m, id, actor.userId, startOn, newOrderId]);
  return r.case_id;
}

async function refuse(tx: TenantTx, ctx: RequestContext, id: string, reason: string): Promise<string> {
  const { actor, r } = await requestOf(tx, ctx, id, 'case.provider_choice.refuse');
  const text = reason.trim();
  if (!text) fieldError('reason', 'Skriv varför önskemålet inte kan genomföras; den enskilde läser det.');
  await tx.query(
    `UPDATE provider_choice_requests SET status = 'refused', handled_at = now(), handled_by = $3, refusal_reason = $4 WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, id, actor.userId, text]);
  return r.case_id;
}

export function registerProviderChoiceStaffRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/staff/cases/:id/provider-choices', {
    schema: { tags, summary: 'Den enskildes önskemål om val eller byte av utförare (LOV) i ärendet', params: IdParams, response: { 200: StaffProviderChoices, ...problems } },
  }, (req) => withActor(req, VIEWS, async (tx, ctx) => {
    caseWorker(ctx);
    const access = await accessCase(tx, ctx, req.params.id, { action: 'read', resource: 'case.provider_choices' });
    return { items: await listForCase(tx, access.caseId) };
  }));

  app.post('/api/staff/provider-choices/:id/carry-out', {
    schema: {
      tags, summary: 'Genomför bytet: nuvarande beställning avslutas, ny beställning till den valda utföraren', params: IdParams, body: CarryOutBody,
      response: { 200: StaffProviderChoices, ...problems },
    },
  }, (req) => withActor(req, VIEWS, async (tx, ctx) => ({ items: await listForCase(tx, await carryOut(tx, ctx, req.params.id, req.body ?? {})) })));

  app.post('/api/staff/provider-choices/:id/refuse', {
    schema: { tags, summary: 'Avslå önskemålet om byte av utförare, med en förklaring till den enskilde', params: IdParams, body: RefuseBody, response: { 200: StaffProviderChoices, ...problems } },
  }, (req) => withActor(req, VIEWS, async (tx, ctx) => ({ items: await listForCase(tx, await refuse(tx, ctx, req.params.id, req.body.reason)) })));
}
