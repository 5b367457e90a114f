// The audit log is written in the same transaction as the read, is append-only for the app,
// and its hash chain exposes an altered row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, type TestDb } from './helpers.ts';
import { verifyChain, type AuditEntry } from '../../src/server/access/audit.ts';
import { accessPerson } from '../../src/server/access/gate.ts';
import type { RequestContext } from '../../src/server/access/actor.ts';

let t: TestDb;
beforeAll(async () => { t = await freshDatabase(); });
afterAll(() => t.drop());

const entry = (n: number): AuditEntry => ({
  actorKind: 'system', actorId: 'test', actorName: 'Test', subjectPersonId: null, action: 'read', resource: `r${n}`,
  purpose: null, reason: null, flagged: false, ip: '127.0.0.1', userAgent: 'vitest', details: { n, nested: { b: 2, a: 1 } },
});

async function caseWorkerContext(): Promise<{ ctx: RequestContext; personId: string }> {
  const { rows } = await t.db.owner.query<{ id: string; unit_id: string; name: string; person_id: string }>(
    `SELECT su.id, su.unit_id, su.name, c.person_id FROM staff_users su JOIN cases c ON c.municipality_id = su.municipality_id AND c.unit_id = su.unit_id
     WHERE su.municipality_id = 1 AND su.role = 'handlaggare' LIMIT 1`);
  const r = rows[0]!;
  return { ctx: { actor: { kind: 'staff', municipalityId: 1, userId: r.id, name: r.name, role: 'handlaggare', unitId: r.unit_id, providerId: null }, meta: { ip: '10.0.0.1', userAgent: 'vitest' } }, personId: r.person_id };
}

describe('audit log', () => {
  it('a gated read writes its audit record in the same transaction', async () => {
    const { ctx, personId } = await caseWorkerContext();
    const before = await t.db.owner.query('SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = 1');
    const relation = await t.db.withTenant(1, (tx) => accessPerson(tx, ctx, personId, { resource: 'person.overview' }));
    expect(relation).toBe('unit_case');
    const { rows } = await t.db.owner.query('SELECT * FROM audit_log WHERE municipality_id = 1 ORDER BY seq DESC LIMIT 1');
    expect(rows[0]).toMatchObject({ actor_id: ctx.actor.kind === 'staff' ? ctx.actor.userId : '', subject_person_id: personId,
      action: 'read', resource: 'person.overview', purpose: 'unit_case', ip: '10.0.0.1' });
    const after = await t.db.owner.query('SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = 1');
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  });

  it('when the transaction fails, neither the read nor its audit record survive', async () => {
    const { ctx, personId } = await caseWorkerContext();
    const before = (await t.db.owner.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    await expect(t.db.withTenant(1, async (tx) => {
      await accessPerson(tx, ctx, personId, { resource: 'person.overview' });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect((await t.db.owner.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });

  it('concurrent transactions extend one unbroken chain per municipality', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.db.withTenant(1 + (i % 2), async (tx) => { tx.audit(entry(i)); tx.audit(entry(i + 100)); })));
    for (const m of [1, 2]) {
      const report = await verifyChain(t.db.owner, m);
      expect(report.ok, JSON.stringify(report)).toBe(true);
      expect(report.checked).toBeGreaterThanOrEqual(20);
    }
  });

  it('is append-only for the application role', async () => {
    await t.db.withTenant(1, async (tx) => { tx.audit(entry(1)); });
    await expect(t.db.withTenant(1, (tx) => tx.query(`UPDATE audit_log SET action = 'x'`))).rejects.toThrow(/permission denied/);
    await expect(t.db.withTenant(1, (tx) => tx.query('DELETE FROM audit_log'))).rejects.toThrow(/permission denied/);
    // Even the owner is stopped by the trigger.
    await expect(t.db.owner.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('verification fails at exactly the row someone altered', async () => {
    for (let i = 0; i < 5; i++) await t.db.withTenant(2, async (tx) => { tx.audit(entry(i)); });
    const ok = await verifyChain(t.db.owner, 2);
    expect(ok.ok).toBe(true);
    const target = Math.max(2, Math.floor(ok.checked / 2));
    // A DBA with superuser rights bypasses the trigger and edits a row.
    const c = new pg.Client({ connectionString: t.ownerUrl });
    await c.connect();
    await c.query("SET session_replication_role = 'replica'");
    await c.query(`UPDATE audit_log SET actor_name = 'Någon annan' WHERE municipality_id = 2 AND seq = $1`, [target]);
    await c.end();
    const report = await verifyChain(t.db.owner, 2);
    expect(report).toMatchObject({ ok: false, brokenAtSeq: target });
    expect(report.checked).toBe(target - 1);
    // The other municipality's chain is untouched.
    expect((await verifyChain(t.db.owner, 1)).ok).toBe(true);
  });
});
