// The process engine: what the UI offers (allowedSteps) and what the server enforces (check).
// allowedSteps is defined through check, so the two always agree. Pure, no I/O.

import { MACHINES, REOPEN_REFUSAL, type ProcessMachine, type Transition } from './machines.ts';
import {
  CASE_TYPE_LABELS_SV,
  STATUS_LABELS_SV,
  STEP_LABELS_SV,
  STEPS,
  type CaseFacts,
  type CaseType,
  type CheckResult,
  type Status,
  type Step,
} from './types.ts';

export function machineFor(type: CaseType): ProcessMachine {
  return MACHINES[type];
}

/** The declared transition for this step from this status, if any (at most one by construction). */
export function findTransition(type: CaseType, status: Status, step: Step): Transition | undefined {
  return MACHINES[type].transitions.find((t) => t.step === step && t.from.includes(status));
}

function isClosed(facts: CaseFacts): boolean {
  return facts.status === 'avslutad' || facts.closedOn !== null;
}

/** Whether `step` may be taken on a case of `type` with these facts, and where it leads. */
export function check(type: CaseType, facts: CaseFacts, step: Step): CheckResult {
  const machine = MACHINES[type];

  if (step === 'ateroppna' || isClosed(facts)) {
    return { ok: false, ...REOPEN_REFUSAL };
  }

  if (!machine.states.includes(facts.status)) {
    return {
      ok: false,
      reason: `Statusen ${STATUS_LABELS_SV[facts.status]} används inte för ${CASE_TYPE_LABELS_SV[type]}. Kontrollera ärendets status.`,
    };
  }

  const declared = machine.transitions.filter((t) => t.step === step);
  if (declared.length === 0) {
    const special = machine.notInProcess[step];
    if (special) return { ok: false, ...special };
    return {
      ok: false,
      reason: `Steget ${STEP_LABELS_SV[step]} ingår inte i processen för ${CASE_TYPE_LABELS_SV[type]}.`,
    };
  }

  const transition = declared.find((t) => t.from.includes(facts.status));
  if (!transition) {
    const froms = [...new Set(declared.flatMap((t) => t.from))].map((s) => STATUS_LABELS_SV[s]).join(', ');
    return {
      ok: false,
      reason: `Steget ${STEP_LABELS_SV[step]} kan inte tas när ärendet har status ${STATUS_LABELS_SV[facts.status]}; det kan tas i status ${froms}.`,
      legalBasis: declared[0]?.legalBasis,
    };
  }

  for (const guard of transition.guards) {
    if (!guard.holds(facts)) return { ok: false, reason: guard.reason(facts), legalBasis: guard.legalBasis };
  }

  return {
    ok: true,
    to: transition.to === 'stay' ? facts.status : transition.to,
    startsDeadlines: [...transition.startsDeadlines],
  };
}

/** The steps the UI offers: exactly those `check` accepts, in process order. */
export function allowedSteps(type: CaseType, facts: CaseFacts): Step[] {
  return STEPS.filter((step) => check(type, facts, step).ok);
}
