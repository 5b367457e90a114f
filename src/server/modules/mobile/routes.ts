// The mobile view for home-care field staff (utförare): today's visits assigned to me, and the
// actions my phone queued while it was offline — check-in, check-out, a short note.
//
// Idempotency: every action carries an id made on the device. The id is written to
// visit_actions (006) in the same transaction as its effect, and check-in/check-out also to
// visits.check_in_action / check_out_action (UNIQUE, 003); the visit row is locked while an action
// is checked, so an action sent twice — a lost response, a retry — has exactly one effect and
// the second answer is 'duplicate' with the visit as it is now.
//
// A visit that is not mine (another staff member's, another provider's, or an id that does not
// exist) answers that action with a conflict 'not-yours' and no data at all — per action, not a 404
// for the whole batch, so one stale visit never blocks the rest of the phone's queue. The attempt
// is audited and flagged. Every read and change of a person's visit is audited (gate).
import type { FastifyInstance } from 'fastify';
import { MobileActionsBody, MobileActionsResult, MobileDay, type MobileAction, type MobileActionResult, type MobileVisit, type VisitState } from '../../../shared/mobile-api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { ACTIVE_ORDER_STATUSES, accessPerson, auditRecord, recordListReads } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { checkVisitAction, performedMinutes, statusAfter, type VisitStatus } from '../../../domain/visits.ts';
import { PERSON_COLS, addressOf, type PersonCols } from '../shared/rows.ts';

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' } };

export const ADDRESS_WITHHELD_SV = 'Skyddade personuppgifter – adressen visas inte i Lots. Din chef ger dig vägbeskrivningen muntligen.';

interface VisitRow {
  id: string; status: VisitStatus; checked_in_at: Date | null; checked_out_at: Date | null; note: string | null; version: number;
  staff_user_id: string | null; planned_start: Date; planned_minutes: number; tasks: string;
}

function stateOf(r: VisitRow): VisitState {
  return {
    id: r.id, status: r.status,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    checkedOutAt: r.checked_out_at?.toISOString() ?? null,
    performedMinutes: performedMinutes(r.checked_in_at, r.checked_out_at),
    note: r.note, version: r.version,
  };
}

const VISIT_COLS = 'v.id, v.status, v.checked_in_at, v.checked_out_at, v.note, v.version, v.staff_user_id, v.planned_start, v.planned_minutes, v.tasks';

