// Mina insatser over real HTTP against real PostgreSQL: what is ordered, from which provider, the
// signed genomförandeplan (never a draft) and the visits performed, for the person and for those
// who act for them (ombud with a fullmakt, FB 6 kap. 2 § for guardians, via citizen-access.ts);
// nothing of the provider's own journal (17 kap. SoL), avvikelser, or what the handläggare told the
// provider; a stranger or an expired fullmakt gets nothing (audited). Valfrihet (LOV, lag 2008:962):
// a request to change provider, carried out by the handläggare through the order machine, or
// refused, or withdrawn. Kön till särskilt boende (11 kap. 1 § SoL; 34 kap. 1 § SoL on three months).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startServer, type TestServer, citizenLogin, staffLogin } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, addMonths, dateInSweden } from '../../src/domain/deadlines.ts';
import { clockSv, swedishDay } from '../../src/domain/visits.ts';
import type { CitizenServicesResponse, ProviderChoiceView, StaffProviderChoices } from '../../src/shared/citizen-services-api.ts';
import type { Problem } from '../../src/shared/api.ts';
import { closeOrdersPastEnd } from '../../src/server/modules/orders/service.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);
const caseOf = (key: string, title: string) => demoUuid(`1:case:${key}:${title}`);
const decisionOf = (key: string, title: string) => demoUuid(`${caseOf(key, title)}:decision`);
const P1 = demoUuid('1:provider:p1');
const P2 = demoUuid('1:provider:p2');
const GOSTA_CASE = caseOf('gosta', 'Ansökan om hemtjänst');
const GOSTA_ORDER = demoUuid(`${GOSTA_CASE}:order`);
const SABO = 'Ansökan om särskilt boende';

// What the citizen must never read: the provider's journal, avvikelser, the draft plan, the
// handläggare's information to the provider, the note from the phone, staff surnames (the signed
// plan may name the kontaktperson in full: it is the plan the person agreed to, 10 kap. 7 § SoL).
const NEVER = [
  'Nyckel kvitterad', 'laktosfri mjölk', 'Dosetten var orörd', 'sjukfrånvaro i gruppen', 'Promenad', 'Portkod 4711',
  'ville skjuta duschen till i morgon', 'Erik Nord', 'Anna Persson',
];

const staff = (key: string) => staffLogin(s, key);
const citizen = (key: string) => citizenLogin(s, key);
const services = (b: Browser, forKey?: string) =>
  b.getJson<CitizenServicesResponse & Problem>(`/api/citizen/services${forKey ? `?for=${person(forKey)}` : ''}`);
const ask = (b: Browser, orderId: string, body: Record<string, unknown>) =>
  b.send<ProviderChoiceView & Pick<Problem, 'detail' | 'errors'>>('POST', `/api/citizen/services/orders/${orderId}/provider-choice`, body);

beforeAll(async () => { s = await startServer(); });
afterAll(() => s.close());

