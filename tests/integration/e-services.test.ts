// E-tjänst "Ansökan om bistånd" over real HTTP with Test-BankID logins: drafts saved as the citizen
// types (owner only, optimistic versions), a submission that lands as a case in the right unit's
// inbox (SoL 11 kap. 1 § → Biståndsenheten äldreomsorg; LSS 9 § → the LSS unit), idempotent
// submits, and the gate's refusal for a person the citizen does not act for.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { buildDemoData, demoLoginDirectory, demoUuid } from '../../src/server/dev/demo-data.ts';
import type { Draft, DraftList, EServiceSubjects, Receipt } from '../../src/shared/e-services-api.ts';
import type { MyCases, Problem } from '../../src/shared/api.ts';
import { isValidReceiptNumber } from '../../src/domain/receipt.ts';

let s: TestServer;
const directory = demoLoginDirectory(buildDemoData(new Date().toISOString().slice(0, 10)));
const citizen = (name: string) => {
  const c = directory.citizens.find((x) => x.name === name);
  if (!c) throw new Error(`no demo citizen ${name}`);
  return `bankid:${c.personnummer}`;
};
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const GOSTA = demoUuid('1:person:gosta');
const ELIN = demoUuid('1:person:elin');

async function loggedIn(subject: string, as: 'personal' | 'medborgare' = 'medborgare'): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(subject, as);
  return b;
}

const gostaAnswers = {
  law: 'SoL', requestedInsatser: ['hemtjanst', 'trygghetslarm'],
  needs: 'Pappa har svårt att duscha själv sedan han föll i augusti, och han glömmer ibland att äta.',
  manageToday: 'Han klarar att laga enkel frukost men inte att handla.',
  helpers: 'Jag (dottern) handlar en gång i veckan.',
  contactChannel: 'telefon', phone: '070-123 45 67',
};

let ingrid: Browser;
let elin: Browser;

beforeAll(async () => {
  s = await startServer();
  ingrid = await loggedIn(citizen('Ingrid Lund'));
  elin = await loggedIn(citizen('Elin Granqvist'));
});
afterAll(() => s.close());

describe('whom I can apply for', () => {
  it('lists me and the persons whose fullmakt I hold', async () => {
    const r = await ingrid.getJson<EServiceSubjects>('/api/citizen/e-services/subjects');
    expect(r.status).toBe(200);
    const byRelation = Object.fromEntries(r.body.subjects.map((x) => [x.relation, x]));
    expect(byRelation.self!.name).toBe('Ingrid Lund');
    expect(byRelation.ombud!.id).toBe(GOSTA);
    expect(byRelation.ombud!.age).toBeGreaterThanOrEqual(85);
  });
});