async function today(tx: TenantTx, ctx: RequestContext): Promise<MobileDay> {
  const actor = ctx.actor as StaffActor;
  const day = dateInSweden();
  // Only visits on orders that give my provider a relation to the person (provider_order, gate.ts).
  const rows = await tx.query<VisitRow & PersonCols & { order_number: string; insats: string; scope: string; info_to_provider: string }>(
    `SELECT ${VISIT_COLS}, o.order_number, o.insats, o.scope, o.info_to_provider, ${PERSON_COLS}, p.street, p.postal_code, p.city
     FROM visits v
     JOIN orders o ON o.municipality_id = v.municipality_id AND o.id = v.order_id
     JOIN persons p ON p.municipality_id = o.municipality_id AND p.id = o.person_id
     WHERE v.municipality_id = $1 AND v.staff_user_id = $2 AND o.provider_id = $3 AND o.status = ANY($4::text[])
       AND v.planned_start >= ($5::date)::timestamp AT TIME ZONE 'Europe/Stockholm'
       AND v.planned_start < ($5::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'
     ORDER BY v.planned_start, v.id`,
    [tx.municipalityId, actor.userId, actor.providerId, ACTIVE_ORDER_STATUSES, day]);
  const provider = await tx.one<{ name: string }>('SELECT name FROM providers WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, actor.providerId]);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'visit.today', { date: day });
  const items: MobileVisit[] = rows.map((r) => {
    const address = addressOf(r);
    return {
      ...stateOf(r),
      plannedStart: r.planned_start.toISOString(), plannedMinutes: r.planned_minutes, tasks: r.tasks,
      person: {
        name: `${r.first_name} ${r.last_name}`, protection: r.protection, address,
        addressWithheld: r.protection === 'ingen' ? null : ADDRESS_WITHHELD_SV,
      },
      order: { orderNumber: r.order_number, insats: r.insats, scope: r.scope, info: r.info_to_provider },
    };
  });
  return { date: day, staff: { id: actor.userId, name: actor.name }, providerName: provider?.name ?? '', items };
}

const RESOURCE: Record<MobileAction['kind'], string> = { checkin: 'visit.checkin', checkout: 'visit.checkout', note: 'visit.note' };

async function applyAction(tx: TenantTx, ctx: RequestContext, a: MobileAction, now: Date): Promise<MobileActionResult> {
  const actor = ctx.actor as StaffActor;
  const base = { actionId: a.actionId, reason: null, code: null };
  // Lock the visit: actions on one visit are checked one at a time, against what is committed.
  const v = await tx.one<VisitRow & { person_id: string }>(
    `SELECT ${VISIT_COLS}, o.person_id FROM visits v
     JOIN orders o ON o.municipality_id = v.municipality_id AND o.id = v.order_id
     WHERE v.municipality_id = $1 AND v.id = $2 AND o.provider_id = $3 AND o.status = ANY($4::text[])
     FOR UPDATE OF v`, [tx.municipalityId, a.visitId, actor.providerId, ACTIVE_ORDER_STATUSES]);
  if (!v || v.staff_user_id !== actor.userId) {
    tx.audit(auditRecord(ctx, { action: 'denied', resource: RESOURCE[a.kind], flagged: true, details: { visitId: a.visitId, actionId: a.actionId, attempted: a.kind } }));
    return { ...base, result: 'conflict', code: 'not-yours',
      reason: 'Besöket finns inte bland dina besök. Det kan ha flyttats till en kollega eller tagits bort – kontakta din chef.', visit: null };
  }

  const seen = await tx.one<{ visit_id: string; kind: string }>(
    'SELECT visit_id, kind FROM visit_actions WHERE municipality_id = $1 AND action_id = $2', [tx.municipalityId, a.actionId]);
  if (seen) {
    await accessPerson(tx, ctx, v.person_id, { action: 'read', resource: 'visit' });
    if (seen.visit_id !== a.visitId || seen.kind !== a.kind) {
      return { ...base, result: 'conflict', code: 'action-id-reused', reason: 'Åtgärdens id har redan använts för en annan åtgärd. Gör om åtgärden.', visit: stateOf(v) };
    }
    return { ...base, result: 'duplicate', visit: stateOf(v) };
  }

  const check = checkVisitAction(
    { status: v.status, staffUserId: v.staff_user_id, plannedStart: v.planned_start.toISOString(),
      checkedInAt: v.checked_in_at?.toISOString() ?? null, checkedOutAt: v.checked_out_at?.toISOString() ?? null },
    { kind: a.kind, at: a.at, note: a.note }, actor.userId, now);
  if (!check.ok) {
    await accessPerson(tx, ctx, v.person_id, { action: 'read', resource: 'visit' });
    return { ...base, result: 'conflict', code: check.code, reason: check.reason, visit: stateOf(v) };
  }

  const note = a.kind === 'note' ? (a.note ?? '').trim() : null;
  const logged = await tx.query(
    `INSERT INTO visit_actions (municipality_id, action_id, visit_id, staff_user_id, kind, device_at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (municipality_id, action_id) DO NOTHING RETURNING action_id`,
    [tx.municipalityId, a.actionId, a.visitId, actor.userId, a.kind, a.at, note]);
  if (logged.length === 0) return { ...base, result: 'duplicate', visit: stateOf(v) };

  await accessPerson(tx, ctx, v.person_id, { action: 'update', resource: RESOURCE[a.kind] });
  const status = statusAfter(v, a.kind);
  // $3: the device time (check-in/out) or the note; $4: the action id (check-in/out only).
  const [set, params] = a.kind === 'checkin' ? ['checked_in_at = $3, check_in_action = $4', [a.at, a.actionId]]
    : a.kind === 'checkout' ? ['checked_out_at = $3, check_out_action = $4', [a.at, a.actionId]]
      : ['note = $3', [note]];
  const updated = await tx.one<VisitRow>(
    `UPDATE visits v SET ${set}, status = $${params.length + 3}, version = version + 1
     WHERE municipality_id = $1 AND id = $2 RETURNING ${VISIT_COLS}`,
    [tx.municipalityId, a.visitId, ...params, status]);
  return { ...base, result: 'applied', visit: stateOf(updated!) };
}

async function applyActions(tx: TenantTx, ctx: RequestContext, body: MobileActionsBody): Promise<MobileActionsResult> {
  const now = new Date();
  const results: MobileActionResult[] = [];
  // In the order the phone made them: a check-out queued after its check-in lands after it.
  for (const a of body.actions) results.push(await applyAction(tx, ctx, a, now));
  return { results };
}

export function registerMobileRoutes(app: FastifyInstance, withActor: WithActor) {
  app.get('/api/mobile/today', {
    schema: { tags: ['utförare'], summary: 'Dagens besök för mig (mobilvyn)', response: { 200: MobileDay, ...problems } },
  }, (req) => withActor(req, ['utforare'], today));

  app.post('/api/mobile/actions', {
    schema: {
      tags: ['utförare'], summary: 'Skicka telefonens köade åtgärder (in- och utcheckning, anteckning); samma åtgärds-id ger aldrig två effekter',
      body: MobileActionsBody, response: { 200: MobileActionsResult, ...problems },
    },
  }, (req) => withActor(req, ['utforare'], (tx, ctx) => applyActions(tx, ctx, req.body as MobileActionsBody)));
}