describe('Mina insatser: what is ordered, by whom, the plan and the visits', () => {
  it('Gösta sees his hemtjänst at Hemtjänsten Centrum with the signed plan (not the draft) and the visits performed, by first name only', async () => {
    const gosta = await citizen('gosta');
    const r = await services(gosta);
    expect(r.status).toBe(200);
    expect(r.body.persons[0]).toMatchObject({ person: { id: person('gosta'), name: 'Gösta Lund' }, relation: 'self' });
    const ht = r.body.persons[0]!.services.find((x) => x.orderId === GOSTA_ORDER)!;
    expect(ht).toMatchObject({
      insatsKey: 'hemtjanst', status: 'pagaende', scope: '32 timmar per månad',
      provider: { id: P1, name: 'Hemtjänsten Centrum', kind: 'kommunal', phone: '0999-12 35 00' },
    });
    // The latest SIGNED plan is version 1; version 2 is a draft and is never shown.
    expect(ht.plan).toMatchObject({ version: 1 });
    expect(ht.plan!.parts.map((p) => p.what)).toEqual(['Dusch', 'Frukost och medicin', 'Inköp']);
    expect(ht.plan!.participation).toMatch(/Han valde själv tiderna/);
    // The visits: every performed visit of the last 60 days, counted independently from the table.
    const expected = await q<{ checked_in_at: Date; checked_out_at: Date }>(
      `SELECT checked_in_at, checked_out_at FROM visits WHERE order_id = $1 AND status = 'utford' AND checked_out_at IS NOT NULL
       AND checked_in_at >= now() - interval '60 days' ORDER BY checked_in_at DESC`, [GOSTA_ORDER]);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    const visits = ht.visitWeeks.flatMap((w) => w.visits);
    expect(visits).toHaveLength(expected.length);
    expect(visits[0]).toMatchObject({ date: swedishDay(expected[0]!.checked_in_at), timeIn: clockSv(expected[0]!.checked_in_at), timeOut: clockSv(expected[0]!.checked_out_at) });
    expect(new Set(visits.map((v) => v.by))).toEqual(new Set(['Fatima', 'Erik']));
    expect(JSON.stringify(ht.visitWeeks)).not.toMatch(/Fatima Ali|Erik Nord/);
    // Weeks are ISO weeks (Monday–Sunday), newest first, and each visit lies inside its week.
    for (const w of ht.visitWeeks) for (const v of w.visits) expect(v.date >= w.from && v.date <= w.to).toBe(true);
    expect(ht.visitWeeks.map((w) => w.from)).toEqual([...ht.visitWeeks.map((w) => w.from)].sort().reverse());
    expect(ht.visitWeeks.reduce((n, w) => n + w.minutes, 0)).toBe(visits.reduce((n, v) => n + v.minutes, 0));
    const text = JSON.stringify(r.body);
    for (const x of NEVER) expect(text, x).not.toContain(x);
    // The list read is audited for the person shown.
    const audit = await q(`SELECT 1 FROM audit_log WHERE resource = 'citizen.services' AND action = 'list' AND subject_person_id = $1`, [person('gosta')]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('LOV applies to hemtjänst: the LOV provider is a choice, the current one is not', async () => {
    const gosta = await citizen('gosta');
    const ht = (await services(gosta)).body.persons[0]!.services.find((x) => x.orderId === GOSTA_ORDER)!;
    expect(ht.choice!.providers.map((p) => [p.id, p.lov, p.ickeval])).toEqual([[P2, true, false]]);
    expect(ht.choice!.earliest).toBe(addDays(today, 1));
    expect(ht.choice!.open).toBeNull();
  });

  it('Ingrid, with a fullmakt, sees her father’s insatser, plan and visits; the single read is audited as ombud', async () => {
    const ingrid = await citizen('ingrid');
    const all = await services(ingrid);
    expect(all.status).toBe(200);
    expect(all.body.persons.map((p) => [p.person.name, p.relation])).toEqual([['Ingrid Lund', 'self'], ['Gösta Lund', 'ombud']]);
    const one = await services(ingrid, 'gosta');
    expect(one.status).toBe(200);
    expect(one.body.persons).toHaveLength(1);
    const ht = one.body.persons[0]!.services.find((x) => x.orderId === GOSTA_ORDER)!;
    expect(ht.plan!.version).toBe(1);
    expect(ht.visitWeeks.flatMap((w) => w.visits).length).toBeGreaterThanOrEqual(10);
    for (const x of NEVER) expect(JSON.stringify(one.body), x).not.toContain(x);
    const audit = await q(`SELECT 1 FROM audit_log WHERE resource = 'citizen.services' AND action = 'read' AND purpose = 'ombud' AND subject_person_id = $1`, [person('gosta')]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('a stranger gets nothing of Gösta’s (403/404, no personal data) and the attempts are audited and flagged', async () => {
    const sofia = await citizen('sofia');
    const r = await services(sofia, 'gosta');
    expect(r.status).toBe(403);
    expect(r.type).toMatch(/problem\+json/);
    for (const x of ['Gösta', 'Hemtjänsten Centrum', 'Dusch', 'Fatima']) expect(JSON.stringify(r.body)).not.toContain(x);
    expect(JSON.stringify((await services(sofia)).body)).not.toContain('Gösta');
    const post = await ask(sofia, GOSTA_ORDER, { providerId: P2, wishedStartOn: addDays(today, 7) });
    expect(post.status).toBe(404);
    expect(JSON.stringify(post.body)).not.toContain('Hemtjänsten Centrum');
    expect(await q('SELECT 1 FROM provider_choice_requests WHERE order_id = $1', [GOSTA_ORDER])).toHaveLength(0);
    const denied = await q<{ resource: string }>(
      `SELECT resource FROM audit_log WHERE actor_name = 'Sofia Andersson' AND action = 'denied' AND flagged AND subject_person_id = $1`, [person('gosta')]);
    expect(denied.map((d) => d.resource).sort()).toEqual(['citizen.provider_choice', 'citizen.services']);
  });

  it('protected personal data: nothing that narrows down where the person lives (no address, no provider areas)', async () => {
    const [g] = await q<{ street: string; postal_code: string }>('SELECT street, postal_code FROM persons WHERE id = $1', [person('gosta')]);
    const ingrid = await citizen('ingrid');
    const before = await services(ingrid, 'gosta');
    expect(before.body.persons[0]!.services[0]!.provider.areas).toEqual(['Centrum', 'Norr', 'Söder']);
    await q(`UPDATE persons SET protection = 'skyddad_folkbokforing' WHERE id = $1`, [person('gosta')]);
    try {
      const r = await services(ingrid, 'gosta');
      expect(r.status).toBe(200);
      const text = JSON.stringify(r.body);
      expect(g!.street).toBeTruthy();
      expect(g!.postal_code).toBeTruthy();
      // The address anywhere in the answer (also inside a longer text); the area names only as values,
      // since 'Centrum' is also part of the provider's name.
      for (const x of [g!.street, g!.postal_code]) expect(text, x).not.toContain(x);
      for (const x of ['Centrum', 'Norr', 'Söder']) expect(text, x).not.toContain(`"${x}"`);
      // The checks below must have something to check: the same services as without protection, and
      // the hemtjänst order still offers a provider to choose.
      expect(r.body.persons[0]!.services.length).toBeGreaterThan(0);
      expect(r.body.persons[0]!.services).toHaveLength(before.body.persons[0]!.services.length);
      const ht = r.body.persons[0]!.services.find((x) => x.orderId === GOSTA_ORDER);
      expect(ht?.choice?.providers.length).toBeGreaterThan(0);
      for (const sv of r.body.persons[0]!.services) {
        expect(sv.provider.areas).toEqual([]);
        for (const p of sv.choice?.providers ?? []) expect(p.areas).toEqual([]);
      }
    } finally {
      await q(`UPDATE persons SET protection = 'ingen' WHERE id = $1`, [person('gosta')]);
    }
  });

  it('an expired fullmakt gives nothing: not the list, not the single read, not a request', async () => {
    const ingrid = await citizen('ingrid');
    await q(`UPDATE person_relations SET valid_to = $2 WHERE person_id = $1 AND kind = 'ombud'`, [person('gosta'), addDays(today, -1)]);
    try {
      const one = await services(ingrid, 'gosta');
      expect(one.status).toBe(403);
      expect(JSON.stringify(one.body)).not.toContain('Hemtjänsten Centrum');
      const all = await services(ingrid);
      expect(all.body.persons.map((p) => p.person.id)).toEqual([person('ingrid')]);
      expect(JSON.stringify(all.body)).not.toContain('Gösta');
      expect((await ask(ingrid, GOSTA_ORDER, { providerId: P2, wishedStartOn: addDays(today, 7) })).status).toBe(404);
    } finally {
      await q(`UPDATE person_relations SET valid_to = $2 WHERE person_id = $1 AND kind = 'ombud'`, [person('gosta'), addDays(today, 300)]);
    }
  });
});

describe('choose or change provider (LOV): the person asks, the handläggare carries it out or refuses', () => {
  let request: ProviderChoiceView;
  let newOrderId: string;

  it('refuses what cannot be chosen, with the field to fix, and saves nothing', async () => {
    const ingrid = await citizen('ingrid');
    const current = await ask(ingrid, GOSTA_ORDER, { providerId: P1, wishedStartOn: addDays(today, 7) });
    expect(current.status).toBe(400);
    expect(current.body.errors?.[0]?.path).toBe('body/providerId');
    const past = await ask(ingrid, GOSTA_ORDER, { providerId: P2, wishedStartOn: today });
    expect(past.status).toBe(400);
    expect(past.body.errors?.[0]?.path).toBe('body/wishedStartOn');
    const [d] = await q<{ valid_to: string }>('SELECT valid_to::text FROM decisions WHERE id = $1', [decisionOf('gosta', 'Ansökan om hemtjänst')]);
    const late = await ask(ingrid, GOSTA_ORDER, { providerId: P2, wishedStartOn: addDays(d!.valid_to, 1) });
    expect(late.status).toBe(400);
    expect(await q('SELECT 1 FROM provider_choice_requests')).toHaveLength(0);
  });

  it('Ingrid asks for Omsorgsbolaget from a wished date; a second open request is refused', async () => {
    const ingrid = await citizen('ingrid');
    const wished = addDays(today, 14);
    const r = await ask(ingrid, GOSTA_ORDER, { providerId: P2, wishedStartOn: wished, message: 'Pappa vill ha samma personal som grannen.' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      status: 'requested', fromProvider: 'Hemtjänsten Centrum', toProvider: 'Omsorgsbolaget Trygg Vardag AB', wishedStartOn: wished,
      requestedBy: { name: 'Ingrid Lund', relation: 'ombud' },
    });
    request = r.body;
    expect((await ask(ingrid, GOSTA_ORDER, { providerId: P2, wishedStartOn: addDays(today, 20) })).status).toBe(409);
    // The handläggare learns of it in their reminders, not only by opening the case.
    const reminder = await q<{ message: string }>(`SELECT message FROM reminders WHERE kind = 'provider_choice' AND source_key = $1`, [`provider-choice:${request.id}`]);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.message).toMatch(/^Önskemål om byte av utförare för .* till Omsorgsbolaget Trygg Vardag AB från /);
    const audit = await q(`SELECT 1 FROM audit_log WHERE resource = 'citizen.provider_choice' AND action = 'update' AND purpose = 'ombud' AND subject_person_id = $1`, [person('gosta')]);
    expect(audit).toHaveLength(1);
    // Gösta sees the open request on his insats, and no second form.
    const gosta = await citizen('gosta');
    const ht = (await services(gosta)).body.persons[0]!.services.find((x) => x.orderId === GOSTA_ORDER)!;
    expect(ht.choice!.open).toMatchObject({ id: request.id, status: 'requested' });
  });

  it('only case workers of the case’s unit handle it: a citizen, a provider and another unit are refused', async () => {
    const ingrid = await citizen('ingrid');
    expect((await ingrid.send('POST', `/api/staff/provider-choices/${request.id}/carry-out`, {})).status).toBe(403);
    const anna = await staff('annap');
    expect((await anna.send('POST', `/api/staff/provider-choices/${request.id}/carry-out`, {})).status).toBe(403);
    const sara = await staff('sara');
    expect((await sara.send('POST', `/api/staff/provider-choices/${request.id}/carry-out`, {})).status).toBe(403);
    expect((await sara.getJson(`/api/staff/cases/${GOSTA_CASE}/provider-choices`)).status).toBe(403);
    expect((await q<{ status: string }>('SELECT status FROM provider_choice_requests WHERE id = $1', [request.id]))[0]!.status).toBe('requested');
  });

  it('Karin sees the request on the case and carries it out: the old order ends the day before, a new one goes to the chosen provider', async () => {
    const karin = await staff('karin');
    const list = await karin.getJson<StaffProviderChoices>(`/api/staff/cases/${GOSTA_CASE}/provider-choices`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: request.id, status: 'requested', canCarryOut: true, blockedReason: null, providerId: P2 });
    const [before] = await q<{ scope_amount: string | null; info_to_provider: string }>('SELECT scope_amount, info_to_provider FROM orders WHERE id = $1', [GOSTA_ORDER]);

    const done = await karin.send<StaffProviderChoices>('POST', `/api/staff/provider-choices/${request.id}/carry-out`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.items[0]).toMatchObject({ status: 'carried_out', startOn: request.wishedStartOn, handledBy: 'Karin Holm', canCarryOut: false });
    // The current provider keeps serving until the day before, and is told so ('andrad').
    const [old] = await q<{ status: string; end_on: string }>('SELECT status, end_on::text FROM orders WHERE id = $1', [GOSTA_ORDER]);
    expect(old).toMatchObject({ status: 'pagaende', end_on: addDays(request.wishedStartOn, -1) });
    const [event] = await q<{ note: string }>(`SELECT note FROM order_events WHERE order_id = $1 AND kind = 'andrad' ORDER BY created_at DESC LIMIT 1`, [GOSTA_ORDER]);
    expect(event!.note).toMatch(/Byte av utförare på den enskildes begäran.*upphör/);
    const fresh = await q<{ id: string; provider_id: string; status: string; start_on: string; chosen_by: string; decision_id: string; scope_amount: string | null; info_to_provider: string }>(
      `SELECT id, provider_id, status, start_on::text, chosen_by, decision_id, scope_amount, info_to_provider FROM orders WHERE case_id = $1 AND id <> $2`, [GOSTA_CASE, GOSTA_ORDER]);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({
      provider_id: P2, status: 'skickad', start_on: request.wishedStartOn, chosen_by: 'enskild', decision_id: decisionOf('gosta', 'Ansökan om hemtjänst'),
      scope_amount: before!.scope_amount, info_to_provider: before!.info_to_provider,
    });
    newOrderId = fresh[0]!.id;
    const [row] = await q<{ new_order_id: string }>('SELECT new_order_id FROM provider_choice_requests WHERE id = $1', [request.id]);
    expect(row!.new_order_id).toBe(newOrderId);
    // Twice is refused.
    expect((await karin.send('POST', `/api/staff/provider-choices/${request.id}/carry-out`, {})).status).toBe(409);
    // When the last day has passed, the nightly sweep ends the old order.
    expect(await s.db.withTenant(1, (tx) => closeOrdersPastEnd(tx, addDays(request.wishedStartOn, -1)))).toBe(0);
    expect(await s.db.withTenant(1, (tx) => closeOrdersPastEnd(tx, request.wishedStartOn))).toBe(1);
    const [ended] = await q<{ status: string; end_on: string; end_reason: string }>('SELECT status, end_on::text, end_reason FROM orders WHERE id = $1', [GOSTA_ORDER]);
    expect(ended).toMatchObject({ status: 'avslutad', end_on: addDays(request.wishedStartOn, -1), end_reason: 'Beställningens sista dag har passerat.' });
    const audit = await q(`SELECT 1 FROM audit_log WHERE resource = 'case.provider_choice.carry_out' AND action = 'update' AND subject_person_id = $1`, [person('gosta')]);
    expect(audit).toHaveLength(1);
  });

  it('Ingrid sees it done: the new provider from the date, the old order ended', async () => {
    const ingrid = await citizen('ingrid');
    const g = (await services(ingrid, 'gosta')).body.persons[0]!;
    expect(g.requests[0]).toMatchObject({ id: request.id, status: 'carried_out', startOn: request.wishedStartOn, toProvider: 'Omsorgsbolaget Trygg Vardag AB' });
    const byOrder = new Map(g.services.map((x) => [x.orderId, x]));
    expect(byOrder.get(newOrderId)).toMatchObject({ status: 'skickad', startOn: request.wishedStartOn, provider: { name: 'Omsorgsbolaget Trygg Vardag AB', lov: true } });
    expect(byOrder.get(GOSTA_ORDER)).toMatchObject({ status: 'avslutad', endOn: addDays(request.wishedStartOn, -1) });
    // The ended order has no choice any more; the new one offers the municipality's own provider (ickevalsalternativ).
    expect(byOrder.get(GOSTA_ORDER)!.choice).toBeNull();
    expect(byOrder.get(newOrderId)!.choice!.providers.map((p) => [p.id, p.ickeval])).toEqual([[P1, true]]);
  });

  it('a refusal carries a reason the person reads; a withdrawn request cannot be carried out', async () => {
    const gosta = await citizen('gosta');
    const back = await ask(gosta, newOrderId, { providerId: P1, wishedStartOn: addDays(today, 30) });
    expect(back.status).toBe(201);
    expect(back.body.requestedBy).toEqual({ name: 'Gösta Lund', relation: 'self' });
    const karin = await staff('karin');
    expect((await karin.send<Problem>('POST', `/api/staff/provider-choices/${back.body.id}/refuse`, { reason: '' })).status).toBe(400);
    const refused = await karin.send<StaffProviderChoices>('POST', `/api/staff/provider-choices/${back.body.id}/refuse`, { reason: 'Vänta tills bytet har genomförts och prova Omsorgsbolaget först.' });
    expect(refused.status).toBe(200);
    const mine = (await services(gosta)).body.persons[0]!.requests.find((x) => x.id === back.body.id)!;
    expect(mine).toMatchObject({ status: 'refused', refusalReason: 'Vänta tills bytet har genomförts och prova Omsorgsbolaget först.' });

    const again = await ask(gosta, newOrderId, { providerId: P1, wishedStartOn: addDays(today, 40) });
    expect(again.status).toBe(201);
    const sofia = await citizen('sofia');
    expect((await sofia.send('POST', `/api/citizen/provider-choices/${again.body.id}/withdraw`, {})).status).toBe(404);
    const withdrawn = await gosta.send<ProviderChoiceView>('POST', `/api/citizen/provider-choices/${again.body.id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await gosta.send('POST', `/api/citizen/provider-choices/${again.body.id}/withdraw`, {})).status).toBe(409);
    expect((await karin.send('POST', `/api/staff/provider-choices/${again.body.id}/carry-out`, {})).status).toBe(409);
    const [o] = await q<{ status: string }>('SELECT status FROM orders WHERE id = $1', [newOrderId]);
    expect(o!.status).toBe('skickad');
  });
});

describe('kön till särskilt boende', () => {
  it('each waiting person sees their own place (by decision day) and nothing about the others but the count ahead', async () => {
    const decided = await q<{ key: string; decided_on: string }>(
      `SELECT p.first_name AS key, d.decided_on::text FROM decisions d JOIN cases c ON c.id = d.case_id JOIN persons p ON p.id = c.person_id
       WHERE d.insats_key = 'sarskilt_boende' AND d.status = 'fattat' AND d.outcome <> 'avslag' AND c.status <> 'avslutad' ORDER BY d.decided_on`);
    expect(decided.map((d) => d.key)).toEqual(['Rolf', 'Maj-Britt', 'Bengt']);
    const bengt = await citizen('bengt');
    const r = await services(bengt);
    expect(r.status).toBe(200);
    const item = r.body.persons[0]!.queue[0]!;
    const dec = decided[2]!.decided_on;
    expect(item).toMatchObject({
      decisionId: decisionOf('bengt', SABO), position: 3, ahead: 2, decidedOn: dec, ivoReportAfter: addMonths(dec, 3), overThreeMonths: false, offered: false,
      contact: { firstName: 'Karin', phone: '0999-12 34 00' },
    });
    const text = JSON.stringify(r.body);
    for (const other of ['Rolf', 'Nyberg', 'Maj-Britt', 'Lundgren', decided[0]!.decided_on, decided[1]!.decided_on]) expect(text).not.toContain(other);
    // A refused application for särskilt boende does not take a place in the queue.
    const [refused] = await q<{ id: string }>(`SELECT id FROM decisions WHERE insats_key = 'sarskilt_boende' AND outcome = 'avslag'`);
    expect(refused).toBeUndefined();
  });

  it('when the first in the queue moves in (start reported), everyone behind moves up one', async () => {
    // The municipality's provider runs a särskilt boende (the register, as the systemförvaltare keeps it).
    await q(`UPDATE providers SET insatser = insatser || '{sarskilt_boende}' WHERE id = $1`, [P1]);
    const karin = await staff('karin');
    const ordered = await karin.send<{ id: string }>('POST', `/api/staff/cases/${caseOf('rolf', SABO)}/orders`, {
      decisionId: decisionOf('rolf', SABO), providerId: P1, chosenBy: 'kommun', startOn: today, infoToProvider: 'Plats på Solbacken.',
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    // Ordered and accepted is not moved in: Rolf still waits, and so Bengt's place stays.
    const bengt = await citizen('bengt');
    const anna = await staff('annap');
    expect((await anna.send('POST', `/api/provider/orders/${ordered.body.id}/steps/acceptera`, { date: today })).status).toBe(200);
    expect((await services(bengt)).body.persons[0]!.queue[0]).toMatchObject({ position: 3, ahead: 2 });
    expect((await anna.send('POST', `/api/provider/orders/${ordered.body.id}/steps/paborja`, { date: today })).status).toBe(200);
    expect((await services(bengt)).body.persons[0]!.queue[0]).toMatchObject({ position: 2, ahead: 1 });
  });

  it('Bengt’s own place offered: the order for his decision shows as offered, and his place is kept until he moves in', async () => {
    const karin = await staff('karin');
    const ordered = await karin.send<{ id: string }>('POST', `/api/staff/cases/${caseOf('bengt', SABO)}/orders`, {
      decisionId: decisionOf('bengt', SABO), providerId: P1, chosenBy: 'kommun', startOn: addDays(today, 7), infoToProvider: '',
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    const bengt = await citizen('bengt');
    const g = (await services(bengt)).body.persons[0]!;
    expect(g.queue[0]).toMatchObject({ position: 2, offered: true });
    const sabo = g.services.find((x) => x.insatsKey === 'sarskilt_boende')!;
    expect(sabo).toMatchObject({ status: 'skickad', startOn: addDays(today, 7), provider: { id: P1 } });
    // No LOV provider delivers särskilt boende here: no choice of provider.
    expect(sabo.choice).toBeNull();
  });
});
