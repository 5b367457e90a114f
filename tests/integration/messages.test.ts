// The address is confirmed with a one-time code first (read from the simulators, as the notices are):
// wrong code, expiry, tries and the limit on new codes; no notice before it is confirmed.
//
// Meddelanden (issue 5) over real HTTP against real PostgreSQL, with the real notification job on
// pg-boss delivering to local simulators that speak SMTP and the 46elks-style SMS API:
// Ingrid Lund (ombud for her father Gösta) writes to the handläggare; Karin (same unit) sees it with
// an unread count, replies, and the e-mail notice that reaches the mail server says only that there
// is a message (26 kap. 1 § OSL). Gösta writes to his home-care provider; the provider answers and
// the SMS notice is content-free too. "Journalför" makes a draft journal entry with who, when and the
// text (14 kap. 3 § SoL). Nobody reaches a conversation they may not see (404, audited), and a sent
// message can never be changed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startServer, type TestServer, citizenLogin, staffLogin } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, dateInSweden } from '../../src/domain/deadlines.ts';
import PgBoss from 'pg-boss';
import { JOB_SCHEMA } from '../../src/server/jobs/queue.ts';
import { MAX_ATTEMPTS, NOTIFY_JOB, deliverPendingNotifications, registerNotifyJob } from '../../src/server/jobs/notify.ts';
import { startNotificationSimulators, type NotificationSimulators } from '../../src/server/dev/notification-simulators.ts';
import type {
  CitizenMessagesOverview, CitizenThread, JournalMessageResult, NotificationSettings, ThreadList, UnreadByCase, UnreadByOrder,
} from '../../src/shared/messages-api.ts';
import type { Problem } from '../../src/shared/api.ts';

let s: TestServer;
let sims: NotificationSimulators;
let boss: PgBoss;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);
const GOSTA_CASE = demoUuid('1:case:gosta:Ansökan om hemtjänst');
const GOSTA_ORDER = demoUuid(`${GOSTA_CASE}:order`);
const INGRID = person('ingrid');
const GOSTA = person('gosta');

// Words that must never leave Lots in a notice.
const SECRET_TO_UNIT = 'Pappa-föll-igen-7Q3 i badrummet i natt';
const SECRET_REPLY = 'Svar-hembesök-tisdag-4K9 kl. 10';
const SECRET_TO_PROVIDER = 'Nyckeln-under-mattan-2M5';
const SECRET_PROVIDER_REPLY = 'Vi-kommer-kl-8-6P1';

const CODE_MAIL = 'Din kod för aviseringar från Demo kommun';

/** The six digits in the newest code that reached this address (after `after` earlier ones). */
async function codeFor(to: string, after: number): Promise<string> {
  const codes = () => [
    ...sims.smtp!.mails.filter((x) => x.to.includes(to) && x.subject === CODE_MAIL).map((x) => x.text),
    ...sims.sms!.messages.filter((x) => x.to === to).map((x) => x.message).filter((t) => t.startsWith('Din kod')),
  ];
  const text = await waitFor(`code ${after + 1} to ${to}`, () => codes()[after]);
  expect(text.trim()).toMatch(/^Din kod för aviseringar från Demo kommun är \d{6}\. Den gäller i 15 minuter\.$/);
  return /är (\d{6})\./.exec(text)![1]!;
}
const codesTo = (to: string) => sims.smtp!.mails.filter((x) => x.to.includes(to) && x.subject === CODE_MAIL).length
  + sims.sms!.messages.filter((x) => x.to === to && x.message.startsWith('Din kod')).length;
/** Time passes for the limit on new codes (the sends are moved back two minutes). */
const aMinuteLater = (who: string) => q(`UPDATE citizen_notification_settings SET codes_sent_at = ARRAY(SELECT t - interval '2 minutes' FROM unnest(codes_sent_at) t) WHERE person_id = $1`, [who]);
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

const staff = (key: string) => staffLogin(s, key);
const citizen = (key: string) => citizenLogin(s, key);

