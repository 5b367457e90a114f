// Something a citizen did in the e-services that the handläggare must act on (a message, a wish to
// change provider) becomes a reminder in their list — the same list the deadline sweep fills, so
// there is one place to look. The case's handläggare gets it; an unassigned case's arbetsledare.
import type { TenantTx } from '../../db/database.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import type { ReminderKind } from '../../../domain/reminders.ts';

export async function remindCaseWorkers(
  tx: TenantTx, caseId: string, r: { kind: Extract<ReminderKind, 'citizen_message' | 'provider_choice'>; sourceKey: string; message: string },
): Promise<void> {
  // One reminder per person and source key: a conversation reminds once a day, not per message.
  await tx.query(
    `INSERT INTO reminders (municipality_id, id, staff_user_id, case_id, kind, source_key, due_on, message)
     SELECT c.municipality_id, gen_random_uuid(), s.id, c.id, $3, $4, $5, $6
     FROM cases c JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.active
       AND (s.id = c.assigned_to OR (c.assigned_to IS NULL AND s.unit_id = c.unit_id AND s.role = 'arbetsledare'))
     WHERE c.municipality_id = $1 AND c.id = $2
     ON CONFLICT (municipality_id, staff_user_id, source_key) DO NOTHING`,
    [tx.municipalityId, caseId, r.kind, r.sourceKey, dateInSweden(), r.message]);
}
