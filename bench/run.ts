// `npm run bench`: what the access gate and the whole request cost, as ratios to a bare
// primary-key read measured in the same run on the same database.
//   baseline  – SELECT one person by primary key through pg (no RLS context, owner role)
//   gated     – one tenant transaction: set tenant, access gate, person read, audit append, COMMIT
//   overview  – GET /api/staff/persons/:id over HTTP: session, gate, 5 queries, audit, JSON
//   case page – GET /api/staff/cases/:id over HTTP: session, gate, case + decisions + deadlines +
//               letters + appeals, the state machine's verdict on every step, audit, JSON
//   inbox     – GET /api/provider/orders: the provider's active orders with their steps, audit per person
//   day       – GET /api/mobile/today: a field worker's visits today with the minimum per person
// Each runs N requests with C in flight; we report p50/p95 latency and throughput.
import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { buildApp } from '../src/server/app.ts';
import { freePort } from '../src/server/db/embedded.ts';
import { accessPerson } from '../src/server/access/gate.ts';
import type { RequestContext } from '../src/server/access/actor.ts';
import { Browser } from '../tests/integration/helpers.ts';

const N = Number(process.env.BENCH_N ?? 2000);
const C = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function measure(label: string, op: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 100; i++) await op(i); // warm-up
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: C }, async () => {
    while (next < N) {
      const i = next++;
      const t = performance.now();
      await op(i);
      times.push(performance.now() - t);
    }
  }));
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { label, p50: times[Math.floor(N * 0.5)]!, p95: times[Math.floor(N * 0.95)]!, perSecond: (N / total) * 1000 };
}

const dir = mkdtempSync(path.join(tmpdir(), 'lots-bench-'));
const port = await freePort();
delete process.env.DATABASE_URL;
process.env.LOTS_PUBLIC_URL = `http://127.0.0.1:${port}`;
const config = loadConfig({ port, dataDir: dir, seedDemo: true });
const opened = await openDatabase(config);
const app = await buildApp(config, opened.db, { logger: false });
await app.listen({ port, host: '127.0.0.1' });
try {
  const { db } = opened;
  const { rows: [worker] } = await db.owner.query<{ id: string; unit_id: string; name: string; oidc_subject: string }>(
    `SELECT id, unit_id, name, oidc_subject FROM staff_users WHERE municipality_id = 1 AND role = 'handlaggare' ORDER BY name LIMIT 1`);
  const { rows: people } = await db.owner.query<{ id: string }>(
    'SELECT DISTINCT person_id AS id FROM cases WHERE municipality_id = 1 AND unit_id = $1', [worker!.unit_id]);
  const ids = people.map((p) => p.id);
  const { rows: caseRows } = await db.owner.query<{ id: string }>('SELECT id FROM cases WHERE municipality_id = 1 AND unit_id = $1', [worker!.unit_id]);
  const caseIds = caseRows.map((c) => c.id);
  const ctx: RequestContext = { actor: { kind: 'staff', municipalityId: 1, userId: worker!.id, name: worker!.name, role: 'handlaggare', unitId: worker!.unit_id, providerId: null }, meta: { ip: '127.0.0.1', userAgent: 'bench' } };
  // The baseline gets as many connections as the app pool, so the comparison is fair.
  const bare = new pg.Pool({ connectionString: (db.owner as unknown as { options: { connectionString: string } }).options.connectionString, max: 20 });
  const browser = new Browser(config.publicUrl);
  await browser.login(worker!.oidc_subject);
  // the provider's chef (inbox) and a member of the field staff (today's visits on the phone)
  const chef = new Browser(config.publicUrl);
  await chef.login('demo:annap');
  const field = new Browser(config.publicUrl);
  await field.login('demo:fatima');
  // a daughter with fullmakt following her father's cases and home care (citizen view)
  const { rows: [ingrid] } = await db.owner.query<{ id_number: string }>(`SELECT id_number FROM persons WHERE municipality_id = 1 AND first_name = 'Ingrid' AND last_name = 'Lund'`);
  const { rows: [gosta] } = await db.owner.query<{ id: string }>(`SELECT id FROM persons WHERE municipality_id = 1 AND first_name = 'Gösta' AND last_name = 'Lund'`);
  const citizen = new Browser(config.publicUrl);
  await citizen.login(`bankid:${ingrid!.id_number}`, 'medborgare');

  const results = [
    await measure('baseline: bare PK read', (i) => bare.query('SELECT * FROM persons WHERE municipality_id = 1 AND id = $1', [ids[i % ids.length]])),
    await measure('gated read + audit (one tenant transaction)', (i) => db.withTenant(1, async (tx) => {
      await accessPerson(tx, ctx, ids[i % ids.length]!, { resource: 'bench' });
      return tx.one('SELECT * FROM persons WHERE municipality_id = 1 AND id = $1', [ids[i % ids.length]]);
    })),
    await measure('GET /api/staff/persons/:id over HTTP', async (i) => {
      const res = await browser.fetch(`/api/staff/persons/${ids[i % ids.length]}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    }),
    await measure('GET /api/staff/cases/:id (case page) over HTTP', async (i) => {
      const res = await browser.fetch(`/api/staff/cases/${caseIds[i % caseIds.length]}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    }),
    await measure('GET /api/provider/orders (provider inbox) over HTTP', async () => {
      const res = await chef.fetch('/api/provider/orders');
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    }),
    await measure('GET /api/mobile/today (field staff day) over HTTP', async () => {
      const res = await field.fetch('/api/mobile/today');
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    }),
    await measure('GET /api/citizen/cases?for= (Mina ärenden, ombud) over HTTP', async () => {
      const res = await citizen.fetch(`/api/citizen/cases?for=${gosta!.id}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    }),
    await measure('GET /api/citizen/services?for= (Mina insatser, ombud) over HTTP', async () => {
      const res = await citizen.fetch(`/api/citizen/services?for=${gosta!.id}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    }),
  ];
  const base = results[0]!;
  console.log(`\nN=${N}, ${C} in flight, PostgreSQL ${(await db.owner.query('SHOW server_version')).rows[0].server_version} (embedded)\n`);
  console.log('| measurement | p50 ms | p95 ms | per second | p50 ratio to baseline |');
  console.log('|---|---|---|---|---|');
  await bare.end();
  for (const r of results) {
    console.log(`| ${r.label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${Math.round(r.perSecond)} | ${(r.p50 / base.p50).toFixed(1)}× |`);
  }
} finally {
  await app.close();
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
}
