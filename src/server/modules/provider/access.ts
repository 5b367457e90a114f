// The provider's one way into an order: the order must be sent to the actor's own provider and be
// active (the same relation the access gate grants on the person), else 404 — so the ids of other
// providers' orders cannot be told apart from ids that do not exist. Every pass is audited through
// the gate (accessPerson) in the same transaction; a probe of someone else's order is logged as a
// flagged refusal.
import { ORDER_ACTIVE, type OrderStatus } from '../../../domain/verkstallighet.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { isProviderStaff } from '../../access/actor.ts';
import { accessPerson, auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { forbidden, notFound } from '../../http/problems.ts';

export interface OrderAccess {
  id: string; person_id: string; provider_id: string; status: OrderStatus; version: number; decision_id: string; case_id: string;
}

export function providerActor(ctx: RequestContext): StaffActor & { providerId: string } {
  const a = ctx.actor;
  if (!isProviderStaff(a) || !a.providerId) throw forbidden('Din roll har inte tillgång till den här delen av Lots.', 'wrong-role');
  return a as StaffActor & { providerId: string };
}

export const isChef = (ctx: RequestContext) => providerActor(ctx).role === 'utforare_chef';

export function requireChef(ctx: RequestContext, what: string): void {
  if (!isChef(ctx)) throw forbidden(`${what} görs av ansvarig chef hos utföraren.`, 'not-chef');
}

/**
 * Opens an order of the actor's provider for `resource`, checks the person through the gate and
 * audits it. `lock` takes a row lock for a change.
 */
export async function openOrder(
  tx: TenantTx, ctx: RequestContext, orderId: string,
  what: { action?: 'read' | 'update'; resource: string; lock?: boolean },
): Promise<OrderAccess> {
  const actor = providerActor(ctx);
  const row = await tx.one<OrderAccess>(
    `SELECT id, person_id, provider_id, status, version, decision_id, case_id FROM orders
     WHERE municipality_id = $1 AND id = $2${what.lock ? ' FOR UPDATE' : ''}`, [tx.municipalityId, orderId]);
  if (!row || row.provider_id !== actor.providerId || !ORDER_ACTIVE.includes(row.status)) {
    if (row) {
      tx.auditRefusal(auditRecord(ctx, {
        action: 'denied', resource: what.resource, subjectPersonId: row.person_id, flagged: row.provider_id !== actor.providerId,
        details: { attempted: what.action ?? 'read', orderId, reason: row.provider_id !== actor.providerId ? 'other-provider' : 'order-not-active' },
      }));
    }
    throw notFound('Beställningen');
  }
  await accessPerson(tx, ctx, row.person_id, { action: what.action ?? 'read', resource: what.resource });
  return row;
}
