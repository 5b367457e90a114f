// Verkställighet, the myndighet side, over real HTTP against real PostgreSQL: providers per
// insats, the beställning from a signed granted decision (and its refusals), the order as the
// handläggare sees it (events, plan, performed time, the provider's journal, messages), the
// myndighet's steps, a decision's end flowing to its orders, and ej verkställda beslut with the
// IVO individrapport file (34 kap. 1–2 §§ SoL; domain.md 1.3.4).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, addMonths, dateInSweden } from '../../src/domain/deadlines.ts';
import { IVO_COLUMNS, reportingQuarter } from '../../src/domain/evb.ts';
import type { CaseOrders, EvbList, OrderMessages, ProviderOptions, StaffOrderView } from '../../src/shared/orders-api.ts';
import type { Problem } from '../../src/shared/api.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);
const staffId = (key: string) => demoUuid(`1:staff:${key}`);
const caseOf = (key: string, title: string) => demoUuid(`1:case:${key}:${title}`);
const decisionOf = (key: string, title: string) => demoUuid(`${caseOf(key, title)}:decision`);
const orderOf = (key: string, title: string) => demoUuid(`${caseOf(key, title)}:order`);
const P1 = demoUuid('1:provider:p1');
const P2 = demoUuid('1:provider:p2');

const INGA = caseOf('inga', 'Ansökan om hemtjänst');
const AKE = caseOf('ake', 'Ansökan om korttidsvistelse');

async function as(key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}

/** A decision on a case, as the legal chain (issue 3) leaves it; the chain itself is tested in cases.test.ts. */
async function decision(caseId: string, over: { insatsKey?: string; insats?: string; legalBasis?: string; outcome?: string; status?: string; decidedOn?: string; validFrom?: string | null; validTo?: string | null; scope?: string } = {}): Promise<string> {
  const id = randomUUID();
  const decidedOn = over.decidedOn ?? today;
  await q(`INSERT INTO decisions (municipality_id, id, case_id, insats, legal_basis, outcome, decided_on, valid_from, valid_to, scope, motivation, decided_by,
      status, insats_key, decision_type, signed_at, decided_capacity)
    VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, 'Motivering.', $10, $11, $12, $12, CASE WHEN $11 = 'fattat' THEN now() END, CASE WHEN $11 = 'fattat' THEN 'delegation' END)`,
  [id, caseId, over.insats ?? 'Hemtjänst', over.legalBasis ?? 'SoL2025:11:1', over.outcome ?? 'bifall', over.status === 'utkast' ? null : decidedOn,
    over.validFrom === undefined ? decidedOn : over.validFrom, over.validTo === undefined ? addMonths(decidedOn, 12) : over.validTo,
    over.scope ?? '20 timmar per månad', staffId('eva'), over.status ?? 'fattat', over.insatsKey ?? 'hemtjanst']);
  return id;
}

const order = (b: Browser, caseId: string, body: Record<string, unknown>) =>
  b.send<StaffOrderView & Omit<Problem, 'status' | 'title' | 'type'>>('POST', `/api/staff/cases/${caseId}/orders`, { chosenBy: 'kommun', startOn: today, infoToProvider: 'Portkod 1234.', ...body });

beforeAll(async () => { s = await startServer(); });
afterAll(() => s.close());

describe('providers per insats', () => {
  it('lists the active providers that deliver the insats, with kind and LOV', async () => {
    const eva = await as('eva');
    const ht = await eva.getJson<ProviderOptions>('/api/staff/providers?insats=hemtjanst');
    expect(ht.status).toBe(200);
    expect(ht.body.items.map((p) => [p.name, p.kind, p.lov])).toEqual([
      ['Hemtjänsten Centrum', 'kommunal', false], ['Omsorgsbolaget Trygg Vardag AB', 'privat', true],
    ]);
    expect((await eva.getJson<ProviderOptions>('/api/staff/providers?insats=dagverksamhet')).body.items.map((p) => p.id)).toEqual([P1]);
    expect((await eva.getJson<ProviderOptions>('/api/staff/providers?insats=korttidsvistelse')).body.items).toEqual([]);
    await q('UPDATE providers SET active = false WHERE id = $1', [P2]);
    expect((await eva.getJson<ProviderOptions>('/api/staff/providers?insats=hemtjanst')).body.items.map((p) => p.id)).toEqual([P1]);
    await q('UPDATE providers SET active = true WHERE id = $1', [P2]);
  });

  it('is for the myndighet: a provider user is refused', async () => {
    const anna = await as('annap');
    const r = await anna.getJson<Problem>('/api/staff/providers');
    expect(r.status).toBe(403);
  });
});

