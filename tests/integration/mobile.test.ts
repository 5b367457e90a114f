// The mobile view for field staff over real HTTP against a real PostgreSQL: today's visits are only
// mine, check-in and check-out record the performed time, an action sent twice has one effect,
// a conflicting action from another device is answered with the reason and the server's visit,
// and another provider's or colleague's visit gives nothing away. Every read is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { stockholmInstant, swedishDay } from '../../src/domain/visits.ts';
import { addDays } from '../../src/domain/deadlines.ts';
import type { MobileActionsResult, MobileDay } from '../../src/shared/mobile-api.ts';

let s: TestServer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const staffId = (key: string) => demoUuid(`1:staff:${key}`);
const orderOf = (person: string) => demoUuid(`${demoUuid(`1:case:${person}:Ansökan om hemtjänst`)}:order`);
// Set in beforeAll (not at module load), after making sure the run is not in the day's first minutes.
let today: string;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
/** Whole minutes since midnight in Sweden. */
const minutesSinceSwedishMidnight = () => Math.floor((Date.now() - stockholmInstant(swedishDay(new Date()), '00:00').getTime()) / 60_000);
/** A span back from now that stays within today in Sweden (a check-in must be on the visit's day). */
const spanToday = (wanted: number) => Math.min(wanted, minutesSinceSwedishMidnight() - 1);

// Fixture visits of our own (the seed may add more for today; the assertions allow for that).
const V = {
  gosta: randomUUID(), gunnel: randomUUID(), cancelled: randomUUID(), fresh: randomUUID(), yesterday: randomUUID(),
  erik: randomUUID(), mikaelUlla: randomUUID(),
};

async function loggedIn(key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}
const send = (b: Browser, actions: object[]) => b.send<MobileActionsResult>('POST', '/api/mobile/actions', { actions });
const visitRow = async (id: string) => (await q<{ status: string; checked_in_at: Date | null; checked_out_at: Date | null; check_in_action: string | null; check_out_action: string | null; note: string | null }>(
  'SELECT status, checked_in_at, checked_out_at, check_in_action, check_out_action, note FROM visits WHERE id = $1', [id]))[0]!;

beforeAll(async () => {
  // Right after midnight there is no room for a check-in earlier today, and a run that starts just
  // before midnight would plan 'today' on the wrong day: wait until a few minutes into the day then.
  const sleep = (minutes: number) => new Promise((r) => setTimeout(r, minutes * 60_000));
  const toMidnight = (stockholmInstant(addDays(swedishDay(new Date()), 1), '00:00').getTime() - Date.now()) / 60_000;
  if (toMidnight < 3) await sleep(toMidnight);
  const early = minutesSinceSwedishMidnight();
  if (early < 4) await sleep(4 - early);
  today = swedishDay(new Date());
  s = await startServer();
  const add = (id: string, staff: string, person: string, day: string, time: string, status = 'planerad') => q(
    `INSERT INTO visits (municipality_id, id, order_id, staff_user_id, planned_start, planned_minutes, tasks, status)
     VALUES (1, $1, $2, $3, $4, 45, $5, $6)`, [id, orderOf(person), staffId(staff), stockholmInstant(day, time).toISOString(), `Uppgifter ${time}`, status]);
  await add(V.gunnel, 'fatima', 'gunnel', today, '09:05');
  await add(V.gosta, 'fatima', 'gosta', today, '07:05');
  await add(V.cancelled, 'fatima', 'gerd', today, '13:05', 'installt');
  await add(V.fresh, 'fatima', 'gerd', today, '14:05');
  await add(V.yesterday, 'fatima', 'gosta', addDays(today, -1), '08:05');
  await add(V.erik, 'erik', 'karin', today, '08:05');
  await add(V.mikaelUlla, 'mikael', 'ulla', today, '08:05');
}, 9 * 60_000);
afterAll(() => s?.close());

