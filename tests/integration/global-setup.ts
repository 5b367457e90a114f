// One PostgreSQL for the whole integration run: an embedded cluster in a temp folder, or the
// server in DATABASE_URL (CI also runs against Debian's PostgreSQL 15 this way). A template
// database is migrated and seeded once; each test file copies it (CREATE DATABASE … TEMPLATE).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, ensureDatabase, type EmbeddedCluster } from '../../src/server/db/embedded.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { seedDemo } from '../../src/server/dev/seed.ts';

export const TEST_APP_PASSWORD = 'lots-test-app-password';

declare module 'vitest' {
  export interface ProvidedContext { pgServerUrl: string; templateDb: string; appPassword: string }
}

export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | null = null;
  let dir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dir = mkdtempSync(path.join(tmpdir(), 'lots-it-'));
    cluster = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
    serverUrl = cluster.url;
  }
  const templateDb = `lots_template_${process.pid}`;
  const maintenance = new URL(serverUrl);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${templateDb}`;
  await ensureDatabase(maintenance.toString(), templateDb);
  await migrate(templateUrl.toString(), TEST_APP_PASSWORD);
  const client = new pg.Client({ connectionString: templateUrl.toString() });
  await client.connect();
  await seedDemo(client, new Date().toISOString().slice(0, 10));
  await client.end();

  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', templateDb);
  project.provide('appPassword', TEST_APP_PASSWORD);

  return async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`lots_test_${process.pid}_%`, templateDb]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(r.datname)} WITH (FORCE)`);
    await admin.end();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
