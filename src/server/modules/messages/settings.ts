// The citizen's choice of notice (none, e-mail, SMS) and the one-time code that confirms the address.
// A notice reveals that the municipality writes to someone (26 kap. 1 § OSL), so it goes only to an
// address the citizen has shown they hold: a new or changed address is stored unconfirmed and gets a
// six-digit code; notices are queued (threads.ts queueNotice) and sent (jobs/notify.ts) only while
// verified_at is set for exactly that channel and address.
//
// The code is sent DIRECTLY in the request, through the same channels as the notices (channels.ts,
// simulators outside production): the citizen waits for it on the page, a failure can be told at
// once, and the code never lies in an outbox. Only a salted SHA-256 of it is stored.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { TenantTx } from '../../db/database.ts';
import type { RequestContext } from '../../access/actor.ts';
import { auditRecord } from '../../access/gate.ts';
import { HttpProblem, badRequest, conflict, forbidden } from '../../http/problems.ts';
import {
  CODE_MAX_ATTEMPTS, CODE_VALID_MINUTES, formatMobile, normaliseEmail, normaliseMobile, notificationNotice, verificationCodeMessage,
} from '../../../domain/notification-text.ts';
import type { NotificationChannel, NotificationSettings, NotificationSettingsBody, VerifyCodeBody } from '../../../shared/messages-api.ts';
import { resolveNotificationConfig } from '../../jobs/notify.ts';
import { elksSmsChannel, mailSender, senderNameFor, smtpChannel, type NotificationConfig } from './channels.ts';

/** Where Lots is (the link in notices) and the configured channels: from the server's Config, never from a request. */
export interface NoticeSetup { publicUrl: string; notifications: NotificationConfig }

/**
 * Limits on new codes, per person: at most one a minute and five an hour. A code goes to an address
 * anyone can type, so without a limit Lots could be used to flood a stranger's phone or mailbox (and
 * SMS cost money). One a minute leaves time for a slow SMS to arrive before asking again; five an
 * hour is more than a person who mistypes a few times needs.
 */
export const RESEND_MIN_SECONDS = 60;
export const CODES_PER_HOUR = 5;

interface Row {
  channel: NotificationChannel; email: string | null; phone: string | null; verified_at: Date | null;
  code_hash: string | null; code_expires_at: Date | null; code_attempts: number; codes_sent_at: Date[];
}

const ROW_COLS = 'channel, email, phone, verified_at, code_hash, code_expires_at, code_attempts, codes_sent_at';

function me(ctx: RequestContext): string | null {
  return ctx.actor.kind === 'citizen' ? ctx.actor.personId : null;
}

const addressOf = (channel: NotificationChannel, email: string | null, phone: string | null) =>
  (channel === 'e_post' ? email : channel === 'sms' ? phone : null);

// ---- the code ----

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** "salt:sha256(salt + code)" in hex; a fresh salt per code. */
export function hashCode(code: string, salt = randomBytes(16).toString('hex')): string {
  return `${salt}:${createHash('sha256').update(`${salt}${code}`).digest('hex')}`;
}

export function codeMatches(stored: string, code: string): boolean {
  const [salt] = stored.split(':');
  const a = Buffer.from(stored);
  const b = Buffer.from(hashCode(code, salt));
  return a.length === b.length && timingSafeEqual(a, b);
}

async function municipalityName(tx: TenantTx): Promise<string> {
  return (await tx.one<{ name: string }>('SELECT name FROM municipalities WHERE id = $1', [tx.municipalityId]))?.name ?? '';
}

