// The provider's (utförare) side over real HTTP against real Postgres: the inbox and the order's
// steps (accept with a start date, return with a reason, the start = verkställt, 34 kap. 2 § SoL),
// the genomförandeplan (draft → signed → immutable → new version), the provider's journal
// (14 kap. 3–7 §§ SoL, sign and correct), avvikelser with the lex Sarah path (27 kap. 5–6 §§ SoL),
// messages with the handläggare and performed time per month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startServer, type TestServer } from './helpers.ts';
import { dateInSweden, addDays } from '../../src/domain/deadlines.ts';
import type {
  DeviationList, DeviationView, OrderMessages, OrderTime, PlanList, PlanView, ProviderClients, ProviderInbox, ProviderJournal,
  ProviderJournalEntry, ProviderOrderDetail,
} from '../../src/shared/provider-api.ts';

let s: TestServer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const today = dateInSweden();
const P1 = 'Hemtjänsten Centrum';
const P2 = 'Omsorgsbolaget Trygg Vardag AB';

async function as(key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}
async function orderOf(provider: string, status: string, n = 0): Promise<{ id: string; person_id: string; version: number }> {
  const rows = await q<{ id: string; person_id: string; version: number }>(
    `SELECT o.id, o.person_id, o.version FROM orders o JOIN providers pr ON pr.municipality_id = o.municipality_id AND pr.id = o.provider_id
     WHERE o.municipality_id = 1 AND pr.name = $1 AND o.status = $2 ORDER BY o.order_number`, [provider, status]);
  if (!rows[n]) throw new Error(`no ${status} order #${n} at ${provider}`);
  return rows[n]!;
}
const staffId = async (key: string) => (await q<{ id: string }>('SELECT id FROM staff_users WHERE oidc_subject = $1', [`demo:${key}`]))[0]!.id;

let anna: Browser; let fatima: Browser; let erik: Browser; let helena: Browser;

beforeAll(async () => {
  s = await startServer();
  [anna, fatima, erik, helena] = await Promise.all([as('annap'), as('fatima'), as('erik'), as('helena')]);
});
afterAll(() => s.close());

