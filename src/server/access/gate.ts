// The access gate: the one place that decides whose personal data an actor may see, and that
// records every such read in the audit log of the same transaction.
//
// Access = role × relation:
//   handläggare/arbetsledare → persons with a case in their own unit, or an active need-to-know override
//   utförare                → persons with an active order (beställning) to their provider
//   medborgare              → themselves, children in their custody (under 18), those whose fullmakt they hold
//   systemförvaltare        → nobody: administration needs no personal data
import { ORDER_ACTIVE } from '../../domain/verkstallighet.ts';
import type { TenantTx } from '../db/database.ts';
import { type Actor, type RequestContext, actorId, isCaseWorker, isProviderStaff } from './actor.ts';
import type { AuditEntry } from './audit.ts';
import { CUSTODY_ENDS_AT_AGE } from '../../domain/guardianship.ts';
import { forbidden, notFound } from '../http/problems.ts';

export type Relation = 'unit_case' | 'override' | 'provider_order' | 'self' | 'vardnadshavare' | 'ombud';

/** Orders that give a provider a reason to know the person (an interrupted order still does). */
export const ACTIVE_ORDER_STATUSES = ORDER_ACTIVE;
/** How long a need-to-know override lasts. */
export const OVERRIDE_HOURS = 8;

/**
 * SQL that yields how the citizen `selfExpr` is related to the person `personExpr` ('self',
 * 'vardnadshavare', 'ombud') or NULL. `m` is the municipality's parameter. Both are SQL
 * expressions, so the same rule serves one logged-in citizen and many candidates at once.
 */
export function citizenRelationSql(m: string, selfExpr: string, personExpr: string): string {
  // A guardian acts for a child in custody (FB 6 kap. 2 §); an ombud within the fullmakt's dates.
  return `CASE
      WHEN ${personExpr} = ${selfExpr} THEN 'self'
      WHEN EXISTS (SELECT 1 FROM person_relations gr JOIN persons gchild
                     ON gchild.municipality_id = gr.municipality_id AND gchild.id = gr.person_id
                   WHERE gr.municipality_id = ${m} AND gr.person_id = ${personExpr} AND gr.related_person_id = ${selfExpr}
                     AND gr.kind = 'vardnadshavare' AND gchild.birth_date > (current_date - make_interval(years => ${CUSTODY_ENDS_AT_AGE}))
                     AND gr.valid_from <= current_date AND (gr.valid_to IS NULL OR gr.valid_to >= current_date)) THEN 'vardnadshavare'
      WHEN EXISTS (SELECT 1 FROM person_relations gr WHERE gr.municipality_id = ${m} AND gr.person_id = ${personExpr}
                     AND gr.related_person_id = ${selfExpr} AND gr.kind = 'ombud'
                     AND gr.valid_from <= current_date AND (gr.valid_to IS NULL OR gr.valid_to >= current_date)) THEN 'ombud'
    END`;
}

/**
 * SQL that yields the relation (or NULL) between the actor and the person `personExpr`.
 * Appends its parameters to `params`. Used by single reads and by list queries alike, so
 * lists can never show someone a single read would refuse.
 */
export function relationSql(actor: Actor, personExpr: string, params: unknown[]): string {
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const m = p(actor.municipalityId);
  if (isCaseWorker(actor)) {
    const unit = p(actor.unitId);
    const user = p(actor.userId);
    return `CASE
      WHEN EXISTS (SELECT 1 FROM cases gc WHERE gc.municipality_id = ${m} AND gc.person_id = ${personExpr} AND gc.unit_id = ${unit}) THEN 'unit_case'
      WHEN EXISTS (SELECT 1 FROM access_overrides go WHERE go.municipality_id = ${m} AND go.staff_user_id = ${user}
                   AND go.person_id = ${personExpr} AND go.expires_at > now()) THEN 'override'
    END`;
  }
  if (isProviderStaff(actor)) {
    const provider = p(actor.providerId);
    return `CASE WHEN EXISTS (SELECT 1 FROM orders gorder WHERE gorder.municipality_id = ${m} AND gorder.person_id = ${personExpr}
      AND gorder.provider_id = ${provider} AND gorder.status IN (${ACTIVE_ORDER_STATUSES.map((s) => `'${s}'`).join(',')})) THEN 'provider_order' END`;
  }
  if (actor.kind === 'citizen' && actor.personId) return citizenRelationSql(m, p(actor.personId), personExpr);
  return 'NULL';
}

