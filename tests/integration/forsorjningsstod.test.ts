// E-tjänst "Ansökan om försörjningsstöd" (12 kap. 1 § SoL) over real HTTP with Test-BankID logins:
// Daniel Sundberg applies for a month with his sambo Linda (person_relations sambo) as co-applicant
// and an attachment; Linda sees it with her own e-ID and confirms; one case lands in the
// ekonomiskt bistånd unit's inbox with every figure in its intake and the attachment as a case
// file. Idempotent double submits (also at the same moment), the decline path, strangers who can
// neither be named as co-applicant nor read the application (404/400 without personal data,
// audited), the next month from the previous one, and bad input as 400 problem+json naming fields.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { buildDemoData, demoLoginDirectory, demoUuid } from '../../src/server/dev/demo-data.ts';
import { dateInSweden } from '../../src/domain/deadlines.ts';
import { addMonthsToMonth, type ApplicationContent } from '../../src/domain/forsorjningsstod-application.ts';
import { isValidReceiptNumber } from '../../src/domain/receipt.ts';
import type { Problem, MyCases } from '../../src/shared/api.ts';
import type { Draft, Receipt } from '../../src/shared/e-services-api.ts';
import type { CaseDetail } from '../../src/shared/cases-api.ts';
import type { CitizenCasesResponse } from '../../src/shared/citizen-api.ts';
import type { ConfirmationList, ConfirmationView, FsAttachment, FsDraft, FsOverview, SendResult } from '../../src/shared/forsorjningsstod-api.ts';

let s: TestServer;
const directory = demoLoginDirectory(buildDemoData(dateInSweden()));
const pnr = (name: string) => directory.citizens.find((x) => x.name === name)!.personnummer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const DANIEL = demoUuid('1:person:daniel');
const LINDA = demoUuid('1:person:linda');
const INGRID = demoUuid('1:person:ingrid');
const EB_UNIT = demoUuid('1:unit:eb');
const THIS_MONTH = dateInSweden().slice(0, 7);
const NEXT_MONTH = addMonthsToMonth(THIS_MONTH, 1);
const dashed = (n: string) => `${n.slice(0, 8)}-${n.slice(8)}`;

// A real (tiny) PDF: the type is decided from the bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function citizen(name: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`bankid:${pnr(name)}`, 'medborgare');
  return b;
}

function household(partnerPnr: string | null): ApplicationContent['household'] {
  return partnerPnr
    ? { livesWithPartner: true, coApplicant: { relation: 'sambo', personnummer: partnerPnr }, children: [{ id: 'c1', firstName: 'Alva', age: 7, livesHerePercent: 50 }] }
    : { livesWithPartner: false, children: [] };
}

function application(month: string, partnerPnr: string | null): ApplicationContent {
  return {
    month,
    household: household(partnerPnr),
    incomes: [
      { who: 'applicant', kind: 'a_kassa', amount: 9_800 },
      ...(partnerPnr ? [{ who: 'co_applicant' as const, kind: 'lon' as const, amount: 6_450 }] : []),
      { who: 'applicant', kind: 'underhallsstod_barnbidrag', amount: 1_250 },
    ],
    costs: [{ kind: 'hyra', amount: 8_900 }, { kind: 'el', amount: 450 }, { kind: 'lakarvard_medicin', amount: 300 }],
    assets: { bank: { has: true, text: 'Lönekonto 1 200 kr' }, vehicle: { has: false }, other: { has: false } },
    otherInfo: 'Linda börjar nytt jobb i april.',
  };
}

async function save(b: Browser, id: string, content: ApplicationContent): Promise<Draft> {
  const current = await b.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${id}`);
  const r = await b.send<Draft>('PUT', `/api/citizen/drafts/${id}`, { version: current.body.version, content: { ...current.body.content, ...content } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

function upload(b: Browser, draftId: string, bytes: Buffer, name: string, kind = 'hyra', type = 'application/pdf') {
  return b.send<FsAttachment & Problem>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/attachments?name=${encodeURIComponent(name)}&kind=${kind}`,
    bytes.toString('latin1'), { 'content-type': type });
}

