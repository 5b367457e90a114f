// The job queue: pg-boss in its own schema (pgboss) of the Lots database, on the owner
// connection (it creates and migrates its own tables; the app role has no access to them).
// Jobs are rows in PostgreSQL, so several Lots processes share one queue and a scheduled job
// runs once per slot however many processes are up.
//
// Jobs now: 'deadline-sweep' every 15 minutes and once at start-up (reminders of deadlines,
// follow-ups, kommunicering and unassigned cases; see deadline-sweep.ts), and 'message-notifications':
// notices of new messages to citizens, woken by pg_notify on commit and every minute (notify.ts).
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import { dateInSweden } from '../../domain/deadlines.ts';
import { DEADLINE_SWEEP_JOB, runDeadlineSweep } from './deadline-sweep.ts';
import { registerNotifyJob } from './notify.ts';
import type { NotificationConfig } from '../modules/messages/channels.ts';

export const JOB_SCHEMA = 'pgboss';
export const DEADLINE_SWEEP_CRON = '*/15 * * * *';

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface JobQueueOptions {
  db: Database;
  /** Owner connection string; defaults to the one the owner pool was opened with. */
  connectionString?: string;
  /** Register the cron schedule (default true). */
  schedule?: boolean;
  /** Queue one sweep right after start (default true). */
  runAtStart?: boolean;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  log?: Log;
  /** Lots's public address, for the link in notices of new messages. */
  publicUrl?: string;
  /** SMTP/SMS settings; default: the environment, else the dev simulators running in this process. */
  notifications?: NotificationConfig;
}

export interface JobQueue {
  readonly boss: PgBoss;
  /** Queues a deadline sweep now; null when one is already waiting (the queue keeps one). */
  sendDeadlineSweep(): Promise<string | null>;
  /** Stops fetching, lets a running job finish (up to timeoutMs) and closes the connections. */
  stop(timeoutMs?: number): Promise<void>;
}

const consoleLog: Log = {
  info: (m) => console.log(`[jobb] ${m}`),
  warn: (m) => console.warn(`[jobb] ${m}`),
  error: (m) => console.error(`[jobb] ${m}`),
};

/** True unless LOTS_JOBS=off (or 0/false) turns the background jobs off in this process. */
export function jobsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', '0', 'false', 'no'].includes((env.LOTS_JOBS ?? '').trim().toLowerCase());
}

function ownerConnectionString(db: Database): string {
  const url = (db.owner as unknown as { options?: { connectionString?: string } }).options?.connectionString;
  if (!url) throw new Error('The owner pool has no connection string; pass connectionString to startJobQueue');
  return url;
}

export async function startJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const log = opts.log ?? consoleLog;
  const boss = new PgBoss({
    connectionString: opts.connectionString ?? ownerConnectionString(opts.db),
    schema: JOB_SCHEMA,
    application_name: 'lots-jobs',
    max: 3,
  });
  let stopping = false;
  // An 'error' without a listener would crash the process; a lost connection is retried by
  // pg-boss. While stopping, the database may already be going down with the process.
  boss.on('error', (err) => { if (!stopping) log.error(`pg-boss: ${err.message}`); });

  await boss.start();
  try {
    // 'stately': at most one sweep waiting and one running, so slow sweeps never pile up.
    await boss.createQueue(DEADLINE_SWEEP_JOB, {
      name: DEADLINE_SWEEP_JOB, policy: 'stately', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60,
    });
    await boss.work(DEADLINE_SWEEP_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) {
        // "Today" is the calendar day in Sweden, whatever the server clock's zone.
        const today = dateInSweden();
        const t0 = performance.now();
        const { created } = await runDeadlineSweep(opts.db, today);
        log.info(`${DEADLINE_SWEEP_JOB} ${job.id} (${today}): ${created} nya påminnelser på ${Math.round(performance.now() - t0)} ms`);
      }
    });
    if (opts.schedule ?? true) await boss.schedule(DEADLINE_SWEEP_JOB, DEADLINE_SWEEP_CRON, {}, { tz: 'Europe/Stockholm' });
    if (opts.runAtStart ?? true) await boss.send(DEADLINE_SWEEP_JOB, {});
    await registerNotifyJob(boss, {
      db: opts.db, connectionString: opts.connectionString, log, schedule: opts.schedule,
      pollingIntervalSeconds: opts.pollingIntervalSeconds, publicUrl: opts.publicUrl, config: opts.notifications,
    });
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw err;
  }

  let stopped: Promise<void> | null = null;
  return {
    boss,
    sendDeadlineSweep: () => boss.send(DEADLINE_SWEEP_JOB, {}),
    stop: (timeoutMs = 10_000) => {
      stopping = true;
      stopped ??= boss.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
      return stopped;
    },
  };
}
