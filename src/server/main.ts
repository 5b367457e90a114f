// Starts Lots: database (embedded or DATABASE_URL), migrations, demo seed, HTTP server, and
// then, without holding up the start, the job queue (LOTS_JOBS=off leaves it off).
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './app.ts';
import { jobsEnabled, startJobQueue, type JobQueue } from './jobs/queue.ts';
import { startNotificationSimulators } from './dev/notification-simulators.ts';

export async function main(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const opened = await openDatabase(config);
  const app = await buildApp(config, opened.db);
  await app.listen({ port: config.port, host: config.host });
  // Outside production, local SMTP and SMS-gateway simulators stand in for what SMTP_URL / SMS_API_URL do not configure.
  const sims = config.production || (config.notifications.smtpUrl && config.notifications.smsApiUrl) ? null : await startNotificationSimulators();
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log([
    '',
    `  Lots körs på ${config.publicUrl}  (startade på ${seconds} s)`,
    `  Databas: ${opened.db.embedded ? `inbäddad PostgreSQL i ${config.dataDir}` : 'DATABASE_URL'}` +
      `${opened.applied.length ? `, ${opened.applied.length} migrering(ar) körda` : ''}${opened.seeded ? ', demokommunen skapad' : ''}`,
    config.oidc.bundledTestIdp
      ? '  Logga in: öppna adressen och välj en person på testinloggningen (Test-BankID / test-SITHS).'
      : `  Inloggning via ${config.oidc.issuer}`,
    ...(sims ? [`  E-post och sms till medborgare går till lokala simulatorer: ${config.publicUrl}/dev/notifications`] : []),
    '',
  ].join('\n'));

  // The queue starts in the background: the server already answers while pg-boss sets up.
  const jobs: Promise<JobQueue | null> = jobsEnabled()
    ? startJobQueue({ db: opened.db, log: app.log, publicUrl: config.publicUrl, notifications: config.notifications }).catch((err: unknown) => {
      app.log.error(`jobbkön kunde inte startas: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    })
    : Promise.resolve(null);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stänger`);
    // A running sweep may finish (it is one transaction per municipality) while HTTP closes.
    const stopJobs = jobs.then((q) => q?.stop())
      .catch((err: unknown) => app.log.error(`jobbkön: ${err instanceof Error ? err.message : String(err)}`));
    await Promise.all([stopJobs, app.close()]);
    await sims?.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