async function waitFor<T>(what: string, fn: () => T | undefined | null | Promise<T | undefined | null>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let ingrid: Browser;
let gosta: Browser;
let karin: Browser;
let anna: Browser;

beforeAll(async () => {
  s = await startServer();
  sims = await startNotificationSimulators({});
  // The notification job on a real pg-boss, in the schema the app's queue uses.
  boss = new PgBoss({ connectionString: s.ownerUrl, schema: JOB_SCHEMA, max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  await registerNotifyJob(boss, { db: s.db, connectionString: s.ownerUrl, publicUrl: s.baseUrl, schedule: false, pollingIntervalSeconds: 0.5 });
  [ingrid, gosta, karin, anna] = await Promise.all([citizen('ingrid'), citizen('gosta'), staff('karin'), staff('annap')]);
});
afterAll(async () => {
  await boss?.stop({ graceful: false, close: true });
  await sims?.close();
  await s?.close();
});

describe('a message goes both ways (citizen ↔ handläggare), with a content-free e-mail notice', () => {
  it('Ingrid chooses e-mail notices; a wrong address is refused with what to fix', async () => {
    const bad = await ingrid.send<Problem>('PUT', '/api/citizen/messages/settings', { channel: 'e_post', email: 'ingrid@' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['body/email']);
    const none = await ingrid.send<Problem>('PUT', '/api/citizen/messages/settings', { channel: 'sms' });
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0]?.path).toBe('body/phone');
    const ok = await ingrid.send<NotificationSettings>('PUT', '/api/citizen/messages/settings', { channel: 'e_post', email: ' ingrid.lund@example.se ' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ channel: 'e_post', email: 'ingrid.lund@example.se', verified: false, codePending: true });
    expect(ok.body.example).toMatch(/^Du har fått ett nytt meddelande från Demo kommun\./);
    expect((await ingrid.getJson<NotificationSettings>('/api/citizen/messages/settings')).body).toMatchObject({ channel: 'e_post', verified: false });
  });

  it('a six-digit code reaches the address; only its salted hash is stored', async () => {
    const code = await codeFor('ingrid.lund@example.se', 0);
    const [row] = await q<{ code_hash: string; verified_at: Date | null; valid_min: number; code_attempts: number }>(
      `SELECT code_hash, verified_at, round(extract(epoch FROM code_expires_at - now()) / 60)::int AS valid_min, code_attempts
       FROM citizen_notification_settings WHERE person_id = $1`, [INGRID]);
    expect(row).toMatchObject({ verified_at: null, valid_min: 15, code_attempts: 0 });
    expect(row!.code_hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(JSON.stringify(await q('SELECT * FROM citizen_notification_settings WHERE person_id = $1', [INGRID]))).not.toContain(code);
    const mail = sims.smtp!.mails.find((x) => x.subject === CODE_MAIL)!;
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
  });

  it('a wrong code is refused and counted; not six digits is refused without counting', async () => {
    const code = await codeFor('ingrid.lund@example.se', 0);
    const wrong = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/verify', { code: otherThan(code) });
    expect(wrong.status).toBe(400);
    expect(wrong.type).toMatch(/application\/problem\+json/);
    expect(wrong.body).toMatchObject({ type: '/problems/code-wrong', detail: 'Koden stämmer inte. Kontrollera siffrorna och försök igen (4 försök kvar).' });
    expect(wrong.body.errors?.[0]?.path).toBe('body/code');
    const short = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/verify', { code: '12' });
    expect(short.body).toMatchObject({ status: 400, type: '/problems/code-format' });
    expect((await q<{ code_attempts: number }>('SELECT code_attempts FROM citizen_notification_settings WHERE person_id = $1', [INGRID]))[0]!.code_attempts).toBe(1);
    const audit = await q<{ action: string; details: { result: string } }>(
      `SELECT action, details FROM audit_log WHERE resource = 'citizen.notification_settings.code' AND subject_person_id = $1 ORDER BY seq`, [INGRID]);
    expect(audit.map((a) => [a.action, a.details.result ?? null])).toEqual([['send', null], ['verify', 'fel_kod']]);
  });

  it('a new code: not within a minute; the old code then stops working; an expired code is refused', async () => {
    const first = await codeFor('ingrid.lund@example.se', 0);
    const soon = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/resend');
    expect(soon.status).toBe(429);
    expect(soon.body).toMatchObject({ type: '/problems/code-rate-limited', detail: expect.stringMatching(/^Vänta en minut/) });
    await aMinuteLater(INGRID);
    const again = await ingrid.send<NotificationSettings>('POST', '/api/citizen/messages/settings/resend');
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ verified: false, codePending: true });
    const second = await codeFor('ingrid.lund@example.se', 1);
    if (first !== second) {
      expect((await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/verify', { code: first })).body.type).toBe('/problems/code-wrong');
    }
    await q(`UPDATE citizen_notification_settings SET code_expires_at = now() - interval '1 second' WHERE person_id = $1`, [INGRID]);
    const late = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/verify', { code: second });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ type: '/problems/code-expired', detail: 'Koden har gått ut – den gäller i 15 minuter. Välj ”Skicka ny kod” och skriv in den nya koden.' });
    expect((await ingrid.getJson<NotificationSettings>('/api/citizen/messages/settings')).body).toMatchObject({ verified: false, codePending: false, codeExpiresAt: null });
  });

  it('after five wrong tries even the right code is refused until a new one is sent; at most five codes an hour', async () => {
    await aMinuteLater(INGRID);
    expect((await ingrid.send('POST', '/api/citizen/messages/settings/resend')).status).toBe(200);
    const code = await codeFor('ingrid.lund@example.se', 2);
    for (let i = 1; i <= 5; i++) {
      const r = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/verify', { code: otherThan(code) });
      expect(r.body.type, `try ${i}`).toBe(i < 5 ? '/problems/code-wrong' : '/problems/code-attempts');
    }
    const right = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/verify', { code });
    expect(right.status).toBe(400);
    expect(right.body).toMatchObject({ type: '/problems/code-attempts', detail: expect.stringMatching(/fel kod 5 gånger.*Skicka ny kod/) });
    // The fifth wrong try is flagged for the log follow-up.
    const flagged = await q(`SELECT 1 FROM audit_log WHERE resource = 'citizen.notification_settings.code' AND action = 'verify' AND flagged AND subject_person_id = $1`, [INGRID]);
    expect(flagged).toHaveLength(1);
    // Three codes so far this hour; two more, then the hour is full.
    for (const n of [3, 4]) {
      await aMinuteLater(INGRID);
      expect((await ingrid.send('POST', '/api/citizen/messages/settings/resend')).status).toBe(200);
      await codeFor('ingrid.lund@example.se', n);
    }
    await aMinuteLater(INGRID);
    const full = await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/resend');
    expect(full.status).toBe(429);
    expect(full.body.detail).toBe('Du har fått 5 koder den senaste timmen. Vänta en stund och försök sedan igen.');
    // Changing the address does not get round the hour either (and nothing is saved then).
    const other = await ingrid.send<Problem>('PUT', '/api/citizen/messages/settings', { channel: 'e_post', email: 'ingrid@example.se' });
    expect(other.status).toBe(429);
    expect((await ingrid.getJson<NotificationSettings>('/api/citizen/messages/settings')).body.email).toBe('ingrid.lund@example.se');
    expect(codesTo('ingrid@example.se')).toBe(0);
    expect(codesTo('ingrid.lund@example.se')).toBe(5);
  });

  it('an hour later a new code comes; the right code confirms the address ("Bekräftad"), audited', async () => {
    await q(`UPDATE citizen_notification_settings SET codes_sent_at = ARRAY(SELECT t - interval '61 minutes' FROM unnest(codes_sent_at) t) WHERE person_id = $1`, [INGRID]);
    expect((await ingrid.send('POST', '/api/citizen/messages/settings/resend')).status).toBe(200);
    const code = await codeFor('ingrid.lund@example.se', 5);
    const ok = await ingrid.send<NotificationSettings>('POST', '/api/citizen/messages/settings/verify', { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ channel: 'e_post', email: 'ingrid.lund@example.se', verified: true, codePending: false });
    const [row] = await q<{ verified_at: Date | null; code_hash: string | null }>('SELECT verified_at, code_hash FROM citizen_notification_settings WHERE person_id = $1', [INGRID]);
    expect(row!.verified_at).toBeInstanceOf(Date);
    expect(row!.code_hash).toBeNull();
    // Saving the same address again keeps it confirmed and sends no code.
    const same = await ingrid.send<NotificationSettings>('PUT', '/api/citizen/messages/settings', { channel: 'e_post', email: 'ingrid.lund@example.se' });
    expect(same.body.verified).toBe(true);
    expect(codesTo('ingrid.lund@example.se')).toBe(6);
    expect((await ingrid.send<Problem>('POST', '/api/citizen/messages/settings/resend')).body.type).toBe('/problems/already-verified');
    const audit = await q<{ details: { result?: string } }>(
      `SELECT details FROM audit_log WHERE resource = 'citizen.notification_settings.code' AND action = 'verify' AND subject_person_id = $1 ORDER BY seq DESC LIMIT 1`, [INGRID]);
    expect(audit[0]!.details.result).toBe('bekraftad');
  });

  it('Ingrid sees what she can write about for her father: his case with the handläggare and his order with the provider', async () => {
    const r = await ingrid.getJson<CitizenMessagesOverview>('/api/citizen/messages');
    expect(r.status).toBe(200);
    const father = r.body.persons.find((p) => p.person.id === GOSTA)!;
    expect(father.relation).toBe('ombud');
    const caseTopic = father.topics.find((t) => t.kind === 'arende' && t.caseId === GOSTA_CASE)!;
    expect(caseTopic).toMatchObject({ canWrite: true, threadId: null, messageCount: 0, counterpart: 'Eva' });
    const orderTopic = father.topics.find((t) => t.kind === 'bestallning')!;
    expect(orderTopic).toMatchObject({ orderId: GOSTA_ORDER, counterpart: 'Hemtjänsten Centrum', canWrite: true });
  });

  it('Ingrid writes to the handläggare; a retry with the same key sends once; empty or too long is refused', async () => {
    const key = randomUUID();
    const first = await ingrid.send<CitizenThread>('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: SECRET_TO_UNIT, idempotencyKey: key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.messages.map((x) => [x.from, x.body, x.readByOtherSide])).toEqual([['me', SECRET_TO_UNIT, false]]);
    const again = await ingrid.send<CitizenThread>('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: SECRET_TO_UNIT, idempotencyKey: key });
    expect(again.status).toBe(200);
    expect(again.body.messages).toHaveLength(1);
    expect((await ingrid.send('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: '  \n ' })).status).toBe(400);
    expect((await ingrid.send('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: 'x'.repeat(4001) })).status).toBe(400);
    // A citizen's message sends no notice to anyone …
    expect(await q('SELECT 1 FROM message_notifications')).toEqual([]);
    // … but the case's handläggare gets one reminder in Lots (not one per message), without the text.
    const reminders = await q<{ name: string; kind: string; message: string }>(
      `SELECT s.name, r.kind, r.message FROM reminders r JOIN staff_users s ON s.municipality_id = r.municipality_id AND s.id = r.staff_user_id
       WHERE r.case_id = $1 AND r.kind = 'citizen_message'`, [GOSTA_CASE]);
    const [assigned] = await q<{ name: string }>('SELECT s.name FROM cases c JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = c.assigned_to WHERE c.id = $1', [GOSTA_CASE]);
    expect(reminders).toEqual([{ name: assigned!.name, kind: 'citizen_message', message: 'Nytt meddelande i e-tjänsten från Ingrid Lund (ombud med fullmakt).' }]);
  });

  it('Karin (same unit) sees it with an unread count, marks it read, and Ingrid sees that it was read', async () => {
    const unread = await karin.getJson<UnreadByCase>('/api/staff/messages/unread');
    expect(unread.status).toBe(200);
    expect(unread.body.items.find((i) => i.caseId === GOSTA_CASE)).toMatchObject({ unread: 1, personName: 'Gösta Lund' });
    const list = await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`);
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    const thread = list.body.threads[0]!;
    expect(thread.citizen).toEqual({ personId: INGRID, name: 'Ingrid Lund', relation: 'ombud' });
    expect(thread.canWrite).toBe(true);
    expect(thread.messages.map((x) => [x.authorKind, x.authorName, x.authorRole, x.body, x.read])).toEqual([['citizen', 'Ingrid Lund', 'ombud', SECRET_TO_UNIT, false]]);
    // Gösta himself could be written to as well (he has no conversation yet).
    expect(list.body.canStartWith.map((c) => [c.name, c.relation])).toEqual([['Gösta Lund', 'self']]);
    const read = await karin.send<ThreadList>('POST', `/api/staff/cases/${GOSTA_CASE}/messages/read`);
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(0);
    expect((await karin.getJson<UnreadByCase>('/api/staff/messages/unread')).body.items.find((i) => i.caseId === GOSTA_CASE)).toBeUndefined();
    const mine = await ingrid.getJson<CitizenThread>(`/api/citizen/messages/cases/${GOSTA_CASE}`);
    expect(mine.body.messages[0]!.readByOtherSide).toBe(true);
    // The reads are in the audit log: the handläggare's through accessCase, the citizen's through citizen-access.
    const audit = await q<{ actor_name: string; resource: string; action: string }>(
      `SELECT actor_name, resource, action FROM audit_log WHERE resource IN ('messages.case', 'citizen.messages', 'citizen.messages.write') AND subject_person_id = $1`, [GOSTA]);
    expect(audit).toEqual(expect.arrayContaining([
      { actor_name: 'Karin Holm', resource: 'messages.case', action: 'read' },
      { actor_name: 'Ingrid Lund', resource: 'citizen.messages.write', action: 'update' },
      { actor_name: 'Ingrid Lund', resource: 'citizen.messages', action: 'read' },
    ]));
  });

  it('Karin replies; the notice reaches the mail server and says nothing of the message, the case or the person', async () => {
    const reply = await karin.send<ThreadList>('POST', `/api/staff/cases/${GOSTA_CASE}/messages`, { citizenPersonId: INGRID, body: SECRET_REPLY });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.threads[0]!.messages.map((x) => [x.authorKind, x.mine, x.read])).toEqual([['citizen', false, true], ['staff', true, false]]);

    const mail = await waitFor('the notice mail', () => sims.smtp!.mails.find((x) => x.to.includes('ingrid.lund@example.se') && x.subject !== CODE_MAIL));
    expect(mail.subject).toBe('Nytt meddelande från Demo kommun');
    expect(mail.text).toContain('Du har fått ett nytt meddelande från Demo kommun.');
    expect(mail.text).toContain(`${s.baseUrl}/medborgare/meddelanden`);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    const [caseRow] = await q<{ case_number: string }>('SELECT case_number FROM cases WHERE id = $1', [GOSTA_CASE]);
    for (const secret of [SECRET_REPLY, SECRET_TO_UNIT, 'Tisdag', 'Gösta', 'Lund', 'Karin', 'Holm', 'hemtjänst', caseRow!.case_number]) {
      expect(`${mail.subject}\n${mail.text}\n${JSON.stringify(mail.headers)}`.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }
    // The outbox says what was sent, when, how and where — not the message.
    // The worker marks the row sent just after the mail server has taken the mail.
    const row = await waitFor('the notice marked sent', async () => (await q<Record<string, unknown>>(
      'SELECT channel, address, status, sent_at, notice_text, provider_ref FROM message_notifications WHERE recipient_person_id = $1', [INGRID]))
      .find((r) => r.status === 'skickad'));
    expect(row).toMatchObject({ channel: 'e_post', address: 'ingrid.lund@example.se', status: 'skickad' });
    expect(row!.sent_at).toBeInstanceOf(Date);
    expect(String(row!.notice_text)).not.toContain(SECRET_REPLY);
    expect(JSON.stringify(await q('SELECT * FROM message_notifications'))).not.toContain('Svar-hembesök');
    const audited = await q(`SELECT 1 FROM audit_log WHERE actor_kind = 'system' AND resource = 'messages.notification' AND action = 'send' AND subject_person_id = $1`, [INGRID]);
    expect(audited).toHaveLength(1);
  });

  it('Ingrid reads the reply (the handläggare by first name only), and it is then read', async () => {
    expect((await ingrid.getJson<{ unread: number }>('/api/citizen/messages/unread')).body.unread).toBe(1);
    const overview = await ingrid.getJson<CitizenMessagesOverview>('/api/citizen/messages');
    expect(overview.body.unread).toBe(1);
    const t = await ingrid.getJson<CitizenThread>(`/api/citizen/messages/cases/${GOSTA_CASE}`);
    expect(t.status).toBe(200);
    expect(t.body.messages.map((x) => [x.from, x.authorName, x.authorRole, x.body])).toEqual([
      ['me', 'Ingrid Lund', 'ombud', SECRET_TO_UNIT], ['staff', 'Karin', 'Biståndshandläggare', SECRET_REPLY],
    ]);
    expect((await ingrid.getJson<{ unread: number }>('/api/citizen/messages/unread')).body.unread).toBe(0);
    const staffView = await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`);
    expect(staffView.body.threads[0]!.messages[1]!.read).toBe(true);
  });

  it('Gösta does not see what his daughter wrote: a conversation is the citizen’s own', async () => {
    const t = await gosta.getJson<CitizenThread>(`/api/citizen/messages/cases/${GOSTA_CASE}`);
    expect(t.status).toBe(200);
    expect(t.body.messages).toEqual([]);
    expect(JSON.stringify(t.body)).not.toContain('Pappa-föll');
  });

  it('the staff reply goes no further than one waiting notice: more messages before it is sent add none', async () => {
    const before = (await q('SELECT 1 FROM message_notifications WHERE recipient_person_id = $1', [INGRID])).length;
    await q(`UPDATE citizen_notification_settings SET email = 'x@example.invalid' WHERE person_id = $1`, [INGRID]);
    // Block delivery for a moment by holding the row: queue two messages while the first notice waits.
    await q(`UPDATE message_notifications SET status = 'vantar', sent_at = NULL, next_attempt_at = now() + interval '1 hour' WHERE recipient_person_id = $1`, [INGRID]);
    await karin.send('POST', `/api/staff/cases/${GOSTA_CASE}/messages`, { citizenPersonId: INGRID, body: 'Ett till.' });
    await karin.send('POST', `/api/staff/cases/${GOSTA_CASE}/messages`, { citizenPersonId: INGRID, body: 'Och ett till.' });
    expect((await q('SELECT 1 FROM message_notifications WHERE recipient_person_id = $1', [INGRID])).length).toBe(before);
    await q(`UPDATE message_notifications SET status = 'skickad', sent_at = now() WHERE recipient_person_id = $1`, [INGRID]);
    await q(`UPDATE citizen_notification_settings SET email = 'ingrid.lund@example.se' WHERE person_id = $1`, [INGRID]);
  });
});

// The two describes below call deliverPendingNotifications themselves: the pg-boss worker must not
// pick up the same rows meanwhile, so it is stopped (and any run in progress awaited) first, and
// started again afterwards for the provider path's SMS notice.
async function stopNotifyWorker() {
  await boss.offWork(NOTIFY_JOB);
  // A fetch already under way when the worker was told to stop lands within this second (one
  // query); the run it started then shows as an active job until it is done.
  await new Promise((r) => setTimeout(r, 1000));
  await waitForAsync('the notification worker to finish its run', async () =>
    (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'active'`, [NOTIFY_JOB]))[0]!.n === 0);
}
async function startNotifyWorker() {
  await boss.work(NOTIFY_JOB, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const _job of jobs) await deliverPendingNotifications(s.db, { publicUrl: s.baseUrl });
  });
  await boss.send(NOTIFY_JOB, {});
}
async function waitForAsync(what: string, fn: () => Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('delivery', () => {
  beforeAll(stopNotifyWorker);

  it('the dev server shows what the simulators received', async () => {
    const r = await fetch(`${s.baseUrl}/dev/notifications`);
    const body = await r.json() as { running: boolean; mails: Array<{ to: string[] }> };
    expect(body.running).toBe(true);
    expect(body.mails.some((x) => x.to.includes('ingrid.lund@example.se'))).toBe(true);
  });

  it('a gateway that refuses (wrong password) is retried later, then given up; the message itself stays', async () => {
    const [msg] = await q<{ id: string }>('SELECT id FROM messages LIMIT 1');
    await q(`INSERT INTO citizen_notification_settings (municipality_id, person_id, channel, phone, verified_at) VALUES (1, $1, 'sms', '+46709999999', now())`, [person('sofia')]);
    const [row] = await q<{ id: string }>(
      `INSERT INTO message_notifications (municipality_id, id, message_id, recipient_person_id, channel, address)
       VALUES (1, gen_random_uuid(), $1, $2, 'sms', '+46709999999') RETURNING id`, [msg!.id, person('sofia')]);
    const bad = { smtpUrl: null, smtpFrom: null, smsApiUrl: sims.sms!.url, smsUser: sims.sms!.user, smsPassword: 'fel', smsFrom: null };
    const first = await deliverPendingNotifications(s.db, { config: bad, publicUrl: s.baseUrl });
    expect(first).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const [after] = await q<{ status: string; attempts: number; last_error: string; later: boolean }>(
      'SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM message_notifications WHERE id = $1', [row!.id]);
    expect(after).toMatchObject({ status: 'vantar', attempts: 1, later: true });
    expect(after!.last_error).toMatch(/SMS-tjänsten svarade 401/);
    // Not due yet: nothing is tried.
    expect(await deliverPendingNotifications(s.db, { config: bad, publicUrl: s.baseUrl })).toEqual({ sent: 0, failed: 0, retrying: 0 });
    await q('UPDATE message_notifications SET attempts = $2, next_attempt_at = now() WHERE id = $1', [row!.id, MAX_ATTEMPTS - 1]);
    expect(await deliverPendingNotifications(s.db, { config: bad, publicUrl: s.baseUrl })).toEqual({ sent: 0, failed: 1, retrying: 0 });
    const [given] = await q<{ status: string }>('SELECT status FROM message_notifications WHERE id = $1', [row!.id]);
    expect(given!.status).toBe('misslyckad');
    expect(sims.sms!.messages.some((x) => x.to === '+46709999999')).toBe(false);
  });
});

describe('a notice goes only to the confirmed address, also when it changes after the notice was queued', () => {
  afterAll(startNotifyWorker);

  it('a waiting notice to an address that is no longer the confirmed one is not sent', async () => {
    const [msg] = await q<{ id: string }>('SELECT id FROM messages LIMIT 1');
    // Sofia changes her number after the notice was queued: the new number is not confirmed yet.
    const sofia = await citizen('sofia');
    const changed = await sofia.send<NotificationSettings>('PUT', '/api/citizen/messages/settings', { channel: 'sms', phone: '070-888 77 66' });
    expect(changed.body).toMatchObject({ verified: false, codePending: true });
    await codeFor('+46708887766', 0);
    const [row] = await q<{ id: string }>(
      `INSERT INTO message_notifications (municipality_id, id, message_id, recipient_person_id, channel, address)
       VALUES (1, gen_random_uuid(), $1, $2, 'sms', '+46709999999') ON CONFLICT (municipality_id, message_id, recipient_person_id)
       DO UPDATE SET status = 'vantar', attempts = 0, next_attempt_at = now() RETURNING id`, [msg!.id, person('sofia')]);
    // Even if the unconfirmed new number were in the row, it would not be sent to either.
    const [row2] = await q<{ id: string }>(
      `INSERT INTO message_notifications (municipality_id, id, message_id, recipient_person_id, channel, address)
       SELECT 1, gen_random_uuid(), id, $2, 'sms', '+46708887766' FROM messages WHERE id <> $1 LIMIT 1 RETURNING id`, [msg!.id, person('sofia')]);
    const r = await deliverPendingNotifications(s.db, { publicUrl: s.baseUrl });
    expect(r).toMatchObject({ sent: 0, failed: 2 });
    const rows = await q<{ status: string; last_error: string }>('SELECT status, last_error FROM message_notifications WHERE id = ANY($1::uuid[])', [[row!.id, row2!.id]]);
    expect(rows.map((x) => x.status)).toEqual(['misslyckad', 'misslyckad']);
    expect(rows[0]!.last_error).toMatch(/bekräftad/);
    expect(sims.sms!.messages.filter((x) => x.to === '+46708887766' && !x.message.startsWith('Din kod'))).toEqual([]);
  });
});

describe('journalför', () => {
  it('makes a draft journal entry in the case with who, when and the text; once per message', async () => {
    const list = await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`);
    const msg = list.body.threads[0]!.messages.find((x) => x.body === SECRET_TO_UNIT)!;
    const r = await karin.send<JournalMessageResult>('POST', `/api/staff/cases/${GOSTA_CASE}/messages/journal`, { messageId: msg.id });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ created: true, link: { signed: false, byName: 'Karin Holm', mine: true } });
    const [entry] = await q<{ title: string; body: string; kind: string; signed_at: Date | null; author_id: string; occurred_on: string; case_id: string }>(
      'SELECT title, body, kind, signed_at, author_id, occurred_on, case_id FROM journal_entries WHERE id = $1', [r.body.entryId]);
    expect(entry).toMatchObject({ title: 'Meddelande från Ingrid Lund', kind: 'anteckning', signed_at: null, author_id: demoUuid('1:staff:karin'), occurred_on: today, case_id: GOSTA_CASE });
    expect(entry!.body).toContain('Från: Ingrid Lund (ombud för Gösta Lund)');
    expect(entry!.body).toContain('Till: handläggare, ');
    expect(entry!.body).toMatch(/Meddelande i e-tjänsten \d{1,2} \p{L}+ \d{4} kl\. \d\d\.\d\d\./u);
    expect(entry!.body.endsWith(SECRET_TO_UNIT)).toBe(true);
    // It is Karin's draft in the journal, to read and sign there.
    const journal = await karin.getJson<{ drafts: Array<{ id: string }> }>(`/api/staff/cases/${GOSTA_CASE}/journal`);
    expect(journal.body.drafts.map((d) => d.id)).toContain(r.body.entryId);
    // Twice: the same entry, nothing new.
    const again = await karin.send<JournalMessageResult>('POST', `/api/staff/cases/${GOSTA_CASE}/messages/journal`, { messageId: msg.id });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, entryId: r.body.entryId });
    const eva = await staff('eva');
    const byEva = await eva.send<JournalMessageResult>('POST', `/api/staff/cases/${GOSTA_CASE}/messages/journal`, { messageId: msg.id });
    expect(byEva.body).toMatchObject({ created: false, link: { byName: 'Karin Holm', mine: false } });
    const shown = await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`);
    expect(shown.body.threads[0]!.messages.find((x) => x.id === msg.id)!.journal).toMatchObject({ entryId: r.body.entryId, mine: true });
    // The draft thrown away: the link goes with it and the message can be journaled again.
    expect((await karin.send('DELETE', `/api/staff/journal/${r.body.entryId}`)).status).toBe(204);
    expect((await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`)).body.threads[0]!.messages.find((x) => x.id === msg.id)!.journal).toBeNull();
    const third = await karin.send<JournalMessageResult>('POST', `/api/staff/cases/${GOSTA_CASE}/messages/journal`, { messageId: msg.id });
    expect(third.status).toBe(201);
    // The reply Karin wrote is journaled as "to" the citizen.
    const replyMsg = shown.body.threads[0]!.messages.find((x) => x.body === SECRET_REPLY)!;
    const toCitizen = await karin.send<JournalMessageResult>('POST', `/api/staff/cases/${GOSTA_CASE}/messages/journal`, { messageId: replyMsg.id });
    const [e2] = await q<{ title: string; body: string }>('SELECT title, body FROM journal_entries WHERE id = $1', [toCitizen.body.entryId]);
    expect(e2!.title).toBe('Meddelande till Ingrid Lund');
    expect(e2!.body).toContain('Från: Karin Holm, Biståndshandläggare\nTill: Ingrid Lund (ombud för Gösta Lund)');
  });

  it('a message of another case is not found there', async () => {
    const [other] = await q<{ id: string }>(`SELECT id FROM cases WHERE unit_id = (SELECT unit_id FROM cases WHERE id = $1) AND id <> $1 LIMIT 1`, [GOSTA_CASE]);
    const msg = (await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`)).body.threads[0]!.messages[0]!;
    const r = await karin.send('POST', `/api/staff/cases/${other!.id}/messages/journal`, { messageId: msg.id });
    expect(r.status).toBe(404);
  });
});

describe('the provider path, with an SMS notice', () => {
  it('Gösta (protected identity) chooses SMS, writes to Hemtjänsten Centrum; Anna answers; the SMS says only that there is a message', async () => {
    await q(`UPDATE persons SET protection = 'skyddad_folkbokforing' WHERE id = $1`, [GOSTA]);
    try {
      const set = await gosta.send<NotificationSettings>('PUT', '/api/citizen/messages/settings', { channel: 'sms', phone: '070-123 45 67' });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body).toMatchObject({ channel: 'sms', phone: '070-123 45 67' });
      expect(set.body).toMatchObject({ verified: false, codePending: true });
      const [stored] = await q<{ phone: string }>('SELECT phone FROM citizen_notification_settings WHERE person_id = $1', [GOSTA]);
      expect(stored!.phone).toBe('+46701234567');
      const code = await codeFor('+46701234567', 0);
      const codeSms = sims.sms!.messages.find((x) => x.to === '+46701234567')!;
      expect(codeSms.from).toBe('Demokommun');

      const w = await gosta.send<CitizenThread>('POST', `/api/citizen/messages/orders/${GOSTA_ORDER}`, { body: SECRET_TO_PROVIDER });
      expect(w.status, JSON.stringify(w.body)).toBe(201);
      expect(w.body.topic).toMatchObject({ kind: 'bestallning', counterpart: 'Hemtjänsten Centrum' });

      const unread = await anna.getJson<UnreadByOrder>('/api/provider/citizen-messages/unread');
      expect(unread.body.items.find((i) => i.orderId === GOSTA_ORDER)).toMatchObject({ unread: 1, personName: 'Gösta Lund' });
      const list = await anna.getJson<ThreadList>(`/api/provider/orders/${GOSTA_ORDER}/citizen-messages`);
      expect(list.status).toBe(200);
      expect(list.body.threads[0]!.citizen).toEqual({ personId: GOSTA, name: 'Gösta Lund', relation: 'self' });
      expect(list.body.threads[0]!.messages.map((x) => x.body)).toEqual([SECRET_TO_PROVIDER]);
      // The provider is not told who else acts for Gösta.
      expect(JSON.stringify(list.body)).not.toContain('Ingrid');
      // And the handläggare does not see the conversation with the provider.
      expect(JSON.stringify((await karin.getJson(`/api/staff/cases/${GOSTA_CASE}/messages`)).body)).not.toContain(SECRET_TO_PROVIDER);

      // Not confirmed yet: a reply queues no notice for Gösta.
      const early = await anna.send<ThreadList>('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages`, { citizenPersonId: GOSTA, body: 'Vi hör av oss.' });
      expect(early.status, JSON.stringify(early.body)).toBe(201);
      expect(await q('SELECT 1 FROM message_notifications WHERE recipient_person_id = $1', [GOSTA])).toEqual([]);
      // Gösta types the code from the SMS; the next reply is notified.
      const ok = await gosta.send<NotificationSettings>('POST', '/api/citizen/messages/settings/verify', { code });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body).toMatchObject({ channel: 'sms', phone: '070-123 45 67', verified: true });

      const reply = await anna.send<ThreadList>('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages`, { citizenPersonId: GOSTA, body: SECRET_PROVIDER_REPLY });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(reply.body.unread).toBe(0);
      const sms = await waitFor('the notice SMS', () => sims.sms!.messages.find((x) => x.to === '+46701234567' && !x.message.startsWith('Din kod')));
      expect(sms.from).toBe('Demokommun');
      expect(sms.message).toBe(`Du har fått ett nytt meddelande från Demo kommun. Logga in på ${s.baseUrl}/medborgare/meddelanden för att läsa det. Svara inte på detta sms.`);
      // The worker marks the row sent just after the gateway has answered.
      const row = await waitFor('the notice marked sent', async () => (await q<{ status: string; provider_ref: string }>(
        'SELECT status, provider_ref FROM message_notifications WHERE recipient_person_id = $1', [GOSTA])).find((r) => r.status !== 'vantar'));
      expect(row).toEqual({ status: 'skickad', provider_ref: sms.id });

      const read = await gosta.getJson<CitizenThread>(`/api/citizen/messages/orders/${GOSTA_ORDER}`);
      expect(read.body.messages.map((x) => [x.from, x.authorName, x.authorRole, x.body])).toEqual([
        ['me', 'Gösta Lund', 'self', SECRET_TO_PROVIDER], ['provider', 'Anna', 'Hemtjänsten Centrum', 'Vi hör av oss.'],
        ['provider', 'Anna', 'Hemtjänsten Centrum', SECRET_PROVIDER_REPLY],
      ]);
    } finally {
      await q(`UPDATE persons SET protection = 'ingen' WHERE id = $1`, [GOSTA]);
    }
  });

  it('the provider journals a message into its own journal as an unsigned entry', async () => {
    const msg = (await anna.getJson<ThreadList>(`/api/provider/orders/${GOSTA_ORDER}/citizen-messages`)).body.threads[0]!.messages[0]!;
    const r = await anna.send<JournalMessageResult>('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages/journal`, { messageId: msg.id });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [e] = await q<{ title: string; body: string; signed_at: Date | null; order_id: string }>(
      'SELECT title, body, signed_at, order_id FROM provider_journal_entries WHERE id = $1', [r.body.entryId]);
    expect(e).toMatchObject({ title: 'Meddelande från Gösta Lund', signed_at: null, order_id: GOSTA_ORDER });
    expect(e!.body).toContain('Från: Gösta Lund\nTill: Hemtjänsten Centrum');
    expect(e!.body.endsWith(SECRET_TO_PROVIDER)).toBe(true);
    expect((await anna.send<JournalMessageResult>('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages/journal`, { messageId: msg.id })).body.created).toBe(false);
  });

  it('a provider may start a conversation with the person only, not with someone it was never told of', async () => {
    const r = await anna.send<Problem>('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages`, { citizenPersonId: INGRID, body: 'Hej Ingrid' });
    expect(r.status).toBe(409);
  });
});

describe('nobody reaches a conversation they may not see', () => {
  it('a citizen cannot read or write about a case they cannot see: 404, audited and flagged', async () => {
    const sofia = await citizen('sofia');
    for (const r of [
      await sofia.getJson<Problem>(`/api/citizen/messages/cases/${GOSTA_CASE}`),
      await sofia.send<Problem>('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: 'Hej' }),
      await sofia.getJson<Problem>(`/api/citizen/messages/orders/${GOSTA_ORDER}`),
      await sofia.send<Problem>('POST', `/api/citizen/messages/orders/${GOSTA_ORDER}`, { body: 'Hej' }),
      await sofia.getJson<Problem>(`/api/citizen/messages/orders/${randomUUID()}`),
    ]) {
      expect(r.status).toBe(404);
      expect(r.type).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(r.body)).not.toMatch(/Pappa-föll|Gösta|Nyckeln/);
    }
    const flagged = await q<{ resource: string }>(
      `SELECT resource FROM audit_log WHERE actor_name = 'Sofia Andersson' AND action = 'denied' AND flagged AND subject_person_id = $1`, [GOSTA]);
    expect(flagged.map((f) => f.resource).sort()).toEqual(['citizen.messages', 'citizen.messages', 'citizen.messages.write', 'citizen.messages.write']);
    const overview = await sofia.getJson<CitizenMessagesOverview>('/api/citizen/messages');
    expect(JSON.stringify(overview.body)).not.toContain('Gösta');
  });

  it('when the fullmakt has ended, Ingrid reaches nothing and can no longer be written to', async () => {
    await q(`UPDATE person_relations SET valid_to = $2 WHERE person_id = $1 AND kind = 'ombud'`, [GOSTA, addDays(today, -1)]);
    try {
      expect((await ingrid.getJson(`/api/citizen/messages/cases/${GOSTA_CASE}`)).status).toBe(404);
      expect((await ingrid.send('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: 'Hej' })).status).toBe(404);
      expect((await ingrid.getJson<{ unread: number }>('/api/citizen/messages/unread')).body.unread).toBe(0);
      const list = await karin.getJson<ThreadList>(`/api/staff/cases/${GOSTA_CASE}/messages`);
      expect(list.body.threads.find((t) => t.citizen.personId === INGRID)).toMatchObject({ canWrite: false, citizen: { relation: 'ombud' } });
      const r = await karin.send<Problem>('POST', `/api/staff/cases/${GOSTA_CASE}/messages`, { citizenPersonId: INGRID, body: 'Hej' });
      expect(r.status).toBe(409);
      expect(r.body.type).toBe('/problems/recipient-cannot-see');
    } finally {
      await q(`UPDATE person_relations SET valid_to = $2 WHERE person_id = $1 AND kind = 'ombud'`, [GOSTA, addDays(today, 300)]);
    }
  });

  it('staff of another unit and another provider are refused; a stranger cannot be written to', async () => {
    const ahmed = await staff('ahmed');
    expect((await ahmed.getJson(`/api/staff/cases/${GOSTA_CASE}/messages`)).status).toBe(403);
    const helena = await staff('helena');
    for (const r of [
      await helena.getJson(`/api/provider/orders/${GOSTA_ORDER}/citizen-messages`),
      await helena.send('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages`, { citizenPersonId: GOSTA, body: 'Hej' }),
      await helena.send('POST', `/api/provider/orders/${GOSTA_ORDER}/citizen-messages/journal`, { messageId: randomUUID() }),
    ]) expect(r.status).toBe(404);
    expect(JSON.stringify((await helena.getJson('/api/provider/citizen-messages/unread')).body)).not.toContain('Gösta');
    const stranger = await karin.send<Problem>('POST', `/api/staff/cases/${GOSTA_CASE}/messages`, { citizenPersonId: person('sofia'), body: 'Hej' });
    expect(stranger.status).toBe(409);
    // Citizens have no staff or provider route, and staff no citizen route.
    expect((await ingrid.getJson(`/api/staff/cases/${GOSTA_CASE}/messages`)).status).toBe(403);
    expect((await karin.getJson('/api/citizen/messages')).status).toBe(403);
  });

  it('for a child, the guardians who may see the case are offered first; nobody else is', async () => {
    const leoCase = demoUuid('1:case:leo:Orosanmälan från förskola');
    const ahmed = await staff('ahmed');
    const list = await ahmed.getJson<ThreadList>(`/api/staff/cases/${leoCase}/messages`);
    expect(list.status).toBe(200);
    expect(list.body.canStartWith.map((c) => [c.name, c.relation])).toEqual([
      ['Marcus Andersson', 'vardnadshavare'], ['Sofia Andersson', 'vardnadshavare'], ['Leo Andersson', 'self'],
    ]);
  });

  it('a closed case can be read but not written about', async () => {
    await q(`UPDATE cases SET status = 'avslutad', closed_on = $2 WHERE id = $1`, [GOSTA_CASE, today]);
    try {
      expect((await ingrid.getJson(`/api/citizen/messages/cases/${GOSTA_CASE}`)).status).toBe(200);
      const r = await ingrid.send<Problem>('POST', `/api/citizen/messages/cases/${GOSTA_CASE}`, { body: 'Hej' });
      expect(r.status).toBe(409);
      expect(r.body.detail).toMatch(/avslutat/);
    } finally {
      await q(`UPDATE cases SET status = 'verkstallighet', closed_on = NULL WHERE id = $1`, [GOSTA_CASE]);
    }
  });
});

describe('a sent message never changes', () => {
  it('neither the app role nor the owner can change or remove a message', async () => {
    const [msg] = await q<{ id: string }>('SELECT id FROM messages LIMIT 1');
    await expect(s.db.withTenant(1, (tx) => tx.query(`UPDATE messages SET body = 'ändrad' WHERE id = $1`, [msg!.id]))).rejects.toThrow(/permission denied/);
    await expect(s.db.withTenant(1, (tx) => tx.query('DELETE FROM messages WHERE id = $1', [msg!.id]))).rejects.toThrow(/permission denied/);
    await expect(q(`UPDATE messages SET body = 'ändrad' WHERE id = $1`, [msg!.id])).rejects.toThrow(/cannot be changed/);
    await expect(q('DELETE FROM messages WHERE id = $1', [msg!.id])).rejects.toThrow(/cannot be changed/);
  });

  it('RLS keeps every message table to its municipality', async () => {
    const tables = ['message_threads', 'messages', 'message_journal_links', 'citizen_notification_settings', 'message_notifications'];
    for (const t of tables) {
      const [mine] = await s.db.withTenant(1, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`));
      const [other] = await s.db.withTenant(2, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`));
      expect([t, mine!.n > 0, other!.n]).toEqual([t, true, 0]);
    }
    const forced = await q<{ relname: string; relforcerowsecurity: boolean }>(
      `SELECT relname, relforcerowsecurity FROM pg_class WHERE relname IN ('message_threads','messages','message_journal_links','citizen_notification_settings','message_notifications') ORDER BY relname`);
    expect(forced.map((f) => f.relforcerowsecurity)).toEqual([true, true, true, true, true]);
  });
});