describe('inbox and order steps', () => {
  it('lists my active orders with new (skickad) first, each with the steps I can take', async () => {
    const r = await anna.getJson<ProviderInbox>('/api/provider/orders');
    expect(r.status).toBe(200);
    expect(r.body.providerName).toBe(P1);
    const statuses = r.body.items.map((o) => o.status);
    expect(statuses[0]).toBe('skickad');
    expect(statuses.lastIndexOf('skickad')).toBeLessThan(statuses.findIndex((x) => x !== 'skickad'));
    const fresh = r.body.items.find((o) => o.status === 'skickad')!;
    expect(fresh.steps.map((x) => x.step).sort()).toEqual(['acceptera', 'avsluta', 'returnera']);
    const running = r.body.items.find((o) => o.status === 'pagaende')!;
    expect(running.steps.map((x) => x.step).sort()).toEqual(['avbryt', 'avsluta']);
    const onlyNew = await anna.getJson<ProviderInbox>('/api/provider/orders?status=new');
    expect(onlyNew.body.items.length).toBeGreaterThan(0);
    expect(onlyNew.body.items.every((o) => o.status === 'skickad')).toBe(true);
    const active = await anna.getJson<ProviderInbox>('/api/provider/orders?status=active');
    expect(active.body.items.every((o) => o.status !== 'skickad')).toBe(true);
    expect((await anna.getJson('/api/provider/orders?status=bogus')).status).toBe(400);
    // Each person on the list is audited as a list read.
    const audited = await q('SELECT 1 FROM audit_log WHERE resource = $1 AND subject_person_id = $2', ['provider.order.list', fresh.person.id]);
    expect(audited.length).toBeGreaterThan(0);
  });

  it('accepts with a planned start date, refuses without one, then reports the start (verkställt)', async () => {
    const o = await orderOf(P1, 'skickad');
    const noDate = await anna.send<{ status: number; detail: string; type: string }>('POST', `/api/provider/orders/${o.id}/steps/acceptera`, {});
    expect(noDate.status).toBe(409);
    expect(noDate.type).toMatch(/problem\+json/);
    expect(noDate.body.detail).toBe('Ange datum.');
    const stale = await anna.send('POST', `/api/provider/orders/${o.id}/steps/acceptera`, { date: addDays(today, 3), version: o.version + 5 });
    expect(stale.status).toBe(409);

    const ok = await anna.send<ProviderOrderDetail>('POST', `/api/provider/orders/${o.id}/steps/acceptera`, { date: addDays(today, 3), version: o.version });
    expect(ok.status).toBe(200);
    expect(ok.body.order.status).toBe('accepterad');
    expect(ok.body.order.plannedStartOn).toBe(addDays(today, 3));
    expect(ok.body.order.steps.map((x) => x.step)).toContain('paborja');
    const [row] = await q<{ planned_start_on: string; accepted_by: string; version: number }>('SELECT planned_start_on, accepted_by, version FROM orders WHERE id = $1', [o.id]);
    expect(row).toMatchObject({ planned_start_on: addDays(today, 3), accepted_by: await staffId('annap'), version: o.version + 1 });

    // Accepting twice is refused by the machine with its Swedish reason.
    const again = await anna.send<{ detail: string }>('POST', `/api/provider/orders/${o.id}/steps/acceptera`, { date: addDays(today, 3) });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/accepterad/);

    const future = await anna.send('POST', `/api/provider/orders/${o.id}/steps/paborja`, { date: addDays(today, 1) });
    expect(future.status).toBe(409);
    const started = await fatima.send<ProviderOrderDetail>('POST', `/api/provider/orders/${o.id}/steps/paborja`, { date: today });
    expect(started.status).toBe(200);
    expect(started.body.order.status).toBe('pagaende');
    const [after] = await q<{ started_on: string; start_reported_by: string; status: string }>('SELECT started_on, start_reported_by, status FROM orders WHERE id = $1', [o.id]);
    expect(after).toEqual({ started_on: today, start_reported_by: await staffId('fatima'), status: 'pagaende' });
    const events = await q<{ kind: string }>('SELECT kind FROM order_events WHERE order_id = $1 ORDER BY created_at', [o.id]);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['accepterad', 'paborjad']));
    expect(started.body.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['accepterad', 'paborjad']));
  });

  it('returns an order with a reason, after which it leaves the inbox', async () => {
    const o = await orderOf(P2, 'skickad');
    const noReason = await helena.send<{ detail: string }>('POST', `/api/provider/orders/${o.id}/steps/returnera`, { reason: '   ' });
    expect(noReason.status).toBe(409);
    expect(noReason.body.detail).toBe('Ange skäl.');
    const r = await helena.send<ProviderOrderDetail>('POST', `/api/provider/orders/${o.id}/steps/returnera`, { reason: 'Vi har inte personal i området just nu.' });
    expect(r.status).toBe(200);
    expect(r.body.order.status).toBe('returnerad');
    const [row] = await q<{ status: string; returned_reason: string }>('SELECT status, returned_reason FROM orders WHERE id = $1', [o.id]);
    expect(row).toEqual({ status: 'returnerad', returned_reason: 'Vi har inte personal i området just nu.' });
    const inbox = await helena.getJson<ProviderInbox>('/api/provider/orders');
    expect(inbox.body.items.map((x) => x.id)).not.toContain(o.id);
    expect((await helena.getJson(`/api/provider/orders/${o.id}`)).status).toBe(404);
  });

  it('reports an interruption with a reason and the resumption', async () => {
    const o = await orderOf(P1, 'pagaende');
    const r = await anna.send<ProviderOrderDetail>('POST', `/api/provider/orders/${o.id}/steps/avbryt`, { date: today, reason: 'Vistelse på sjukhus.' });
    expect(r.status).toBe(200);
    expect(r.body.order).toMatchObject({ status: 'avbruten', interruptedOn: today, interruptionReason: 'Vistelse på sjukhus.' });
    const back = await anna.send<ProviderOrderDetail>('POST', `/api/provider/orders/${o.id}/steps/ateruppta`, { date: today });
    expect(back.body.order).toMatchObject({ status: 'pagaende', interruptedOn: null });
    expect((await anna.send('POST', `/api/provider/orders/${o.id}/steps/bogus`, { date: today })).status).toBe(400);
  });

  it('shows the order with the person’s minimum, never the case or the investigation', async () => {
    const o = await orderOf(P1, 'pagaende');
    const r = await anna.getJson<ProviderOrderDetail>(`/api/provider/orders/${o.id}`);
    expect(r.status).toBe(200);
    expect(r.body.person.id).toBe(o.person_id);
    expect(r.body.person.idNumber).toMatch(/^\d{8}-\d{4}$/);
    expect(r.body.decision.insats).toBeTruthy();
    const text = JSON.stringify(r.body);
    const [dec] = await q<{ motivation: string }>('SELECT d.motivation FROM decisions d JOIN orders o ON o.decision_id = d.id WHERE o.id = $1', [o.id]);
    expect(text).not.toContain(dec!.motivation.slice(0, 40));
    expect(r.body).not.toHaveProperty('case');
    expect(r.body).not.toHaveProperty('journal');
    const audit = await q('SELECT 1 FROM audit_log WHERE resource = $1 AND subject_person_id = $2 AND purpose = $3', ['provider.order', o.person_id, 'provider_order']);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('hides the address and phone of a person with protected identity', async () => {
    const rows = await q<{ id: string }>(`SELECT o.id FROM orders o JOIN persons p ON p.id = o.person_id JOIN providers pr ON pr.id = o.provider_id
      WHERE pr.name = $1 AND p.protection <> 'ingen' AND o.status IN ('accepterad','pagaende')`, [P2]);
    expect(rows.length).toBeGreaterThan(0);
    const r = await helena.getJson<ProviderOrderDetail>(`/api/provider/orders/${rows[0]!.id}`);
    expect(r.status).toBe(200);
    expect(r.body.person.address).toBeNull();
    expect(r.body.person.phone).toBeNull();
  });

  it('lists my clients with their active orders', async () => {
    const r = await anna.getJson<ProviderClients>('/api/provider/clients');
    expect(r.status).toBe(200);
    const mine = await q<{ person_id: string }>(`SELECT DISTINCT o.person_id FROM orders o JOIN providers pr ON pr.id = o.provider_id
      WHERE pr.name = $1 AND o.status IN ('skickad','accepterad','pagaende','avbruten')`, [P1]);
    expect(new Set(r.body.items.map((c) => c.person.id))).toEqual(new Set(mine.map((m) => m.person_id)));
    expect(r.body.items.every((c) => c.orders.length > 0)).toBe(true);
  });
});

