// The arbetsledare's overview of the unit: caseload per handläggare, deadlines at risk, and
// proposals waiting for a decision. Names of persons are shown, so each is logged as a list read.
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker, RequestContext } from '../../access/actor.ts';
import { recordListReads } from '../../access/gate.ts';
import { addDays, dateInSweden, isOverdue } from '../../../domain/deadlines.ts';
import { PERSON_COLS, personRef, type PersonCols } from '../shared/rows.ts';
import type { Dashboard, UnitStaff } from '../../../shared/cases-api.ts';

export async function unitStaff(tx: TenantTx, actor: CaseWorker): Promise<UnitStaff> {
  const rows = await tx.query<{ id: string; name: string; title: string; role: string }>(
    `SELECT id, name, title, role FROM staff_users WHERE municipality_id = $1 AND unit_id = $2 AND active AND role IN ('handlaggare', 'arbetsledare')
     ORDER BY name`, [tx.municipalityId, actor.unitId]);
  return { items: rows };
}

export async function dashboard(tx: TenantTx, ctx: RequestContext, actor: CaseWorker): Promise<Dashboard> {
  const today = dateInSweden();
  const soon = addDays(today, 7);
  const m = tx.municipalityId;
  const unit = await tx.one<{ name: string }>('SELECT name FROM org_units WHERE municipality_id = $1 AND id = $2', [m, actor.unitId]);
  const load = await tx.query<{ id: string; name: string; open: number; overdue: number; soon: number }>(
    `SELECT s.id, s.name,
       count(DISTINCT c.id)::int AS open,
       count(DISTINCT c.id) FILTER (WHERE d.due_on < $3)::int AS overdue,
       count(DISTINCT c.id) FILTER (WHERE d.due_on >= $3 AND d.due_on <= $4)::int AS soon
     FROM staff_users s
     LEFT JOIN cases c ON c.municipality_id = s.municipality_id AND c.assigned_to = s.id AND c.status <> 'avslutad'
     LEFT JOIN case_deadlines d ON d.municipality_id = c.municipality_id AND d.case_id = c.id AND d.completed_on IS NULL
     WHERE s.municipality_id = $1 AND s.unit_id = $2 AND s.active AND s.role IN ('handlaggare', 'arbetsledare')
     GROUP BY s.id, s.name ORDER BY s.name`, [m, actor.unitId, today, soon]);
  const unassigned = await tx.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases WHERE municipality_id = $1 AND unit_id = $2 AND assigned_to IS NULL AND status <> 'avslutad'`, [m, actor.unitId]);

  const risk = await tx.query<PersonCols & { id: string; case_number: string; area: Dashboard['atRisk'][number]['area']; origin: Dashboard['atRisk'][number]['origin'];
    title: string; status: Dashboard['atRisk'][number]['status']; received_on: string; assigned_name: string | null; kind: string; legal_basis: string; due_on: string }>(
    `SELECT c.id, c.case_number, c.area, c.origin, c.title, c.status, c.received_on, su.name AS assigned_name,
       dl.kind, dl.legal_basis, dl.due_on, ${PERSON_COLS}
     FROM cases c
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     LEFT JOIN staff_users su ON su.municipality_id = c.municipality_id AND su.id = c.assigned_to
     JOIN LATERAL (SELECT d.kind, d.legal_basis, d.due_on FROM case_deadlines d
       WHERE d.municipality_id = c.municipality_id AND d.case_id = c.id AND d.completed_on IS NULL ORDER BY d.due_on LIMIT 1) dl ON true
     WHERE c.municipality_id = $1 AND c.unit_id = $2 AND c.status <> 'avslutad' AND dl.due_on <= $3
     ORDER BY dl.due_on LIMIT 50`, [m, actor.unitId, soon]);

  const proposals = await tx.query<PersonCols & { case_id: string; case_number: string; insats: string; outcome: 'bifall' | 'delvis_bifall' | 'avslag';
    proposed_by: string; proposed_at: Date; proposed_to: 'arbetsledare' | 'namnd' }>(
    `SELECT d.case_id, c.case_number, d.insats, d.outcome, coalesce(s.name, '') AS proposed_by, d.proposed_at, d.proposed_to, ${PERSON_COLS}
     FROM decisions d
     JOIN cases c ON c.municipality_id = d.municipality_id AND c.id = d.case_id
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     LEFT JOIN staff_users s ON s.municipality_id = d.municipality_id AND s.id = d.drafted_by
     WHERE d.municipality_id = $1 AND c.unit_id = $2 AND d.status = 'forslag'
     ORDER BY d.proposed_at LIMIT 50`, [m, actor.unitId]);

  recordListReads(tx, ctx, [...risk.map((r) => r.person_id), ...proposals.map((r) => r.person_id)], 'case.dashboard');
  return {
    unitName: unit?.name ?? '',
    caseload: load.map((l) => ({ staff: { id: l.id, name: l.name }, open: l.open, overdue: l.overdue, dueWithin7Days: l.soon })),
    unassigned: unassigned?.n ?? 0,
    atRisk: risk.map((r) => ({
      id: r.id, caseNumber: r.case_number, person: personRef(r), area: r.area, origin: r.origin, title: r.title, status: r.status,
      receivedOn: r.received_on, unitName: unit?.name ?? '', assignedTo: r.assigned_name,
      nextDeadline: { kind: r.kind, legalBasis: r.legal_basis, dueOn: r.due_on, overdue: isOverdue(r.due_on, today) },
    })),
    proposals: proposals.map((p) => ({
      caseId: p.case_id, caseNumber: p.case_number, person: personRef(p), insats: p.insats, outcome: p.outcome, proposedBy: p.proposed_by,
      proposedAt: p.proposed_at.toISOString(), proposedTo: p.proposed_to,
    })),
  };
}
