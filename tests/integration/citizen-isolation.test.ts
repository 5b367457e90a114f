// A citizen reaches nobody else's data through any /api/citizen route: not by guessing ids (other
// persons', their cases', their letters' files, random ones), not by changing `for=` to someone they
// do not act for, to a principal whose fullmakt has run out, or to a child who has turned 18
// (FB 6 kap. 2 §). The routes come from the OpenAPI document, so a new citizen route is probed
// without editing this test. Staff, admin and provider endpoints refuse citizens (403).
// Attacker: Ingrid Lund (ombud for her father Gösta Lund, within the fullmakt's dates).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Browser, startServer, type TestServer } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, dateInSweden } from '../../src/domain/deadlines.ts';
import { formatIdNumber } from '../../src/domain/personnummer.ts';
import type { NewCaseResult, SignResult } from '../../src/shared/cases-api.ts';
import type { CitizenCasesResponse } from '../../src/shared/citizen-api.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);
const SECRET_MOTIVATION = 'Hemlig-motivering-8W2 om Nils';

type Openapi = { paths: Record<string, Record<string, unknown>> };
interface Pools { persons: string[]; cases: string[]; files: string[] }
let pools: Pools;
let sensitive: string[];
let ingrid: Browser;

async function citizen(key: string): Promise<Browser> {
  const [p] = await q<{ id_number: string }>('SELECT id_number FROM persons WHERE id = $1', [person(key)]);
  const b = new Browser(s.baseUrl);
  await b.login(`bankid:${p!.id_number}`, 'medborgare');
  return b;
}

beforeAll(async () => {
  s = await startServer();
  // A real beslutsbrev for Nils (nobody Ingrid acts for), made through the staff API.
  await q('DELETE FROM delegations WHERE municipality_id = 1');
  await q(`INSERT INTO delegations (municipality_id, id, decision_type, level, outcomes) VALUES (1, gen_random_uuid(), 'hemtjanst', 'handlaggare', '{bifall,delvis_bifall,avslag}')`);
  const eva = new Browser(s.baseUrl);
  await eva.login('demo:eva');
  const c = await eva.send<NewCaseResult>('POST', '/api/staff/cases', {
    receivedOn: today, personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Ansöker om hemtjänst.', requestedInsatser: ['hemtjanst'], assignToMe: true,
  });
  await eva.send('POST', `/api/staff/cases/${c.body.id}/steps/inled_utredning`, {});
  await eva.send('POST', `/api/staff/cases/${c.body.id}/decisions`, { insatsKey: 'hemtjanst', outcome: 'bifall', validFrom: today, validTo: addDays(today, 365), motivation: SECRET_MOTIVATION, amountSek: null });
  const signed = await eva.send<SignResult>('POST', `/api/staff/cases/${c.body.id}/decisions/sign`, {});
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);

  const mine = [person('ingrid'), person('gosta')];
  const others = await q<{ id: string; first_name: string; last_name: string; id_number: string; id_kind: 'personnummer'; street: string | null; phone: string | null }>(
    'SELECT id, first_name, last_name, id_number, id_kind, street, phone FROM persons WHERE NOT (id = ANY($1::uuid[]))', [mine]);
  const otherCases = await q<{ id: string; case_number: string }>('SELECT id, case_number FROM cases WHERE NOT (person_id = ANY($1::uuid[]))', [mine]);
  const files = await q<{ id: string }>(
    'SELECT f.id FROM case_files f JOIN cases c ON c.municipality_id = f.municipality_id AND c.id = f.case_id WHERE NOT (c.person_id = ANY($1::uuid[]))', [mine]);
  expect(files.map((f) => f.id)).toContain(signed.body.fileId);
  // A sample is enough to probe every route with each kind of id, and keeps the test quick.
  pools = {
    persons: [person('nils'), person('leo'), person('ulla'), person('alva'), ...others.slice(0, 4).map((o) => o.id)],
    cases: [c.body.id, ...otherCases.slice(0, 5).map((o) => o.id)],
    files: files.map((f) => f.id).slice(0, 6),
  };
  sensitive = [
    SECRET_MOTIVATION,
    ...others.flatMap((p) => [`${p.first_name} ${p.last_name}`, p.id_number, formatIdNumber(p.id_number, p.id_kind), ...(p.street ? [p.street] : []), ...(p.phone ? [p.phone] : [])]),
    ...otherCases.map((o) => o.case_number),
  ];
  ingrid = await citizen('ingrid');
});
afterAll(() => s.close());

