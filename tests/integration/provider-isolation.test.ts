// A provider's user reaches nothing outside its own orders, through any endpoint, even by
// guessing ids. The routes are taken from the OpenAPI document, so a new /api/provider route is
// covered without editing this test (and fails it until it has a sample body here).
// Helena (utforare_chef at p2, Omsorgsbolaget Trygg Vardag AB) probes every route with the ids of
// p1's (Hemtjänsten Centrum) orders, persons, plans, journal entries, avvikelser and messages.
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Browser, startServer, type TestServer } from './helpers.ts';
import { dateInSweden } from '../../src/domain/deadlines.ts';
import { formatIdNumber } from '../../src/domain/personnummer.ts';
import type { DeviationView, PlanView, ProviderJournalEntry } from '../../src/shared/provider-api.ts';

let s: TestServer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const today = dateInSweden();
const SECRET = {
  plan: 'Hemlig-plan-7Q2 Gösta väljer själv tiderna',
  journal: 'Hemlig-journal-9X4 samtal om oro',
  deviation: 'Hemlig-avvikelse-3K8 fall i badrummet',
  message: 'Hemligt-meddelande-5T1 portkoden',
};

async function as(key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}

interface P1Ids { orders: string[]; persons: string[]; cases: string[]; decisions: string[]; plan: string; entry: string; deviation: string }
let ids: P1Ids;
let helenaOrder: string;
let sensitive: string[];
let helena: Browser;

const counts = () => q<{ t: string; n: number }>(`
  SELECT 'plans' AS t, count(*)::int AS n FROM implementation_plans UNION ALL SELECT 'journal', count(*)::int FROM provider_journal_entries
  UNION ALL SELECT 'dev', count(*)::int FROM deviations UNION ALL SELECT 'msg', count(*)::int FROM order_messages
  UNION ALL SELECT 'visits', count(*)::int FROM visits UNION ALL SELECT 'events', count(*)::int FROM order_events
  UNION ALL SELECT 'orders:' || status || ':' || version, count(*)::int FROM orders GROUP BY status, version ORDER BY 1`);

beforeAll(async () => {
  s = await startServer();
  const p1 = (await q<{ id: string }>("SELECT id FROM providers WHERE municipality_id = 1 AND name = 'Hemtjänsten Centrum'"))[0]!.id;
  const p2 = (await q<{ id: string }>("SELECT id FROM providers WHERE municipality_id = 1 AND name = 'Omsorgsbolaget Trygg Vardag AB'"))[0]!.id;
  const orders = await q<{ id: string; person_id: string; case_id: string; decision_id: string; status: string; order_number: string; info_to_provider: string }>(
    'SELECT id, person_id, case_id, decision_id, status, order_number, info_to_provider FROM orders WHERE provider_id = $1', [p1]);
  // Persons of p1 who have nothing at p2 (a person with orders at both is legitimately visible to both).
  const persons = await q<{ id: string; first_name: string; last_name: string; id_number: string; id_kind: 'personnummer'; phone: string | null; street: string | null }>(
    `SELECT p.id, p.first_name, p.last_name, p.id_number, p.id_kind, p.phone, p.street FROM persons p WHERE EXISTS (SELECT 1 FROM orders o WHERE o.person_id = p.id AND o.provider_id = $1)
     AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.person_id = p.id AND o.provider_id = $2)`, [p1, p2]);
  expect(persons.length).toBeGreaterThan(3);
  const own = await q<{ id: string }>(`SELECT id FROM orders WHERE provider_id = $1 AND status IN ('accepterad','pagaende') ORDER BY order_number`, [p2]);
  helenaOrder = own[0]!.id;

  // p1's documentation on one of its running orders, written through the API by p1's own chef.
  const anna = await as('annap');
  const free = new Set((await q<{ id: string }>('SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM implementation_plans ip WHERE ip.order_id = o.id)')).map((r) => r.id));
  const target = orders.find((o) => o.status === 'pagaende' && free.has(o.id))!;
  const plan = await anna.send<PlanView>('POST', `/api/provider/orders/${target.id}/plans`);
  await anna.send('PUT', `/api/provider/orders/${target.id}/plans/${plan.body.id}`, {
    updatedAt: plan.body.updatedAt, goals: plan.body.goals, parts: [{ what: 'Dusch', how: 'Stöd', when: 'Tisdagar', who: 'Fatima' }],
    participation: SECRET.plan, followUpOn: null,
  });
  const entry = await anna.send<ProviderJournalEntry>('POST', `/api/provider/orders/${target.id}/journal`, { occurredOn: today, title: 'Samtal', body: SECRET.journal });
  const dev = await anna.send<DeviationView>('POST', `/api/provider/orders/${target.id}/deviations`,
    { occurredAt: new Date(Date.now() - 60_000).toISOString(), description: SECRET.deviation, immediateAction: '', lexSarah: true });
  await anna.send('POST', `/api/provider/orders/${target.id}/messages`, { body: SECRET.message });
  await anna.send('POST', `/api/provider/orders/${target.id}/visits`, { start: new Date(Date.now() - 2 * 3600_000).toISOString(), minutes: 45, note: 'Hemligt besök' });
  expect([plan.status, entry.status, dev.status]).toEqual([200, 200, 200]);

  ids = {
    orders: orders.map((o) => o.id), persons: persons.map((p) => p.id), cases: [...new Set(orders.map((o) => o.case_id))],
    decisions: [...new Set(orders.map((o) => o.decision_id))], plan: plan.body.id, entry: entry.body.id, deviation: dev.body.id,
  };
  sensitive = [
    ...Object.values(SECRET), 'Hemligt besök',
    ...persons.flatMap((p) => [`${p.first_name} ${p.last_name}`, p.id_number, formatIdNumber(p.id_number, p.id_kind), ...(p.phone ? [p.phone] : []), ...(p.street ? [p.street] : [])]),
    ...orders.flatMap((o) => [o.order_number, o.info_to_provider]),
  ];  // (the ids themselves are not on the list: a problem's `instance` echoes the path that was asked for)
  helena = await as('helena');
});
afterAll(() => s.close());