describe('genomförandeplan', () => {
  it('drafts with goals from the decision, signs, cannot change a signed version, and versions onwards', async () => {
    const o = await orderOf(P1, 'pagaende', 1);
    const draft = await fatima.send<PlanView>('POST', `/api/provider/orders/${o.id}/plans`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ version: 1, status: 'utkast' });
    expect(draft.body.goals[0]!.fromDecision).toBe(true);
    expect((await fatima.send<{ type: string }>('POST', `/api/provider/orders/${o.id}/plans`)).status).toBe(409);

    const incomplete = await fatima.send<{ detail: string }>('POST', `/api/provider/orders/${o.id}/plans/${draft.body.id}/sign`);
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.detail).toMatch(/delaktig/);

    const body = {
      updatedAt: draft.body.updatedAt,
      goals: [...draft.body.goals, { goal: 'Klara morgonrutinerna själv med visst stöd', fromDecision: false }],
      parts: [{ what: 'Dusch', how: 'Stöd vid av- och påklädning, personen tvättar sig själv', when: 'Tisdagar och fredagar kl. 9', who: 'Kontaktperson Fatima' }],
      participation: 'Planen skrevs hemma hos personen, som själv valde tiderna. Dottern deltog.',
      followUpOn: addDays(today, 90),
    };
    const saved = await fatima.send<PlanView>('PUT', `/api/provider/orders/${o.id}/plans/${draft.body.id}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.parts).toHaveLength(1);
    const stale = await fatima.send<{ type: string }>('PUT', `/api/provider/orders/${o.id}/plans/${draft.body.id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('/problems/stale-version');

    const signed = await fatima.send<PlanView>('POST', `/api/provider/orders/${o.id}/plans/${draft.body.id}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signerad', signedBy: 'Fatima Ali' });
    // Immutable: the API refuses, and so does the database itself.
    expect((await fatima.send('PUT', `/api/provider/orders/${o.id}/plans/${draft.body.id}`, { ...body, updatedAt: signed.body.updatedAt })).status).toBe(409);
    await expect(q("UPDATE implementation_plans SET participation = 'ändrad' WHERE id = $1", [draft.body.id])).rejects.toThrow(/signed genomförandeplan/);
    await expect(q('DELETE FROM implementation_plans WHERE id = $1', [draft.body.id])).rejects.toThrow(/signed genomförandeplan/);

    const v2 = await anna.send<PlanView>('POST', `/api/provider/orders/${o.id}/plans`);
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, status: 'utkast', participation: body.participation });
    expect(v2.body.goals).toEqual(body.goals);
    const list = await anna.getJson<PlanList>(`/api/provider/orders/${o.id}/plans`);
    expect(list.body.items.map((p) => [p.version, p.status])).toEqual([[2, 'utkast'], [1, 'signerad']]);
  });
});

describe('journal at the provider', () => {
  it('is signed by its author and corrected by a new entry, never rewritten', async () => {
    const o = await orderOf(P1, 'pagaende', 1);
    const future = await fatima.send('POST', `/api/provider/orders/${o.id}/journal`, { occurredOn: addDays(today, 2), title: 'Besök', body: 'x' });
    expect(future.status).toBe(400);
    const e = await fatima.send<ProviderJournalEntry>('POST', `/api/provider/orders/${o.id}/journal`, { occurredOn: today, title: 'Besök', body: 'Hjälp med dusch. Personen var på gott humör.' });
    expect(e.status).toBe(200);
    expect(e.body.signedAt).toBeNull();
    const byOther = await anna.send<{ type: string }>('POST', `/api/provider/orders/${o.id}/journal/${e.body.id}/sign`);
    expect(byOther.status).toBe(403);
    const signed = await fatima.send<ProviderJournalEntry>('POST', `/api/provider/orders/${o.id}/journal/${e.body.id}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.body.signedAt).not.toBeNull();
    expect((await fatima.send('POST', `/api/provider/orders/${o.id}/journal/${e.body.id}/sign`)).status).toBe(409);
    await expect(q("UPDATE provider_journal_entries SET body = 'ändrad' WHERE id = $1", [e.body.id])).rejects.toThrow(/signed journal entry/);

    const fix = await fatima.send<ProviderJournalEntry>('POST', `/api/provider/orders/${o.id}/journal`, {
      occurredOn: today, title: 'Rättelse: Besök', body: 'Hjälp med dusch och påklädning.', correctsId: e.body.id,
    });
    expect(fix.status).toBe(200);
    expect(fix.body.correctsId).toBe(e.body.id);
    const list = await erik.getJson<ProviderJournal>(`/api/provider/orders/${o.id}/journal`);
    const original = list.body.items.find((x) => x.id === e.body.id)!;
    expect(original.body).toBe('Hjälp med dusch. Personen var på gott humör.');
    expect(original.correctedById).toBe(fix.body.id);
  });
});