describe('drafts', () => {
  it('creates, saves with versions, refuses a stale save with the current content, and is owner only', async () => {
    const created = await ingrid.send<Draft>('POST', '/api/citizen/drafts', { kind: 'ansokan_bistand', subjectPersonId: GOSTA });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'ansokan_bistand', subjectPersonId: GOSTA, subjectName: 'Gösta Lund', version: 1, content: {} });
    const id = created.body.id;

    const saved = await ingrid.send<Draft>('PUT', `/api/citizen/drafts/${id}`, { version: 1, content: { needs: 'Hjälp med dusch' } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);

    const stale = await ingrid.send<Problem & { current: { version: number; content: { needs: string } } }>('PUT', `/api/citizen/drafts/${id}`, { version: 1, content: { needs: 'annat' } });
    expect(stale.status).toBe(409);
    expect(stale.type).toMatch(/problem\+json/);
    expect(stale.body.current).toMatchObject({ version: 2, content: { needs: 'Hjälp med dusch' } });

    const list = await ingrid.getJson<DraftList>('/api/citizen/drafts?kind=ansokan_bistand');
    expect(list.body.drafts.map((d) => d.id)).toContain(id);
    expect((await ingrid.getJson<Draft>(`/api/citizen/drafts/${id}`)).body.content).toEqual({ needs: 'Hjälp med dusch' });

    // Someone else: the draft does not exist for them, in any verb.
    expect((await elin.getJson<DraftList>('/api/citizen/drafts')).body.drafts.map((d) => d.id)).not.toContain(id);
    expect((await elin.getJson(`/api/citizen/drafts/${id}`)).status).toBe(404);
    expect((await elin.send('PUT', `/api/citizen/drafts/${id}`, { version: 2, content: { needs: 'kapat' } })).status).toBe(404);
    expect((await elin.send('DELETE', `/api/citizen/drafts/${id}`)).status).toBe(404);
    const staff = await loggedIn('demo:johan', 'personal');
    expect((await staff.getJson('/api/citizen/drafts')).status).toBe(403);

    const del = await ingrid.send('DELETE', `/api/citizen/drafts/${id}`);
    expect(del.status).toBe(204);
    expect((await ingrid.getJson(`/api/citizen/drafts/${id}`)).status).toBe(404);
  });

  it('refuses a draft about a person I do not act for (403, audited) and an unknown person (404)', async () => {
    const r = await elin.send<Problem>('POST', '/api/citizen/drafts', { kind: 'ansokan_bistand', subjectPersonId: GOSTA });
    expect(r.status).toBe(403);
    const denied = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'denied' AND subject_person_id = $1 AND resource = 'e_service.ansokan'`, [GOSTA]);
    expect(denied[0]!.n).toBeGreaterThanOrEqual(1);
    expect((await elin.send('POST', '/api/citizen/drafts', { kind: 'ansokan_bistand', subjectPersonId: randomUUID() })).status).toBe(404);
  });
});

describe('POST /api/citizen/applications/bistand', () => {
  it('turns a draft into one case in Biståndsenheten äldreomsorg\'s inbox, with the insatser and the citizen\'s words', async () => {
    const draft = (await ingrid.send<Draft>('POST', '/api/citizen/drafts', { kind: 'ansokan_bistand', subjectPersonId: GOSTA })).body;
    await ingrid.send('PUT', `/api/citizen/drafts/${draft.id}`, { version: 1, content: gostaAnswers });
    const key = randomUUID();
    const first = await ingrid.send<Receipt>('POST', '/api/citizen/applications/bistand', { draftId: draft.id, idempotencyKey: key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.caseNumber).toMatch(/^\d{4}-/);
    // the shared receipt format (src/domain/receipt.ts): AB for ansökan om bistånd, with a check sign
    expect(first.body.receiptNumber).toMatch(/^AB-\d{4}-/);
    expect(isValidReceiptNumber(first.body.receiptNumber)).toBe(true);

    // Double submit with the same key: the same receipt, no second case.
    const again = await ingrid.send<Receipt>('POST', '/api/citizen/applications/bistand', { draftId: draft.id, idempotencyKey: key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const cases = await q<{ id: string; unit: string; area: string; case_type: string; intake: { channel: string; description: string; requestedInsatser: string[]; law: string }; assigned_to: string | null }>(
      `SELECT c.id, u.name AS unit, c.area, c.case_type, c.intake, c.assigned_to FROM cases c JOIN org_units u ON u.id = c.unit_id
       WHERE c.case_number = $1`, [first.body.caseNumber]);
    expect(cases).toHaveLength(1);
    const c = cases[0]!;
    expect(c).toMatchObject({ unit: 'Biståndsenheten äldreomsorg', area: 'aldreomsorg', case_type: 'bistand_ansokan', assigned_to: null });
    expect(c.intake).toMatchObject({ channel: 'e_tjanst', requestedInsatser: ['hemtjanst', 'trygghetslarm'], law: 'SoL' });
    expect(c.intake.description).toContain('svårt att duscha själv sedan han föll i augusti');
    expect(c.intake.description).toContain('Ifylld av Ingrid Lund som ombud med fullmakt');
    expect(c.intake.description).toContain('070-123 45 67');
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM e_service_submissions WHERE idempotency_key = $1', [key]))[0]!.n).toBe(1);

    // The draft is submitted: gone from my list.
    expect((await ingrid.getJson<DraftList>('/api/citizen/drafts')).body.drafts.map((d) => d.id)).not.toContain(draft.id);
    // A new key for a submitted draft is refused (the first submit is the one that counts).
    expect((await ingrid.send('POST', '/api/citizen/applications/bistand', { draftId: draft.id, idempotencyKey: randomUUID() })).status).toBe(409);

    // The arbetsledare sees it in the unit's inbox, with the citizen's words in the intake.
    const johan = await loggedIn('demo:johan', 'personal');
    const inbox = await johan.getJson<MyCases>('/api/staff/my-cases?scope=inbox');
    const item = inbox.body.items.find((i) => i.caseNumber === first.body.caseNumber);
    expect(item, 'case in johan\'s inbox').toBeTruthy();
    expect(item!.title).toBe('Ansökan om hemtjänst, trygghetslarm');
    const detail = await johan.getJson<{ intake: { description: string } }>(`/api/staff/cases/${c.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.intake.description).toContain('glömmer ibland att äta');

    // The applicant's own view of cases shows it for Gösta.
    const mine = await ingrid.getJson<{ persons: Array<{ person: { id: string }; cases: Array<{ caseNumber: string }> }> }>('/api/citizen/cases');
    expect(mine.body.persons.find((p) => p.person.id === GOSTA)!.cases.map((x) => x.caseNumber)).toContain(first.body.caseNumber);
  });

  it('concurrent submits with one key create one case', async () => {
    const key = randomUUID();
    const body = { ...gostaAnswers, subjectPersonId: GOSTA, idempotencyKey: key };
    const results = await Promise.all([1, 2, 3].map(() => ingrid.send<Receipt>('POST', '/api/citizen/applications/bistand', body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.caseNumber)).size).toBe(1);
    const n = await q<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE case_number = $1', [results[0]!.body.caseNumber]);
    expect(n[0]!.n).toBe(1);
  });

  it('answers a missing or wrong answer with 400 naming the field, in Swedish', async () => {
    const r = await ingrid.send<Problem>('POST', '/api/citizen/applications/bistand',
      { subjectPersonId: GOSTA, idempotencyKey: randomUUID(), law: 'SoL', requestedInsatser: ['lss_personlig_assistans'], contactChannel: 'telefon' });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/problem\+json/);
    const paths = r.body.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/requestedInsatser/0', 'body/needs', 'body/phone']));
    expect(r.body.errors!.find((e) => e.path === 'body/needs')!.message).toMatch(/egna ord/);
    const bad = await ingrid.send<Problem>('POST', '/api/citizen/applications/bistand', { subjectPersonId: GOSTA, idempotencyKey: 'not-a-uuid' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.path).join()).toMatch(/idempotencyKey/);
  });

  it('refuses an application for a person I do not act for, and creates nothing', async () => {
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE person_id = $1', [GOSTA]))[0]!.n;
    const r = await elin.send<Problem>('POST', '/api/citizen/applications/bistand', { ...gostaAnswers, subjectPersonId: GOSTA, idempotencyKey: randomUUID() });
    expect([403, 404]).toContain(r.status);
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE person_id = $1', [GOSTA]))[0]!.n).toBe(before);
    // Someone else's idempotency key does not reveal their receipt.
    const key = randomUUID();
    await ingrid.send('POST', '/api/citizen/applications/bistand', { ...gostaAnswers, subjectPersonId: GOSTA, idempotencyKey: key });
    const stolen = await elin.send<Receipt>('POST', '/api/citizen/applications/bistand', { ...gostaAnswers, subjectPersonId: ELIN, idempotencyKey: key });
    expect(stolen.status).toBe(409);
    expect(JSON.stringify(stolen.body)).not.toMatch(/AB-\d{4}-/);
  });

  it('an LSS application lands in the LSS unit (9 § LSS, funktionsstöd)', async () => {
    const r = await elin.send<Receipt>('POST', '/api/citizen/applications/bistand', {
      subjectPersonId: ELIN, idempotencyKey: randomUUID(), law: 'LSS', requestedInsatser: ['lss_ledsagarservice'],
      needs: 'Jag vill kunna gå på konserter och träna, men behöver någon med mig.', contactChannel: 'e_post', email: 'elin@exempel.se',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [c] = await q<{ unit: string; area: string; case_type: string }>(
      `SELECT u.name AS unit, c.area, c.case_type FROM cases c JOIN org_units u ON u.id = c.unit_id WHERE c.case_number = $1`, [r.body.caseNumber]);
    expect(c).toEqual({ unit: 'LSS- och socialpsykiatrienheten', area: 'funktionsstod', case_type: 'lss_ansokan' });
    const sara = await loggedIn('demo:sara', 'personal');
    const inbox = await sara.getJson<MyCases>('/api/staff/my-cases?scope=inbox');
    expect(inbox.body.items.map((i) => i.caseNumber)).toContain(r.body.caseNumber);
  });
});
