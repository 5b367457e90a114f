// Delegationsordning: which position may take which decision on the nämnd's behalf (6 kap. 37 §
// kommunallagen 2017:725). Case workers read it (it says what they may sign); only systemförvaltare
// change it, and every change is audited. No personal data here, so no subject person in the log.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../../shared/api.ts';
import {
  DelegationBody, DelegationList, DelegationRuleView, type DecisionGroup, type DelegationBody as Body,
  type DelegationRuleView as RuleView,
} from '../../../shared/delegations-api.ts';
import { decisionTypes, insatsByKey, isDecisionType, PROCESS_DECISIONS } from '../../../domain/insatser.ts';
import { NON_DELEGABLE, nonDelegable, nonDelegableReason } from '../../../domain/delegation-limits.ts';
import type { WithActor } from '../../access/session.ts';
import { viewOf } from '../../access/session.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, forbidden, HttpProblem, notFound } from '../../http/problems.ts';

const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };
const changeProblems = { ...problems, 400: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } };
const RESOURCE = 'delegation';
const OUTCOME_ORDER = ['bifall', 'delvis_bifall', 'avslag'] as const;

/** The page's grouping of a decision type: by law, and within SoL by area. */
export function decisionGroup(key: string): DecisionGroup {
  if (key in PROCESS_DECISIONS) return 'sol_utredning';
  const insats = insatsByKey(key);
  if (!insats) return 'sol_ifo';
  if (insats.law === 'LSS') return 'lss';
  if (insats.legalBasis === 'SoL2025:12:1') return 'sol_ekonomiskt_bistand';
  const first = insats.areas[0];
  return first === 'aldreomsorg' || first === 'funktionsstod' ? 'sol_aldre_funktionsstod' : 'sol_ifo';
}

const CATALOGUE = decisionTypes().map((d) => ({ ...d, group: decisionGroup(d.key) }));
const LABELS = new Map(CATALOGUE.map((d) => [d.key, d]));

interface Row {
  id: string; decision_type: string; level: RuleView['level']; outcomes: RuleView['outcomes']; unit_id: string | null;
  unit_name: string | null; note: string | null; updated_at: Date; updated_by_name: string | null;
}

const SELECT = `SELECT d.id, d.decision_type, d.level, d.outcomes, d.unit_id, u.name AS unit_name, d.note, d.updated_at,
    su.name AS updated_by_name
  FROM delegations d
  LEFT JOIN org_units u ON u.municipality_id = d.municipality_id AND u.id = d.unit_id
  LEFT JOIN staff_users su ON su.municipality_id = d.municipality_id AND su.id = d.updated_by`;

function view(r: Row): RuleView {
  const label = LABELS.get(r.decision_type);
  return {
    id: r.id, decisionType: r.decision_type,
    // A rule for a type no longer in the catalogue still shows, under its key, so it can be removed.
    decisionTypeLabelSv: label?.labelSv ?? r.decision_type, decisionTypeLabelEn: label?.labelEn ?? r.decision_type,
    group: decisionGroup(r.decision_type), level: r.level,
    outcomes: OUTCOME_ORDER.filter((o) => r.outcomes.includes(o)),
    unitId: r.unit_id, unitName: r.unit_name, note: r.note, updatedAt: r.updated_at.toISOString(), updatedBy: r.updated_by_name,
  };
}

async function listRules(tx: TenantTx) {
  const rows = await tx.query<Row>(`${SELECT} WHERE d.municipality_id = $1`, [tx.municipalityId]);
  const order = new Map(CATALOGUE.map((d, i) => [d.key, i]));
  const items = rows.map(view).sort((a, b) =>
    (order.get(a.decisionType) ?? 1e6) - (order.get(b.decisionType) ?? 1e6)
    || a.decisionType.localeCompare(b.decisionType)
    || (a.level === b.level ? 0 : a.level === 'handlaggare' ? -1 : 1)
    || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'sv'));
  return items;
}

