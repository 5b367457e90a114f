// Starts a complete Lots for the browser journeys: its own embedded PostgreSQL in a temp folder,
// migrations, the demo municipality, the bundled test identity provider and the built web app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { buildApp } from '../src/server/app.ts';
import { freePort } from '../src/server/db/embedded.ts';
import { startJobQueue } from '../src/server/jobs/queue.ts';
import { startNotificationSimulators } from '../src/server/dev/notification-simulators.ts';

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lots-e2e-'));
  const port = await freePort();
  const saved = { ...process.env };
  delete process.env.DATABASE_URL;
  delete process.env.LOTS_PUBLIC_URL;
  const config = loadConfig({ port, dataDir: dir, seedDemo: true });
  const opened = await openDatabase(config);
  const app = await buildApp(config, opened.db, { logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  // Notices of new messages go to the local SMTP / SMS simulators through the real job queue.
  const sims = await startNotificationSimulators();
  const quiet = { info() {}, warn() {}, error() {} };
  const jobs = await startJobQueue({ db: opened.db, schedule: false, runAtStart: false, pollingIntervalSeconds: 0.5, log: quiet, publicUrl: config.publicUrl });
  project.provide('baseUrl', config.publicUrl);
  return async () => {
    await jobs.stop(5_000);
    await sims.close();
    await app.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
    process.env = saved;
  };
}
