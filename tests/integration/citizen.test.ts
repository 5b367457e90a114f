// "Mina ärenden" for the logged-in citizen: whom I act for (self, children in custody under 18,
// fullmaktsgivare within the fullmakt's dates), cases with status in plain words, decisions with
// motivation and how to appeal (33 §, 42–44 §§ FL), and the beslutsbrev as PDF.
// What a guardian may not see: a child of 15 or more (SoL 21 kap. 1 §, OSL 12 kap. 3 §), violence
// in close relationships (OSL 12 kap. 3 §), and never the reporter of an orosanmälan (OSL 26 kap. 5 §).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer, citizenLogin, staffLogin } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, dateInSweden } from '../../src/domain/deadlines.ts';
import type { CitizenCasesResponse, CitizenMe } from '../../src/shared/citizen-api.ts';
import type { NewCaseResult, SignResult } from '../../src/shared/cases-api.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);
const MOTIVATION = 'Du klarar din personliga hygien själv enligt utredningen. Motivering-7Z3.';

const staff = (key: string) => staffLogin(s, key);
const citizen = (key: string) => citizenLogin(s, key);

let letter: { caseId: string; fileId: string };

beforeAll(async () => {
  s = await startServer();
  await q('DELETE FROM delegations WHERE municipality_id = 1');
  await q(`INSERT INTO delegations (municipality_id, id, decision_type, level, outcomes) VALUES (1, gen_random_uuid(), 'hemtjanst', 'handlaggare', '{bifall,delvis_bifall,avslag}')`);
  // Eva decides an avslag for Gösta through the staff API: a real signed decision and beslutsbrev.
  const eva = await staff('eva');
  const c = await eva.send<NewCaseResult>('POST', '/api/staff/cases', {
    receivedOn: today, personId: person('gosta'), area: 'aldreomsorg', origin: 'ansokan', description: 'Ansöker om mer hemtjänst.', requestedInsatser: ['hemtjanst'], assignToMe: true,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  expect((await eva.send('POST', `/api/staff/cases/${c.body.id}/steps/inled_utredning`, {})).status).toBe(200);
  const draft = await eva.send('POST', `/api/staff/cases/${c.body.id}/decisions`, {
    insatsKey: 'hemtjanst', outcome: 'avslag', validFrom: null, validTo: null, motivation: MOTIVATION, amountSek: null,
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  // An avslag is communicated first (25 § FL); the party answers at once.
  expect((await eva.send('POST', `/api/staff/cases/${c.body.id}/steps/kommunicera`, { sentOn: today, replyBy: addDays(today, 14) })).status).toBe(200);
  expect((await eva.send('POST', `/api/staff/cases/${c.body.id}/kommunicering/reply`, { receivedOn: today })).status).toBe(200);
  const signed = await eva.send<SignResult>('POST', `/api/staff/cases/${c.body.id}/decisions/sign`, {});
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  letter = { caseId: c.body.id, fileId: signed.body.fileId };
});
afterAll(() => s.close());

describe('whom I act for', () => {
  it('Ingrid acts for herself and, through the fullmakt, for Gösta, with its scope and end date; no address or personnummer', async () => {
    const ingrid = await citizen('ingrid');
    const r = await ingrid.getJson<CitizenMe>('/api/citizen/me');
    expect(r.status).toBe(200);
    expect(r.body.actingFor.map((p) => [p.id, p.relation])).toEqual([[person('ingrid'), 'self'], [person('gosta'), 'ombud']]);
    const gosta = r.body.actingFor[1]!;
    expect(gosta).toMatchObject({ name: 'Gösta Lund', scope: 'Hemtjänst och kontakter med biståndshandläggare', validTo: addDays(today, 300), withheld: null });
    expect(gosta.may).toContain('se_arenden');
    const [g] = await q<{ id_number: string; street: string | null }>('SELECT id_number, street FROM persons WHERE id = $1', [person('gosta')]);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(g!.id_number);
    expect(g!.street).toBeTruthy();
    if (g!.street) expect(text).not.toContain(g!.street);
  });

  it('a guardian acts for a child under 18; a protected child (sekretessmarkering) shows no address', async () => {
    await q(`INSERT INTO person_relations (municipality_id, id, person_id, related_person_id, kind) VALUES (1, gen_random_uuid(), $1, $2, 'vardnadshavare')`, [person('alva'), person('sofia')]);
    const sofia = await citizen('sofia');
    const r = await sofia.getJson<CitizenMe>('/api/citizen/me');
    const leo = r.body.actingFor.find((p) => p.id === person('leo'));
    expect(leo).toMatchObject({ relation: 'vardnadshavare', withheld: null });
    expect(leo!.age).toBeLessThan(15);
    const alva = r.body.actingFor.find((p) => p.id === person('alva'));
    expect(alva?.relation).toBe('vardnadshavare');
    const [a] = await q<{ street: string | null; postal_code: string | null }>('SELECT street, postal_code FROM persons WHERE id = $1', [person('alva')]);
    const text = JSON.stringify(r.body);
    expect(a!.street).toBeTruthy();
    expect(a!.postal_code).toBeTruthy();
    for (const x of [a!.street, a!.postal_code]) if (x) expect(text).not.toContain(x);
    expect(text).not.toMatch(/street|postalCode|address|idNumber/);
    await q(`DELETE FROM person_relations WHERE person_id = $1 AND related_person_id = $2`, [person('alva'), person('sofia')]);
  });
});

describe('Mina ärenden', () => {
  it('Ingrid sees Gösta’s cases through the fullmakt: plain status, steps, decision, motivation, how to appeal, the letter', async () => {
    const ingrid = await citizen('ingrid');
    const r = await ingrid.getJson<CitizenCasesResponse>(`/api/citizen/cases?for=${person('gosta')}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.persons.map((p) => p.person.id)).toEqual([person('gosta')]);
    const cases = r.body.persons[0]!.cases;
    const dbCases = await q<{ id: string }>('SELECT id FROM cases WHERE person_id = $1', [person('gosta')]);
    expect(new Set(cases.map((c) => c.id))).toEqual(new Set(dbCases.map((c) => c.id)));
    const decided = cases.find((c) => c.id === letter.caseId)!;
    expect(decided.status).toBe('beslut');
    expect(decided.statusText.label).toBe('Beslut fattat');
    expect(decided.statusText.steps.map((x) => [x.label, x.state])).toEqual([
      ['Registrerat', 'klar'], ['Under utredning', 'klar'], ['Beslut fattat', 'pagar'], ['Insatsen pågår', 'kommer'], ['Avslutat', 'kommer'],
    ]);
    expect(decided.statusText.next).toMatch(/överklaga/);
    expect(decided.contact).toEqual({ firstName: 'Eva', phone: expect.anything() });
    const d = decided.decisions[0]!;
    expect(d).toMatchObject({ outcome: 'avslag', motivation: MOTIVATION, insats: 'Hemtjänst' });
    expect(d.appeal?.route).toBe('forvaltningsbesvar');
    expect(d.appeal?.title).toBe('Så överklagar du beslutet');
    expect(d.appeal?.paragraphs.join(' ')).toMatch(/inom tre veckor/);
    expect(d.appeal?.paragraphs.join(' ')).toContain(decided.caseNumber);
    expect(decided.letters).toEqual([expect.objectContaining({ fileId: letter.fileId, url: `/api/citizen/letters/${letter.fileId}` })]);
    // A bifall gets no appeal instruction (42 § FL): the demo's granted home care.
    const granted = cases.flatMap((c) => c.decisions).filter((x) => x.outcome === 'bifall');
    expect(granted.length).toBeGreaterThan(0);
    for (const g of granted) expect(g.appeal).toBeNull();
    // Through the gate, audited as the ombud.
    const audit = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE resource = 'citizen.cases' AND subject_person_id = $1 AND purpose = 'ombud' AND action = 'read'`, [person('gosta')]);
    expect(audit[0]!.n).toBe(1);
  });

  it('the beslutsbrev streams as a real PDF to the ombud, and to Gösta himself; audited', async () => {
    for (const key of ['ingrid', 'gosta']) {
      const b = await citizen(key);
      const res = await b.fetch(`/api/citizen/letters/${letter.fileId}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const audit = await q<{ purpose: string }>(`SELECT purpose FROM audit_log WHERE resource = 'citizen.letter' AND action = 'read' ORDER BY seq`, []);
    expect(audit.map((a) => a.purpose)).toEqual(['ombud', 'self']);
  });

  it('a guardian sees a young child’s orosanmälan case, but never who reported it', async () => {
    const [c] = await q<{ id: string; intake: Record<string, unknown> }>(`SELECT id, intake FROM cases WHERE person_id = $1 AND case_type = 'barn_anmalan'`, [person('leo')]);
    await q(`UPDATE cases SET title = 'Orosanmälan från Hemligsson på förskolan',
      intake = intake || '{"reporter":{"name":"Anmälare Hemligsson-4Q","role":"Förskollärare","phone":"070-1234567"}}'::jsonb WHERE id = $1`, [c!.id]);
    const sofia = await citizen('sofia');
    const r = await sofia.getJson<CitizenCasesResponse>(`/api/citizen/cases?for=${person('leo')}`);
    expect(r.status).toBe(200);
    const leoCase = r.body.persons[0]!.cases.find((x) => x.id === c!.id);
    expect(leoCase?.statusText.steps.map((x) => x.key)).toContain('forhandsbedomning');
    expect(leoCase?.title).toBe('Anmälan om oro för barn');
    const text = JSON.stringify(r.body);
    for (const secret of ['Hemligsson', '070-1234567', 'Förskollärare', 'reporter', 'intake']) expect(text).not.toContain(secret);
  });

  it('a guardian does not see the cases of a child of 15 or more (SoL 21:1, OSL 12:3), nor violence-in-close-relationships cases', async () => {
    const sofia = await citizen('sofia');
    await q(`UPDATE persons SET birth_date = $2 WHERE id = $1`, [person('leo'), addDays(today, -(365 * 16 + 5))]);
    let r = await sofia.getJson<CitizenCasesResponse>(`/api/citizen/cases?for=${person('leo')}`);
    expect(r.status).toBe(200);
    expect(r.body.persons[0]).toMatchObject({ cases: [], withheld: { reason: 'barnets_egna' } });
    const me = await sofia.getJson<CitizenMe>('/api/citizen/me');
    expect(me.body.actingFor.find((p) => p.id === person('leo'))).toMatchObject({ may: ['ansoka'], withheld: { reason: 'barnets_egna' } });
    await q(`UPDATE persons SET birth_date = $2 WHERE id = $1`, [person('leo'), addDays(today, -(365 * 10))]);
    const [vinr] = await q<{ id: string }>(`SELECT id FROM cases WHERE person_id = $1 LIMIT 1`, [person('leo')]);
    await q(`UPDATE cases SET area = 'vald_i_nara_relationer' WHERE id = $1`, [vinr!.id]);
    r = await sofia.getJson<CitizenCasesResponse>(`/api/citizen/cases?for=${person('leo')}`);
    expect(r.body.persons[0]!.cases.map((c) => c.id)).not.toContain(vinr!.id);
    expect(r.body.persons[0]!.withheld?.reason).toBe('skyddat_arende');
    await q(`UPDATE cases SET area = 'barn_och_unga' WHERE id = $1`, [vinr!.id]);
  });

  it('without for=, lists me and everyone I act for', async () => {
    const ingrid = await citizen('ingrid');
    const r = await ingrid.getJson<CitizenCasesResponse>('/api/citizen/cases');
    expect(r.body.persons.map((p) => [p.person.id, p.relation])).toEqual([[person('ingrid'), 'self'], [person('gosta'), 'ombud']]);
  });
});
