// The municipality's delegationsordning as domain rules (see src/domain/delegation.ts), for the
// case module when a decision is signed. Ordered, so the rule a decision cites is stable.
import type { TenantTx } from '../../db/database.ts';
import type { DelegationRule } from '../../../domain/delegation.ts';
import type { DecisionOutcome } from '../../../domain/process/types.ts';

export async function loadDelegationRules(tx: TenantTx): Promise<DelegationRule[]> {
  const rows = await tx.query<{ id: string; decision_type: string; level: DelegationRule['level']; outcomes: DecisionOutcome[]; unit_id: string | null }>(
    'SELECT id, decision_type, level, outcomes, unit_id FROM delegations WHERE municipality_id = $1 ORDER BY decision_type, level, unit_id NULLS LAST, id', [tx.municipalityId]);
  return rows.map((r) => ({ id: r.id, decisionType: r.decision_type, level: r.level, outcomes: r.outcomes, unitId: r.unit_id }));
}