/** Sends the code by the chosen channel; a channel that does not answer is a 502 with what to do. */
async function sendCode(channel: 'e_post' | 'sms', address: string, code: string, muniName: string, setup: NoticeSetup): Promise<void> {
  const config = resolveNotificationConfig(setup.notifications);
  const msg = verificationCodeMessage({ municipalityName: muniName, code });
  const unavailable = () => new HttpProblem(502, 'Koden kunde inte skickas',
    `Vi kunde inte skicka koden till ${channel === 'e_post' ? 'e-postadressen' : 'mobilnumret'} just nu. Försök igen om en stund, eller välj ett annat sätt att få aviseringar.`,
    'code-not-sent');
  try {
    if (channel === 'e_post') {
      if (!config.smtpUrl) throw unavailable();
      const mail = smtpChannel(config.smtpUrl, mailSender(config, muniName, setup.publicUrl));
      try { await mail.send(address, msg.subject, msg.text); } finally { mail.close(); }
    } else {
      if (!config.smsApiUrl || !config.smsUser || !config.smsPassword) throw unavailable();
      await elksSmsChannel(config.smsApiUrl, config.smsUser, config.smsPassword).send(address, msg.text, config.smsFrom ?? senderNameFor(muniName));
    }
  } catch (err) {
    if (err instanceof HttpProblem) throw err;
    throw unavailable();
  }
}

const tooMany = (detail: string) => new HttpProblem(429, 'För många koder', detail, 'code-rate-limited');

/** The sends within the last hour, and whether another one is allowed now (null) or why not. */
function rateCheck(sent: Date[], now: Date, minGap: boolean): { recent: Date[]; refusal: HttpProblem | null } {
  const recent = sent.filter((d) => now.getTime() - d.getTime() < 3_600_000);
  const last = recent.reduce<number>((max, d) => Math.max(max, d.getTime()), 0);
  if (minGap && last && now.getTime() - last < RESEND_MIN_SECONDS * 1000) {
    return { recent, refusal: tooMany('Vänta en minut innan du ber om en ny kod. Koden kan ta en liten stund att komma fram.') };
  }
  if (recent.length >= CODES_PER_HOUR) {
    return { recent, refusal: tooMany(`Du har fått ${CODES_PER_HOUR} koder den senaste timmen. Vänta en stund och försök sedan igen.`) };
  }
  return { recent, refusal: null };
}

/** Makes a code, stores its hash and sends it; the caller has locked the row. */
async function issueCode(
  tx: TenantTx, ctx: RequestContext, person: string, channel: 'e_post' | 'sms', address: string, recent: Date[], now: Date, setup: NoticeSetup, why: string,
): Promise<void> {
  const code = newCode();
  await tx.query(
    `UPDATE citizen_notification_settings SET verified_at = NULL, code_hash = $3, code_attempts = 0,
       code_expires_at = $4, codes_sent_at = $5 WHERE municipality_id = $1 AND person_id = $2`,
    [tx.municipalityId, person, hashCode(code), new Date(now.getTime() + CODE_VALID_MINUTES * 60_000), [...recent, now]]);
  await sendCode(channel, address, code, await municipalityName(tx), setup);
  tx.audit(auditRecord(ctx, {
    action: 'send', resource: 'citizen.notification_settings.code', subjectPersonId: person, purpose: 'self', details: { channel, why },
  }));
}

function view(row: Row | undefined, example: string, now = new Date()): NotificationSettings {
  const channel = row?.channel ?? 'ingen';
  const pending = Boolean(row && channel !== 'ingen' && !row.verified_at && row.code_hash && row.code_expires_at
    && row.code_expires_at > now && row.code_attempts < CODE_MAX_ATTEMPTS);
  return {
    channel, email: row?.email ?? null, phone: row?.phone ? formatMobile(row.phone) : null, example,
    verified: Boolean(row && channel !== 'ingen' && row.verified_at),
    codePending: pending, codeExpiresAt: pending ? row!.code_expires_at!.toISOString() : null,
  };
}

async function example(tx: TenantTx, setup: NoticeSetup): Promise<string> {
  return notificationNotice({ municipalityName: await municipalityName(tx), baseUrl: setup.publicUrl }).smsText;
}

