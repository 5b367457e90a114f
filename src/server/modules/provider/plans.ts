// Genomförandeplan per order, written with the person: goals taken from the decision, how and when
// each part is done, the person's participation (documentation of the genomförande: 14 kap. 3 § SoL,
// SOSFS 2014:5 6 kap.; private providers too, 17 kap. 1 § SoL). Versioned: a signed
// version never changes (a database trigger refuses it); a later change is a new version, copied
// from the latest.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../access/actor.ts';
import type { TenantTx } from '../../db/database.ts';
import { conflict, notFound } from '../../http/problems.ts';
import type { PlanBody, PlanGoal, PlanList, PlanPart, PlanView } from '../../../shared/provider-api.ts';
import { openOrder, providerActor } from './access.ts';

interface PlanRow {
  id: string; version: number; status: 'utkast' | 'signerad'; goals: PlanGoal[]; parts: PlanPart[]; participation: string;
  follow_up_on: string | null; created_by: string; created_at: Date; updated_at: Date; signed_at: Date | null; signed_by: string | null;
}

const PLAN_SELECT = `SELECT ip.id, ip.version, ip.status, ip.goals, ip.parts, ip.participation, ip.follow_up_on,
    cb.name AS created_by, ip.created_at, ip.updated_at, ip.signed_at, sb.name AS signed_by
  FROM implementation_plans ip
  JOIN staff_users cb ON cb.municipality_id = ip.municipality_id AND cb.id = ip.created_by
  LEFT JOIN staff_users sb ON sb.municipality_id = ip.municipality_id AND sb.id = ip.signed_by`;

const planView = (r: PlanRow): PlanView => ({
  id: r.id, version: r.version, status: r.status, goals: r.goals, parts: r.parts, participation: r.participation,
  followUpOn: r.follow_up_on, createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  signedAt: r.signed_at?.toISOString() ?? null, signedBy: r.signed_by,
});

async function plansOf(tx: TenantTx, orderId: string): Promise<PlanView[]> {
  const rows = await tx.query<PlanRow>(`${PLAN_SELECT} WHERE ip.municipality_id = $1 AND ip.order_id = $2 ORDER BY ip.version DESC`,
    [tx.municipalityId, orderId]);
  return rows.map(planView);
}

async function planOf(tx: TenantTx, orderId: string, planId: string, lock = false): Promise<PlanRow> {
  const row = await tx.one<PlanRow>(
    `SELECT id, version, status, goals, parts, participation, follow_up_on, created_by, created_at, updated_at, signed_at, signed_by
     FROM implementation_plans WHERE municipality_id = $1 AND order_id = $2 AND id = $3${lock ? ' FOR UPDATE' : ''}`,
    [tx.municipalityId, orderId, planId]);
  if (!row) throw notFound('Genomförandeplanen');
  return row;
}

async function onePlan(tx: TenantTx, planId: string): Promise<PlanView> {
  const row = await tx.one<PlanRow>(`${PLAN_SELECT} WHERE ip.municipality_id = $1 AND ip.id = $2`, [tx.municipalityId, planId]);
  if (!row) throw notFound('Genomförandeplanen');
  return planView(row);
}

export async function listPlans(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<PlanList> {
  await openOrder(tx, ctx, orderId, { resource: 'provider.plan' });
  return { items: await plansOf(tx, orderId) };
}

/** A new draft: a copy of the latest version, or goals taken from the decision for the first. */
export async function newPlan(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<PlanView> {
  const actor = providerActor(ctx);
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.plan', lock: true });
  const latest = await tx.one<PlanRow>(
    `SELECT id, version, status, goals, parts, participation, follow_up_on FROM implementation_plans
     WHERE municipality_id = $1 AND order_id = $2 ORDER BY version DESC LIMIT 1`, [tx.municipalityId, orderId]);
  if (latest?.status === 'utkast') {
    throw conflict(`Det finns redan ett utkast (version ${latest.version}). Fortsätt på det i stället för att skapa ett nytt.`, 'draft-exists');
  }
  let goals: PlanGoal[]; let parts: PlanPart[] = []; let participation = ''; let followUpOn: string | null = null;
  if (latest) {
    ({ goals, parts, participation } = latest); followUpOn = latest.follow_up_on;
  } else {
    const o = await tx.one<{ insats: string; scope: string; dscope: string | null }>(
      `SELECT o.insats, o.scope, d.scope AS dscope FROM orders o
       JOIN decisions d ON d.municipality_id = o.municipality_id AND d.id = o.decision_id
       WHERE o.municipality_id = $1 AND o.id = $2`, [tx.municipalityId, orderId]);
    const scope = o?.scope || o?.dscope || '';
    goals = [{ goal: scope ? `${o?.insats ?? ''}: ${scope}` : (o?.insats ?? ''), fromDecision: true }];
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO implementation_plans (municipality_id, id, order_id, version, goals, parts, participation, follow_up_on, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)`,
    [tx.municipalityId, id, orderId, (latest?.version ?? 0) + 1, JSON.stringify(goals), JSON.stringify(parts), participation, followUpOn, actor.userId]);
  return onePlan(tx, id);
}

export async function editPlan(tx: TenantTx, ctx: RequestContext, orderId: string, planId: string, body: PlanBody): Promise<PlanView> {
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.plan' });
  const plan = await planOf(tx, orderId, planId, true);
  if (plan.status === 'signerad') {
    throw conflict(`Version ${plan.version} är signerad och kan inte ändras. Skapa en ny version.`, 'plan-signed');
  }
  if (plan.updated_at.toISOString() !== new Date(body.updatedAt).toISOString()) {
    throw conflict('Någon annan har ändrat utkastet sedan du öppnade det. Läs in det igen och gör om ändringen.', 'stale-version');
  }
  await tx.query(
    `UPDATE implementation_plans SET goals = $4::jsonb, parts = $5::jsonb, participation = $6, follow_up_on = $7,
       updated_at = date_trunc('milliseconds', clock_timestamp())
     WHERE municipality_id = $1 AND order_id = $2 AND id = $3`,
    [tx.municipalityId, orderId, planId, JSON.stringify(body.goals), JSON.stringify(body.parts), body.participation.trim(), body.followUpOn]);
  return onePlan(tx, planId);
}

export async function signPlan(tx: TenantTx, ctx: RequestContext, orderId: string, planId: string): Promise<PlanView> {
  const actor = providerActor(ctx);
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.plan.sign' });
  const plan = await planOf(tx, orderId, planId, true);
  if (plan.status === 'signerad') throw conflict(`Version ${plan.version} är redan signerad.`, 'plan-signed');
  const missing = [
    plan.goals.length === 0 ? 'minst ett mål' : '',
    plan.parts.length === 0 ? 'minst en del (vad, hur, när, vem)' : '',
    plan.participation.trim() === '' ? 'hur personen har varit delaktig' : '',
  ].filter(Boolean);
  if (missing.length) throw conflict(`Planen kan inte signeras ännu. Fyll i ${missing.join(', ')}.`, 'plan-incomplete');
  await tx.query(
    `UPDATE implementation_plans SET status = 'signerad', signed_at = now(), signed_by = $4
     WHERE municipality_id = $1 AND order_id = $2 AND id = $3`, [tx.municipalityId, orderId, planId, actor.userId]);
  return onePlan(tx, planId);
}
