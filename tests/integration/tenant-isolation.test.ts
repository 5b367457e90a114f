// Tenants are isolated in the database itself: row-level security on every tenant-owned table,
// enforced for the application role even for raw SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
let tenantTables: string[];
beforeAll(async () => {
  t = await freshDatabase();
  const { rows } = await t.db.owner.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'municipality_id' ORDER BY 1`);
  tenantTables = rows.map((r) => r.table_name);
});
afterAll(() => t.drop());

describe('row-level security', () => {
  it('covers every table that has a municipality_id, with FORCE so the owner is bound too', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(12);
    const { rows } = await t.db.owner.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`, [tenantTables]);
    for (const r of rows) expect({ table: r.relname, rls: r.relrowsecurity, force: r.relforcerowsecurity }).toEqual({ table: r.relname, rls: true, force: true });
    const policies = await t.db.owner.query<{ tablename: string }>(`SELECT tablename FROM pg_policies WHERE policyname = 'tenant_isolation'`);
    expect(new Set(policies.rows.map((p) => p.tablename))).toEqual(new Set([...tenantTables, 'municipalities']));
  });

  it('seeds data for both municipalities (so the checks below can fail)', async () => {
    const { rows } = await t.db.owner.query<{ m: number; n: number }>('SELECT municipality_id AS m, count(*)::int AS n FROM persons GROUP BY 1 ORDER BY 1');
    expect(rows.map((r) => r.m)).toEqual([1, 2]);
  });

  it("with municipality A's context, raw SQL through the app role returns none of B's rows", async () => {
    for (const [a, b] of [[1, 2], [2, 1]] as const) {
      await t.db.withTenant(a, async (tx) => {
        for (const table of tenantTables) {
          const all = await tx.query<{ m: number }>(`SELECT DISTINCT municipality_id AS m FROM ${table}`);
          expect(all.every((r) => r.m === a), `${table} leaked another tenant`).toBe(true);
          const other = await tx.query(`SELECT * FROM ${table} WHERE municipality_id = $1`, [b]);
          expect(other, `${table} with explicit WHERE for ${b}`).toHaveLength(0);
        }
        const munis = await tx.query<{ id: number }>('SELECT id FROM municipalities');
        expect(munis.map((m) => m.id)).toEqual([a]);
      });
    }
  });

  it('returns nothing at all without a tenant context', async () => {
    const client = await t.db.app.connect();
    try {
      for (const table of [...tenantTables, 'municipalities']) {
        const { rowCount } = await client.query(`SELECT 1 FROM ${table}`);
        expect(rowCount, table).toBe(0);
      }
    } finally { client.release(); }
  });

  it("refuses to write rows into another tenant's space", async () => {
    await expect(t.db.withTenant(1, (tx) => tx.query(
      `INSERT INTO providers (municipality_id, id, name, org_number, kind) VALUES (2, gen_random_uuid(), 'Smuggel AB', '556000-0000', 'privat')`,
    ))).rejects.toThrow(/row-level security/);
    // Updating B's rows from A's context touches nothing.
    const changed = await t.db.withTenant(1, (tx) => tx.query(`UPDATE persons SET first_name = 'X' WHERE municipality_id = 2 RETURNING id`));
    expect(changed).toHaveLength(0);
  });

  it('the app role cannot bypass RLS: not superuser, no BYPASSRLS, owns no table, cannot switch role', async () => {
    await expect(t.db.assertAppRoleIsRestricted()).resolves.toBeUndefined();
    const { rows } = await t.db.app.query<{ rolsuper: boolean; rolbypassrls: boolean }>('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    await expect(t.db.app.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
    await expect(t.db.app.query('ALTER TABLE persons DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
  });

  it('a superuser application login is refused at start-up', async () => {
    const sneaky = new (await import('../../src/server/db/database.ts')).Database(t.ownerUrl, t.ownerUrl, false);
    await expect(sneaky.assertAppRoleIsRestricted()).rejects.toThrow(/bypass row-level security/);
    await sneaky.close();
  });

  it('the auth functions answer only their one question', async () => {
    const c = new pg.Client({ connectionString: t.appUrl });
    await c.connect();
    try {
      const none = await c.query('SELECT * FROM auth_session_lookup($1)', ['not-a-real-hash']);
      expect(none.rowCount).toBe(0);
      const munis = await c.query<{ code: string }>('SELECT * FROM public_municipalities()');
      expect(munis.rows.map((r) => r.code).sort()).toEqual(['demo', 'exempelstad']);
    } finally { await c.end(); }
  });
});
