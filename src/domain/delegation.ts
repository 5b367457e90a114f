// Delegation of decision rights (delegationsordning). The nämnd decides, and may delegate a type
// of decision to a position (6 kap. 37 § kommunallagen 2017:725); a decision nobody has been
// delegated stays with the nämnd. This module answers whether a decider may sign a decision, and
// if not, where the proposal goes. Pure; the rules come from the municipality's own table.
//
// A superior position (arbetsledare: enhetschef, 1:e socialsekreterare) may take the decisions
// delegated to handläggare in the same unit: Lots assumes the common wording "… eller den som är
// överordnad". A municipality whose delegationsordning says otherwise removes that by rule.

import type { DecisionOutcome } from './process/types.ts';

export type DelegationLevel = 'handlaggare' | 'arbetsledare';
export const DELEGATION_LEVELS: readonly DelegationLevel[] = ['handlaggare', 'arbetsledare'];

export interface DelegationRule {
  id: string;
  decisionType: string;
  level: DelegationLevel;
  outcomes: readonly DecisionOutcome[];
  /** Limited to one unit, or null for every unit. */
  unitId: string | null;
}

export interface Decider {
  role: DelegationLevel;
  unitId: string | null;
}

export type Authority =
  | { ok: true; rule: DelegationRule }
  | { ok: false; reason: string; proposeTo: 'arbetsledare' | 'namnd' };

const RANK: Record<DelegationLevel, number> = { handlaggare: 1, arbetsledare: 2 };

const OUTCOME_WORDS: Record<DecisionOutcome, string> = { bifall: 'bifall', delvis_bifall: 'delvis bifall', avslag: 'avslag' };

function applies(rule: DelegationRule, decisionType: string, outcome: DecisionOutcome, unitId: string | null): boolean {
  return rule.decisionType === decisionType && rule.outcomes.includes(outcome) && (rule.unitId === null || rule.unitId === unitId);
}

/**
 * Whether a rule lets this decider sign in a case of `caseUnitId`. A rule at the decider's own
 * level holds in every unit when it has no unit, else in the case's unit for its own staff. A
 * superior position takes a handläggare-level decision only in its own unit (the "överordnad"
 * of the handläggare who would otherwise decide).
 */
function holds(rule: DelegationRule, decider: Decider, caseUnitId: string | null): boolean {
  if (RANK[decider.role] < RANK[rule.level]) return false;
  const inCaseUnit = decider.unitId !== null && decider.unitId === caseUnitId;
  if (RANK[decider.role] > RANK[rule.level]) return inCaseUnit;
  return rule.unitId === null || inCaseUnit;
}

/** Whether `decider` may take a decision of this type and outcome in the case's unit. */
export function authorityFor(
  rules: readonly DelegationRule[], decider: Decider, decisionType: string, outcome: DecisionOutcome, caseUnitId: string | null,
): Authority {
  const matching = rules.filter((r) => applies(r, decisionType, outcome, caseUnitId));
  const own = matching.find((r) => holds(r, decider, caseUnitId));
  if (own) return { ok: true, rule: own };
  // Someone in the case's unit holds the delegation: the arbetsledare there can decide (a
  // handläggare-level rule is theirs too), so the proposal goes up, not to the nämnd.
  if (matching.length > 0) {
    return {
      ok: false,
      proposeTo: 'arbetsledare',
      reason: decider.role === 'handlaggare'
        ? `Du har inte delegation att besluta om ${OUTCOME_WORDS[outcome]} för den här beslutstypen. Skicka beslutsförslaget till arbetsledaren.`
        : `Du har inte delegation att besluta om ${OUTCOME_WORDS[outcome]} för den här beslutstypen i ärendets enhet. Skicka beslutsförslaget till arbetsledaren för ärendets enhet.`,
    };
  }
  return {
    ok: false,
    proposeTo: 'namnd',
    reason: `Ingen befattning har delegation att besluta om ${OUTCOME_WORDS[outcome]} för den här beslutstypen. Beslutet fattas av nämnden (utskottet); skicka förslaget dit.`,
  };
}

/**
 * Several decisions signed together: every one must be within the decider's delegation. If any
 * must go to the nämnd, the whole proposal goes there (an arbetsledare could not sign it either).
 */
export function authorityForAll(
  rules: readonly DelegationRule[], decider: Decider, items: ReadonlyArray<{ decisionType: string; outcome: DecisionOutcome }>, caseUnitId: string | null,
): Authority {
  if (items.length === 0) return { ok: false, proposeTo: 'arbetsledare', reason: 'Det finns inget beslutsförslag att fatta beslut om.' };
  const all = items.map((i) => authorityFor(rules, decider, i.decisionType, i.outcome, caseUnitId));
  const refused = all.filter((a): a is Extract<Authority, { ok: false }> => !a.ok);
  if (refused.length === 0) return all[0]!;
  return refused.find((a) => a.proposeTo === 'namnd') ?? refused[0]!;
}