async function deniedCount(actor: string): Promise<number> {
  const [r] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = $1 AND action = 'denied' AND flagged`, [actor]);
  return r!.n;
}

let daniel: Browser;
let linda: Browser;
let ingrid: Browser;

beforeAll(async () => {
  s = await startServer();
  [daniel, linda, ingrid] = await Promise.all([citizen('Daniel Sundberg'), citizen('Linda Sundberg'), citizen('Ingrid Lund')]);
});
afterAll(() => s.close());

describe('ansökan om försörjningsstöd with a co-applicant', () => {
  let draftId: string;
  let key: string;
  let confirmationId: string;
  let receipt: Receipt;

  it('starts a month (again = the same draft) and refuses a month that is not open, naming the field', async () => {
    const none = await daniel.getJson<FsOverview>('/api/citizen/forsorjningsstod');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ drafts: [], previous: null });

    const created = await daniel.send<FsDraft>('POST', '/api/citizen/forsorjningsstod/drafts', { month: THIS_MONTH });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', version: 1, attachments: [], receipt: null, coApplicant: null, content: { month: THIS_MONTH } });
    draftId = created.body.id;
    key = created.body.content._key as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    const again = await daniel.send<FsDraft>('POST', '/api/citizen/forsorjningsstod/drafts', { month: THIS_MONTH });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(draftId);

    const old = await daniel.send<Problem>('POST', '/api/citizen/forsorjningsstod/drafts', { month: addMonthsToMonth(THIS_MONTH, -6) });
    expect(old.status).toBe(400);
    expect(old.type).toMatch(/application\/problem\+json/);
    expect(old.body.errors).toEqual([{ path: 'body/month', message: expect.stringMatching(/^Här kan du söka för .* Kontakta din handläggare/) }]);
    const garbage = await daniel.send<Problem>('POST', '/api/citizen/forsorjningsstod/drafts', { month: '2026-13' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors!.map((e) => e.path)).toEqual(['body/month']);
    const noPrevious = await daniel.send<Problem>('POST', '/api/citizen/forsorjningsstod/drafts', { month: NEXT_MONTH, fromPrevious: true });
    expect(noPrevious.status).toBe(400);
    expect(noPrevious.body.errors![0]!.path).toBe('body/fromPrevious');
  });

  it('takes attachments whose bytes are a real type, lists, serves and removes them', async () => {
    const up = await upload(daniel, draftId, PDF, 'hyresavi mars.pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ kind: 'hyra', name: 'hyresavi mars.pdf', contentType: 'application/pdf', typeLabel: 'PDF', size: PDF.length });
    const html = await upload(daniel, draftId, Buffer.from('<html><script>alert(1)</script></html>'), 'lön.pdf', 'lon', 'application/octet-stream');
    expect(html.status).toBe(415);
    expect(html.body.detail).toMatch(/HTML eller annan kod/);
    const extra = await upload(daniel, draftId, Buffer.from('Kontoutdrag\n2026-03-01 Hyra -8900\n'), 'konto.txt', 'kontoutdrag', 'text/plain');
    expect(extra.status).toBe(201);
    const badKind = await upload(daniel, draftId, PDF, 'x.pdf', 'semester');
    expect(badKind.status).toBe(400);

    const list = await daniel.getJson<{ items: FsAttachment[] }>(`/api/citizen/forsorjningsstod/drafts/${draftId}/attachments`);
    expect(list.body.items.map((a) => a.name)).toEqual(['hyresavi mars.pdf', 'konto.txt']);
    const bytes = await daniel.fetch(up.body.url);
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await bytes.arrayBuffer()).equals(PDF)).toBe(true);

    expect((await daniel.send('DELETE', `/api/citizen/forsorjningsstod/drafts/${draftId}/attachments/${extra.body.id}`)).status).toBe(204);
    expect((await daniel.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draftId}`)).body.attachments.map((a) => a.id)).toEqual([up.body.id]);
  });

  it('refuses an incomplete application with 400 naming each field', async () => {
    const d = await save(daniel, draftId, { household: { livesWithPartner: true, coApplicant: { relation: 'sambo' } }, incomes: [{ who: 'applicant', kind: 'lon' }] });
    const r = await daniel.send<Problem>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d.version, idempotencyKey: key });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/application\/problem\+json/);
    expect(r.body.errors!.map((e) => e.path)).toEqual([
      'body/household/coApplicant/personnummer', 'body/incomes/0/amount', 'body/assets/bank/has', 'body/assets/vehicle/has', 'body/assets/other/has',
    ]);
    expect(r.body.errors![1]!.message).toBe('Skriv hur mycket du får i lön under månaden, i hela kronor.');
    const schema = await daniel.send<Problem>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: 'två', idempotencyKey: 'x' });
    expect(schema.status).toBe(400);
    expect(schema.body.errors!.map((e) => e.path).sort()).toEqual(['body/idempotencyKey', 'body/version']);
  });

  it('a person who is not the applicant’s registered partner cannot be named (nothing said about them, audited)', async () => {
    const before = await deniedCount('Daniel Sundberg');
    const d = await save(daniel, draftId, application(THIS_MONTH, dashed(pnr('Ingrid Lund'))));
    const r = await daniel.send<Problem>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d.version, idempotencyKey: key });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'body/household/coApplicant/personnummer', message: expect.stringMatching(/stämmer inte med den make, maka, registrerade partner eller sambo/) }]);
    expect(JSON.stringify(r.body)).not.toMatch(/Ingrid|Lund/);
    // A number nobody has gets exactly the same answer.
    const d2 = await save(daniel, draftId, { household: household('19121212-1212') });
    const r2 = await daniel.send<Problem>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d2.version, idempotencyKey: key });
    expect(r2.status).toBe(400);
    expect(r2.body.errors).toEqual(r.body.errors);
    expect(await deniedCount('Daniel Sundberg')).toBe(before + 2);
    const [logged] = await q<{ subject_person_id: string | null }>(
      `SELECT subject_person_id FROM audit_log WHERE actor_name = 'Daniel Sundberg' AND action = 'denied' AND resource = 'e_service.forsorjningsstod.co_applicant' ORDER BY seq LIMIT 1`);
    expect(logged!.subject_person_id).toBe(INGRID);
    expect((await daniel.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draftId}`)).body.state).toBe('draft');
  });

  it('is sent to Linda, and stays as sent until taken back', async () => {
    const d = await save(daniel, draftId, application(THIS_MONTH, dashed(pnr('Linda Sundberg'))));
    const r = await daniel.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d.version, idempotencyKey: key });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ state: 'awaiting_co_applicant', receipt: null, coApplicantName: 'Linda Sundberg' });
    // A double click: the same answer, nothing more.
    expect((await daniel.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d.version, idempotencyKey: key })).body).toEqual(r.body);

    const view = await daniel.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draftId}`);
    expect(view.body).toMatchObject({ state: 'awaiting_co_applicant', coApplicant: { name: 'Linda Sundberg' } });
    const edit = await daniel.send<Problem>('PUT', `/api/citizen/drafts/${draftId}`, { version: view.body.version, content: { month: THIS_MONTH } });
    expect(edit.status).toBe(409);
    expect(edit.body.type).toMatch(/awaiting-co-applicant/);
    expect((await upload(daniel, draftId, PDF, 'mer.pdf')).status).toBe(409);
    expect((await daniel.send('DELETE', `/api/citizen/drafts/${draftId}`)).status).toBe(409);
    expect((await daniel.getJson<FsOverview>('/api/citizen/forsorjningsstod')).body.drafts).toEqual([
      expect.objectContaining({ id: draftId, state: 'awaiting_co_applicant', month: THIS_MONTH }),
    ]);
  });

  it('Linda finds it with her own e-ID and reads everything, with the attachment', async () => {
    const list = await linda.getJson<ConfirmationList>('/api/citizen/forsorjningsstod/confirmations');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ applicantName: 'Daniel Sundberg', month: THIS_MONTH })]);
    confirmationId = list.body.items[0]!.id;

    const view = await linda.getJson<ConfirmationView>(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'awaiting_co_applicant', applicantName: 'Daniel Sundberg', relation: 'sambo', receipt: null });
    expect(view.body.content).toMatchObject({ month: THIS_MONTH, incomes: expect.arrayContaining([{ who: 'co_applicant', kind: 'lon', amount: 6_450 }]) });
    expect(view.body.content._key).toBeUndefined();
    expect(view.body.attachments.map((a) => a.name)).toEqual(['hyresavi mars.pdf']);
    const file = await linda.fetch(view.body.attachments[0]!.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    const [audited] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'Linda Sundberg' AND subject_person_id = $1 AND purpose = 'medsokande' AND action = 'read'`, [DANIEL]);
    expect(audited!.n).toBeGreaterThanOrEqual(2);
    // Daniel himself is the applicant, not the co-applicant.
    expect((await daniel.getJson(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`)).status).toBe(404);
  });

  it('a stranger can neither list, read, fetch the attachments of, confirm nor decline it (404, audited)', async () => {
    const before = await deniedCount('Ingrid Lund');
    expect((await ingrid.getJson<ConfirmationList>('/api/citizen/forsorjningsstod/confirmations')).body.items).toEqual([]);
    const attachmentUrl = (await daniel.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draftId}`)).body.attachments[0]!.url;
    const attempts = [
      await ingrid.getJson(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`),
      await ingrid.getJson(`/api/citizen/forsorjningsstod/drafts/${draftId}`),
      await ingrid.getJson(attachmentUrl),
      await ingrid.send('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/confirm`, { version: 1 }),
      await ingrid.send('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/decline`, { reason: 'Nej' }),
      await ingrid.send('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/withdraw`, {}),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(404);
      expect(r.type).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(r.body)).not.toMatch(/Daniel|Sundberg|Linda|Alva|9\s?800/);
    }
    expect(await deniedCount('Ingrid Lund')).toBe(before + attempts.length);
    expect((await q(`SELECT 1 FROM e_service_confirmations WHERE id = $1 AND state = 'awaiting_co_applicant'`, [confirmationId])).length).toBe(1);
  });

  it('a partner whose relation has ended no longer reaches it', async () => {
    await q(`UPDATE person_relations SET valid_to = current_date - 1 WHERE person_id = $1 AND related_person_id = $2 AND kind = 'sambo'`, [DANIEL, LINDA]);
    try {
      expect((await linda.getJson<ConfirmationList>('/api/citizen/forsorjningsstod/confirmations')).body.items).toEqual([]);
      expect((await linda.getJson(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`)).status).toBe(404);
    } finally {
      await q(`UPDATE person_relations SET valid_to = NULL WHERE person_id = $1 AND related_person_id = $2 AND kind = 'sambo'`, [DANIEL, LINDA]);
    }
  });

  it('Linda declines with a reason: it is back with Daniel, who changes it and sends it again', async () => {
    const empty = await linda.send<Problem>('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/decline`, { reason: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors![0]!.path).toBe('body/reason');
    const no = await linda.send<ConfirmationView>('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/decline`, { reason: 'Min lön i mars blir 7 100 kr, inte 6 450 kr.' });
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ state: 'declined', declineReason: 'Min lön i mars blir 7 100 kr, inte 6 450 kr.', content: {} });
    expect((await linda.send('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/confirm`, { version: 1 })).status).toBe(409);
    expect((await linda.getJson<ConfirmationList>('/api/citizen/forsorjningsstod/confirmations')).body.items).toEqual([]);

    const back = await daniel.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draftId}`);
    expect(back.body).toMatchObject({ state: 'declined', declined: { reason: 'Min lön i mars blir 7 100 kr, inte 6 450 kr.' } });
    const content = application(THIS_MONTH, dashed(pnr('Linda Sundberg')));
    content.incomes = content.incomes!.map((r) => (r.who === 'co_applicant' ? { ...r, amount: 7_100 } : r));
    const d = await save(daniel, draftId, content);
    const again = await daniel.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d.version, idempotencyKey: key });
    expect(again.body.state).toBe('awaiting_co_applicant');
    // Taking it back and sending it again works too.
    const taken = await daniel.send<FsDraft>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/withdraw`, {});
    expect(taken.body.state).toBe('draft');
    expect((await linda.getJson<ConfirmationView>(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`)).body).toMatchObject({ state: 'withdrawn', content: {} });
    expect((await daniel.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: d.version, idempotencyKey: key })).body.state).toBe('awaiting_co_applicant');
  });

  it('Linda confirms: one case in the EB unit’s inbox, twice or at the same moment never two', async () => {
    const view = await linda.getJson<ConfirmationView>(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`);
    expect(view.body.content).toMatchObject({ incomes: expect.arrayContaining([{ who: 'co_applicant', kind: 'lon', amount: 7_100 }]) });
    const stale = await linda.send<Problem>('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/confirm`, { version: view.body.version - 1 });
    expect(stale.status).toBe(409);

    const [a, b] = await Promise.all([
      linda.send<Receipt>('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/confirm`, { version: view.body.version }),
      linda.send<Receipt>('POST', `/api/citizen/forsorjningsstod/confirmations/${confirmationId}/confirm`, { version: view.body.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
    receipt = a.body;
    expect(isValidReceiptNumber(receipt.receiptNumber)).toBe(true);
    expect(receipt.receiptNumber).toMatch(/^FS-/);
    // Daniel's retry with his key: the same receipt.
    const retry = await daniel.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${draftId}/send`, { version: 99, idempotencyKey: key });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ state: 'submitted', receipt, coApplicantName: null });

    const cases = await q<{ id: string; unit_id: string; assigned_to: string | null; status: string; area: string; origin: string; title: string; intake: { channel: string; period: string } }>(
      `SELECT id, unit_id, assigned_to, status, area, origin, title, intake FROM cases WHERE person_id = $1 AND intake->>'receiptNumber' = $2`, [DANIEL, receipt.receiptNumber]);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ unit_id: EB_UNIT, assigned_to: null, area: 'ekonomiskt_bistand', origin: 'ansokan', intake: { channel: 'e_tjanst', period: THIS_MONTH } });
    expect(cases[0]!.title).toMatch(/^Ansökan om försörjningsstöd .* \(med medsökande\)$/);
    expect((await q('SELECT 1 FROM e_service_submissions WHERE idempotency_key = $1', [key])).length).toBe(1);
    expect((await q('SELECT 1 FROM e_service_attachments WHERE draft_id = $1', [draftId])).length).toBe(0);

    // Both see the receipt.
    expect((await daniel.getJson<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draftId}`)).body).toMatchObject({ state: 'submitted', receipt });
    expect((await linda.getJson<ConfirmationView>(`/api/citizen/forsorjningsstod/confirmations/${confirmationId}`)).body).toMatchObject({ state: 'confirmed', receipt });
    const [created] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'Linda Sundberg' AND action = 'create' AND resource = 'case.e_service.forsorjningsstod' AND subject_person_id = $1 AND purpose = 'medsokande'`, [DANIEL]);
    expect(created!.n).toBe(1);
    expect((await daniel.getJson<FsOverview>('/api/citizen/forsorjningsstod')).body).toMatchObject({ drafts: [], previous: { draftId, month: THIS_MONTH } });

    // Linda is a party too (FL 10 §): the case is among her own under Mina ärenden, though filed on Daniel.
    const mine = await linda.getJson<CitizenCasesResponse>('/api/citizen/cases');
    const own = mine.body.persons.find((g) => g.relation === 'self')!;
    expect(own.cases.map((c) => c.id)).toContain(cases[0]!.id);
    // … but she does not act for Daniel: none of his other cases.
    const others = await q<{ id: string }>('SELECT id FROM cases WHERE person_id = $1 AND id <> $2', [DANIEL, cases[0]!.id]);
    for (const o of others) expect(own.cases.map((c) => c.id)).not.toContain(o.id);
    expect(mine.body.persons.map((g) => g.person.id)).not.toContain(DANIEL);
  });

  it('Peter finds it in the EB inbox with every figure and the attachment as a case file', async () => {
    const peter = new Browser(s.baseUrl);
    await peter.login('demo:peter');
    const inbox = await peter.getJson<MyCases>('/api/staff/my-cases?scope=inbox');
    const item = inbox.body.items.find((c) => c.caseNumber === receipt.caseNumber);
    expect(item, 'the new case is in the inbox').toBeDefined();
    const detail = await peter.getJson<CaseDetail>(`/api/staff/cases/${item!.id}`);
    expect(detail.status).toBe(200);
    const fs = detail.body.intake.forsorjningsstod!;
    expect(fs).toMatchObject({
      month: THIS_MONTH, applicant: { personId: DANIEL, name: 'Daniel Sundberg' },
      coApplicant: { personId: LINDA, name: 'Linda Sundberg', relation: 'sambo' },
      children: [{ firstName: 'Alva', age: 7, livesHerePercent: 50 }],
      sums: { incomeApplicant: 11_050, incomeCoApplicant: 7_100, incomeTotal: 18_150, costTotal: 9_650 },
      receiptNumber: receipt.receiptNumber,
    });
    expect(fs.incomes).toEqual(expect.arrayContaining([{ who: 'co_applicant', kind: 'lon', amount: 7_100, note: null }]));
    expect(fs.assets).toEqual([{ kind: 'bank', has: true, text: 'Lönekonto 1 200 kr' }, { kind: 'vehicle', has: false, text: null }, { kind: 'other', has: false, text: null }]);
    expect(detail.body.intake.requestedInsatser).toEqual(['forsorjningsstod']);
    expect(detail.body.intake.description).toMatch(/Summa inkomster: 18\s150\skr/);
    expect(fs.attachments).toEqual([expect.objectContaining({ kind: 'hyra', name: 'hyresavi mars.pdf', contentType: 'application/pdf' })]);
    const file = await peter.fetch(`/api/staff/files/${fs.attachments[0]!.fileId}/content`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const [row] = await q<{ uploaded_by: string | null; uploaded_by_person_id: string; description: string }>(
      'SELECT uploaded_by, uploaded_by_person_id, description FROM case_files WHERE id = $1', [fs.attachments[0]!.fileId]);
    expect(row).toMatchObject({ uploaded_by: null, uploaded_by_person_id: DANIEL, description: 'Bilaga till ansökan om försörjningsstöd: Hyresavi eller hyreskontrakt' });
  });

  it('next month starts from the previous: household and recurring costs copied, the rest to answer again', async () => {
    const r = await daniel.send<FsDraft>('POST', '/api/citizen/forsorjningsstod/drafts', { month: NEXT_MONTH, fromPrevious: true });
    expect(r.status).toBe(201);
    const c = r.body.content;
    expect(c.month).toBe(NEXT_MONTH);
    expect(c._fromMonth).toBe(THIS_MONTH);
    expect(c.household).toEqual(household(dashed(pnr('Linda Sundberg'))));
    expect(c.costs).toEqual([{ kind: 'hyra', amount: 8_900 }, { kind: 'el', amount: 450 }]);
    expect(c.incomes).toEqual([
      { who: 'applicant', kind: 'a_kassa', amount: null },
      { who: 'co_applicant', kind: 'lon', amount: null },
      { who: 'applicant', kind: 'underhallsstod_barnbidrag', amount: 1_250 },
    ]);
    expect(c.assets).toBeUndefined();
    expect(c.otherInfo).toBeUndefined();
    expect(r.body.attachments).toEqual([]);
    expect(c._key).not.toBe(key);
    await daniel.send('DELETE', `/api/citizen/drafts/${r.body.id}`);
  });
});

describe('ansökan om försörjningsstöd without a co-applicant', () => {
  it('Nadia sends it herself: a case with a receipt; twice, or twice at once, is still one case', async () => {
    const nadia = await citizen('Nadia Ibrahim');
    const created = await nadia.send<FsDraft>('POST', '/api/citizen/forsorjningsstod/drafts', { month: THIS_MONTH });
    expect(created.status).toBe(201);
    const d = await save(nadia, created.body.id, { ...application(THIS_MONTH, null), otherInfo: '' });
    const body = { version: d.version, idempotencyKey: created.body.content._key };
    const [a, b] = await Promise.all([
      nadia.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${created.body.id}/send`, body),
      nadia.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${created.body.id}/send`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
    expect(a.body.state).toBe('submitted');
    const third = await nadia.send<SendResult>('POST', `/api/citizen/forsorjningsstod/drafts/${created.body.id}/send`, body);
    expect(third.body.receipt).toEqual(a.body.receipt);
    const cases = await q<{ intake: { forsorjningsstod: { coApplicant: null; sums: { incomeTotal: number } } } }>(
      `SELECT intake FROM cases WHERE intake->>'receiptNumber' = $1`, [a.body.receipt!.receiptNumber]);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.intake.forsorjningsstod).toMatchObject({ coApplicant: null, sums: { incomeTotal: 11_050 } });
    // Someone else's key: refused, not answered with her receipt.
    const other = await daniel.send<Problem>('POST', `/api/citizen/forsorjningsstod/drafts/${created.body.id}/send`, body);
    expect(other.status).toBe(409);
    expect(JSON.stringify(other.body)).not.toContain(a.body.receipt!.receiptNumber);
    expect(randomUUID()).not.toBe(body.idempotencyKey);
  });
});