function leaks(body: unknown): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return sensitive.filter((x) => x && text.includes(x));
}

type Openapi = { paths: Record<string, Record<string, unknown>> };
const today3 = () => new Date(Date.now() - 3 * 3600_000).toISOString();

/** A valid body per route, so the request passes validation and reaches the handler. */
const BODIES: Record<string, () => unknown> = {
  'post /api/provider/orders/{id}/steps/{step}': () => ({ date: today, reason: 'Prövning' }),
  'post /api/provider/orders/{id}/citizen-messages': () => ({ citizenPersonId: demoUuid('1:person:gosta'), body: 'Prövning' }),
  'post /api/provider/orders/{id}/citizen-messages/read': () => undefined,
  'post /api/provider/orders/{id}/citizen-messages/journal': () => ({ messageId: randomUUID() }),
  'post /api/provider/orders/{id}/plans': () => undefined,
  'put /api/provider/orders/{id}/plans/{planId}': () => ({ updatedAt: new Date().toISOString(), goals: [], parts: [], participation: 'x', followUpOn: null }),
  'post /api/provider/orders/{id}/plans/{planId}/sign': () => undefined,
  'post /api/provider/orders/{id}/journal': () => ({ occurredOn: today, title: 'Prövning', body: 'Prövning' }),
  'post /api/provider/orders/{id}/journal/{entryId}/sign': () => undefined,
  'post /api/provider/orders/{id}/deviations': () => ({ occurredAt: today3(), description: 'Prövning', immediateAction: '', lexSarah: false }),
  'post /api/provider/orders/{id}/deviations/{deviationId}/status': () => ({ status: 'utreds' }),
  'post /api/provider/orders/{id}/messages': () => ({ body: 'Prövning' }),
  'post /api/provider/orders/{id}/visits': () => ({ start: today3(), minutes: 10 }),
  'post /api/provider/orders/{id}/visits/planned': () => ({ staffUserId: demoUuid('1:staff:fatima'), start: new Date(Date.now() + 86_400_000).toISOString(), minutes: 30 }),
};
const STEPS = ['acceptera', 'returnera', 'paborja', 'avbryt', 'ateruppta', 'avsluta'];