describe('the beställning in one step', () => {
  it('orders a signed granted decision: insats and scope from the decision, valfrihet recorded, numbered, sent, audited', async () => {
    const eva = await as('eva');
    const d = await decision(INGA, { scope: '24 timmar per månad' });
    await q(`UPDATE cases SET status = 'beslut' WHERE id = $1`, [INGA]);
    const year = today.slice(0, 4);
    const maxBefore = (await q<{ n: number }>(`SELECT coalesce(max(substring(order_number FROM 8)::int), 0) AS n FROM orders WHERE municipality_id = 1 AND order_number LIKE $1`, [`B-${year}-%`]))[0]!.n;
    const r = await order(eva, INGA, { decisionId: d, providerId: P2, chosenBy: 'enskild', scopeAmount: 24, infoToProvider: '  Inga har hund. Ring på dörren två gånger.  ' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      orderNumber: `B-${year}-${String(maxBefore + 1).padStart(4, '0')}`, decisionId: d, insatsKey: 'hemtjanst', insats: 'Hemtjänst', scope: '24 timmar per månad',
      scopeAmount: 24, scopeUnit: 'timmar per månad', chosenBy: 'enskild', status: 'skickad', startOn: today, endOn: addMonths(today, 12),
      infoToProvider: 'Inga har hund. Ring på dörren två gånger.', provider: { id: P2, lov: true, kind: 'privat' }, startedOn: null,
    });
    expect(r.body.events.map((e) => e.kind)).toEqual(['skickad']);
    expect(r.body.steps.map((x) => x.step)).toEqual(['avsluta']);
    const row = (await q<{ person_id: string; created_by: string }>('SELECT person_id, created_by FROM orders WHERE id = $1', [r.body.id]))[0]!;
    expect(row).toEqual({ person_id: person('inga'), created_by: staffId('eva') });
    // The beställning takes the case into verkställighet.
    expect((await q<{ status: string }>('SELECT status FROM cases WHERE id = $1', [INGA]))[0]!.status).toBe('verkstallighet');
    const audit = await q<{ action: string }>(`SELECT action FROM audit_log WHERE resource = 'case.order.create' AND actor_id = $1 AND subject_person_id = $2`, [staffId('eva'), person('inga')]);
    expect(audit.map((a) => a.action)).toEqual(['update']);

    // One active order per decision.
    const again = await order(eva, INGA, { decisionId: d, providerId: P1 });
    expect(again.status).toBe(409);
    expect(again.type).toMatch(/problem\+json/);
    expect(again.body.detail).toContain(r.body.orderNumber);
  });

  it('refuses with a reason what cannot be ordered, and saves nothing', async () => {
    const eva = await as('eva');
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n;
    const draft = await decision(INGA, { status: 'utkast' });
    const avslag = await decision(INGA, { outcome: 'avslag', validFrom: null, validTo: null });
    const ended = await decision(INGA, { decidedOn: addDays(today, -400), validTo: addDays(today, -1) });
    const korttid = await decision(AKE, { insatsKey: 'korttidsvistelse', insats: 'Korttidsvistelse', scope: '14 dygn' });
    const ht = await decision(INGA, { validFrom: addDays(today, 7) });

    const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
      [INGA, { decisionId: draft, providerId: P1 }, 409, /inte fattat/],
      [INGA, { decisionId: avslag, providerId: P1 }, 409, /avslag/],
      [INGA, { decisionId: ended, providerId: P1 }, 409, /gällde till/],
      [AKE, { decisionId: korttid, providerId: P1 }, 409, /Hemtjänsten Centrum utför inte insatsen korttidsvistelse/],
      [INGA, { decisionId: ht, providerId: P1, chosenBy: 'enskild' }, 409, /valfrihetssystemet \(LOV\)/],
      [INGA, { decisionId: ht, providerId: P1 }, 400, /före beslutets giltighet/],
      [INGA, { decisionId: ht, providerId: P1, startOn: addDays(today, 7), infoToProvider: 'Personnummer 19400101-1234 för säkerhets skull.' }, 400, /personnummer/],
      [INGA, { decisionId: ht, providerId: P1, startOn: addDays(today, 7), infoToProvider: 'x'.repeat(1501) }, 400, /body\/infoToProvider/],
      [INGA, { decisionId: randomUUID(), providerId: P1 }, 404, /Beslutet/],
      [INGA, { decisionId: ht, providerId: randomUUID(), startOn: addDays(today, 7) }, 404, /Utföraren/],
      // A decision of another case cannot be ordered through this one.
      [INGA, { decisionId: korttid, providerId: P1 }, 404, /Beslutet/],
    ];
    for (const [caseId, body, status, text] of cases) {
      const r = await order(eva, caseId, body);
      expect(r.status, JSON.stringify(body).slice(0, 120)).toBe(status);
      expect(r.type).toMatch(/problem\+json/);
      expect(JSON.stringify(r.body)).toMatch(text);
    }
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n).toBe(before);
  });

  it('is refused for a case of another unit and for a provider user', async () => {
    const d = await decision(INGA);
    const sara = await as('sara');
    expect((await order(sara, INGA, { decisionId: d, providerId: P1 })).status).toBe(403);
    expect((await sara.getJson(`/api/staff/cases/${INGA}/orders`)).status).toBe(403);
    const anna = await as('annap');
    expect((await order(anna, INGA, { decisionId: d, providerId: P1 })).status).toBe(403);
    expect((await anna.getJson(`/api/staff/cases/${INGA}/orders`)).status).toBe(403);
  });
});

