// Who may see an ansökan om försörjningsstöd before it is a case: the applicant (the draft's owner,
// through the gate as for every draft) and the co-applicant, who is a party to it. A co-applicant
// reaches the application only while they are the partner the applicant named AND the applicant's
// registered make_maka/sambo (person_relations, within its dates): both are checked on every
// access, and the access is audited with the applicant as the subject. Anyone else gets 404 (the
// application's existence is not revealed); the attempt is kept in the audit log and flagged.
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { HttpProblem, notFound } from '../../http/problems.ts';
import type { PartnerRelation } from '../../../domain/forsorjningsstod-application.ts';
import { citizenPersonId, loadOwnDraft, type DraftRow } from './drafts.ts';

export const KIND = 'ansokan_forsorjningsstod' as const;
export const RESOURCE = 'e_service.forsorjningsstod';
/** The audit log's purpose when the co-applicant reads or acts on their partner's application. */
export const CO_APPLICANT_PURPOSE = 'medsokande';

/** SQL: the registered partner relation (make_maka or sambo) of person `applicant` to `partner`, valid today. */
export function partnerRelationSql(applicant: string, partner: string): string {
  return `EXISTS (SELECT 1 FROM person_relations pr WHERE pr.municipality_id = $1 AND pr.person_id = ${applicant}
    AND pr.related_person_id = ${partner} AND pr.kind IN ('make_maka','sambo')
    AND pr.valid_from <= current_date AND (pr.valid_to IS NULL OR pr.valid_to >= current_date))`;
}

/**
 * The applicant's own försörjningsstöd draft, through the gate. Someone else's draft is "not
 * found"; the attempt is audited and flagged when the draft exists.
 */
export async function loadFsDraft(tx: TenantTx, ctx: RequestContext, id: string, opts: { action: 'read' | 'update'; lock?: boolean; unsubmitted?: boolean }): Promise<DraftRow> {
  let row: DraftRow;
  try {
    row = await loadOwnDraft(tx, ctx, id, { lock: opts.lock, unsubmitted: opts.unsubmitted });
  } catch (err) {
    if (err instanceof HttpProblem && err.status === 404) {
      const other = await tx.one<{ subject_person_id: string; owner_person_id: string }>(
        'SELECT subject_person_id, owner_person_id FROM e_service_drafts WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
      if (other && other.owner_person_id !== citizenPersonId(ctx)) {
        tx.auditRefusal(auditRecord(ctx, {
          action: 'denied', resource: RESOURCE, subjectPersonId: other.subject_person_id, flagged: true, details: { attempted: opts.action, draftId: id },
        }));
      }
    }
    throw err;
  }
  if (row.kind !== KIND) throw notFound('Ansökan');
  await accessPerson(tx, ctx, row.subject_person_id, { action: opts.action, resource: RESOURCE });
  return row;
}

export type ConfirmationState = 'awaiting_co_applicant' | 'confirmed' | 'declined' | 'withdrawn';

export interface ConfirmationRow {
  id: string; draft_id: string; applicant_person_id: string; co_applicant_person_id: string; relation: PartnerRelation;
  state: ConfirmationState; draft_version: number; idempotency_key: string; requested_at: Date; decided_at: Date | null;
  decline_reason: string | null; submission_id: string | null; applicant_name: string; co_applicant_name: string; partner_active: boolean;
}

export const SELECT_CONFIRMATION = `SELECT c.id, c.draft_id, c.applicant_person_id, c.co_applicant_person_id, c.relation, c.state, c.draft_version,
    c.idempotency_key, c.requested_at, c.decided_at, c.decline_reason, c.submission_id,
    ap.first_name || ' ' || ap.last_name AS applicant_name, cp.first_name || ' ' || cp.last_name AS co_applicant_name,
    ${partnerRelationSql('c.applicant_person_id', 'c.co_applicant_person_id')} AS partner_active
  FROM e_service_confirmations c
  JOIN persons ap ON ap.municipality_id = c.municipality_id AND ap.id = c.applicant_person_id
  JOIN persons cp ON cp.municipality_id = c.municipality_id AND cp.id = c.co_applicant_person_id`;

/** The confirmation row of a draft, if it was ever sent to a co-applicant (no access check: the caller owns the draft). */
export async function confirmationOfDraft(tx: TenantTx, draftId: string, lock = false): Promise<ConfirmationRow | null> {
  return (await tx.one<ConfirmationRow>(`${SELECT_CONFIRMATION} WHERE c.municipality_id = $1 AND c.draft_id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
    [tx.municipalityId, draftId])) ?? null;
}

/**
 * The application the logged-in citizen is asked to confirm as co-applicant. 404 unless they are
 * the named co-applicant and still the applicant's registered partner (refusal audited, flagged);
 * 404 too when it is in none of `states` (e.g. taken back by the applicant). Audits the access.
 */
export async function coApplicantAccess(
  tx: TenantTx, ctx: RequestContext, by: { id: string } | { draftId: string },
  what: { action: 'read' | 'update'; resource: string; states?: ConfirmationState[]; lock?: boolean },
): Promise<ConfirmationRow> {
  const me = citizenPersonId(ctx);
  const [column, value] = 'id' in by ? ['c.id', by.id] : ['c.draft_id', by.draftId];
  const row = await tx.one<ConfirmationRow>(`${SELECT_CONFIRMATION} WHERE c.municipality_id = $1 AND ${column} = $2${what.lock ? ' FOR UPDATE OF c' : ''}`,
    [tx.municipalityId, value]);
  if (!row) throw notFound('Ansökan');
  if (row.co_applicant_person_id !== me || !row.partner_active) {
    tx.auditRefusal(auditRecord(ctx, {
      action: 'denied', resource: what.resource, subjectPersonId: row.applicant_person_id, flagged: true,
      details: { attempted: what.action, confirmationId: row.id, draftId: row.draft_id },
    }));
    throw notFound('Ansökan');
  }
  if (what.states && !what.states.includes(row.state)) throw notFound('Ansökan');
  tx.audit(auditRecord(ctx, {
    action: what.action, resource: what.resource, subjectPersonId: row.applicant_person_id, purpose: CO_APPLICANT_PURPOSE,
    details: { confirmationId: row.id, draftId: row.draft_id },
  }));
  return row;
}

/** The applicant's registered make/maka/sambo with this personnummer (canonical), or null. */
export async function registeredPartner(tx: TenantTx, applicantId: string, idNumber: string): Promise<{ id: string; name: string } | null> {
  return (await tx.one<{ id: string; name: string }>(
    `SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM persons p
     WHERE p.municipality_id = $1 AND p.id_number = $3 AND p.id <> $2 AND ${partnerRelationSql('$2', 'p.id')}`,
    [tx.municipalityId, applicantId, idNumber])) ?? null;
}