async function loadRow(tx: TenantTx, person: string, lock = false): Promise<Row | undefined> {
  return tx.one<Row>(
    `SELECT ${ROW_COLS} FROM citizen_notification_settings WHERE municipality_id = $1 AND person_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [tx.municipalityId, person]);
}

// ---- routes ----

export async function getSettings(tx: TenantTx, ctx: RequestContext, setup: NoticeSetup): Promise<NotificationSettings> {
  const person = me(ctx);
  const ex = await example(tx, setup);
  if (!person) return view(undefined, ex);
  const row = await loadRow(tx, person);
  tx.audit(auditRecord(ctx, { action: 'read', resource: 'citizen.notification_settings', subjectPersonId: person, purpose: 'self' }));
  return view(row, ex);
}

/**
 * Saves the choice. A new or changed channel/address is stored unconfirmed and a code is sent to it
 * (the hourly limit applies; the minute rule does not, so a corrected typo gets its code at once).
 * Saving the same confirmed address again keeps it confirmed; the same unconfirmed one sends nothing
 * new ("Skicka ny kod" does).
 */
export async function saveSettings(tx: TenantTx, ctx: RequestContext, body: NotificationSettingsBody, setup: NoticeSetup): Promise<NotificationSettings> {
  const person = me(ctx);
  if (!person) throw forbidden('Kommunen har inga uppgifter om dig, så det finns inga meddelanden att avisera om.', 'no-person');
  const errors: Array<{ path: string; message: string }> = [];
  const emailIn = body.email?.trim() ?? '';
  const phoneIn = body.phone?.trim() ?? '';
  const email = emailIn ? normaliseEmail(emailIn) : null;
  const phone = phoneIn ? normaliseMobile(phoneIn) : null;
  if (emailIn && !email) errors.push({ path: 'body/email', message: 'Skriv en e-postadress som namn@exempel.se.' });
  if (phoneIn && !phone) errors.push({ path: 'body/phone', message: 'Skriv ett mobilnummer som 070-123 45 67.' });
  if (body.channel === 'e_post' && !emailIn) errors.push({ path: 'body/email', message: 'Skriv den e-postadress aviseringen ska skickas till.' });
  if (body.channel === 'sms' && !phoneIn) errors.push({ path: 'body/phone', message: 'Skriv det mobilnummer sms:et ska skickas till.' });
  if (errors.length) throw badRequest(`Rätta ${errors.length === 1 ? 'uppgiften' : 'uppgifterna'} och spara igen.`, errors);

  const before = await loadRow(tx, person, true);
  const address = addressOf(body.channel, email, phone);
  const sameTarget = Boolean(before && before.channel === body.channel && addressOf(before.channel, before.email, before.phone) === address);
  const keep = sameTarget && Boolean(before!.verified_at || before!.code_hash);
  await tx.query(
    `INSERT INTO citizen_notification_settings (municipality_id, person_id, channel, email, phone) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (municipality_id, person_id) DO UPDATE SET channel = EXCLUDED.channel, email = EXCLUDED.email, phone = EXCLUDED.phone, updated_at = now()`,
    [tx.municipalityId, person, body.channel, email, phone]);
  if (!keep) {
    // Another channel or address: whatever was confirmed before no longer counts.
    await tx.query(
      `UPDATE citizen_notification_settings SET verified_at = NULL, code_hash = NULL, code_expires_at = NULL, code_attempts = 0
       WHERE municipality_id = $1 AND person_id = $2`, [tx.municipalityId, person]);
  }
  tx.audit(auditRecord(ctx, {
    action: 'update', resource: 'citizen.notification_settings', subjectPersonId: person, purpose: 'self',
    details: { channel: body.channel, changed: !sameTarget, verification: keep ? 'oforandrad' : body.channel === 'ingen' ? 'ingen' : 'ny_kod' },
  }));
  if (!keep && body.channel !== 'ingen' && address) {
    const now = new Date();
    const { recent, refusal } = rateCheck(before?.codes_sent_at ?? [], now, false);
    if (refusal) throw refusal;
    await issueCode(tx, ctx, person, body.channel, address, recent, now, setup, sameTarget ? 'forsta_koden' : 'ny_adress');
  }
  return view(await loadRow(tx, person), await example(tx, setup));
}

/** A new code to the chosen (unconfirmed) address, within the limits above. */
export async function resendCode(tx: TenantTx, ctx: RequestContext, setup: NoticeSetup): Promise<NotificationSettings> {
  const person = me(ctx);
  if (!person) throw forbidden('Kommunen har inga uppgifter om dig, så det finns inga meddelanden att avisera om.', 'no-person');
  const row = await loadRow(tx, person, true);
  const address = row ? addressOf(row.channel, row.email, row.phone) : null;
  if (!row || row.channel === 'ingen' || !address) throw conflict('Välj e-post eller sms och spara först. Då skickar vi en kod.', 'no-address');
  if (row.verified_at) throw conflict('Adressen är redan bekräftad. Du behöver ingen ny kod.', 'already-verified');
  const now = new Date();
  const { recent, refusal } = rateCheck(row.codes_sent_at, now, true);
  if (refusal) {
    tx.auditRefusal(auditRecord(ctx, {
      action: 'denied', resource: 'citizen.notification_settings.code', subjectPersonId: person, purpose: 'self', details: { why: 'rate_limit' },
    }));
    throw refusal;
  }
  await issueCode(tx, ctx, person, row.channel, address, recent, now, setup, 'ny_kod');
  return view(await loadRow(tx, person), await example(tx, setup));
}

export type VerifyOutcome = { ok: true; settings: NotificationSettings } | { ok: false; problem: HttpProblem };

const codeProblem = (slug: string, message: string) => new HttpProblem(400, 'Koden gick inte att använda', message, slug, [{ path: 'body/code', message }]);

/**
 * Checks the code. Returns (not throws) a refusal, so that the counted attempt and its audit record
 * are committed; the route turns it into a 400 problem after the transaction.
 */
export async function verifyCode(tx: TenantTx, ctx: RequestContext, body: VerifyCodeBody, setup: NoticeSetup): Promise<VerifyOutcome> {
  const person = me(ctx);
  if (!person) throw forbidden('Kommunen har inga uppgifter om dig, så det finns inga meddelanden att avisera om.', 'no-person');
  const code = body.code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) throw codeProblem('code-format', 'Skriv de sex siffrorna i koden som vi skickade.');
  const row = await loadRow(tx, person, true);
  if (!row || row.channel === 'ingen' || !addressOf(row.channel, row.email, row.phone)) {
    throw conflict('Välj e-post eller sms och spara först. Då skickar vi en kod.', 'no-address');
  }
  const audit = (result: string, flagged = false) => tx.audit(auditRecord(ctx, {
    action: 'verify', resource: 'citizen.notification_settings.code', subjectPersonId: person, purpose: 'self', flagged, details: { channel: row.channel, result },
  }));
  if (row.verified_at) return { ok: true, settings: view(row, await example(tx, setup)) };
  const refuse = (result: string, problem: HttpProblem, flagged = false): VerifyOutcome => { audit(result, flagged); return { ok: false, problem }; };
  const again = 'Välj ”Skicka ny kod” och skriv in den nya koden.';
  if (!row.code_hash || !row.code_expires_at) return refuse('ingen_kod', codeProblem('code-missing', `Det finns ingen kod att skriva in. ${again}`));
  if (row.code_attempts >= CODE_MAX_ATTEMPTS) {
    return refuse('for_manga_forsok', codeProblem('code-attempts', `Du har skrivit fel kod ${CODE_MAX_ATTEMPTS} gånger, så koden gäller inte längre. ${again}`));
  }
  if (row.code_expires_at <= new Date()) {
    return refuse('utgangen', codeProblem('code-expired', `Koden har gått ut – den gäller i ${CODE_VALID_MINUTES} minuter. ${again}`));
  }
  if (!codeMatches(row.code_hash, code)) {
    const attempts = row.code_attempts + 1;
    await tx.query('UPDATE citizen_notification_settings SET code_attempts = $3 WHERE municipality_id = $1 AND person_id = $2', [tx.municipalityId, person, attempts]);
    const left = CODE_MAX_ATTEMPTS - attempts;
    return refuse('fel_kod', codeProblem(left > 0 ? 'code-wrong' : 'code-attempts', left > 0
      ? `Koden stämmer inte. Kontrollera siffrorna och försök igen (${left} försök kvar).`
      : `Koden stämmer inte, och du har nu skrivit fel ${CODE_MAX_ATTEMPTS} gånger. ${again}`), left === 0);
  }
  await tx.query(
    `UPDATE citizen_notification_settings SET verified_at = now(), code_hash = NULL, code_expires_at = NULL, code_attempts = 0
     WHERE municipality_id = $1 AND person_id = $2`, [tx.municipalityId, person]);
  audit('bekraftad');
  return { ok: true, settings: view(await loadRow(tx, person), await example(tx, setup)) };
}