/** Units a rule may be limited to: those that handle cases (not the förvaltning as a whole). */
async function caseUnits(tx: TenantTx) {
  return tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM org_units WHERE municipality_id = $1 AND area <> 'forvaltning' ORDER BY name`, [tx.municipalityId]);
}

/** Only systemförvaltare change the delegationsordning; a refused attempt is logged for follow-up. */
function assertAdmin(tx: TenantTx, ctx: RequestContext, attempted: string): void {
  if (viewOf(ctx.actor) === 'systemforvaltare') return;
  tx.auditRefusal(auditRecord(ctx, { action: 'denied', resource: RESOURCE, flagged: true, details: { attempted } }));
  throw forbidden(
    'Endast systemförvaltare kan ändra delegationsordningen. Du kan läsa den; kontakta systemförvaltaren om en regel behöver ändras efter nämndens beslut.',
    'not-systemforvaltare',
  );
}

interface Clean { decisionType: string; level: Body['level']; outcomes: Body['outcomes']; unitId: string | null; note: string | null }

async function validate(tx: TenantTx, body: Body): Promise<Clean> {
  const decisionType = body.decisionType.trim();
  const barred = nonDelegable(decisionType);
  if (barred) {
    throw new HttpProblem(400, 'Beslutet får inte delegeras', nonDelegableReason(barred), 'non-delegable',
      [{ path: 'body/decisionType', message: nonDelegableReason(barred) }]);
  }
  if (!isDecisionType(decisionType)) {
    const message = `Beslutstypen "${decisionType.slice(0, 100)}" finns inte i Lots katalog. Välj en beslutstyp ur listan (GET /api/delegations, fältet decisionTypes).`;
    throw badRequest(message, [{ path: 'body/decisionType', message }]);
  }
  const outcomes = OUTCOME_ORDER.filter((o) => body.outcomes.includes(o));
  if (body.unitId !== null) {
    const unit = await tx.one('SELECT 1 AS x FROM org_units WHERE municipality_id = $1 AND id = $2 AND area <> \'forvaltning\'', [tx.municipalityId, body.unitId]);
    if (!unit) {
      const message = 'Enheten finns inte i kommunen eller handlägger inga ärenden. Välj en enhet ur listan, eller ingen enhet om regeln gäller alla enheter.';
      throw badRequest(message, [{ path: 'body/unitId', message }]);
    }
  }
  const note = body.note?.trim() || null;
  return { decisionType, level: body.level, outcomes, unitId: body.unitId, note };
}

/** One rule per decision type, position and unit: a second one would only hide the first. */
async function assertNoTwin(tx: TenantTx, c: Clean, exceptId: string | null): Promise<void> {
  const twin = await tx.one<{ id: string }>(
    `SELECT id FROM delegations WHERE municipality_id = $1 AND decision_type = $2 AND level = $3
       AND unit_id IS NOT DISTINCT FROM $4::uuid AND ($5::uuid IS NULL OR id <> $5::uuid)`,
    [tx.municipalityId, c.decisionType, c.level, c.unitId, exceptId]);
  if (twin) {
    throw new HttpProblem(409, 'Regeln finns redan',
      'Det finns redan en regel för den här beslutstypen, befattningen och enheten. Ändra den befintliga regeln i stället (till exempel vilka utfall den gäller).',
      'delegation-exists');
  }
}

const snapshot = (c: Clean) => ({ decisionType: c.decisionType, level: c.level, outcomes: c.outcomes, unitId: c.unitId, note: c.note });

async function createRule(tx: TenantTx, ctx: RequestContext, body: Body): Promise<RuleView> {
  assertAdmin(tx, ctx, 'create');
  const c = await validate(tx, body);
  await assertNoTwin(tx, c, null);
  const actor = ctx.actor as StaffActor;
  const inserted = await tx.one<{ id: string }>(
    `INSERT INTO delegations (municipality_id, id, decision_type, level, outcomes, unit_id, note, updated_at, updated_by)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, now(), $7) RETURNING id`,
    [tx.municipalityId, c.decisionType, c.level, c.outcomes, c.unitId, c.note, actor.userId]);
  const id = inserted!.id;
  tx.audit(auditRecord(ctx, { action: 'create', resource: RESOURCE, details: { id, after: snapshot(c) } }));
  return (await readRule(tx, id))!;
}

async function readRule(tx: TenantTx, id: string): Promise<RuleView | null> {
  const row = await tx.one<Row>(`${SELECT} WHERE d.municipality_id = $1 AND d.id = $2`, [tx.municipalityId, id]);
  return row ? view(row) : null;
}

async function beforeChange(tx: TenantTx, id: string) {
  const row = await tx.one<{ decision_type: string; level: string; outcomes: string[]; unit_id: string | null; note: string | null }>(
    'SELECT decision_type, level, outcomes, unit_id, note FROM delegations WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
    [tx.municipalityId, id]);
  if (!row) throw notFound('Delegationsregeln');
  return { decisionType: row.decision_type, level: row.level, outcomes: row.outcomes, unitId: row.unit_id, note: row.note };
}

async function updateRule(tx: TenantTx, ctx: RequestContext, id: string, body: Body): Promise<RuleView> {
  assertAdmin(tx, ctx, 'update');
  const before = await beforeChange(tx, id);
  const c = await validate(tx, body);
  await assertNoTwin(tx, c, id);
  const actor = ctx.actor as StaffActor;
  await tx.query(
    `UPDATE delegations SET decision_type = $3, level = $4, outcomes = $5, unit_id = $6, note = $7, updated_at = now(), updated_by = $8
     WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, id, c.decisionType, c.level, c.outcomes, c.unitId, c.note, actor.userId]);
  tx.audit(auditRecord(ctx, { action: 'update', resource: RESOURCE, details: { id, before, after: snapshot(c) } }));
  return (await readRule(tx, id))!;
}