/** What a write could have created for these persons: drafts (as owner or subject), submissions, cases. */
async function writtenFor(persons: string[]) {
  const [r] = await q<{ drafts: number; submissions: number; cases: number }>(
    `SELECT (SELECT count(*)::int FROM e_service_drafts WHERE owner_person_id = ANY($1::uuid[]) OR subject_person_id = ANY($1::uuid[])) AS drafts,
            (SELECT count(*)::int FROM e_service_submissions sub LEFT JOIN cases c ON c.municipality_id = sub.municipality_id AND c.id = sub.case_id
              WHERE sub.submitted_by_person_id = ANY($1::uuid[]) OR c.person_id = ANY($1::uuid[])) AS submissions,
            (SELECT count(*)::int FROM cases WHERE person_id = ANY($1::uuid[])) AS cases`, [persons]);
  return r!;
}

function leaks(body: unknown): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return sensitive.filter((x) => x && text.includes(x));
}

async function citizenRoutes(b: Browser) {
  const doc = (await b.getJson<Openapi>('/api/openapi.json')).body;
  return Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/citizen/'))
    .flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m, template: p })));
}

/** Every id we may guess, for any parameter name: other persons, their cases, their files, random. */
function fillings(template: string): string[] {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const all = [...pools.persons, ...pools.cases, ...pools.files, randomUUID(), randomUUID()];
  return names.reduce<string[]>((paths, name) => paths.flatMap((p) => all.map((v) => p.replace(`{${name}}`, v))), [template]);
}