describe('GET /api/mobile/today', () => {
  it("lists today's visits assigned to me, in time order, with the minimum each visit needs — audited", async () => {
    const fatima = await loggedIn('fatima');
    const r = await fatima.getJson<MobileDay>('/api/mobile/today');
    expect(r.status).toBe(200);
    expect(r.body.date).toBe(today);
    expect(r.body.staff).toEqual({ id: staffId('fatima'), name: 'Fatima Ali' });
    expect(r.body.providerName).toBe('Hemtjänsten Centrum');
    const ids = r.body.items.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining([V.gosta, V.gunnel, V.cancelled, V.fresh]));
    expect(ids).not.toContain(V.yesterday);
    expect(ids).not.toContain(V.erik);
    expect(ids).not.toContain(V.mikaelUlla);
    // only mine, every one of them, and all today
    const owners = await q<{ staff_user_id: string }>('SELECT DISTINCT staff_user_id FROM visits WHERE id = ANY($1::uuid[])', [ids]);
    expect(owners).toEqual([{ staff_user_id: staffId('fatima') }]);
    for (const v of r.body.items) expect(swedishDay(v.plannedStart)).toBe(today);
    const starts = r.body.items.map((v) => v.plannedStart);
    expect(starts).toEqual([...starts].sort());
    expect(ids.indexOf(V.gosta)).toBeLessThan(ids.indexOf(V.gunnel));

    const gosta = r.body.items.find((v) => v.id === V.gosta)!;
    expect(gosta.person.name).toBe('Gösta Lund');
    expect(gosta.person.address).not.toBeNull();
    expect(gosta.person.addressWithheld).toBeNull();
    expect(gosta.order.info).toContain('Portkod 4711');
    expect(gosta.order.insats).toMatch(/Hemtjänst/);
    expect(gosta.tasks).toBe('Uppgifter 07:05');
    expect(gosta.status).toBe('planerad');
    expect(gosta.plannedMinutes).toBe(45);
    expect(r.body.items.find((v) => v.id === V.cancelled)!.status).toBe('installt');
    // no personnummer on the phone
    expect(JSON.stringify(r.body)).not.toMatch(/\d{8}-\d{4}/);

    const audited = await q<{ subject_person_id: string }>(
      `SELECT subject_person_id FROM audit_log WHERE actor_id = $1 AND resource = 'visit.today'`, [staffId('fatima')]);
    expect(audited.map((a) => a.subject_person_id)).toEqual(expect.arrayContaining([demoUuid('1:person:gosta'), demoUuid('1:person:gunnel')]));
  });

  it('withholds the address of a person with skyddad folkbokföring and says so', async () => {
    const mikael = await loggedIn('mikael');
    const r = await mikael.getJson<MobileDay>('/api/mobile/today');
    expect(r.status).toBe(200);
    const ulla = r.body.items.find((v) => v.id === V.mikaelUlla)!;
    expect(ulla.person.protection).toBe('skyddad_folkbokforing');
    expect(ulla.person.address).toBeNull();
    expect(ulla.person.addressWithheld).toMatch(/Skyddade personuppgifter/);
    expect(r.body.items.map((v) => v.id)).not.toContain(V.gosta);
  });

  it('is for provider staff only', async () => {
    expect((await new Browser(s.baseUrl).getJson('/api/mobile/today')).status).toBe(401);
    const eva = await loggedIn('eva');
    const r = await eva.getJson<{ type: string }>('/api/mobile/today');
    expect(r.status).toBe(403);
    expect(r.type).toMatch(/problem\+json/);
  });
});