/**
 * SQL condition on a case row alias: which of a visible person's cases the actor may see.
 * Case workers see their unit's cases; through an override, all the person's cases.
 */
export function caseVisibleSql(actor: Actor, caseAlias: string, relation: Relation, params: unknown[]): string {
  if (isCaseWorker(actor) && relation === 'unit_case') {
    params.push(actor.unitId);
    return `${caseAlias}.unit_id = $${params.length}`;
  }
  if (isCaseWorker(actor) && relation === 'override') return 'true';
  if (actor.kind === 'citizen') return 'true';
  return 'false';
}

function baseEntry(ctx: RequestContext): Pick<AuditEntry, 'actorKind' | 'actorId' | 'actorName' | 'ip' | 'userAgent'> {
  return {
    actorKind: ctx.actor.kind,
    actorId: actorId(ctx.actor),
    actorName: ctx.actor.name,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
  };
}

export function auditRecord(ctx: RequestContext, fields: Partial<AuditEntry> & Pick<AuditEntry, 'action' | 'resource'>): AuditEntry {
  return {
    ...baseEntry(ctx),
    subjectPersonId: null, purpose: null, reason: null, flagged: false, details: {},
    ...fields,
  };
}

/**
 * Checks that the actor may access the person and logs the access. Throws 404 when the person
 * does not exist in this municipality (row-level security hides other tenants' rows too) and
 * 403 when there is no relation; refusals are logged and flagged as well.
 */
export async function accessPerson(
  tx: TenantTx, ctx: RequestContext, personId: string,
  what: { action?: 'read' | 'update'; resource: string },
): Promise<Relation> {
  const params: unknown[] = [personId];
  const row = await tx.one<{ relation: Relation | null }>(
    `SELECT ${relationSql(ctx.actor, 'p.id', params)} AS relation FROM persons p WHERE p.id = $1`, params,
  );
  if (!row) throw notFound('Personen');
  const action = what.action ?? 'read';
  if (!row.relation) {
    tx.auditRefusal(auditRecord(ctx, { action: 'denied', resource: what.resource, subjectPersonId: personId, flagged: true, details: { attempted: action } }));
    throw forbidden(
      'Du har ingen koppling till personen (inget ärende i din enhet, ingen beställning, ingen behörighet att företräda).',
      'no-relation',
    );
  }
  tx.audit(auditRecord(ctx, {
    action, resource: what.resource, subjectPersonId: personId, purpose: row.relation,
    flagged: row.relation === 'override',
  }));
  return row.relation;
}

/** Logs reads of several persons shown at once (a list, a search result): one record each. */
export function recordListReads(tx: TenantTx, ctx: RequestContext, personIds: Iterable<string>, resource: string, details: Record<string, unknown> = {}): void {
  for (const id of new Set(personIds)) {
    tx.audit(auditRecord(ctx, { action: 'list', resource, subjectPersonId: id, details }));
  }
}

/** A deliberate need-to-know access outside the normal relation: needs a reason, is flagged. */
export async function grantOverride(tx: TenantTx, ctx: RequestContext, personId: string, reason: string): Promise<void> {
  const actor = ctx.actor;
  if (!isCaseWorker(actor)) throw forbidden('Endast handläggare och arbetsledare kan begära åtkomst av annat skäl.');
  const person = await tx.one('SELECT 1 AS x FROM persons WHERE id = $1', [personId]);
  if (!person) throw notFound('Personen');
  await tx.query(
    `INSERT INTO access_overrides (municipality_id, id, staff_user_id, person_id, reason, expires_at)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, now() + make_interval(hours => $5))`,
    [tx.municipalityId, actor.userId, personId, reason, OVERRIDE_HOURS],
  );
  tx.audit(auditRecord(ctx, { action: 'override', resource: 'person', subjectPersonId: personId, reason, flagged: true, purpose: 'override' }));
}
