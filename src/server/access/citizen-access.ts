// Which cases a logged-in citizen may see, in one place: their own; a child's in custody within
// the limits of src/domain/citizen-status.ts (age, protected matters, cases withheld after a
// secrecy review); a fullmaktsgivare's within the fullmakt's dates and case areas. Every citizen
// route that touches a case (Mina ärenden, letters, insatser, messages) asks here.
import type { RequestContext } from './actor.ts';
import { auditRecord, citizenRelationSql, relationSql } from './gate.ts';
import type { TenantTx } from '../db/database.ts';
import { notFound } from '../http/problems.ts';
import { ageOf } from '../modules/shared/rows.ts';
import { citizenMaySeeCase, type CitizenRelationKind, type GuardianWithholdReason } from '../../domain/citizen-status.ts';
import type { CaseArea, CaseType, Status } from '../../domain/process/types.ts';

export interface CitizenCaseRef {
  id: string; personId: string; caseNumber: string; area: CaseArea; caseType: CaseType; status: Status;
  unitId: string; assignedTo: string | null; relation: CitizenRelationKind;
}

interface Row {
  id: string; person_id: string; case_number: string; area: CaseArea; case_type: CaseType; status: Status;
  unit_id: string; assigned_to: string | null; withheld_from_guardians: GuardianWithholdReason | null;
  relation: CitizenRelationKind | null; birth_date: string;
}

const CASE_COLUMNS = `c.id, c.person_id, c.case_number, c.area, c.case_type, c.status, c.unit_id, c.assigned_to,
  c.withheld_from_guardians, p.birth_date`;

const toRef = (r: Row): CitizenCaseRef => ({
  id: r.id, personId: r.person_id, caseNumber: r.case_number, area: r.area, caseType: r.case_type, status: r.status,
  unitId: r.unit_id, assignedTo: r.assigned_to, relation: r.relation!,
});

/** Adds up fullmakt rows per key: several fullmakter add up; one without registered areas covers everything (null). */
function areasByKey(rows: { key: string; scope_areas: CaseArea[] | null }[]): Map<string, CaseArea[] | null> {
  const out = new Map<string, CaseArea[] | null>();
  for (const r of rows) {
    const before = out.get(r.key);
    if (before === null) continue;
    const areas = r.scope_areas && r.scope_areas.length > 0 ? r.scope_areas : null;
    out.set(r.key, areas === null ? null : [...new Set([...(before ?? []), ...areas])]);
  }
  return out;
}

const ACTIVE_FULLMAKT = `kind = 'ombud' AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)`;

/** The case areas the citizen's active fullmakter from each person cover; null = every area. */
async function fullmaktAreas(tx: TenantTx, me: string, personIds: string[]): Promise<Map<string, CaseArea[] | null>> {
  return areasByKey(await tx.query<{ key: string; scope_areas: CaseArea[] | null }>(
    `SELECT person_id AS key, scope_areas FROM person_relations
     WHERE municipality_id = $1 AND related_person_id = $2 AND person_id = ANY($3::uuid[]) AND ${ACTIVE_FULLMAKT}`,
    [tx.municipalityId, me, personIds]));
}

/** The case areas each ombud's active fullmakter from the person cover; null = every area. */
async function fullmaktAreasOfOmbud(tx: TenantTx, personId: string, ombudIds: string[]): Promise<Map<string, CaseArea[] | null>> {
  return areasByKey(await tx.query<{ key: string; scope_areas: CaseArea[] | null }>(
    `SELECT related_person_id AS key, scope_areas FROM person_relations
     WHERE municipality_id = $1 AND person_id = $2 AND related_person_id = ANY($3::uuid[]) AND ${ACTIVE_FULLMAKT}`,
    [tx.municipalityId, personId, ombudIds]));
}

async function visible(tx: TenantTx, me: string, rows: Row[]): Promise<Row[]> {
  const ombudFor = [...new Set(rows.filter((r) => r.relation === 'ombud').map((r) => r.person_id))];
  const areas = ombudFor.length ? await fullmaktAreas(tx, me, ombudFor) : new Map<string, CaseArea[] | null>();
  return rows.filter((r) => r.relation !== null && citizenMaySeeCase(
    { relation: r.relation, personAge: ageOf(r), fullmaktAreas: areas.get(r.person_id) ?? null },
    { area: r.area, withheldFromGuardians: r.withheld_from_guardians },
  ));
}