describe('POST /api/mobile/actions', () => {
  it('check-in then check-out records the performed minutes (utförd tid), audited', async () => {
    const fatima = await loggedIn('fatima');
    const inId = randomUUID();
    const outId = randomUUID();
    const span = spanToday(40);
    expect(span).toBeGreaterThan(0);
    const r = await send(fatima, [
      { actionId: inId, kind: 'checkin', visitId: V.gosta, at: minutesAgo(span) },
      { actionId: outId, kind: 'checkout', visitId: V.gosta, at: minutesAgo(0) },
      { actionId: randomUUID(), kind: 'note', visitId: V.gosta, at: minutesAgo(0), note: '  Gösta mådde bra, duschade.  ' },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.result)).toEqual(['applied', 'applied', 'applied']);
    const last = r.body.results[2]!.visit!;
    expect(last.status).toBe('utford');
    expect(last.performedMinutes).toBe(span);
    expect(last.note).toBe('Gösta mådde bra, duschade.');
    const row = await visitRow(V.gosta);
    expect(row.status).toBe('utford');
    expect(row.check_in_action).toBe(inId);
    expect(row.check_out_action).toBe(outId);
    expect(Math.round((row.checked_out_at!.getTime() - row.checked_in_at!.getTime()) / 60_000)).toBe(span);
    const audited = await q<{ resource: string }>(
      `SELECT resource FROM audit_log WHERE actor_id = $1 AND subject_person_id = $2 AND action = 'update' ORDER BY seq`, [staffId('fatima'), demoUuid('1:person:gosta')]);
    expect(audited.map((a) => a.resource)).toEqual(expect.arrayContaining(['visit.checkin', 'visit.checkout', 'visit.note']));
  });

  it('the same actionId twice has one effect; the second answer is duplicate with the current visit', async () => {
    const fatima = await loggedIn('fatima');
    const id = randomUUID();
    const inAgo = spanToday(20);
    expect(inAgo).toBeGreaterThan(1);
    const first = await send(fatima, [{ actionId: id, kind: 'checkin', visitId: V.gunnel, at: minutesAgo(inAgo) }]);
    expect(first.body.results[0]).toMatchObject({ result: 'applied', reason: null });
    const before = await visitRow(V.gunnel);
    // a retry after a lost response (even with another device time), and twice in one batch
    const again = await send(fatima, [
      { actionId: id, kind: 'checkin', visitId: V.gunnel, at: minutesAgo(5) },
      { actionId: id, kind: 'checkin', visitId: V.gunnel, at: minutesAgo(5) },
    ]);
    expect(again.status).toBe(200);
    expect(again.body.results.map((x) => x.result)).toEqual(['duplicate', 'duplicate']);
    expect(again.body.results[0]!.visit).toMatchObject({ id: V.gunnel, status: 'pagaende', checkedInAt: before.checked_in_at!.toISOString() });
    const after = await visitRow(V.gunnel);
    expect(after.checked_in_at!.toISOString()).toBe(before.checked_in_at!.toISOString());
    expect(await q('SELECT 1 FROM visit_actions WHERE action_id = $1', [id])).toHaveLength(1);

    // concurrent retries of one action: still exactly one effect
    const outId = randomUUID();
    const racing = await Promise.all([1, 2, 3].map(() => send(fatima, [{ actionId: outId, kind: 'checkout', visitId: V.gunnel, at: minutesAgo(1) }])));
    expect(racing.map((x) => x.body.results[0]!.result).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await q('SELECT 1 FROM visit_actions WHERE action_id = $1', [outId])).toHaveLength(1);
  });

  it('a conflicting check-out from another device is answered with the reason and the server’s visit, not dropped', async () => {
    const phone = await loggedIn('fatima');
    const tablet = await loggedIn('fatima');
    // In 30 minutes ago, out 10 minutes ago (20 performed); less, early in the day.
    const inAgo = spanToday(30);
    const tabletAgo = Math.floor(inAgo / 3);
    expect(inAgo - tabletAgo).toBeGreaterThan(0);
    const checkin = await send(phone, [{ actionId: randomUUID(), kind: 'checkin', visitId: V.fresh, at: minutesAgo(inAgo) }]);
    expect(checkin.body.results[0]!.result).toBe('applied');
    const tabletOut = await send(tablet, [{ actionId: randomUUID(), kind: 'checkout', visitId: V.fresh, at: minutesAgo(tabletAgo) }]);
    expect(tabletOut.body.results[0]!.result).toBe('applied');
    const phoneOut = await send(phone, [{ actionId: randomUUID(), kind: 'checkout', visitId: V.fresh, at: minutesAgo(Math.min(2, tabletAgo)) }]);
    const res = phoneOut.body.results[0]!;
    expect(res.result).toBe('conflict');
    expect(res.code).toBe('already-checked-out');
    expect(res.reason).toMatch(/redan utcheckat/);
    expect(res.visit).toMatchObject({ id: V.fresh, status: 'utford', performedMinutes: inAgo - tabletAgo });
    expect((await visitRow(V.fresh)).checked_out_at!.toISOString()).toBe(res.visit!.checkedOutAt);
  });

  it('refuses a check-out before check-in and any action on a cancelled visit, with Swedish reasons', async () => {
    const fatima = await loggedIn('fatima');
    const r = await send(fatima, [
      { actionId: randomUUID(), kind: 'checkin', visitId: V.cancelled, at: minutesAgo(1) },
      { actionId: randomUUID(), kind: 'checkout', visitId: V.erik, at: minutesAgo(1) },
    ]);
    expect(r.body.results[0]).toMatchObject({ result: 'conflict', code: 'cancelled' });
    expect(r.body.results[0]!.reason).toMatch(/inställt/);
    expect(r.body.results[0]!.visit).toMatchObject({ id: V.cancelled, status: 'installt', checkedInAt: null });
    expect((await visitRow(V.cancelled)).checked_in_at).toBeNull();
  });

  it("another provider's or a colleague's visit, or an unknown id, gives a conflict with no data, audited and flagged", async () => {
    const mikael = await loggedIn('mikael'); // provider p2
    const erik = await loggedIn('erik');     // p1, but not his visit
    const before = await visitRow(V.cancelled);
    for (const [who, visitId] of [[mikael, V.fresh], [mikael, V.cancelled], [erik, V.gosta], [mikael, randomUUID()]] as const) {
      const r = await send(who, [{ actionId: randomUUID(), kind: 'note', visitId, at: minutesAgo(0), note: 'Försök' }]);
      expect(r.status).toBe(200);
      expect(r.body.results[0]).toMatchObject({ result: 'conflict', code: 'not-yours', visit: null });
      expect(JSON.stringify(r.body)).not.toMatch(/Gösta|Gerd|Lund|Portkod|Uppgifter/);
    }
    expect(await visitRow(V.cancelled)).toEqual(before);
    const denied = await q(`SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = 'denied' AND flagged AND resource = 'visit.note'`, [staffId('mikael')]);
    expect(denied).toHaveLength(3);
    // and mikael's day never shows p1's visits
    const day = await mikael.getJson<MobileDay>('/api/mobile/today');
    expect(day.body.items.map((v) => v.id)).not.toContain(V.fresh);
  });

  it('answers bad input with problem+json and requires the CSRF token', async () => {
    const fatima = await loggedIn('fatima');
    const bad = await fatima.send<{ status: number; errors: unknown[] }>('POST', '/api/mobile/actions', { actions: [{ actionId: 'x', kind: 'fly', visitId: V.gosta, at: 'igår' }] });
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/problem\+json/);
    expect((await fatima.send('POST', '/api/mobile/actions', { actions: [] })).status).toBe(400);
    const noCsrf = await fatima.send('POST', '/api/mobile/actions', { actions: [{ actionId: randomUUID(), kind: 'checkin', visitId: V.gosta, at: minutesAgo(0) }] }, { 'x-csrf-token': 'fel' });
    expect(noCsrf.status).toBe(403);
  });
});
