// Reads one case with everything the case page needs, and the facts the state machine decides on.
// The same facts feed `check` when a step is taken, so what the page offers and what the server
// accepts can never differ.
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker } from '../../access/actor.ts';
import type { CaseAccess } from '../../access/case-access.ts';
import { DEADLINE_KINDS, dateInSweden, isOverdue, type DeadlineKind } from '../../../domain/deadlines.ts';
import { check } from '../../../domain/process/engine.ts';
import { machineFor } from '../../../domain/process/engine.ts';
import { STEP_LABELS_SV, STEPS, grantsSomething, goesAgainstParty, type CaseFacts, type CaseType, type DecisionOutcome, type Status, type Step } from '../../../domain/process/types.ts';
import { investigationSections } from '../../../domain/investigation.ts';
import { insatserFor, legalBasisText } from '../../../domain/insatser.ts';
import { authorityForAll } from '../../../domain/delegation.ts';
import { overklagandeDue } from '../../../domain/deadlines.ts';
import { rattidsprovning } from '../../../domain/appeal.ts';
import { formatIdNumber, ageOn } from '../../../domain/personnummer.ts';
import type { AppealView, CaseDetail, DecisionDetail, Intake, LetterView, StepOption } from '../../../shared/cases-api.ts';
import type { IdKind, ProtectionLevel } from '../shared/rows.ts';
import { loadDelegationRules } from '../delegations/rules.ts';

export interface CaseRow {
  id: string; version: number; case_number: string; case_type: CaseType; area: CaseDetail['area']; origin: CaseDetail['origin'];
  title: string; status: Status; received_on: string; closed_on: string | null; close_reason: string | null;
  unit_id: string; unit_name: string; assigned_to: string | null; assigned_name: string | null;
  person_id: string; first_name: string; last_name: string; id_number: string; id_kind: IdKind; protection: ProtectionLevel; birth_date: string;
  intake: Intake;
  skydd_assessed_at: Date | null; skydd_by_name: string | null; skydd_acute: boolean | null; skydd_text: string | null;
  fhb_outcome: 'inleda' | 'inte_inleda' | null; fhb_motivation: string | null; fhb_decided_on: string | null; fhb_by_name: string | null;
  inv_opened_on: string | null; inv_content: Record<string, string>; inv_own_view: string | null; inv_personkrets: string | null;
  inv_extended_to: string | null; inv_extension_reason: string | null;
  komm_sent_on: string | null; komm_reply_by: string | null; komm_reply_received_on: string | null; komm_exception_reason: string | null;
}

