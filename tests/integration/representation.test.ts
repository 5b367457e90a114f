// Representation in the citizen view, as the municipality registers it:
// - a fullmakt covers the case areas registered for it (FL 14 §; the principal decides its scope):
//   Ingrid's covers her father's äldreomsorg, not his ekonomiskt bistånd;
// - the handläggare registers and ends fullmakter; the ombud sees exactly that, from and until then;
// - a child's case withheld from the guardians after a secrecy review (OSL 12 kap. 3 §) is not
//   shown to them, nor its letters, and the refusal is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startServer, type TestServer, citizenLogin, staffLogin } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, dateInSweden } from '../../src/domain/deadlines.ts';
import type { CitizenCasesResponse, CitizenMe } from '../../src/shared/citizen-api.ts';
import type { NewCaseResult } from '../../src/shared/cases-api.ts';
import type { FullmaktList, GuardianInsight } from '../../src/shared/representation-api.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);

const staff = (key: string) => staffLogin(s, key);
const citizen = (key: string) => citizenLogin(s, key);
const caseIdsFor = async (b: Browser, personId: string) => {
  const r = await b.getJson<CitizenCasesResponse>(`/api/citizen/cases?for=${personId}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { ids: r.body.persons[0]!.cases.map((c) => c.id), withheld: r.body.persons[0]!.withheld };
};

let ebCaseId: string;

beforeAll(async () => {
  s = await startServer();
  // Peter (ekonomiskt bistånd) registers an application from Gösta: outside Ingrid's fullmakt.
  const peter = await staff('peter');
  const c = await peter.send<NewCaseResult>('POST', '/api/staff/cases', {
    receivedOn: today, personId: person('gosta'), area: 'ekonomiskt_bistand', origin: 'ansokan', period: today.slice(0, 7),
    description: 'Ansöker om försörjningsstöd.', assignToMe: true,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  ebCaseId = c.body.id;
});
afterAll(() => s.close());

describe('the fullmakt’s areas', () => {
  it('Ingrid (fullmakt for äldreomsorg) sees Gösta’s äldreomsorg cases but not his ekonomiskt bistånd; Gösta sees all', async () => {
    const ingrid = await citizen('ingrid');
    const { ids, withheld } = await caseIdsFor(ingrid, person('gosta'));
    const ao = await q<{ id: string }>(`SELECT id FROM cases WHERE person_id = $1 AND area = 'aldreomsorg'`, [person('gosta')]);
    expect(ao.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(ao.map((r) => r.id)));
    expect(ids).not.toContain(ebCaseId);
    expect(withheld?.reason).toBe('utanfor_fullmakt');

    const gosta = await citizen('gosta');
    expect((await caseIdsFor(gosta, person('gosta'))).ids).toContain(ebCaseId);
  });
});

describe('registering and ending a fullmakt', () => {
  it('Karin registers Sofia as ombud for Gösta for every area; Sofia sees all his cases; ended, she sees none', async () => {
    const karin = await staff('karin');
    const [sofiaP] = await q<{ id_number: string }>('SELECT id_number FROM persons WHERE id = $1', [person('sofia')]);
    const spelled = `${sofiaP!.id_number.slice(2, 8)}-${sofiaP!.id_number.slice(8)}`;
    const r = await karin.send<FullmaktList>('POST', `/api/staff/persons/${person('gosta')}/fullmakter`, {
      ombudIdNumber: spelled, scope: 'Alla kontakter med socialtjänsten', scopeAreas: [], validFrom: addDays(today, -30), validTo: null,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const added = r.body.fullmakter.find((f) => f.ombud.id === person('sofia'))!;
    expect(added).toMatchObject({ scope: 'Alla kontakter med socialtjänsten', scopeAreas: [], validFrom: addDays(today, -30), validTo: null, active: true });
    expect(r.body.fullmakter.find((f) => f.ombud.id === person('ingrid'))?.scopeAreas).toEqual(['aldreomsorg']);

    const sofiaB = await citizen('sofia');
    const me = await sofiaB.getJson<CitizenMe>('/api/citizen/me');
    expect(me.body.actingFor.find((p) => p.id === person('gosta'))?.relation).toBe('ombud');
    const all = await q<{ id: string }>('SELECT id FROM cases WHERE person_id = $1', [person('gosta')]);
    expect(new Set((await caseIdsFor(sofiaB, person('gosta'))).ids)).toEqual(new Set(all.map((c) => c.id)));

    const ended = await karin.send<FullmaktList>('POST', `/api/staff/persons/${person('gosta')}/fullmakter/${added.id}/end`, { endOn: addDays(today, -1) });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.fullmakter.find((f) => f.id === added.id)).toMatchObject({ active: false, validTo: addDays(today, -1) });
    const after = await sofiaB.getJson('/api/citizen/cases?for=' + person('gosta'));
    expect(after.status).toBe(403);
    expect(JSON.stringify(after.body)).not.toContain('Gösta');
  });

  it('refuses a wrong personnummer, an unknown person, a minor and a staff user without a relation, saying what to fix', async () => {
    const karin = await staff('karin');
    const url = `/api/staff/persons/${person('gosta')}/fullmakter`;
    const base = { scope: 'Hemtjänst', scopeAreas: ['aldreomsorg'], validFrom: today, validTo: null };
    const bad = await karin.send<{ errors: Array<{ path: string }> }>('POST', url, { ...base, ombudIdNumber: '19400101-1235' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.path).toBe('body/ombudIdNumber');
    const [leo] = await q<{ id_number: string }>('SELECT id_number FROM persons WHERE id = $1', [person('leo')]);
    const minor = await karin.send<{ detail: string }>('POST', url, { ...base, ombudIdNumber: leo!.id_number });
    expect(minor.status).toBe(400);
    expect(minor.body.detail).toMatch(/myndigt/);
    const backwards = await karin.send('POST', url, { ...base, ombudIdNumber: '191212121212', validTo: addDays(today, -10) });
    expect(backwards.status).toBe(400);
    const ahmed = await staff('ahmed');
    const [ingrid] = await q<{ id_number: string }>('SELECT id_number FROM persons WHERE id = $1', [person('ingrid')]);
    const foreign = await ahmed.send('POST', url, { ...base, ombudIdNumber: ingrid!.id_number });
    expect(foreign.status).toBe(403);
    const count = await q<{ n: number }>(`SELECT count(*)::int AS n FROM person_relations WHERE person_id = $1 AND kind = 'ombud'`, [person('gosta')]);
    expect(count[0]!.n).toBe(2); // Ingrid's and Elsa's (ended), nothing from the refused attempts
  });
});

describe('a child’s case withheld from the guardians', () => {
  it('Ahmed withholds Leo’s case (the guardian is the one reported); Sofia no longer sees it; then shows it again', async () => {
    const [leoCase] = await q<{ id: string }>(`SELECT id FROM cases WHERE person_id = $1 AND status <> 'avslutad' LIMIT 1`, [person('leo')]);
    const sofia = await citizen('sofia');
    expect((await caseIdsFor(sofia, person('leo'))).ids).toContain(leoCase!.id);

    const ahmed = await staff('ahmed');
    const url = `/api/staff/cases/${leoCase!.id}/guardian-insight`;
    const initial = await ahmed.getJson<GuardianInsight>(url);
    expect(initial.body).toMatchObject({ withheld: null, applies: true });
    const noReason = await ahmed.send('PUT', url, { withheld: 'vardnadshavare_anmald', note: ' ' });
    expect(noReason.status).toBe(400);
    const set = await ahmed.send<GuardianInsight>('PUT', url, { withheld: 'vardnadshavare_anmald', note: 'Oron gäller mammans omsorg.' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ withheld: 'vardnadshavare_anmald', setBy: 'Ahmed Hassan' });

    const after = await caseIdsFor(sofia, person('leo'));
    expect(after.ids).not.toContain(leoCase!.id);
    expect(after.withheld?.reason).toBe('skyddat_arende');
    expect(JSON.stringify(after)).not.toMatch(/mammans/);

    const cleared = await ahmed.send<GuardianInsight>('PUT', url, { withheld: null, note: null });
    expect(cleared.body.withheld).toBeNull();
    expect((await caseIdsFor(sofia, person('leo'))).ids).toContain(leoCase!.id);
  });

  it('a withheld case’s letter answers 404 to the guardian and the refusal is flagged in the audit log', async () => {
    const [leoCase] = await q<{ id: string }>(`SELECT id FROM cases WHERE person_id = $1 AND status <> 'avslutad' LIMIT 1`, [person('leo')]);
    // A letter on file for the case (as a signed decision would leave it).
    const [file] = await q<{ id: string }>(
      `INSERT INTO case_files (municipality_id, id, case_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by)
       SELECT 1, gen_random_uuid(), $1, 'beslutsbrev', 'beslut.pdf', 'application/pdf', 4, 'x', '\\x25504446'::bytea, s.id FROM staff_users s WHERE s.oidc_subject = 'demo:ahmed'
       RETURNING id`, [leoCase!.id]);
    await q(`INSERT INTO decision_letters (municipality_id, id, case_id, file_id, created_by)
             SELECT 1, gen_random_uuid(), $1, $2, s.id FROM staff_users s WHERE s.oidc_subject = 'demo:ahmed'`, [leoCase!.id, file!.id]);
    await q(`UPDATE cases SET withheld_from_guardians = 'lvu', withheld_note = 'LVU' WHERE id = $1`, [leoCase!.id]);
    const sofia = await citizen('sofia');
    const r = await sofia.fetch(`/api/citizen/letters/${file!.id}`);
    expect(r.status).toBe(404);
    const audit = await q<{ flagged: boolean }>(
      `SELECT flagged FROM audit_log WHERE resource = 'citizen.letter' AND action = 'denied' AND subject_person_id = $1`, [person('leo')]);
    expect(audit.some((a) => a.flagged)).toBe(true);
    await q(`UPDATE cases SET withheld_from_guardians = NULL, withheld_note = NULL WHERE id = $1`, [leoCase!.id]);
    expect((await sofia.fetch(`/api/citizen/letters/${file!.id}`)).status).toBe(200);
  });
});
