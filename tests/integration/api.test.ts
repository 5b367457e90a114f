// The HTTP API end to end over real HTTP: OIDC login through the bundled test identity provider,
// the three views' endpoints, the access gate's decisions, sessions, and bad input everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { buildDemoData, demoLoginDirectory } from '../../src/server/dev/demo-data.ts';
import type { CitizenCases, MyCases, PersonOverview, PersonSearchResult, ProviderClient, ProviderOrders } from '../../src/shared/api.ts';

let s: TestServer;
const directory = demoLoginDirectory(buildDemoData(new Date().toISOString().slice(0, 10)));
const staff = (role: string, municipality = 'demo') => {
  const found = directory.staff.find((p) => p.role === role && p.municipalityCode === municipality);
  if (!found) throw new Error(`no demo ${role} in ${municipality}`);
  return found;
};
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);

async function loggedIn(subject: string, as: 'personal' | 'medborgare' = 'personal', kommun = 'demo'): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(subject, as, kommun);
  return b;
}
const userId = async (subject: string) => (await q<{ id: string; unit_id: string; provider_id: string }>(
  'SELECT id, unit_id, provider_id FROM staff_users WHERE oidc_subject = $1', [subject]))[0]!;

beforeAll(async () => { s = await startServer(); });
afterAll(() => s.close());

