// Notifications of new messages: the job 'message-notifications' sends what waits in the outbox
// (message_notifications, written in the same transaction as the message) by the channel the
// citizen chose — e-mail over SMTP or SMS through the gateway (modules/messages/channels.ts).
//
// The notice is fixed and content-free (src/domain/notification-text.ts): that there is a message,
// from which municipality, and where to log in. Nothing of the message, the case or the person.
//
// When it runs: a message's transaction ends with pg_notify(NOTIFY_CHANNEL); a listener on the
// owner connection turns that into a job on the queue, so the notice leaves within seconds, from
// whichever Lots process has a worker. A job every minute picks up retries and anything missed.
// Several processes may run it at once: rows are claimed with FOR UPDATE SKIP LOCKED.
import pg from 'pg';
import type PgBoss from 'pg-boss';
import type { Database, TenantTx } from '../db/database.ts';
import { notificationNotice } from '../../domain/notification-text.ts';
import {
  elksSmsChannel, loadNotificationConfig, mailSender, senderNameFor, smtpChannel,
  type EmailChannel, type NotificationConfig, type SmsChannel,
} from '../modules/messages/channels.ts';
import { runningSimulators } from '../dev/notification-simulators.ts';

export const NOTIFY_JOB = 'message-notifications';
/** The PostgreSQL channel a message's transaction notifies on commit. */
export const NOTIFY_CHANNEL = 'lots_message_notifications';
export const NOTIFY_RETRY_CRON = '* * * * *';
/** After this many failed attempts a notice is given up ('misslyckad'); the message itself is still there. */
export const MAX_ATTEMPTS = 5;
const BATCH = 20;
const MAX_PER_RUN = 500;

interface Log { info(msg: string): void; warn(msg: string): void; error(msg: string): void }
const quiet: Log = { info() {}, warn() {}, error() {} };

export interface DeliveryOptions {
  /** Lots's public address, for the link in the notice. */
  publicUrl?: string;
  /** Default: from the environment (SMTP_URL, SMS_API_URL, …), else the dev simulators running in this process. */
  config?: NotificationConfig;
  log?: Log;
}

/** Without a publicUrl (tools and tests that send no notices): the default of config.ts. The server passes config.publicUrl. */
const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