/** The case row, locked for update when a change follows (so two steps cannot race). */
export async function loadCaseRow(tx: TenantTx, caseId: string, forUpdate = false): Promise<CaseRow> {
  if (forUpdate) await tx.query('SELECT 1 FROM cases WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [tx.municipalityId, caseId]);
  const row = await tx.one<CaseRow>(
    `SELECT c.id, c.version, c.case_number, c.case_type, c.area, c.origin, c.title, c.status, c.received_on, c.closed_on, c.close_reason,
       c.unit_id, u.name AS unit_name, c.assigned_to, a.name AS assigned_name,
       p.id AS person_id, p.first_name, p.last_name, p.id_number, p.id_kind, p.protection, p.birth_date,
       c.intake, c.skydd_assessed_at, sb.name AS skydd_by_name, c.skydd_acute, c.skydd_text,
       c.fhb_outcome, c.fhb_motivation, c.fhb_decided_on, fb.name AS fhb_by_name,
       c.inv_opened_on, c.inv_content, c.inv_own_view, c.inv_personkrets, c.inv_extended_to, c.inv_extension_reason,
       c.komm_sent_on, c.komm_reply_by, c.komm_reply_received_on, c.komm_exception_reason
     FROM cases c
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     JOIN org_units u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
     LEFT JOIN staff_users a ON a.municipality_id = c.municipality_id AND a.id = c.assigned_to
     LEFT JOIN staff_users sb ON sb.municipality_id = c.municipality_id AND sb.id = c.skydd_assessed_by
     LEFT JOIN staff_users fb ON fb.municipality_id = c.municipality_id AND fb.id = c.fhb_decided_by
     WHERE c.municipality_id = $1 AND c.id = $2`, [tx.municipalityId, caseId]);
  if (!row) throw new Error(`case ${caseId} vanished inside the transaction`);
  return row;
}

export interface DecisionRow {
  id: string; status: 'utkast' | 'forslag' | 'fattat'; insats_key: string | null; insats: string; outcome: DecisionOutcome;
  legal_basis: string; ksi_code: string | null; scope: string | null; valid_from: string | null; valid_to: string | null;
  amount_sek: string | null; motivation: string; follow_up_on: string | null; appeal_route: string; decision_type: string | null;
  proposed_to: 'arbetsledare' | 'namnd' | null; proposed_at: Date | null; decided_on: string | null; decided_by_name: string | null;
  decided_capacity: 'delegation' | 'namnd' | null; namnd_protocol: string | null; signed_at: Date | null; letter_id: string | null;
  drafted_by_name: string | null;
}

export async function loadDecisions(tx: TenantTx, caseId: string): Promise<DecisionRow[]> {
  return tx.query<DecisionRow>(
    `SELECT d.id, d.status, d.insats_key, d.insats, d.outcome, d.legal_basis, d.ksi_code, d.scope, d.valid_from, d.valid_to,
       d.amount_sek, d.motivation, d.follow_up_on, d.appeal_route, d.decision_type, d.proposed_to, d.proposed_at,
       d.decided_on, db.name AS decided_by_name, d.decided_capacity, d.namnd_protocol, d.signed_at, d.letter_id, dr.name AS drafted_by_name
     FROM decisions d
     LEFT JOIN staff_users db ON db.municipality_id = d.municipality_id AND db.id = d.decided_by
     LEFT JOIN staff_users dr ON dr.municipality_id = d.municipality_id AND dr.id = d.drafted_by
     WHERE d.municipality_id = $1 AND d.case_id = $2
     ORDER BY (d.status = 'fattat'), d.created_at`, [tx.municipalityId, caseId]);
}

const SEVERITY: Record<DecisionOutcome, number> = { bifall: 0, delvis_bifall: 1, avslag: 2 };

/**
 * The one decision the state machine reasons about, from the case's decisions per insats:
 * while drafts exist, the draft that goes furthest against the person (kommunicering is judged
 * on it, 25 § FL); once taken, whether anything was granted (verkställighet, 34 kap. SoL).
 */
export function decisionFact(decisions: readonly Pick<DecisionRow, 'status' | 'outcome'>[]): CaseFacts['decision'] {
  const drafts = decisions.filter((d) => d.status !== 'fattat');
  if (drafts.length) {
    const worst = drafts.reduce((a, b) => (SEVERITY[b.outcome] > SEVERITY[a.outcome] ? b : a));
    return { outcome: worst.outcome, signed: false };
  }
  const taken = decisions.filter((d) => d.status === 'fattat');
  if (!taken.length) return null;
  const granting = taken.find((d) => grantsSomething(d.outcome));
  return { outcome: granting ? granting.outcome : 'avslag', signed: true };
}

export function factsOf(row: CaseRow, decisions: readonly DecisionRow[], today: string, overrides: Partial<CaseFacts> = {}): CaseFacts {
  const granted = decisions.filter((d) => d.status === 'fattat' && grantsSomething(d.outcome));
  return {
    status: row.status,
    receivedOn: row.received_on,
    skyddsbedomningRecorded: row.skydd_assessed_at !== null,
    forhandsbedomningOutcome: row.fhb_outcome,
    investigationExists: row.inv_opened_on !== null,
    decision: decisionFact(decisions),
    kommunicering: row.komm_sent_on || row.komm_exception_reason
      ? { sentOn: row.komm_sent_on, replyBy: row.komm_reply_by, replyReceivedOn: row.komm_reply_received_on, exceptionReason: row.komm_exception_reason }
      : null,
    // An insats has ended when its decision's period is over (the order's end comes with issue 4).
    allGrantedInsatserEnded: granted.every((d) => d.valid_to !== null && d.valid_to < today),
    closingReason: row.close_reason,
    closedOn: row.closed_on,
    today,
    ...overrides,
  };
}

function decisionView(d: DecisionRow): DecisionDetail {
  return {
    id: d.id, status: d.status, insatsKey: d.insats_key, insats: d.insats, outcome: d.outcome, legalBasis: d.legal_basis,
    legalBasisText: legalBasisText(d.legal_basis), ksiCode: d.ksi_code, scope: d.scope, validFrom: d.valid_from, validTo: d.valid_to,
    amountSek: d.amount_sek === null ? null : Number(d.amount_sek), motivation: d.motivation, followUpOn: d.follow_up_on,
    appealRoute: d.appeal_route, proposedTo: d.proposed_to, decidedOn: d.decided_on, decidedBy: d.decided_by_name,
    decidedCapacity: d.decided_capacity, namndProtocol: d.namnd_protocol, signedAt: d.signed_at?.toISOString() ?? null,
    letterId: d.letter_id, draftedBy: d.drafted_by_name,
  };
}

/**
 * What a step records from its own form, as facts: the förhandsbedömning's outcome, the reason for
 * closing. The page offers such a step when everything else holds; the form then asks for the input.
 */
export function ownInput(step: Step): Partial<CaseFacts> {
  switch (step) {
    case 'besluta_inleda_utredning': return { forhandsbedomningOutcome: 'inleda' };
    case 'besluta_inte_inleda_utredning': return { forhandsbedomningOutcome: 'inte_inleda' };
    case 'avsluta':
    case 'avskriv': return { closingReason: '(anges i formuläret)' };
    default: return {};
  }
}

/** Steps this case type uses, each with whether it may be taken now and, if not, why. */
export function stepOptions(type: CaseType, facts: CaseFacts): StepOption[] {
  const machine = machineFor(type);
  const used = new Set(machine.transitions.map((t) => t.step));
  return STEPS.filter((s) => used.has(s)).map((step) => {
    const r = check(type, { ...facts, ...ownInput(step) }, step);
    return r.ok
      ? { step, label: STEP_LABELS_SV[step], allowed: true }
      : { step, label: STEP_LABELS_SV[step], allowed: false, reason: r.reason, ...(r.legalBasis ? { legalBasis: r.legalBasis } : {}) };
  });
}

export async function loadCaseDetail(tx: TenantTx, actor: CaseWorker, access: CaseAccess): Promise<CaseDetail> {
  const today = dateInSweden();
  const [row, decisions] = [await loadCaseRow(tx, access.caseId), await loadDecisions(tx, access.caseId)];
  const deadlineRows = await tx.query<{ id: string; kind: string; legal_basis: string; due_on: string; completed_on: string | null; extended_reason: string | null }>(
    `SELECT id, kind, legal_basis, due_on, completed_on, extended_reason FROM case_deadlines
     WHERE municipality_id = $1 AND case_id = $2 ORDER BY completed_on NULLS FIRST, due_on`, [tx.municipalityId, access.caseId]);
  const letterRows = await tx.query<{ id: string; file_id: string; created_at: Date; delivered_on: string | null; delivery_method: LetterView['deliveryMethod'] }>(
    `SELECT id, file_id, created_at, delivered_on, delivery_method FROM decision_letters
     WHERE municipality_id = $1 AND case_id = $2 ORDER BY created_at DESC`, [tx.municipalityId, access.caseId]);
  const appealRows = await tx.query<{ id: string; decision_id: string; insats: string; received_on: string; delivered_on: string | null; last_day: string | null;
    timely: boolean; wrong_instruction: boolean; status: AppealView['status']; omprovning_note: string | null; court: string | null; forwarded_on: string | null }>(
    `SELECT a.id, a.decision_id, d.insats, a.received_on, a.delivered_on, a.last_day, a.timely, a.wrong_instruction, a.status,
       a.omprovning_note, a.court, a.forwarded_on
     FROM appeals a JOIN decisions d ON d.municipality_id = a.municipality_id AND d.id = a.decision_id
     WHERE a.municipality_id = $1 AND a.case_id = $2 ORDER BY a.received_on DESC`, [tx.municipalityId, access.caseId]);

  const facts = factsOf(row, decisions, today);
  const drafts = decisions.filter((d) => d.status !== 'fattat');
  const rules = drafts.length ? await loadDelegationRules(tx) : [];
  const authority = drafts.length
    ? authorityForAll(rules, { role: actor.role, unitId: actor.unitId }, drafts.map((d) => ({ decisionType: d.decision_type ?? d.insats_key ?? '', outcome: d.outcome })), row.unit_id)
    : null;
  const anyAgainst = drafts.some((d) => goesAgainstParty(d.outcome));

  return {
    id: row.id, version: row.version, caseNumber: row.case_number, caseType: row.case_type, area: row.area, origin: row.origin,
    title: row.title, status: row.status, receivedOn: row.received_on, closedOn: row.closed_on, closingReason: row.close_reason,
    unit: { id: row.unit_id, name: row.unit_name },
    assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assigned_name ?? '' } : null,
    person: {
      id: row.person_id, name: `${row.first_name} ${row.last_name}`, idNumber: formatIdNumber(row.id_number, row.id_kind),
      protection: row.protection, age: ageOn(row.birth_date, today), birthDate: row.birth_date,
    },
    intake: row.intake ?? {},
    skyddsbedomning: row.skydd_assessed_at
      ? { assessedAt: row.skydd_assessed_at.toISOString(), assessedBy: row.skydd_by_name ?? '', acute: row.skydd_acute ?? false, text: row.skydd_text ?? '' }
      : null,
    forhandsbedomning: row.case_type === 'barn_anmalan' || row.fhb_outcome
      ? { outcome: row.fhb_outcome, motivation: row.fhb_motivation, decidedOn: row.fhb_decided_on, decidedBy: row.fhb_by_name }
      : null,
    investigation: row.inv_opened_on
      ? {
        openedOn: row.inv_opened_on, sections: investigationSections(row.case_type).map((s) => ({ ...s })), content: row.inv_content ?? {},
        ownView: row.inv_own_view, personkrets: row.inv_personkrets, extendedTo: row.inv_extended_to, extensionReason: row.inv_extension_reason,
      }
      : null,
    kommunicering: row.komm_sent_on || row.komm_exception_reason
      ? { sentOn: row.komm_sent_on, replyBy: row.komm_reply_by, replyReceivedOn: row.komm_reply_received_on, exceptionReason: row.komm_exception_reason }
      : null,
    deadlines: deadlineRows.map((d) => {
      const info = DEADLINE_KINDS[d.kind as DeadlineKind];
      return {
        id: d.id, kind: d.kind, label: info?.labelSv ?? d.kind, legalBasis: d.legal_basis, dueOn: d.due_on, completedOn: d.completed_on,
        overdue: d.completed_on === null && isOverdue(d.due_on, today), extendedReason: d.extended_reason,
      };
    }),
    decisions: decisions.map(decisionView),
    letters: letterRows.map((l) => ({
      id: l.id, fileId: l.file_id, createdAt: l.created_at.toISOString(), deliveredOn: l.delivered_on, deliveryMethod: l.delivery_method,
      appealLastDay: l.delivered_on ? overklagandeDue(l.delivered_on) : null,
    })),
    appeals: appealRows.map((a) => ({
      id: a.id, decisionId: a.decision_id, insats: a.insats, receivedOn: a.received_on, deliveredOn: a.delivered_on, lastDay: a.last_day,
      timely: a.timely, wrongInstruction: a.wrong_instruction, status: a.status, omprovningNote: a.omprovning_note, court: a.court,
      forwardedOn: a.forwarded_on,
      assessment: rattidsprovning({ deliveredOn: a.delivered_on, receivedOn: a.received_on, wrongInstruction: a.wrong_instruction }).reasonSv,
    })),
    steps: stepOptions(row.case_type, facts),
    signing: {
      draftCount: drafts.length,
      canSign: authority?.ok === true,
      ...(authority && !authority.ok ? { reason: authority.reason, proposeTo: authority.proposeTo } : {}),
      ...(authority?.ok && anyAgainst && !facts.kommunicering ? { reason: 'Förslaget går parten emot: kommunicera först eller registrera undantag.' } : {}),
    },
    insatsOptions: insatserFor(row.area, row.case_type === 'lss_ansokan' ? 'LSS' : row.case_type === 'bistand_ansokan' ? 'SoL' : undefined).map((i) => i.key),
  };
}
