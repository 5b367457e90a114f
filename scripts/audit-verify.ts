// `npm run audit:verify`: walks every municipality's audit chain and reports the first broken row.
// Uses DATABASE_URL, or the embedded cluster under LOTS_DATA_DIR (default .lots/). Exit code 1 if broken.
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { runningClusterUrl, startEmbeddedPostgres } from '../src/server/db/embedded.ts';
import { verifyChain } from '../src/server/access/audit.ts';

const config = loadConfig();
const pgDir = path.join(config.dataDir, 'pg');
// Attach to the embedded cluster of a running Lots, or start it just for this check.
const running = config.databaseUrl ? null : runningClusterUrl(pgDir);
const cluster = config.databaseUrl || running ? null : await startEmbeddedPostgres(pgDir, { persistent: true });
const client = new pg.Client({ connectionString: config.databaseUrl ?? running ?? cluster!.url });
await client.connect();
let broken = 0;
try {
  const { rows } = await client.query<{ id: number; name: string }>('SELECT id, name FROM municipalities ORDER BY id');
  for (const m of rows) {
    const report = await verifyChain(client, m.id);
    if (report.ok) {
      console.log(`✔ ${m.name}: ${report.checked} poster, kedjan är obruten`);
    } else {
      broken += 1;
      console.log(`✘ ${m.name}: kedjan bryts vid post ${report.brokenAtSeq} (${report.problem}); ${report.checked} poster före den stämmer`);
    }
  }
} finally {
  await client.end();
  await cluster?.stop();
}
process.exit(broken ? 1 : 0);