function publicUrlOf(opts: DeliveryOptions): string {
  return (opts.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
}

/** The configured channels; outside production the running simulators fill in what is not configured. */
export function resolveNotificationConfig(given?: NotificationConfig): NotificationConfig {
  const c = { ...(given ?? loadNotificationConfig()) };
  const sims = process.env.NODE_ENV === 'production' ? null : runningSimulators();
  if (!c.smtpUrl && sims?.smtp) c.smtpUrl = sims.smtp.url;
  if (!c.smsApiUrl && sims?.sms) Object.assign(c, { smsApiUrl: sims.sms.url, smsUser: sims.sms.user, smsPassword: sims.sms.password });
  return c;
}

interface Pending { id: string; recipient_person_id: string; channel: 'e_post' | 'sms'; address: string; attempts: number; confirmed: boolean }

export interface DeliveryResult { sent: number; failed: number; retrying: number }

/** Backoff before the next attempt: 1, 2, 4, 8 minutes. */
const backoffSeconds = (attempts: number) => 60 * 2 ** Math.max(0, attempts - 1);

async function deliverInTenant(
  tx: TenantTx, muni: { id: number; name: string }, config: NotificationConfig, publicUrl: string,
  channels: { email: () => EmailChannel | null; sms: () => SmsChannel | null }, result: DeliveryResult, log: Log,
): Promise<number> {
  const rows = await tx.query<Pending>(
    // confirmed: the citizen's settings, now, still name this channel and address, and it is
    // confirmed with the code. A notice queued before a change goes nowhere (it is not re-addressed).
    `SELECT n.id, n.recipient_person_id, n.channel, n.address, n.attempts,
       COALESCE(s.verified_at IS NOT NULL AND s.channel = n.channel
         AND n.address = CASE n.channel WHEN 'e_post' THEN s.email ELSE s.phone END, false) AS confirmed
     FROM message_notifications n
     LEFT JOIN citizen_notification_settings s ON s.municipality_id = n.municipality_id AND s.person_id = n.recipient_person_id
     WHERE n.municipality_id = $1 AND n.status = 'vantar' AND n.next_attempt_at <= now()
     ORDER BY n.created_at LIMIT ${BATCH} FOR UPDATE OF n SKIP LOCKED`, [muni.id]);
  const notice = notificationNotice({ municipalityName: muni.name, baseUrl: publicUrl });
  for (const r of rows) {
    if (!r.confirmed) {
      await tx.query(
        `UPDATE message_notifications SET status = 'misslyckad', last_error = $3 WHERE municipality_id = $1 AND id = $2`,
        [muni.id, r.id, 'Inte skickad: adressen är inte (längre) vald och bekräftad med kod.']);
      result.failed++;
      continue;
    }
    const text = r.channel === 'e_post' ? notice.emailText : notice.smsText;
    try {
      let ref: string | null;
      if (r.channel === 'e_post') {
        const email = channels.email();
        if (!email) throw new Error('E-post är inte konfigurerat (SMTP_URL saknas).');
        ref = (await email.send(r.address, notice.subject, notice.emailText)).ref;
      } else {
        const sms = channels.sms();
        if (!sms) throw new Error('SMS är inte konfigurerat (SMS_API_URL saknas).');
        ref = (await sms.send(r.address, notice.smsText, config.smsFrom ?? senderNameFor(muni.name))).ref;
      }
      await tx.query(
        `UPDATE message_notifications SET status = 'skickad', sent_at = now(), attempts = attempts + 1, provider_ref = $3,
           notice_text = $4, last_error = NULL WHERE municipality_id = $1 AND id = $2`, [muni.id, r.id, ref, text]);
      // The system sent a notice to the person's address: that use of personal data is logged too.
      tx.audit({
        actorKind: 'system', actorId: `jobb:${NOTIFY_JOB}`, actorName: 'Avisering om meddelande', subjectPersonId: r.recipient_person_id,
        action: 'send', resource: 'messages.notification', purpose: 'avisering', reason: null, flagged: false, ip: null, userAgent: null,
        details: { notificationId: r.id, channel: r.channel },
      });
      result.sent++;
    } catch (err) {
      const attempts = r.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
      await tx.query(
        `UPDATE message_notifications SET attempts = $3, last_error = $4,
           status = CASE WHEN $5 THEN 'misslyckad' ELSE status END, next_attempt_at = now() + make_interval(secs => $6)
         WHERE municipality_id = $1 AND id = $2`, [muni.id, r.id, attempts, message, giveUp, backoffSeconds(attempts)]);
      if (giveUp) result.failed++; else result.retrying++;
      log.warn(`avisering ${r.id} (${r.channel}) misslyckades, försök ${attempts}: ${message}`);
    }
  }
  return rows.length;
}

/** Sends every notice that is due, in every municipality. Safe to run in several processes at once. */
export async function deliverPendingNotifications(db: Database, opts: DeliveryOptions = {}): Promise<DeliveryResult> {
  const config = resolveNotificationConfig(opts.config);
  const publicUrl = publicUrlOf(opts);
  const log = opts.log ?? quiet;
  const result: DeliveryResult = { sent: 0, failed: 0, retrying: 0 };
  const munis = (await db.owner.query<{ id: number; name: string }>('SELECT id, name FROM municipalities ORDER BY id')).rows;
  // One SMTP connection per run, opened only when a mail is to be sent.
  const opened: EmailChannel[] = [];
  const email = new Map<string, EmailChannel>();
  const channels = (muni: { name: string }) => ({
    email: () => {
      if (!config.smtpUrl) return null;
      const from = mailSender(config, muni.name, publicUrl);
      let ch = email.get(from);
      if (!ch) { ch = smtpChannel(config.smtpUrl, from); email.set(from, ch); opened.push(ch); }
      return ch;
    },
    sms: () => (config.smsApiUrl && config.smsUser && config.smsPassword ? elksSmsChannel(config.smsApiUrl, config.smsUser, config.smsPassword) : null),
  });
  try {
    for (const muni of munis) {
      let handled = 0;
      while (handled < MAX_PER_RUN) {
        const n = await db.withTenant(muni.id, (tx) => deliverInTenant(tx, muni, config, publicUrl, channels(muni), result, log));
        handled += n;
        if (n < BATCH) break;
      }
    }
  } finally {
    for (const ch of opened) ch.close();
  }
  return result;
}

function ownerConnectionString(db: Database): string {
  const url = (db.owner as unknown as { options?: { connectionString?: string } }).options?.connectionString;
  if (!url) throw new Error('The owner pool has no connection string; pass connectionString to registerNotifyJob');
  return url;
}

/** LISTEN on the owner connection; reconnects after a lost connection (the minute job covers the gap). */
async function listen(connectionString: string, onWake: () => void, log: Log): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: 'lots-notify-listen' });
    c.on('notification', () => onWake());
    c.on('error', (err) => {
      if (closed) return;
      log.warn(`aviseringar: lyssnaren tappade anslutningen (${err.message}); försöker igen`);
      void c.end().catch(() => undefined);
      client = null;
      setTimeout(() => { if (!closed) connect().catch((e: unknown) => log.warn(`aviseringar: ${e instanceof Error ? e.message : String(e)}`)); }, 5_000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
    client = c;
  };
  await connect();
  return { close: async () => { closed = true; await client?.end().catch(() => undefined); } };
}

export interface NotifyJobOptions extends DeliveryOptions {
  db: Database;
  /** Owner connection string; defaults to the one the owner pool was opened with. */
  connectionString?: string;
  /** Register the minute schedule (default true). */
  schedule?: boolean;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
}

export interface NotifyJobHandle {
  /** Queues a delivery run now (null when one is already waiting). */
  wake(): Promise<string | null>;
  stop(): Promise<void>;
}

const registered = new WeakMap<PgBoss, NotifyJobHandle>();

/**
 * Adds the notification job to a started pg-boss: its queue, worker, minute schedule and the
 * listener that wakes it when a message is written. Registering twice on one boss does nothing more.
 */
export async function registerNotifyJob(boss: PgBoss, opts: NotifyJobOptions): Promise<NotifyJobHandle> {
  const known = registered.get(boss);
  if (known) return known;
  const log = opts.log ?? quiet;
  const channels = resolveNotificationConfig(opts.config);
  if (!channels.smtpUrl) log.warn('aviseringar: SMTP_URL saknas – aviseringar med e-post kan inte skickas');
  if (!channels.smsApiUrl) log.warn('aviseringar: SMS_API_URL saknas – aviseringar med sms kan inte skickas');
  // 'stately': at most one run waiting and one running; wake-ups while one waits cost nothing.
  await boss.createQueue(NOTIFY_JOB, { name: NOTIFY_JOB, policy: 'stately', retryLimit: 2, retryDelay: 30, expireInSeconds: 5 * 60 });
  await boss.work(NOTIFY_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) {
      const r = await deliverPendingNotifications(opts.db, opts);
      if (r.sent || r.failed || r.retrying) log.info(`${NOTIFY_JOB} ${job.id}: ${r.sent} skickade, ${r.retrying} försöks igen, ${r.failed} misslyckade`);
    }
  });
  if (opts.schedule ?? true) await boss.schedule(NOTIFY_JOB, NOTIFY_RETRY_CRON, {}, { tz: 'Europe/Stockholm' });
  const wake = () => boss.send(NOTIFY_JOB, {});
  const listener = await listen(opts.connectionString ?? ownerConnectionString(opts.db), () => {
    wake().catch((err: unknown) => log.warn(`aviseringar: kunde inte köa (${err instanceof Error ? err.message : String(err)})`));
  }, log);
  boss.once('stopped', () => void listener.close());
  const handle: NotifyJobHandle = { wake, stop: () => listener.close() };
  registered.set(boss, handle);
  // Whatever was written while no worker ran.
  await wake();
  return handle;
}

/** Called in the message's transaction: the listener hears it when (and only if) the transaction commits. */
export async function notifyOnCommit(tx: TenantTx): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, String(tx.municipalityId)]);
}
