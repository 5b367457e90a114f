// Connections. Two pools: the owner (migrations, seed, audit verification, health) and the
// application role lots_app, which every request uses and which cannot bypass row-level security.
import pg from 'pg';
import { appendAudit, type AuditEntry } from '../access/audit.ts';
import { APP_ROLE } from './migrate.ts';

// Dates stay ISO strings ('2026-11-22'), never shifted by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Row = object;

/** A transaction bound to one municipality (tenant). */
export interface TenantTx {
  readonly municipalityId: number;
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  one<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R | undefined>;
  /** Queue an audit record; it is written in this transaction, just before COMMIT. */
  audit(entry: AuditEntry): void;
  /**
   * Queue a record of a refused access. It is kept even though the refusal rolls the
   * transaction back: attempts are exactly what the log follow-up must see.
   */
  auditRefusal(entry: AuditEntry): void;
}

class Tx implements TenantTx {
  readonly pending: AuditEntry[] = [];
  readonly refusals: AuditEntry[] = [];
  constructor(private readonly client: pg.PoolClient, readonly municipalityId: number) {}
  async query<R extends Row>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.client.query<R>(sql, params)).rows;
  }
  async one<R extends Row>(sql: string, params: unknown[] = []): Promise<R | undefined> {
    return (await this.client.query<R>(sql, params)).rows[0];
  }
  audit(entry: AuditEntry): void {
    this.pending.push(entry);
  }
  auditRefusal(entry: AuditEntry): void {
    this.pending.push(entry);
    this.refusals.push(entry);
  }
}

export function appUrlFrom(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

export class Database {
  readonly owner: pg.Pool;
  readonly app: pg.Pool;

  constructor(ownerUrl: string, appUrl: string, readonly embedded: boolean) {
    this.owner = new pg.Pool({ connectionString: ownerUrl, max: 3 });
    this.app = new pg.Pool({ connectionString: appUrl, max: 20 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.owner.on('error', (e) => console.error('[db owner pool]', e.message));
    this.app.on('error', (e) => console.error('[db app pool]', e.message));
  }

  /**
   * Runs fn in one transaction with the tenant set for row-level security. BEGIN and the
   * tenant setting go in one round trip; audit records are appended before COMMIT, so a read
   * that cannot be logged is not returned.
   */
  async withTenant<T>(municipalityId: number, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
    if (!Number.isInteger(municipalityId) || municipalityId <= 0) throw new Error('invalid municipality id');
    const client = await this.app.connect();
    let broken = false;
    const tx = new Tx(client, municipalityId);
    try {
      await client.query(`BEGIN; SELECT set_config('app.tenant', '${municipalityId}', true)`);
      const result = await fn(tx);
      await appendAudit(client, municipalityId, tx.pending);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      if (tx.refusals.length && !broken) await this.persistRefusals(client, municipalityId, tx.refusals);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async persistRefusals(client: pg.PoolClient, municipalityId: number, entries: AuditEntry[]): Promise<void> {
    await client.query(`BEGIN; SELECT set_config('app.tenant', '${municipalityId}', true)`);
    await appendAudit(client, municipalityId, entries);
    await client.query('COMMIT');
  }

  /** Queries before a tenant is known: only the narrow SECURITY DEFINER auth functions answer. */
  async withoutTenant<R extends Row>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.app.query<R>(sql, params)).rows;
  }

  /** Refuses to run if the application role could bypass row-level security. */
  async assertAppRoleIsRestricted(): Promise<void> {
    const { rows } = await this.app.query<{ rolsuper: boolean; rolbypassrls: boolean; owns: boolean }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const role = rows[0];
    if (!role || role.rolsuper || role.rolbypassrls || role.owns) {
      throw new Error('The application database role can bypass row-level security (superuser, BYPASSRLS or table owner); refusing to start.');
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.owner.end(), this.app.end()]);
  }
}
