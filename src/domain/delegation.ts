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

/** Whether `decider` may take a decision of this type and outcome in the case's unit. */
export function authorityFor(
  rules: readonly DelegationRule[], decider: Decider, decisionType: string, outcome: DecisionOutcome, caseUnitId: string | null,
): Authority {
  const matching = rules.filter((r) => applies(r, decisionType, outcome, caseUnitId));
  const own = matching.find((r) => RANK[decider.role] >= RANK[r.level] && (decider.unitId === caseUnitId || r.unitId === null));
  if (own) return { ok: true, rule: own };
  const toSupervisor = decider.role === 'handlaggare' && matching.some((r) => r.level === 'arbetsledare');
  return {
    ok: false,
    proposeTo: toSupervisor ? 'arbetsledare' : 'namnd',
    reason: toSupervisor
      ? `Du har inte delegation att besluta om ${OUTCOME_WORDS[outcome]} för den här beslutstypen. Skicka beslutsförslaget till arbetsledaren.`
      : `Ingen befattning har delegation att besluta om ${OUTCOME_WORDS[outcome]} för den här beslutstypen. Beslutet fattas av nämnden (utskottet); skicka förslaget dit.`,
  };
}

/** Several decisions signed together: every one must be within the decider's delegation. */
export function authorityForAll(
  rules: readonly DelegationRule[], decider: Decider, items: ReadonlyArray<{ decisionType: string; outcome: DecisionOutcome }>, caseUnitId: string | null,
): Authority {
  let proposeTo: 'arbetsledare' | 'namnd' = 'arbetsledare';
  for (const item of items) {
    const a = authorityFor(rules, decider, item.decisionType, item.outcome, caseUnitId);
    if (!a.ok) {
      if (a.proposeTo === 'namnd') proposeTo = 'namnd';
      const worst = items.map((i) => authorityFor(rules, decider, i.decisionType, i.outcome, caseUnitId))
        .find((x) => !x.ok && x.proposeTo === proposeTo);
      return worst && !worst.ok ? worst : a;
    }
  }
  const first = items[0];
  if (!first) return { ok: false, proposeTo: 'arbetsledare', reason: 'Det finns inget beslutsförslag att fatta beslut om.' };
  return authorityFor(rules, decider, first.decisionType, first.outcome, caseUnitId);
}
