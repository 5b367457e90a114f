// The deadline sweep: for every municipality, reads the open cases' deadlines, follow-up dates,
// kommunicering and inbox, asks the pure rules in domain/reminders.ts which reminders should
// exist, and inserts the missing ones. Idempotent: reminders are unique per person and source
// key, so the sweep can run every 15 minutes, on several servers at once, and remind once.
//
// The owner connection only lists the municipalities; all case data is read and written per
// municipality through db.withTenant (the restricted app role under row-level security).
import type { Database, TenantTx } from '../db/database.ts';
import type { AuditEntry } from '../access/audit.ts';
import {
  DEADLINE_SOON_DAYS, FOLLOW_UP_AHEAD_DAYS, remindersFor, type CaseFacts, type ReminderDraft,
} from '../../domain/reminders.ts';
import { addDays, isValidIsoDate, type IsoDate } from '../../domain/deadlines.ts';
import { closeOrdersPastEnd } from '../modules/orders/service.ts';

export const DEADLINE_SWEEP_JOB = 'deadline-sweep';

interface CaseRow {
  id: string; case_number: string; status: string; received_on: string; person_id: string; unit_id: string;
  assigned_to: string | null; assignee_active: boolean | null; komm_reply_by: string | null; komm_reply_received_on: string | null;
}

/** Loads the facts of every open case in the tenant that could call for a reminder today. */
async function loadFacts(tx: TenantTx, today: IsoDate): Promise<{ facts: CaseFacts[]; personOf: Map<string, string> }> {
  const m = tx.municipalityId;
  const cases = await tx.query<CaseRow>(
    `SELECT c.id, c.case_number, c.status, c.received_on, c.person_id, c.unit_id, c.assigned_to,
            su.active AS assignee_active, c.komm_reply_by, c.komm_reply_received_on
     FROM cases c LEFT JOIN staff_users su ON su.municipality_id = c.municipality_id AND su.id = c.assigned_to
     WHERE c.municipality_id = $1 AND c.status <> 'avslutad'`, [m]);
  // Only rows that can matter today are read; remindersFor still makes every decision.
  const deadlines = await tx.query<{ id: string; case_id: string; kind: string; legal_basis: string; due_on: string }>(
    `SELECT d.id, d.case_id, d.kind, d.legal_basis, d.due_on FROM case_deadlines d
     WHERE d.municipality_id = $1 AND d.completed_on IS NULL AND d.due_on <= $2`, [m, addDays(today, DEADLINE_SOON_DAYS)]);
  const decisions = await tx.query<{ id: string; case_id: string; status: string; insats: string; follow_up_on: string }>(
    `SELECT id, case_id, status, insats, follow_up_on FROM decisions
     WHERE municipality_id = $1 AND status = 'fattat' AND follow_up_on IS NOT NULL AND follow_up_on <= $2`,
    [m, addDays(today, FOLLOW_UP_AHEAD_DAYS)]);
  const leads = await tx.query<{ id: string; unit_id: string }>(
    `SELECT id, unit_id FROM staff_users WHERE municipality_id = $1 AND role = 'arbetsledare' AND active ORDER BY name, id`, [m]);

  const byCase = new Map<string, CaseFacts>();
  const personOf = new Map<string, string>();
  for (const c of cases) {
    personOf.set(c.id, c.person_id);
    byCase.set(c.id, {
      caseId: c.id, caseNumber: c.case_number, status: c.status, receivedOn: c.received_on,
      assignedTo: c.assigned_to, assigneeActive: c.assignee_active === true,
      unitLeads: leads.filter((l) => l.unit_id === c.unit_id).map((l) => l.id),
      kommReplyBy: c.komm_reply_by, kommReplyReceivedOn: c.komm_reply_received_on,
      deadlines: [], decisions: [],
    });
  }
  for (const d of deadlines) {
    byCase.get(d.case_id)?.deadlines.push({ id: d.id, kind: d.kind, legalBasis: d.legal_basis, dueOn: d.due_on, completedOn: null });
  }
  for (const d of decisions) {
    byCase.get(d.case_id)?.decisions.push({ id: d.id, status: d.status, insats: d.insats, followUpOn: d.follow_up_on });
  }
  return { facts: [...byCase.values()], personOf };
}

/** Inserts the drafts that do not exist yet; returns those actually created. */
async function insertMissing(tx: TenantTx, drafts: ReminderDraft[]): Promise<ReminderDraft[]> {
  if (drafts.length === 0) return [];
  const rows = await tx.query<{ staff_user_id: string; source_key: string }>(
    `INSERT INTO reminders (municipality_id, id, staff_user_id, case_id, kind, source_key, due_on, message)
     SELECT $1, gen_random_uuid(), r.staff_user_id, r.case_id, r.kind, r.source_key, r.due_on, r.message
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::text[])
       AS r(staff_user_id, case_id, kind, source_key, due_on, message)
     ON CONFLICT (municipality_id, staff_user_id, source_key) DO NOTHING
     RETURNING staff_user_id, source_key`,
    [tx.municipalityId, drafts.map((d) => d.staffUserId), drafts.map((d) => d.caseId), drafts.map((d) => d.kind),
      drafts.map((d) => d.sourceKey), drafts.map((d) => d.dueOn), drafts.map((d) => d.message)]);
  const created = new Set(rows.map((r) => `${r.staff_user_id} ${r.source_key}`));
  return drafts.filter((d) => created.has(`${d.staffUserId} ${d.sourceKey}`));
}

/** One audit record per case whose data went into new reminders: the system disclosed it to staff. */
function auditCreated(tx: TenantTx, created: ReminderDraft[], personOf: Map<string, string>): void {
  const perCase = new Map<string, ReminderDraft[]>();
  for (const d of created) perCase.set(d.caseId, [...(perCase.get(d.caseId) ?? []), d]);
  for (const [caseId, list] of perCase) {
    const entry: AuditEntry = {
      actorKind: 'system', actorId: DEADLINE_SWEEP_JOB, actorName: 'Fristbevakning', subjectPersonId: personOf.get(caseId) ?? null,
      action: 'create', resource: 'reminder', purpose: 'fristbevakning', reason: null, flagged: false, ip: null, userAgent: null,
      details: { caseId, reminders: list.map((d) => ({ to: d.staffUserId, sourceKey: d.sourceKey })) },
    };
    tx.audit(entry);
  }
}

/** Runs the sweep for one municipality, in one transaction. */
export async function sweepMunicipality(db: Database, municipalityId: number, today: IsoDate): Promise<number> {
  return db.withTenant(municipalityId, async (tx) => {
    const { facts, personOf } = await loadFacts(tx, today);
    const drafts = facts.flatMap((f) => remindersFor(f, today));
    const created = await insertMissing(tx, drafts);
    auditCreated(tx, created, personOf);
    await closeOrdersPastEnd(tx, today);
    return created.length;
  });
}

/**
 * The sweep over every municipality. One municipality failing does not stop the others; the
 * first error is rethrown at the end so the job is marked failed and retried.
 */
export async function runDeadlineSweep(db: Database, today: IsoDate): Promise<{ created: number }> {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be an ISO date, got '${today}'`);
  const { rows } = await db.owner.query<{ id: number }>('SELECT id FROM municipalities ORDER BY id');
  let created = 0;
  let firstError: unknown = null;
  for (const { id } of rows) {
    try {
      created += await sweepMunicipality(db, id, today);
    } catch (err) {
      firstError ??= err;
      console.error(`[${DEADLINE_SWEEP_JOB}] municipality ${id}:`, err instanceof Error ? err.message : err);
    }
  }
  if (firstError) throw firstError;
  return { created };
}
