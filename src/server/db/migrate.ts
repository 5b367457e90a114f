// Migrations: plain ordered SQL files in ./migrations, each applied once in its own transaction
// and recorded in schema_migrations. A landed file is never edited; add a new one instead.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const MIGRATION_LOCK = 727_001; // advisory lock: two processes starting at once migrate one at a time

export const APP_ROLE = 'lots_app';

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

/**
 * Ensures the application role exists with the right attributes. It must never be able to
 * bypass row-level security: NOSUPERUSER NOBYPASSRLS, and it owns no tables.
 */
async function ensureAppRole(client: pg.ClientBase, password: string | undefined): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const attrs = 'NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT';
  const login = password === undefined ? 'NOLOGIN' : 'LOGIN';
  const verb = rowCount ? 'ALTER' : 'CREATE';
  const pw = password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(password)}`;
  await client.query(`${verb} ROLE ${APP_ROLE} ${login} ${attrs}${pw}`);
}

export async function migrate(ownerUrl: string, appPassword: string | undefined): Promise<{ applied: string[]; total: number }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ensureAppRole(client, appPassword);
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(client.database ?? 'lots')} TO ${APP_ROLE}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const files = migrationFiles();
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
    }
    return { applied, total: files.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
