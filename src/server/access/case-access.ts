// Access to one case: the person's relation through the gate (audited), then whether this case is
// one of the person's cases the actor may see (its unit, or any case through an override).
// Every case-scoped route (process, journal, files, decisions) starts here.
import type { TenantTx } from '../db/database.ts';
import type { RequestContext } from './actor.ts';
import { isCaseWorker } from './actor.ts';
import { accessPerson, auditRecord, caseVisibleSql, type Relation } from './gate.ts';
import { forbidden, notFound } from '../http/problems.ts';

export interface CaseAccess {
  caseId: string;
  personId: string;
  unitId: string;
  relation: Relation;
}

/**
 * Reads the case's person through the gate (writes the audit record for `resource`) and refuses
 * a case outside the actor's visibility. `action` 'update' marks changes in the audit log.
 */
export async function accessCase(
  tx: TenantTx, ctx: RequestContext, caseId: string,
  what: { action?: 'read' | 'update'; resource: string },
): Promise<CaseAccess> {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare arbetar i ärenden.');
  const row = await tx.one<{ person_id: string; unit_id: string }>(
    'SELECT person_id, unit_id FROM cases WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, caseId]);
  if (!row) throw notFound('Ärendet');
  const relation = await accessPerson(tx, ctx, row.person_id, { action: what.action, resource: what.resource });
  const params: unknown[] = [tx.municipalityId, caseId];
  const visible = await tx.one<{ ok: boolean }>(
    `SELECT ${caseVisibleSql(ctx.actor, 'c', relation, params)} AS ok FROM cases c WHERE c.municipality_id = $1 AND c.id = $2`, params);
  if (!visible?.ok) {
    tx.auditRefusal(auditRecord(ctx, { action: 'denied', resource: what.resource, subjectPersonId: row.person_id, flagged: true, details: { caseId } }));
    throw forbidden('Ärendet tillhör en annan enhet. Begär åtkomst av annat skäl om du behöver läsa det.', 'no-relation');
  }
  return { caseId, personId: row.person_id, unitId: row.unit_id, relation };
}