describe('citizen isolation (Ingrid against everyone she does not act for)', () => {
  it('no /api/citizen route gives away anyone else’s data, whatever ids are guessed', async () => {
    const routes = await citizenRoutes(ingrid);
    expect(routes.map((r) => `${r.method} ${r.template}`)).toEqual(expect.arrayContaining([
      'get /api/citizen/me', 'get /api/citizen/cases', 'get /api/citizen/letters/{fileId}',
    ]));
    let probes = 0;
    const writtenBefore = await writtenFor(pools.persons);
    for (const { method, template } of routes) {
      if (!template.includes('{')) {
        if (method === 'get') {
          // Without parameters: only what is hers or Gösta's.
          const r = await ingrid.getJson(template);
          expect(r.status, template).toBe(200);
          expect(leaks(r.body), template).toEqual([]);
          // Acting for someone else: refused, with nothing of theirs in the answer.
          for (const other of [...pools.persons, randomUUID()]) {
            const rr = await ingrid.getJson(`${template}?for=${other}`);
            probes++;
            if (rr.status === 200) expect(template, 'a route that ignores for= must not show that person').not.toBe('/api/citizen/cases');
            else {
              expect([403, 404], `${template}?for=${other}: ${rr.status}`).toContain(rr.status);
              expect(rr.type).toMatch(/application\/problem\+json/);
            }
            expect(leaks(rr.body), `${template}?for=${other}`).toEqual([]);
          }
        } else {
          // Writes (e-services) naming someone else as the subject: refused or invalid, never their data back,
          // and nothing written for them (no draft, no submission, no case).
          const probed = pools.persons.slice(0, 3);
          const before = await writtenFor(probed);
          for (const other of probed) {
            const r = await ingrid.send(method.toUpperCase(), template, { personId: other, subjectPersonId: other, for: other });
            probes++;
            expect(r.status, `${method} ${template}`).toBeLessThan(500);
            expect(leaks(r.body), `${method} ${template}`).toEqual([]);
          }
          expect(await writtenFor(probed), `${method} ${template} wrote for someone Ingrid does not act for`).toEqual(before);
        }
        continue;
      }
      for (const path of fillings(template)) {
        const r = method === 'get' ? await ingrid.getJson(path).catch(async () => ({ status: (await ingrid.fetch(path)).status, body: '', type: 'binary' }))
          : await ingrid.send(method.toUpperCase(), path, {});
        probes++;
        // 400: a guessed id may fail another parameter's validation first (e.g. an enum); it says nothing either way.
        expect([400, 403, 404], `${method} ${path}: ${r.status}`).toContain(r.status);
        expect(r.type, path).toMatch(/application\/problem\+json/);
        expect(leaks(r.body), path).toEqual([]);
      }
    }
    expect(probes).toBeGreaterThan(30);
    // Nor did any probe with a guessed id in the path write anything for the persons in the pool.
    expect(await writtenFor(pools.persons)).toEqual(writtenBefore);
    // The attempts are in the audit log, flagged.
    const flagged = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'Ingrid Lund' AND action = 'denied' AND flagged`);
    expect(flagged[0]!.n).toBeGreaterThan(pools.persons.length + pools.files.length - 1);
  });

  it('an expired fullmakt gives nothing: not the cases, not the letters', async () => {
    const before = await ingrid.getJson<CitizenCasesResponse>(`/api/citizen/cases?for=${person('gosta')}`);
    expect(before.status).toBe(200);
    const gostaCases = before.body.persons[0]!.cases.map((c) => c.caseNumber);
    expect(gostaCases.length).toBeGreaterThan(0);
    await q(`UPDATE person_relations SET valid_to = $2 WHERE person_id = $1 AND kind = 'ombud'`, [person('gosta'), addDays(today, -1)]);
    try {
      const r = await ingrid.getJson(`/api/citizen/cases?for=${person('gosta')}`);
      expect(r.status).toBe(403);
      for (const n of gostaCases) expect(JSON.stringify(r.body)).not.toContain(n);
      const all = await ingrid.getJson<CitizenCasesResponse>('/api/citizen/cases');
      expect(all.body.persons.map((p) => p.person.id)).toEqual([person('ingrid')]);
      const me = await ingrid.getJson('/api/citizen/me');
      expect(JSON.stringify(me.body)).not.toContain('Gösta');
    } finally {
      await q(`UPDATE person_relations SET valid_to = $2 WHERE person_id = $1 AND kind = 'ombud'`, [person('gosta'), addDays(today, 300)]);
    }
  });

  it('a child who turned 18 is no longer in the guardian’s care (FB 6 kap. 2 §)', async () => {
    const sofia = await citizen('sofia');
    expect((await sofia.getJson(`/api/citizen/cases?for=${person('leo')}`)).status).toBe(200);
    const [leo] = await q<{ birth_date: string }>(`SELECT birth_date::text FROM persons WHERE id = $1`, [person('leo')]);
    await q(`UPDATE persons SET birth_date = $2 WHERE id = $1`, [person('leo'), addDays(today, -(365 * 18 + 5))]);
    try {
      const r = await sofia.getJson(`/api/citizen/cases?for=${person('leo')}`);
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain('Leo');
      const me = await sofia.getJson('/api/citizen/me');
      expect(JSON.stringify(me.body)).not.toContain(person('leo'));
    } finally {
      await q(`UPDATE persons SET birth_date = $2 WHERE id = $1`, [person('leo'), leo!.birth_date]);
    }
  });

  it('gives citizens no staff, admin or provider endpoint (403)', async () => {
    const doc = (await ingrid.getJson<Openapi>('/api/openapi.json')).body;
    const routes = Object.entries(doc.paths).filter(([p]) => /^\/api\/(staff|admin|provider)\//.test(p))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m, template: p })));
    expect(routes.length).toBeGreaterThan(20);
    for (const { method, template } of routes) {
      const path = template.replace(/\{step\}/, 'avsluta').replace(/\{\w+\}/g, () => pools.persons[0]!);
      const query = path === '/api/staff/persons' ? '?q=Lund' : '';
      const r = method === 'get' ? await ingrid.getJson(path + query) : await ingrid.send(method.toUpperCase(), path, {});
      expect(method === 'get' ? [403] : [400, 403], `${method} ${path}: ${r.status}`).toContain(r.status);
      expect(leaks(r.body), path).toEqual([]);
    }
  });
});