/** Every case the citizen may see, optionally of one person they act for. The caller records list reads. */
export async function citizenVisibleCases(tx: TenantTx, ctx: RequestContext, opts: { personId?: string } = {}): Promise<CitizenCaseRef[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'citizen' || !actor.personId) return [];
  const params: unknown[] = [tx.municipalityId, actor.personId, opts.personId ?? null];
  const rel = relationSql(actor, 'p.id', params);
  const rows = await tx.query<Row>(
    `SELECT * FROM (
       SELECT ${CASE_COLUMNS}, (${rel}) AS relation, c.received_on
       FROM persons p JOIN cases c ON c.municipality_id = p.municipality_id AND c.person_id = p.id
       WHERE p.municipality_id = $1 AND (p.id = $2 OR p.id IN (
         SELECT r.person_id FROM person_relations r WHERE r.municipality_id = $1 AND r.related_person_id = $2))
         AND ($3::uuid IS NULL OR p.id = $3::uuid)
       UNION ALL
       -- cases where I am the medsökande who confirmed the application (only among my own cases)
       SELECT ${CASE_COLUMNS}, 'medsokande' AS relation, c.received_on
       FROM e_service_confirmations ec
       JOIN e_service_submissions es ON es.municipality_id = ec.municipality_id AND es.id = ec.submission_id
       JOIN cases c ON c.municipality_id = es.municipality_id AND c.id = es.case_id
       JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
       WHERE ec.municipality_id = $1 AND ec.co_applicant_person_id = $2 AND ec.state = 'confirmed' AND ($3::uuid IS NULL OR $3::uuid = $2)
     ) s WHERE s.relation IS NOT NULL ORDER BY (s.status = 'avslutad'), s.received_on DESC`, params);
  return (await visible(tx, actor.personId, rows)).map(toRef);
}

/**
 * Which of the candidates (citizens) may see the case in the e-service, and as what: the same rule
 * as citizenVisibleCases, decided for all candidates in one query (the candidate as "self"), with
 * the fullmakter's areas in one more. For the staff side (who can be written to); not audited here.
 * A medsökande is not among them: they see the case, but it is not about them.
 */
export async function citizensWhoMaySeeCase(
  tx: TenantTx, caseId: string, candidatePersonIds: string[],
): Promise<Map<string, 'self' | 'vardnadshavare' | 'ombud'>> {
  const candidates = [...new Set(candidatePersonIds)];
  const out = new Map<string, 'self' | 'vardnadshavare' | 'ombud'>();
  if (candidates.length === 0) return out;
  const rows = await tx.query<Row & { candidate: string }>(
    `SELECT * FROM (
       SELECT cand.id AS candidate, ${CASE_COLUMNS}, (${citizenRelationSql('$1', 'cand.id', 'p.id')}) AS relation
       FROM cases c JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
       CROSS JOIN unnest($3::uuid[]) AS cand(id)
       WHERE c.municipality_id = $1 AND c.id = $2
     ) s WHERE s.relation IS NOT NULL`, [tx.municipalityId, caseId, candidates]);
  const ombud = rows.filter((r) => r.relation === 'ombud');
  const areas = ombud.length ? await fullmaktAreasOfOmbud(tx, ombud[0]!.person_id, ombud.map((r) => r.candidate)) : new Map<string, CaseArea[] | null>();
  for (const r of rows) {
    const relation = r.relation as 'self' | 'vardnadshavare' | 'ombud';
    if (citizenMaySeeCase(
      { relation, personAge: ageOf(r), fullmaktAreas: areas.get(r.candidate) ?? null },
      { area: r.area, withheldFromGuardians: r.withheld_from_guardians },
    )) out.set(r.candidate, relation);
  }
  return out;
}

/**
 * One case the citizen may see, with the access audited. A case that does not exist and one the
 * citizen may not see answer the same 404, so ids cannot be probed; the refusal is kept and flagged.
 */
export async function accessCitizenCase(
  tx: TenantTx, ctx: RequestContext, caseId: string, what: { action: 'read' | 'update'; resource: string },
): Promise<CitizenCaseRef> {
  const actor = ctx.actor;
  const params: unknown[] = [tx.municipalityId, caseId];
  const rel = actor.kind === 'citizen' && actor.personId ? relationSql(actor, 'p.id', params) : 'NULL';
  const self = actor.kind === 'citizen' && actor.personId ? actor.personId : null;
  params.push(self);
  const row = await tx.one<Row>(
    `SELECT ${CASE_COLUMNS}, coalesce((${rel}), CASE WHEN EXISTS (
         SELECT 1 FROM e_service_confirmations ec
         JOIN e_service_submissions es ON es.municipality_id = ec.municipality_id AND es.id = ec.submission_id
         WHERE ec.municipality_id = $1 AND es.case_id = c.id AND ec.co_applicant_person_id = $${params.length}::uuid AND ec.state = 'confirmed'
       ) THEN 'medsokande' END) AS relation
     FROM cases c JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     WHERE c.municipality_id = $1 AND c.id = $2`, params);
  if (!row) throw notFound('Ärendet');
  const allowed = actor.kind === 'citizen' && actor.personId ? (await visible(tx, actor.personId, [row])).length === 1 : false;
  if (!allowed) {
    tx.auditRefusal(auditRecord(ctx, {
      action: 'denied', resource: what.resource, subjectPersonId: row.person_id, flagged: true, details: { attempted: what.action, caseId },
    }));
    throw notFound('Ärendet');
  }
  tx.audit(auditRecord(ctx, {
    action: what.action, resource: what.resource, subjectPersonId: row.person_id, purpose: row.relation, details: { caseId },
  }));
  return toRef(row);
}