describe('avvikelser and lex Sarah', () => {
  it('is reported by staff, shown to the chef, investigated and closed by the chef only, with IVO for serious cases', async () => {
    const o = await orderOf(P1, 'pagaende', 1);
    const occurredAt = new Date(Date.now() - 3600_000).toISOString();
    const plain = await erik.send<DeviationView>('POST', `/api/provider/orders/${o.id}/deviations`, {
      occurredAt, description: 'Besöket blev 40 minuter försenat.', immediateAction: 'Ringde och förklarade.', lexSarah: false,
    });
    expect(plain.status).toBe(200);
    const sarah = await fatima.send<DeviationView>('POST', `/api/provider/orders/${o.id}/deviations`, {
      occurredAt, description: 'Medicin hade inte getts på två dagar.', immediateAction: 'Kontaktade sjuksköterska.', lexSarah: true,
    });
    expect(sarah.status).toBe(200);
    expect(sarah.body).toMatchObject({ status: 'ny', lexSarah: true, serious: null });

    // A lex Sarah report is seen by its reporter and the chef, not by every colleague.
    const erikSees = await erik.getJson<DeviationList>(`/api/provider/orders/${o.id}/deviations`);
    expect(erikSees.body.items.map((d) => d.id)).toEqual([plain.body.id]);
    expect(erikSees.body.canHandle).toBe(false);
    const chefSees = await anna.getJson<DeviationList>(`/api/provider/orders/${o.id}/deviations`);
    expect(chefSees.body.items.map((d) => d.id)).toEqual(expect.arrayContaining([plain.body.id, sarah.body.id]));
    expect(chefSees.body.canHandle).toBe(true);

    const byStaff = await fatima.send<{ type: string }>('POST', `/api/provider/orders/${o.id}/deviations/${sarah.body.id}/status`, { status: 'utreds' });
    expect(byStaff.status).toBe(403);
    const investigating = await anna.send<DeviationView>('POST', `/api/provider/orders/${o.id}/deviations/${sarah.body.id}/status`, { status: 'utreds', serious: true });
    expect(investigating.body).toMatchObject({ status: 'utreds', serious: true });
    const noIvo = await anna.send<{ detail: string; type: string }>('POST', `/api/provider/orders/${o.id}/deviations/${sarah.body.id}/status`, { status: 'avslutad', closingNote: 'Rutin för läkemedel ändrad.' });
    expect(noIvo.status).toBe(409);
    expect(noIvo.body.detail).toMatch(/IVO snarast \(27 kap\. 6 § SoL\)/);
    const closed = await anna.send<DeviationView>('POST', `/api/provider/orders/${o.id}/deviations/${sarah.body.id}/status`, { status: 'avslutad', ivoReportedOn: today, closingNote: 'Rutin för läkemedel ändrad.' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'avslutad', serious: true, ivoReportedOn: today });
    expect((await anna.send('POST', `/api/provider/orders/${o.id}/deviations/${sarah.body.id}/status`, { status: 'utreds' })).status).toBe(409);
    // Not lex Sarah: no IVO fields.
    expect((await anna.send('POST', `/api/provider/orders/${o.id}/deviations/${plain.body.id}/status`, { status: 'avslutad', serious: true, closingNote: 'x' })).status).toBe(400);
  });
});