describe('service endpoints', () => {
  it('GET /api/health reports the database', async () => {
    const r = await new Browser(s.baseUrl).getJson<{ status: string; database: { reachable: boolean; migrations: number } }>('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.database.reachable).toBe(true);
    expect(r.body.database.migrations).toBeGreaterThanOrEqual(1);
  });

  it('GET /api/openapi.json documents every API route with its schemas', async () => {
    const r = await new Browser(s.baseUrl).getJson<{ openapi: string; paths: Record<string, Record<string, { responses: object }>> }>('/api/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/session', '/api/municipalities', '/api/staff/my-cases', '/api/staff/persons', '/api/staff/persons/{id}',
      '/api/staff/persons/{id}/access-override', '/api/provider/orders', '/api/provider/clients/{id}', '/api/citizen/cases', '/auth/logout']) {
      expect(r.body.paths, p).toHaveProperty([p]);
    }
    expect(r.body.paths['/api/staff/persons']!.get!.responses).toHaveProperty('200');
  });

  it('sends security headers: no inline scripts, no framing, no caching of personal data', async () => {
    const res = await new Browser(s.baseUrl).fetch('/api/session');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const r = await new Browser(s.baseUrl).getJson<{ status: number }>('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/application\/problem\+json/);
  });
});

describe('production mode', () => {
  it('has no bundled test identity provider', async () => {
    const { buildApp } = await import('../../src/server/app.ts');
    const prodConfig = { ...s.config, production: true, oidc: { ...s.config.oidc, bundledTestIdp: false, issuer: 'https://idp.kommun.example' } };
    const prod = await buildApp(prodConfig, s.db, { logger: false });
    for (const url of ['/idp/.well-known/openid-configuration', '/idp/auth', '/dev-idp/interaction/x']) {
      const r = await prod.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await prod.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await prod.close();
  });
});

describe('login and sessions', () => {
  it('refuses the protected endpoints without a session (401 problem+json)', async () => {
    const anon = new Browser(s.baseUrl);
    for (const p of ['/api/staff/my-cases', '/api/staff/persons?q=an', '/api/provider/orders', '/api/citizen/cases']) {
      const r = await anon.getJson<{ status: number }>(p);
      expect(r.status, p).toBe(401);
      expect(r.type).toMatch(/problem\+json/);
    }
    expect((await anon.getJson<{ authenticated: boolean }>('/api/session')).body.authenticated).toBe(false);
  });

  it('lands each role on its own view, with a Secure HttpOnly SameSite session cookie', async () => {
    const cases: Array<[string, 'personal' | 'medborgare', string]> = [
      [staff('handlaggare').subject, 'personal', '/handlaggare'],
      [staff('arbetsledare').subject, 'personal', '/handlaggare'],
      [staff('utforare_personal').subject, 'personal', '/utforare'],
      [staff('systemforvaltare').subject, 'personal', '/systemforvaltare'],
      [`bankid:${directory.citizens[0]!.personnummer}`, 'medborgare', '/medborgare'],
    ];
    for (const [account, as, landing] of cases) {
      const b = new Browser(s.baseUrl);
      expect(await b.login(account, as), account).toBe(landing);
    }
    const b = new Browser(s.baseUrl);
    const page = await b.follow('/auth/login?as=personal');
    const action = /action="([^"]*\/login)"/.exec(await page.res.text())![1]!;
    let res = await b.fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `account=${encodeURIComponent(staff('handlaggare').subject)}` });
    let cookie: string | undefined;
    for (let i = 0; i < 10 && res.status >= 300; i++) {
      cookie ??= res.headers.getSetCookie().find((c) => c.startsWith('lots_sid='));
      res = await b.fetch(new URL(res.headers.get('location')!, s.baseUrl).toString());
    }
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('records logins in the audit log', async () => {
    await loggedIn(staff('handlaggare').subject);
    const rows = await q<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'login' AND actor_id = $1`, [(await userId(staff('handlaggare').subject)).id]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('a citizen who picks a municipality not their own gets a session with no cases', async () => {
    const b = await loggedIn(`bankid:${directory.citizens[0]!.personnummer}`, 'medborgare', 'exempelstad');
    const r = await b.getJson<CitizenCases>('/api/citizen/cases');
    expect(r.status).toBe(200);
    expect(r.body.persons).toEqual([]);
  });

  it('needs the CSRF token for changes', async () => {
    const b = await loggedIn(staff('handlaggare').subject);
    const [p] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 1 LIMIT 1');
    const r = await b.send('POST', `/api/staff/persons/${p!.id}/access-override`, { reason: 'Behöver kontrollera uppgifter i ärendet' }, { 'x-csrf-token': 'wrong' });
    expect(r.status).toBe(403);
    expect((r.body as { type: string }).type).toBe('/problems/csrf');
  });

  it('ends a session after the idle timeout', async () => {
    const b = await loggedIn(staff('handlaggare').subject);
    expect((await b.getJson('/api/staff/my-cases')).status).toBe(200);
    await q(`UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE display_name = $1`, [staff('handlaggare').name]);
    expect((await b.getJson('/api/staff/my-cases')).status).toBe(401);
  });

  it('logs out here, or everywhere', async () => {
    const subject = staff('arbetsledare').subject;
    const [one, two, three] = [await loggedIn(subject), await loggedIn(subject), await loggedIn(subject)];
    const out = await one.send<{ redirectTo: string }>('POST', '/auth/logout', { everywhere: false });
    expect(out.status).toBe(200);
    expect(out.body.redirectTo).toContain('/idp/session/end');
    expect((await one.getJson('/api/staff/my-cases')).status).toBe(401);
    expect((await two.getJson('/api/staff/my-cases')).status).toBe(200);
    expect((await two.send('POST', '/auth/logout', { everywhere: true })).status).toBe(200);
    expect((await three.getJson('/api/staff/my-cases')).status).toBe(401);
  });
});

describe('myndighet', () => {
  it("'Mina ärenden' lists my open cases, nearest deadline first, each read logged", async () => {
    const h = staff('handlaggare');
    const me = await userId(h.subject);
    const b = await loggedIn(h.subject);
    const r = await b.getJson<MyCases>('/api/staff/my-cases');
    expect(r.status).toBe(200);
    const expected = await q<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE assigned_to = $1 AND status <> 'avslutad'`, [me.id]);
    expect(r.body.items).toHaveLength(expected[0]!.n);
    expect(r.body.items.length).toBeGreaterThan(0);
    const dues = r.body.items.map((i) => i.nextDeadline?.dueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());
    const logged = await q<{ subject_person_id: string }>(`SELECT subject_person_id FROM audit_log WHERE actor_id = $1 AND resource = 'case.list.mine'`, [me.id]);
    expect(new Set(logged.map((l) => l.subject_person_id))).toEqual(new Set(r.body.items.map((i) => i.person.id)));
  });

  it("the unit's inbox view lists every open case of my unit", async () => {
    const h = staff('arbetsledare');
    const me = await userId(h.subject);
    const b = await loggedIn(h.subject);
    const r = await b.getJson<MyCases>('/api/staff/my-cases?scope=unit');
    const expected = await q<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE unit_id = $1 AND status <> 'avslutad'`, [me.unit_id]);
    expect(r.body.items).toHaveLength(expected[0]!.n);
  });

  it('finds persons by name and by personnummer in any spelling', async () => {
    const h = staff('handlaggare');
    const me = await userId(h.subject);
    const [p] = await q<{ id: string; first_name: string; last_name: string; id_number: string }>(
      `SELECT p.id, p.first_name, p.last_name, p.id_number FROM persons p JOIN cases c ON c.person_id = p.id AND c.municipality_id = p.municipality_id
       WHERE c.unit_id = $1 AND p.protection = 'ingen' LIMIT 1`, [me.unit_id]);
    const b = await loggedIn(h.subject);
    for (const query of [p!.last_name, `${p!.first_name} ${p!.last_name}`, p!.id_number, `${p!.id_number.slice(2, 8)}-${p!.id_number.slice(8)}`]) {
      const r = await b.getJson<PersonSearchResult>(`/api/staff/persons?q=${encodeURIComponent(query)}`);
      expect(r.status, query).toBe(200);
      const hit = r.body.items.find((i) => i.id === p!.id);
      expect(hit, query).toBeDefined();
      expect(hit!.mayOpen).toBe(true);
    }
  });

  it('hides persons with protected identity from the search of those without a relation', async () => {
    const [prot] = await q<{ id: string; last_name: string; unit_id: string }>(
      `SELECT p.id, p.last_name, c.unit_id FROM persons p JOIN cases c ON c.person_id = p.id AND c.municipality_id = p.municipality_id
       WHERE p.municipality_id = 1 AND p.protection <> 'ingen' LIMIT 1`);
    expect(prot, 'the demo has a protected person with a case').toBeDefined();
    const outsider = directory.staff.find((st) => st.role === 'handlaggare' && st.municipalityCode === 'demo' && st.unitOrProvider);
    const outsiders = await q<{ oidc_subject: string }>(`SELECT oidc_subject FROM staff_users WHERE municipality_id = 1 AND role = 'handlaggare' AND unit_id <> $1
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = $2 AND c.unit_id = staff_users.unit_id)`, [prot!.unit_id, prot!.id]);
    expect(outsider).toBeDefined();
    const b = await loggedIn(outsiders[0]!.oidc_subject);
    const r = await b.getJson<PersonSearchResult>(`/api/staff/persons?q=${encodeURIComponent(prot!.last_name)}`);
    expect(r.body.items.map((i) => i.id)).not.toContain(prot!.id);
  });

  it("shows a person's overview to their unit's case worker, never the address of a protected person", async () => {
    const [prot] = await q<{ id: string; unit_id: string }>(
      `SELECT p.id, c.unit_id FROM persons p JOIN cases c ON c.person_id = p.id AND c.municipality_id = p.municipality_id
       WHERE p.municipality_id = 1 AND p.protection <> 'ingen' LIMIT 1`);
    const [worker] = await q<{ oidc_subject: string }>(`SELECT oidc_subject FROM staff_users WHERE unit_id = $1 AND role IN ('handlaggare','arbetsledare') LIMIT 1`, [prot!.unit_id]);
    const b = await loggedIn(worker!.oidc_subject);
    const r = await b.getJson<PersonOverview>(`/api/staff/persons/${prot!.id}`);
    expect(r.status).toBe(200);
    expect(r.body.person.protection).not.toBe('ingen');
    expect(r.body.person.address).toBeNull();
    expect(JSON.stringify(r.body)).not.toMatch(/postalCode/);
    expect(r.body.access).toBe('relation');
    expect(r.body.cases.length).toBeGreaterThan(0);
    expect(r.body.cases.every((c) => c.unitName)).toBe(true);
  });

  it('refuses a person without relation (403, logged), and allows a need-to-know override with a reason', async () => {
    const h = staff('handlaggare');
    const me = await userId(h.subject);
    const [stranger] = await q<{ id: string }>(`SELECT p.id FROM persons p WHERE p.municipality_id = 1
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.unit_id = $1) LIMIT 1`, [me.unit_id]);
    const b = await loggedIn(h.subject);
    const denied = await b.getJson<{ type: string }>(`/api/staff/persons/${stranger!.id}`);
    expect(denied.status).toBe(403);
    expect(denied.body.type).toBe('/problems/no-relation');
    expect(await q(`SELECT 1 FROM audit_log WHERE action = 'denied' AND subject_person_id = $1 AND flagged`, [stranger!.id])).toHaveLength(1);

    const short = await b.send('POST', `/api/staff/persons/${stranger!.id}/access-override`, { reason: 'kort' });
    expect(short.status).toBe(400);
    const granted = await b.send('POST', `/api/staff/persons/${stranger!.id}/access-override`, { reason: 'Brukaren ringde akut och behöver hjälp nu' });
    expect(granted.status).toBe(204);
    const r = await b.getJson<PersonOverview>(`/api/staff/persons/${stranger!.id}`);
    expect(r.status).toBe(200);
    expect(r.body.access).toBe('override');
    const logged = await q<{ action: string; reason: string | null; flagged: boolean }>(
      `SELECT action, reason, flagged FROM audit_log WHERE subject_person_id = $1 AND actor_id = $2 ORDER BY seq`, [stranger!.id, me.id]);
    expect(logged.map((l) => l.action)).toEqual(['denied', 'override', 'read']);
    expect(logged.every((l) => l.flagged)).toBe(true);
    expect(logged[1]!.reason).toBe('Brukaren ringde akut och behöver hjälp nu');
  });

  it("answers 404 for another municipality's person, as if it did not exist", async () => {
    const b = await loggedIn(staff('handlaggare').subject);
    const [other] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 2 LIMIT 1');
    expect((await b.getJson(`/api/staff/persons/${other!.id}`)).status).toBe(404);
    expect((await b.send('POST', `/api/staff/persons/${other!.id}/access-override`, { reason: 'Försöker nå annan kommun' })).status).toBe(404);
    const search = await b.getJson<PersonSearchResult>(`/api/staff/persons?q=a`);
    expect(search.status).toBe(400); // too short
  });

  it('gives the systemförvaltare no personal data', async () => {
    const b = await loggedIn(staff('systemforvaltare').subject);
    expect((await b.getJson<{ type: string }>('/api/staff/my-cases')).body.type).toBe('/problems/wrong-role');
    expect((await b.getJson('/api/provider/orders')).status).toBe(403);
    expect((await b.getJson('/api/citizen/cases')).status).toBe(403);
  });
});

describe('utförare', () => {
  it("lists only my provider's active orders, and each client's summary", async () => {
    const u = staff('utforare_personal');
    const me = await userId(u.subject);
    const b = await loggedIn(u.subject);
    const r = await b.getJson<ProviderOrders>('/api/provider/orders');
    expect(r.status).toBe(200);
    const mine = await q<{ id: string }>(`SELECT id FROM orders WHERE provider_id = $1 AND status IN ('skickad','accepterad','pagaende','avbruten')`, [me.provider_id]);
    expect(new Set(r.body.items.map((o) => o.id))).toEqual(new Set(mine.map((m) => m.id)));
    expect(r.body.items.length).toBeGreaterThan(0);
    const client = await b.getJson<ProviderClient>(`/api/provider/clients/${r.body.items[0]!.person.id}`);
    expect(client.status).toBe(200);
    expect(client.body.orders.length).toBeGreaterThan(0);
    expect(client.body).not.toHaveProperty('cases');
  });

  it('cannot read any other person, nor the case workers’ endpoints, by guessing ids', async () => {
    const u = staff('utforare_personal');
    const me = await userId(u.subject);
    const b = await loggedIn(u.subject);
    const strangers = await q<{ id: string }>(`SELECT p.id FROM persons p WHERE p.municipality_id = 1 AND NOT EXISTS
      (SELECT 1 FROM orders o WHERE o.person_id = p.id AND o.provider_id = $1 AND o.status IN ('skickad','accepterad','pagaende','avbruten'))`, [me.provider_id]);
    expect(strangers.length).toBeGreaterThan(10);
    for (const p of strangers) expect((await b.getJson(`/api/provider/clients/${p.id}`)).status, p.id).toBe(403);
    const [other] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 2 LIMIT 1');
    expect((await b.getJson(`/api/provider/clients/${other!.id}`)).status).toBe(404);
    expect((await b.getJson(`/api/staff/persons/${strangers[0]!.id}`)).status).toBe(403);
    expect((await b.getJson('/api/staff/persons?q=an')).status).toBe(403);
  });
});

describe('medborgare', () => {
  it('sees their own cases and those of the people they represent, and nobody else’s', async () => {
    for (const c of directory.citizens.filter((x) => x.municipalityCode === 'demo')) {
      const b = await loggedIn(`bankid:${c.personnummer}`, 'medborgare');
      const r = await b.getJson<CitizenCases>('/api/citizen/cases');
      expect(r.status).toBe(200);
      const [self] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 1 AND id_number = $1', [c.personnummer]);
      const allowed = await q<{ id: string }>(
        `SELECT $1::uuid AS id UNION SELECT r.person_id FROM person_relations r JOIN persons p ON p.id = r.person_id AND p.municipality_id = r.municipality_id
         WHERE r.related_person_id = $1 AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to >= current_date)
           AND (r.kind = 'ombud' OR (r.kind = 'vardnadshavare' AND p.birth_date > current_date - interval '18 years'))`, [self!.id]);
      expect(new Set(r.body.persons.map((p) => p.person.id)), c.name).toEqual(new Set(allowed.map((a) => a.id)));
      const caseIds = r.body.persons.flatMap((p) => p.cases.map((x) => x.id));
      const dbCases = await q<{ id: string }>('SELECT id FROM cases WHERE person_id = ANY($1::uuid[])', [allowed.map((a) => a.id)]);
      expect(new Set(caseIds)).toEqual(new Set(dbCases.map((d) => d.id)));
    }
  });

  it('someone with a fullmakt sees the principal’s decisions', async () => {
    const [ombud] = await q<{ id_number: string; principal: string }>(
      `SELECT o.id_number, r.person_id AS principal FROM person_relations r JOIN persons o ON o.id = r.related_person_id AND o.municipality_id = r.municipality_id
       WHERE r.kind = 'ombud' AND r.municipality_id = 1 LIMIT 1`);
    const b = await loggedIn(`bankid:${ombud!.id_number}`, 'medborgare');
    const r = await b.getJson<CitizenCases>('/api/citizen/cases');
    const principal = r.body.persons.find((p) => p.person.id === ombud!.principal);
    expect(principal?.relation).toBe('ombud');
    expect(principal!.cases.flatMap((c) => c.decisions).length).toBeGreaterThan(0);
  });

  it('cannot reach staff or provider endpoints', async () => {
    const b = await loggedIn(`bankid:${directory.citizens[0]!.personnummer}`, 'medborgare');
    const [p] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 1 LIMIT 1');
    for (const path of ['/api/staff/my-cases', `/api/staff/persons/${p!.id}`, '/api/provider/orders', `/api/provider/clients/${p!.id}`]) {
      expect((await b.getJson(path)).status, path).toBe(403);
    }
  });
});

describe('bad input never gives a 500', () => {
  const huge = 'x'.repeat(200_000);
  const bodies: Array<[string, string]> = [
    ['malformed JSON', '{"reason": '],
    ['wrong type', JSON.stringify({ reason: 42 })],
    ['array', '[]'],
    ['huge string', JSON.stringify({ reason: huge })],
    ['extra nesting', JSON.stringify({ reason: { $ne: null } })],
    ['everywhere as string', JSON.stringify({ everywhere: 'yes' })],
  ];

  it('every endpoint answers bad input with a 4xx problem+json that names what to fix', async () => {
    const b = await loggedIn(staff('handlaggare').subject);
    const doc = (await b.getJson<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')).body;
    const [otherTenant] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 2 LIMIT 1');
    const badIds = ['not-a-uuid', "1' OR '1'='1", huge.slice(0, 5000), '00000000-0000-0000-0000-000000000000', otherTenant!.id];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const urls = path.includes('{id}') ? badIds.map((id) => path.replace('{id}', encodeURIComponent(id))) : [path];
        for (const url of urls) {
          const withQuery = [`${url}?q=${encodeURIComponent(huge.slice(0, 1000))}&limit=abc&scope=everything&as=admin&kommun=../../etc`, url];
          for (const u of withQuery) {
            if (method === 'get') {
              // files (the IVO report is CSV) are read as text; problems are always JSON
              const raw = await b.fetch(u);
              const text = await raw.text();
              const r = { status: raw.status, type: raw.headers.get('content-type'), body: (raw.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text };
              expect(r.status, `GET ${u.slice(0, 80)}`).toBeLessThan(500);
              if (r.status >= 400 && u.startsWith('/api/')) expect(r.type, `GET ${u.slice(0, 80)}`).toMatch(/problem\+json/);
              checked++;
            } else {
              for (const [label, body] of bodies) {
                const r = await b.send<{ status: number; title: string; detail?: string }>(method.toUpperCase(), u, body);
                expect(r.status, `${method} ${u.slice(0, 60)} ${label}`).toBeGreaterThanOrEqual(200);
                expect(r.status, `${method} ${u.slice(0, 60)} ${label}`).toBeLessThan(500);
                if (r.status >= 400) {
                  expect(r.type).toMatch(/problem\+json/);
                  expect(r.body.title).toBeTruthy();
                }
                checked++;
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('validation problems list the fields to fix', async () => {
    const b = await loggedIn(staff('handlaggare').subject);
    const [p] = await q<{ id: string }>('SELECT id FROM persons WHERE municipality_id = 1 LIMIT 1');
    const r = await b.send<{ status: number; errors: Array<{ path: string; message: string }> }>('POST', `/api/staff/persons/${p!.id}/access-override`, { reason: 7 });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]!.path).toContain('reason');
    const huge = await b.send<{ status: number }>('POST', `/api/staff/persons/${p!.id}/access-override`, JSON.stringify({ reason: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
  });
});