async function deleteRule(tx: TenantTx, ctx: RequestContext, id: string): Promise<void> {
  assertAdmin(tx, ctx, 'delete');
  const before = await beforeChange(tx, id);
  await tx.query('DELETE FROM delegations WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
  tx.audit(auditRecord(ctx, { action: 'delete', resource: RESOURCE, details: { id, before } }));
}

export function registerDelegationRoutes(app: FastifyInstance, withActor: WithActor): void {
  const readers = ['handlaggare', 'systemforvaltare'] as const;
  // Changes admit every staff view so that a case worker gets the specific refusal (and it is logged).
  const writers = ['handlaggare', 'utforare', 'systemforvaltare'] as const;

  app.get('/api/delegations', {
    schema: {
      tags: ['delegationsordning'], summary: 'Delegationsordningen: regler, beslutstyper och enheter',
      response: { 200: DelegationList, ...problems },
    },
  }, (req) => withActor(req, [...readers], async (tx) => {
    const items = await listRules(tx);
    const units = await caseUnits(tx);
    return {
      items,
      decisionTypes: CATALOGUE,
      nonDelegable: NON_DELEGABLE.map(({ key, labelSv, labelEn, decisionBasis, restriction }) => ({ key, labelSv, labelEn, decisionBasis, restriction })),
      units,
    };
  }));

  app.post('/api/admin/delegations', {
    schema: {
      tags: ['delegationsordning'], summary: 'Lägg till en regel i delegationsordningen (systemförvaltare)',
      body: DelegationBody, response: { 201: DelegationRuleView, ...changeProblems },
    },
  }, async (req, reply) => {
    const created = await withActor(req, [...writers], (tx, ctx) => createRule(tx, ctx, req.body as Body));
    return reply.status(201).send(created);
  });

  app.put('/api/admin/delegations/:id', {
    schema: {
      tags: ['delegationsordning'], summary: 'Ändra en regel i delegationsordningen (systemförvaltare)',
      params: IdParams, body: DelegationBody, response: { 200: DelegationRuleView, ...changeProblems },
    },
  }, (req) => withActor(req, [...writers], (tx, ctx) => updateRule(tx, ctx, (req.params as { id: string }).id, req.body as Body)));

  app.delete('/api/admin/delegations/:id', {
    schema: {
      tags: ['delegationsordning'], summary: 'Ta bort en regel ur delegationsordningen (systemförvaltare)',
      params: IdParams, response: { 204: Type.Null(), ...problems, 400: { $ref: 'Problem#' } },
    },
  }, async (req, reply) => {
    await withActor(req, [...writers], (tx, ctx) => deleteRule(tx, ctx, (req.params as { id: string }).id));
    return reply.status(204).send();
  });
}