describe('messages with the handläggare', () => {
  it('lists both sides, marks the myndighet’s messages read, and sends as utförare', async () => {
    const o = await orderOf(P1, 'pagaende', 1);
    const eva = await staffId('eva');
    await q(`INSERT INTO order_messages (municipality_id, id, order_id, side, author_id, body) VALUES (1, gen_random_uuid(), $1, 'myndighet', $2, 'Hur går det med duschen?')`, [o.id, eva]);
    const inboxBefore = await anna.getJson<ProviderInbox>('/api/provider/orders');
    expect(inboxBefore.body.items.find((x) => x.id === o.id)!.unreadMessages).toBe(1);
    const r = await fatima.getJson<OrderMessages>(`/api/provider/orders/${o.id}/messages`);
    expect(r.status).toBe(200);
    expect(r.body.items.at(-1)).toMatchObject({ side: 'myndighet', body: 'Hur går det med duschen?' });
    const [row] = await q<{ read_at: Date | null }>(`SELECT read_at FROM order_messages WHERE order_id = $1 AND side = 'myndighet'`, [o.id]);
    expect(row!.read_at).not.toBeNull();
    const sent = await fatima.send<OrderMessages>('POST', `/api/provider/orders/${o.id}/messages`, { body: 'Det går bra, tack.' });
    expect(sent.status).toBe(200);
    expect(sent.body.items.at(-1)).toMatchObject({ side: 'utforare', authorName: 'Fatima Ali', readAt: null });
    expect((await fatima.send('POST', `/api/provider/orders/${o.id}/messages`, { body: '' })).status).toBe(400);
  });
});

