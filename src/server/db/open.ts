// Opens the system of record: embedded PostgreSQL under the data folder, or DATABASE_URL.
// Then migrations, the restricted app role check, and the demo seed on first start.
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { Database, appUrlFrom } from './database.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';
import { seedDemo } from '../dev/seed.ts';

export interface OpenedDatabase {
  db: Database;
  seeded: boolean;
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<OpenedDatabase> {
  const cluster = config.databaseUrl ? null : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), { persistent: true });
  const ownerUrl = config.databaseUrl ?? cluster!.url;
  try {
    const managesAppRole = !config.databaseAppUrl;
    const { applied } = await migrate(ownerUrl, managesAppRole ? config.secrets.appDbPassword : undefined);
    const db = new Database(ownerUrl, config.databaseAppUrl ?? appUrlFrom(ownerUrl, config.secrets.appDbPassword), cluster !== null);
    await db.assertAppRoleIsRestricted();
    let seeded = false;
    if (config.seedDemo) {
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try { seeded = await seedDemo(client); } finally { await client.end(); }
    }
    return {
      db, seeded, applied,
      close: async () => { await db.close(); await cluster?.stop(); },
    };
  } catch (err) {
    await cluster?.stop();
    throw err;
  }
}