/** Every way to fill the template's ids with p1's ids — and with Helena's own order around p1's child ids. */
function fillings(template: string): string[] {
  const paramNames = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const valuesFor = (name: string, forOwn: boolean): string[] => {
    switch (name) {
      case 'id': return template.startsWith('/api/provider/clients') ? ids.persons : forOwn ? [helenaOrder] : ids.orders;
      case 'planId': return [ids.plan];
      case 'entryId': return [ids.entry];
      case 'deviationId': return [ids.deviation];
      case 'step': return STEPS;
      default: throw new Error(`unknown parameter {${name}} in ${template}: teach the isolation test about it`);
    }
  };
  const expand = (forOwn: boolean) => paramNames.reduce<string[]>((paths, name) =>
    paths.flatMap((p) => valuesFor(name, forOwn).map((v) => p.replace(`{${name}}`, v))), [template]);
  const out = expand(false);
  // Helena's own order with p1's plan/entry/deviation id: the child must belong to the order.
  if (paramNames.some((n) => ['planId', 'entryId', 'deviationId'].includes(n))) out.push(...expand(true));
  return out;
}

describe('provider isolation (helena at p2 against p1)', () => {
  it('no /api/provider route gives away anything of p1, whatever ids are guessed', async () => {
    const doc = (await helena.getJson<Openapi>('/api/openapi.json')).body;
    const routes = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/provider/'))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m, template: p })));
    expect(routes.length).toBeGreaterThanOrEqual(19);
    const before = await counts();
    let probes = 0;
    for (const { method, template } of routes) {
      if (!template.includes('{')) {
        // Lists: only Helena's own, nothing of p1.
        const r = await helena.getJson(template);
        expect(r.status, template).toBe(200);
        expect(leaks(r.body), template).toEqual([]);
        continue;
      }
      const key = `${method} ${template}`;
      if (method !== 'get') expect(Object.keys(BODIES), `add a sample body for ${key}`).toContain(key);
      for (const path of fillings(template)) {
        const r = method === 'get' ? await helena.getJson(path) : await helena.send(method.toUpperCase(), path, BODIES[key]!());
        probes++;
        expect([403, 404], `${key} → ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`).toContain(r.status);
        expect(r.type, path).toMatch(/application\/problem\+json/);
        expect(leaks(r.body), path).toEqual([]);
      }
      // The same route with a random id is also a 404/403 — a guessed id cannot be told from a real one of another provider.
      const random = template.replace(/\{step\}/, 'acceptera').replace(/\{\w+\}/g, () => randomUUID());
      const r = method === 'get' ? await helena.getJson(random) : await helena.send(method.toUpperCase(), random, BODIES[key]!());
      expect([403, 404], random).toContain(r.status);
    }
    expect(probes).toBeGreaterThan(100);
    // Nothing was written or changed by the probes.
    expect(await counts()).toEqual(before);
    // The probes of p1's orders are in the audit log, flagged.
    const flagged = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'Helena Wik' AND action = 'denied' AND flagged`);
    expect(flagged[0]!.n).toBeGreaterThan(50);
  });

  it('the same routes work for her own order (the 404s are not a broken route)', async () => {
    for (const p of ['', '/plans', '/journal', '/deviations', '/messages', '/time']) {
      const r = await helena.getJson(`/api/provider/orders/${helenaOrder}${p}`);
      expect(r.status, p).toBe(200);
      expect(leaks(r.body), p).toEqual([]);
    }
  });

  it('gives provider users no staff, admin or citizen endpoint (403), with p1’s ids or without', async () => {
    for (const user of [helena, await as('mikael')]) {
      const doc = (await user.getJson<Openapi>('/api/openapi.json')).body;
      const routes = Object.entries(doc.paths).filter(([p]) => /^\/api\/(staff|admin|citizen)\//.test(p))
        .flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m, template: p })));
      expect(routes.length).toBeGreaterThan(20);
      for (const { method, template } of routes) {
        const pools: Record<string, string[]> = {
          id: template.startsWith('/api/staff/persons') ? ids.persons.slice(0, 2) : template.startsWith('/api/staff/cases') ? ids.cases.slice(0, 2) : [randomUUID()],
          decisionId: ids.decisions.slice(0, 1), step: ['avsluta'],
        };
        const paths = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).reduce<string[]>((acc, name) =>
          acc.flatMap((p) => (pools[name] ?? [randomUUID()]).map((v) => p.replace(`{${name}}`, v))), [template]);
        for (const path of paths) {
          const query = path === '/api/staff/persons' ? '?q=Lund' : '';
          const r = method === 'get' ? await user.getJson(path + query) : await user.send(method.toUpperCase(), path, {});
          // Writes may be refused by validation first (400); nothing ever answers 200 or with p1's data.
          expect(method === 'get' ? [403] : [400, 403], `${method} ${path}: ${r.status}`).toContain(r.status);
          expect(leaks(r.body), path).toEqual([]);
        }
      }
    }
  });
});