describe('utförd tid', () => {
  it('sums the performed minutes of the month, and lets the chef register a visit afterwards', async () => {
    const o = await orderOf(P1, 'pagaende', 2);
    const fatimaId = await staffId('fatima');
    const month = '2026-10';
    // Two performed visits (45 + 30 min), one planned only, one in another month.
    await q(`INSERT INTO visits (municipality_id, id, order_id, staff_user_id, planned_start, planned_minutes, status, checked_in_at, checked_out_at) VALUES
      (1, gen_random_uuid(), $1, $2, '2026-10-05T07:00:00Z', 45, 'utford', '2026-10-05T07:02:00Z', '2026-10-05T07:47:00Z'),
      (1, gen_random_uuid(), $1, $2, '2026-10-31T22:30:00Z', 30, 'utford', '2026-10-31T22:30:00Z', '2026-10-31T23:00:00Z'),
      (1, gen_random_uuid(), $1, $2, '2026-10-12T07:00:00Z', 60, 'planerad', NULL, NULL),
      (1, gen_random_uuid(), $1, $2, '2026-09-12T07:00:00Z', 60, 'utford', '2026-09-12T07:00:00Z', '2026-09-12T08:00:00Z')`, [o.id, fatimaId]);
    const r = await fatima.getJson<OrderTime>(`/api/provider/orders/${o.id}/time?month=${month}`);
    expect(r.status).toBe(200);
    // 2026-10-31T22:30Z is 2026-10-31 23:30 in Sweden (CET): still October.
    expect(r.body.visits).toHaveLength(3);
    expect(r.body.performedMinutes).toBe(75);
    expect(r.body.performedVisits).toBe(2);
    expect(r.body.plannedMinutes).toBe(135);
    expect((await fatima.getJson(`/api/provider/orders/${o.id}/time?month=2026-13`)).status).toBe(400);

    const visit = { start: '2026-10-20T08:00:00.000Z', minutes: 50, note: 'Besöket registrerades inte i telefonen.' };
    expect((await fatima.send('POST', `/api/provider/orders/${o.id}/visits`, visit)).status).toBe(403);
    const added = await anna.send<OrderTime>('POST', `/api/provider/orders/${o.id}/visits`, visit);
    expect(added.status).toBe(200);
    expect(added.body.performedMinutes).toBe(125);
    expect(added.body.visits.find((v) => v.note === visit.note)).toMatchObject({ status: 'utford', performedMinutes: 50 });
    const future = await anna.send('POST', `/api/provider/orders/${o.id}/visits`, { start: new Date(Date.now() + 86400_000).toISOString(), minutes: 30 });
    expect(future.status).toBe(400);
  });

  it("the chef plans visits for the provider's own staff, which then appear in their day", async () => {
    const o = await orderOf(P1, 'pagaende', 1);
    const fatimaId = await staffId('fatima');
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(7, 0, 0, 0);
    const body = { staffUserId: fatimaId, start: start.toISOString(), minutes: 40, tasks: 'Dusch och frukost', days: 3 };
    expect((await fatima.send('POST', `/api/provider/orders/${o.id}/visits/planned`, body)).status).toBe(403);
    const other = await anna.send('POST', `/api/provider/orders/${o.id}/visits/planned`, { ...body, staffUserId: await staffId('mikael') });
    expect(other.status).toBe(400);
    const past = await anna.send('POST', `/api/provider/orders/${o.id}/visits/planned`, { ...body, start: new Date(Date.now() - 86_400_000).toISOString() });
    expect(past.status).toBe(400);
    const planned = await anna.send<OrderTime>('POST', `/api/provider/orders/${o.id}/visits/planned`, body);
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    const rows = await q<{ planned_start: Date; tasks: string; status: string }>(
      `SELECT planned_start, tasks, status FROM visits WHERE order_id = $1 AND staff_user_id = $2 AND planned_start >= $3 ORDER BY planned_start`, [o.id, fatimaId, start.toISOString()]);
    expect(rows.map((r) => r.planned_start.toISOString())).toEqual([0, 1, 2].map((i) => new Date(start.getTime() + i * 86_400_000).toISOString()));
    expect(rows.every((r) => r.tasks === 'Dusch och frukost' && r.status === 'planerad')).toBe(true);
    const staff = await anna.getJson<{ items: Array<{ name: string }> }>('/api/provider/staff');
    expect(staff.body.items.map((x) => x.name)).toEqual(expect.arrayContaining(['Fatima Ali', 'Erik Nord']));
    expect(staff.body.items.map((x) => x.name)).not.toContain('Mikael Roos');
  });
});

describe('demo data for the provider side', () => {
  // The template database every test copies is seeded by seed.ts, demoProviderData included.
  it('the seeded provider-side rows sit on active orders, each on an order of its authors’ provider', async () => {
    const { freshDatabase } = await import('./helpers.ts');
    const t = await freshDatabase();
    try {
      const client = await t.db.owner.connect();
      try {
        const plans = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM implementation_plans ip JOIN orders o ON o.id = ip.order_id
          WHERE o.status IN ('pagaende','accepterad')`);
        expect(plans.rows[0]!.n).toBe(3);
        // Every row sits on an order of the provider its authors work at.
        const wrong = await client.query(`SELECT 1 FROM provider_journal_entries j JOIN orders o ON o.id = j.order_id
          JOIN staff_users su ON su.id = j.author_id WHERE su.provider_id IS DISTINCT FROM o.provider_id`);
        expect(wrong.rowCount).toBe(0);
      } finally { client.release(); }
    } finally { await t.drop(); }
  });
});