describe('the order as the handläggare sees it', () => {
  // An order of its own (the demo's provider data is not what these tests are about).
  let myOrder = '';
  let myDecision = '';

  beforeAll(async () => {
    const eva = await as('eva');
    myDecision = await decision(INGA);
    const created = await order(eva, INGA, { decisionId: myDecision, providerId: P1 });
    expect(created.status).toBe(201);
    myOrder = created.body.id;
    // The provider's accept and start (its own module and tests): the decision is verkställt today.
    await q(`UPDATE orders SET status = 'pagaende', accepted_at = now(), planned_start_on = $2, started_on = $2 WHERE id = $1`, [myOrder, today]);
    const at = (hhmm: string) => `${today}T${hhmm}:00+01:00`;
    // Two performed visits (45 + 30 min), one planned and one cancelled that do not count.
    for (const [status, inAt, outAt] of [['utford', at('08:00'), at('08:45')], ['utford', at('12:00'), at('12:30')], ['planerad', null, null], ['installt', null, null]] as const) {
      await q(`INSERT INTO visits (municipality_id, id, order_id, staff_user_id, planned_start, planned_minutes, status, checked_in_at, checked_out_at)
        VALUES (1, gen_random_uuid(), $1, $2, $3, 45, $4, $5, $6)`, [myOrder, staffId('fatima'), at('08:00'), status, inAt, outAt]);
    }
    await q(`INSERT INTO implementation_plans (municipality_id, id, order_id, version, goals, parts, participation, status, created_by, signed_at, signed_by)
      VALUES (1, gen_random_uuid(), $1, 1, '[{"goal":"Duscha tryggt två gånger i veckan","fromDecision":true}]', '[{"what":"Dusch","how":"Med stöd","when":"Tis och fre","who":"Fast omsorgskontakt"}]',
        'Gösta har själv valt tiderna.', 'signerad', $2, now(), $2)`, [myOrder, staffId('annap')]);
    await q(`INSERT INTO implementation_plans (municipality_id, id, order_id, version, participation, status, created_by) VALUES (1, gen_random_uuid(), $1, 2, 'Utkast', 'utkast', $2)`, [myOrder, staffId('annap')]);
    await q(`INSERT INTO provider_journal_entries (municipality_id, id, order_id, author_id, occurred_on, title, body, signed_at, signed_by)
      VALUES (1, gen_random_uuid(), $1, $2, $3, 'Dusch', 'Duschade med stöd. Gösta var nöjd.', now(), $2),
             (1, gen_random_uuid(), $1, $2, $3, 'Osignerat', 'Ska inte synas för handläggaren.', NULL, NULL)`, [myOrder, staffId('fatima'), today]);
    await q(`INSERT INTO order_messages (municipality_id, id, order_id, side, author_id, body) VALUES (1, gen_random_uuid(), $1, 'utforare', $2, 'Gösta önskar byta duschdag.')`, [myOrder, staffId('annap')]);
  });

  it('shows status, events, the signed plan, performed time per month, the signed provider journal, messages and the allowed steps', async () => {
    const eva = await as('eva');
    const r = await eva.getJson<CaseOrders>(`/api/staff/cases/${INGA}/orders`);
    expect(r.status).toBe(200);
    const o = r.body.orders.find((x) => x.id === myOrder)!;
    expect(o).toMatchObject({ status: 'pagaende', provider: { id: P1, name: 'Hemtjänsten Centrum' }, unreadFromProvider: 1 });
    expect(o.startedOn).toBe(today);
    expect(o.steps.map((x) => x.step)).toEqual(['avbryt', 'avsluta']);
    expect(o.plan).toMatchObject({ version: 1, status: 'signerad', participation: 'Gösta har själv valt tiderna.', goals: [{ goal: 'Duscha tryggt två gånger i veckan', fromDecision: true }] });
    expect(o.performed).toEqual([{ month: today.slice(0, 7), visits: 2, minutes: 75 }]);
    expect(o.journal.map((j) => j.title)).toEqual(['Dusch']);
    expect(o.messages.map((m) => [m.side, m.body])).toEqual([['utforare', 'Gösta önskar byta duschdag.']]);
    const dec = r.body.decisions.find((d) => d.decisionId === myDecision)!;
    expect(dec).toMatchObject({ verkstalldOn: today, activeOrderId: myOrder, canOrder: false });
    const audit = await q(`SELECT 1 FROM audit_log WHERE resource = 'case.orders' AND actor_id = $1 AND subject_person_id = $2`, [staffId('eva'), person('inga')]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('messages: listing marks the provider\'s messages read; the handläggare writes as myndighet', async () => {
    const eva = await as('eva');
    const list = await eva.getJson<OrderMessages>(`/api/staff/orders/${myOrder}/messages`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]!.readAt).not.toBeNull();
    const sent = await eva.send<OrderMessages>('POST', `/api/staff/orders/${myOrder}/messages`, { body: 'Det går bra att byta till onsdag.' });
    expect(sent.status).toBe(201);
    expect(sent.body.items.map((m) => [m.side, m.author])).toEqual([['utforare', 'Anna Persson'], ['myndighet', 'Eva Lindqvist']]);
    expect((await eva.send<Problem>('POST', `/api/staff/orders/${myOrder}/messages`, { body: '' })).status).toBe(400);
    // Another unit cannot read the order's messages, nor guess its way in.
    const sara = await as('sara');
    expect((await sara.getJson(`/api/staff/orders/${myOrder}/messages`)).status).toBe(403);
    expect((await sara.getJson(`/api/staff/orders/${randomUUID()}/messages`)).status).toBe(404);
  });

  it('takes the myndighet steps through the order machine, refusing the provider\'s steps with a reason', async () => {
    const eva = await as('eva');
    const step = (name: string, body: Record<string, unknown>) => eva.send<StaffOrderView & Omit<Problem, 'status' | 'title' | 'type'>>('POST', `/api/staff/orders/${myOrder}/steps/${name}`, body);
    const accept = await step('acceptera', { date: today });
    expect(accept.status).toBe(409);
    expect(accept.body.detail).toBe('Det steget rapporterar utföraren.');
    const noReason = await step('avbryt', { date: today });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.[0]?.path).toBe('body/reason');
    expect((await step('avbryt', { date: addDays(today, 2), reason: 'Sjukhusvistelse' })).status).toBe(400);
    const avbruten = await step('avbryt', { date: today, reason: 'Sjukhusvistelse' });
    expect(avbruten.status).toBe(200);
    expect(avbruten.body).toMatchObject({ status: 'avbruten', interruptedOn: today, interruptionReason: 'Sjukhusvistelse' });
    expect(avbruten.body.steps.map((x) => x.step)).toEqual(['ateruppta', 'avsluta']);
    const resumed = await step('ateruppta', { date: today });
    expect(resumed.body).toMatchObject({ status: 'pagaende', interruptedOn: null });
    const ended = await step('avsluta', { date: today, reason: 'Flyttar till särskilt boende' });
    expect(ended.body).toMatchObject({ status: 'avslutad', endReason: 'Flyttar till särskilt boende', endOn: today, steps: [] });
    expect(ended.body.events.map((e) => e.kind).slice(-3)).toEqual(['avbruten', 'aterupptagen', 'avslutad']);
    expect((await step('avbryt', { date: today, reason: 'x' })).status).toBe(409);
    const audit = await q<{ resource: string }>(`SELECT resource FROM audit_log WHERE actor_id = $1 AND resource LIKE 'case.order.step.%' AND action = 'update'`, [staffId('eva')]);
    // Refused steps roll back with their change; the steps taken are in the audit log as updates.
    expect(new Set(audit.map((a) => a.resource))).toEqual(new Set(['case.order.step.avbryt', 'case.order.step.ateruppta', 'case.order.step.avsluta']));
  });

  it('the end of a decision flows to its active order', async () => {
    const eva = await as('eva');
    const d = await decision(INGA);
    const created = await order(eva, INGA, { decisionId: d, providerId: P1 });
    expect(created.status).toBe(201);
    const end = await eva.send('POST', `/api/staff/cases/${INGA}/decisions/${d}/end`, { endOn: today });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    const after = (await eva.getJson<CaseOrders>(`/api/staff/cases/${INGA}/orders`)).body.orders.find((o) => o.id === created.body.id)!;
    expect(after.status).toBe('avslutad');
    expect(after.events.at(-1)).toMatchObject({ kind: 'avslutad', onDate: today, note: 'Beslutet om insatsen har upphört.' });
  });
});

describe('ej verkställda beslut and the IVO report (34 kap. 1–2 §§ SoL)', () => {
  const ROLF = decisionOf('rolf', 'Ansökan om särskilt boende');       // granted > 3 months ago, never ordered
  const STIG = decisionOf('stig', 'Ansökan om dagverksamhet');         // ordered and accepted, never started
  const LENNART = decisionOf('lennart', 'Ansökan om matdistribution'); // started, interrupted > 3 months ago
  let recent: string; let otherParagraph: string; let started: string; let closedCase: string;

  beforeAll(async () => {
    // Not reportable: two months old; under another paragraph; verkställt; and a decision whose case is closed.
    recent = await decision(caseOf('margit', 'Ansökan om särskilt boende'), { insatsKey: 'sarskilt_boende', insats: 'Särskilt boende', decidedOn: addMonths(today, -2) });
    otherParagraph = await decision(caseOf('margit', 'Ansökan om särskilt boende'), { insatsKey: 'sarskilt_boende', legalBasis: 'SoL2025:11:3', insats: 'Parboende', decidedOn: addMonths(today, -5) });
    started = await decision(caseOf('vera', 'Ansökan om särskilt boende'), { insatsKey: 'hemtjanst', decidedOn: addMonths(today, -6) });
    await q(`INSERT INTO orders (municipality_id, id, order_number, decision_id, case_id, person_id, provider_id, insats, scope, start_on, status, info_to_provider, started_on, insats_key)
      VALUES (1, gen_random_uuid(), 'B-TEST-0001', $1, $2, $3, $4, 'Hemtjänst', '', $5, 'pagaende', '', $5, 'hemtjanst')`,
    [started, caseOf('vera', 'Ansökan om särskilt boende'), person('vera'), P1, addMonths(today, -5)]);
    closedCase = await decision(caseOf('stig', 'Ansökan om hemtjänst'), { decidedOn: addMonths(today, -8) });
  });

  it('lists per unit exactly the decisions older than three months without verkställighet, and the interruption', async () => {
    const johan = await as('johan');
    const r = await johan.getJson<EvbList>('/api/staff/evb');
    expect(r.status).toBe(200);
    expect(r.body.quarter).toBe(reportingQuarter(today));
    expect(r.body.items.map((i) => [i.decisionId, i.kind]).sort()).toEqual([[ROLF, 'ej_verkstallt'], [STIG, 'ej_verkstallt'], [LENNART, 'avbrott']].sort());
    for (const id of [recent, otherParagraph, started, closedCase]) expect(r.body.items.some((i) => i.decisionId === id)).toBe(false);
    const rolf = r.body.items.find((i) => i.decisionId === ROLF)!;
    const dec = (await q<{ decided_on: string }>('SELECT decided_on FROM decisions WHERE id = $1', [ROLF]))[0]!;
    expect(rolf).toMatchObject({ decidedOn: dec.decided_on, since: dec.decided_on, lastDay: addMonths(dec.decided_on, 3), law: 'SoL', reportedQuarters: [], reportedThisQuarter: false, personName: 'Rolf Nyberg' });
    const lennart = r.body.items.find((i) => i.decisionId === LENNART)!;
    expect(lennart.since).toBe(addDays(today, -110));
    // Other units see their own: barn och unga has the kontaktfamilj decision; LSS has none yet.
    const ahmed = await as('ahmed');
    expect((await ahmed.getJson<EvbList>('/api/staff/evb')).body.items.map((i) => i.caseNumber)).toHaveLength(1);
    const sara = await as('sara');
    expect((await sara.getJson<EvbList>('/api/staff/evb')).body.items).toEqual([]);
    expect((await (await as('annap')).getJson('/api/staff/evb')).status).toBe(403);
  });

  it('records this quarter\'s report once per decision and kind, with the reason, and refuses what is not reportable', async () => {
    const karin = await as('karin');
    const first = await karin.send<{ id: string; quarter: string; created: boolean }>('POST', '/api/staff/evb/reports', { decisionId: ROLF, kind: 'ej_verkstallt', reason: 'Ingen ledig plats på särskilt boende.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ quarter: reportingQuarter(today), created: true });
    const again = await karin.send<{ id: string; created: boolean }>('POST', '/api/staff/evb/reports', { decisionId: ROLF, kind: 'ej_verkstallt', reason: 'Igen.' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, quarter: first.body.quarter, created: false });
    expect((await q('SELECT 1 FROM evb_reports WHERE decision_id = $1', [ROLF])).length).toBe(1);
    expect((await karin.send<Problem>('POST', '/api/staff/evb/reports', { decisionId: ROLF, kind: 'avbrott', reason: 'x' })).status).toBe(409);
    expect((await karin.send<Problem>('POST', '/api/staff/evb/reports', { decisionId: recent, kind: 'ej_verkstallt', reason: 'x' })).status).toBe(409);
    expect((await karin.send<Problem>('POST', '/api/staff/evb/reports', { decisionId: STIG, kind: 'ej_verkstallt', reason: '' })).status).toBe(400);
    const sara = await as('sara');
    expect((await sara.send<Problem>('POST', '/api/staff/evb/reports', { decisionId: ROLF, kind: 'ej_verkstallt', reason: 'x' })).status).toBe(404);
    const list = (await karin.getJson<EvbList>('/api/staff/evb')).body.items.find((i) => i.decisionId === ROLF)!;
    expect(list).toMatchObject({ reportedThisQuarter: true, reportedQuarters: [reportingQuarter(today)], lastReason: 'Ingen ledig plats på särskilt boende.' });
  });

  it('produces the IVO file from the data: the fields of domain.md, exactly these decisions, no name, no address, no personnummer', async () => {
    const johan = await as('johan');
    const quarter = reportingQuarter(today);
    const res = await johan.fetch(`/api/staff/evb/ivo-report.csv?quarter=${quarter}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="IVO-individrapporter-${quarter}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = text.trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(header).toEqual([...IVO_COLUMNS]);
    expect(header).toEqual(['Kvartal', 'Kommun', 'Nämnd', 'Lag', 'Lagrum för beslutet', 'Insats', 'Typ av rapport', 'Beslutsdatum', 'Avbrottsdatum',
      'Dagar sedan beslut eller avbrott', 'Kön', 'Födelseår', 'Skyddad identitet', 'Skäl till dröjsmålet']);
    const col = (row: string[], name: (typeof IVO_COLUMNS)[number]) => row[IVO_COLUMNS.indexOf(name)];
    const expected = await q<{ id: string; insats: string; decided_on: string; birth_date: string; id_number: string; first_name: string; street: string | null }>(
      `SELECT d.id, d.insats, d.decided_on, p.birth_date, p.id_number, p.first_name, p.street FROM decisions d JOIN cases c ON c.id = d.case_id JOIN persons p ON p.id = c.person_id
       WHERE d.id = ANY($1::uuid[]) ORDER BY d.decided_on`, [[ROLF, STIG, LENNART]]);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => col(r, 'Beslutsdatum')).sort()).toEqual(expected.map((e) => e.decided_on).sort());
    for (const e of expected) {
      const row = rows.find((r) => col(r, 'Beslutsdatum') === e.decided_on && col(r, 'Insats') === e.insats)!;
      expect(row, e.insats).toBeDefined();
      expect(col(row, 'Kvartal')).toBe(quarter);
      expect(col(row, 'Kommun')).toBe('Demo kommun');
      expect(col(row, 'Nämnd')).toBe('Socialnämnden');
      expect(col(row, 'Lag')).toBe('SoL');
      expect(col(row, 'Lagrum för beslutet')).toBe('11 kap. 1 § SoL');
      expect(col(row, 'Födelseår')).toBe(e.birth_date.slice(0, 4));
      expect(col(row, 'Kön')).toBe(Number(e.id_number[10]) % 2 === 1 ? 'Man' : 'Kvinna');
      expect(col(row, 'Skyddad identitet')).toBe('Nej');
      expect(text).not.toContain(e.id_number);
      expect(text).not.toContain(e.first_name);
      expect(e.street, e.insats).toBeTruthy();
      if (e.street) expect(text).not.toContain(e.street);
      if (e.id === ROLF) expect(col(row, 'Skäl till dröjsmålet')).toBe('Ingen ledig plats på särskilt boende.');
      if (e.id === LENNART) {
        expect(col(row, 'Typ av rapport')).toBe('Avbrott i verkställigheten');
        expect(col(row, 'Avbrottsdatum')).toBe(addDays(today, -110));
        expect(col(row, 'Dagar sedan beslut eller avbrott')).toBe('110');
      } else {
        expect(col(row, 'Typ av rapport')).toBe('Ej verkställt beslut');
        expect(col(row, 'Avbrottsdatum')).toBe('');
      }
    }
    const audited = await q<{ subject_person_id: string }>(`SELECT subject_person_id FROM audit_log WHERE resource = 'evb.ivo_report' AND actor_id = $1`, [staffId('johan')]);
    expect(new Set(audited.map((a) => a.subject_person_id))).toEqual(new Set([person('rolf'), person('stig'), person('lennart')]));
    expect((await johan.fetch('/api/staff/evb/ivo-report.csv?quarter=2099Q1')).status).toBe(400);
    expect((await johan.fetch('/api/staff/evb/ivo-report.csv?quarter=nonsense')).status).toBe(400);
  });

  it('tracks a reported decision until it is verkställt (34 kap. 2 § SoL)', async () => {
    const eva = await as('eva');
    expect((await eva.send('POST', '/api/staff/evb/reports', { decisionId: STIG, kind: 'ej_verkstallt', reason: 'Ingen plats i gruppen.' })).status).toBe(201);
    await q(`UPDATE orders SET status = 'pagaende', started_on = $2 WHERE id = $1`, [orderOf('stig', 'Ansökan om dagverksamhet'), today]);
    const r = (await eva.getJson<EvbList>('/api/staff/evb')).body;
    expect(r.items.some((i) => i.decisionId === STIG)).toBe(false);
    expect(r.resolved.find((x) => x.decisionId === STIG)).toMatchObject({ outcome: 'verkstallt', on: today, reportedQuarters: [reportingQuarter(today)] });
  });
});
