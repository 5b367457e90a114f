// The case workers' legal chain over real HTTP against real PostgreSQL: aktualisering, the state
// machine's refusals with reasons, investigation with optimistic locking, kommunicering and the
// reply period, delegation (sign or propose), the beslutsbrev PDF, delgivning, överklagande with
// rättidsprövning, avslut — and the audit log of every read and change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { addDays, dateInSweden, barnutredningDue, overklagandeDue } from '../../src/domain/deadlines.ts';
import { formatDateSv } from '../../src/domain/format.ts';
import type { CaseDetail, Dashboard, NewCaseResult, SignResult } from '../../src/shared/cases-api.ts';
import type { Problem } from '../../src/shared/api.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const person = (key: string) => demoUuid(`1:person:${key}`);
const staffId = (key: string) => demoUuid(`1:staff:${key}`);

async function as(key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}

/** A known delegationsordning for these tests, whatever the demo seed holds. */
async function setDelegations(rules: Array<[string, 'handlaggare' | 'arbetsledare', string[]]>) {
  await q('DELETE FROM delegations WHERE municipality_id = 1');
  for (const [type, level, outcomes] of rules) {
    await q(`INSERT INTO delegations (municipality_id, id, decision_type, level, outcomes) VALUES (1, gen_random_uuid(), $1, $2, $3)`, [type, level, outcomes]);
  }
}

async function newCase(b: Browser, body: Record<string, unknown>): Promise<NewCaseResult> {
  const r = await b.send<NewCaseResult>('POST', '/api/staff/cases', { receivedOn: today, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const step = (b: Browser, id: string, name: string, body: Record<string, unknown> = {}) =>
  b.send<CaseDetail & Omit<Problem, 'status' | 'title' | 'type'>>('POST', `/api/staff/cases/${id}/steps/${name}`, body);

beforeAll(async () => {
  s = await startServer();
  await setDelegations([
    ['hemtjanst', 'handlaggare', ['bifall', 'delvis_bifall', 'avslag']],
    ['trygghetslarm', 'handlaggare', ['bifall']],
    ['sarskilt_boende', 'handlaggare', ['bifall']],
    ['sarskilt_boende', 'arbetsledare', ['avslag', 'delvis_bifall']],
    ['inleda_utredning_barn', 'handlaggare', ['bifall']],
    ['forlanga_barnutredning', 'arbetsledare', ['bifall']],
    ['forsorjningsstod', 'handlaggare', ['bifall', 'delvis_bifall', 'avslag']],
  ]);
});
afterAll(() => s.close());

describe('aktualisering', () => {
  it('registers an application with a case number, the process start and its deadline, and lands in the inbox', async () => {
    const eva = await as('eva');
    const created = await newCase(eva, { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Nils ringde och ansöker om hemtjänst.', requestedInsatser: ['hemtjanst'], channel: 'telefon' });
    expect(created.caseNumber).toMatch(new RegExp(`^${today.slice(0, 4)}-ÄO-\\d{4}$`));
    const detail = await eva.getJson<CaseDetail>(`/api/staff/cases/${created.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ caseType: 'bistand_ansokan', status: 'aktualiserad', title: 'Ansökan om hemtjänst', assignedTo: null });
    expect(detail.body.deadlines.map((d) => d.kind)).toEqual(['utredning']);
    const inbox = await eva.getJson<{ items: Array<{ id: string }> }>('/api/staff/my-cases?scope=inbox');
    expect(inbox.body.items.map((c) => c.id)).toContain(created.id);
    // Case numbers in a series never repeat.
    const second = await newCase(eva, { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Trygghetslarm.', requestedInsatser: ['trygghetslarm'] });
    expect(Number(second.caseNumber.slice(-4))).toBe(Number(created.caseNumber.slice(-4)) + 1);
  });

  it('refuses bad input with problem+json saying what to fix, and saves nothing', async () => {
    const eva = await as('eva');
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n;
    const future = await eva.send<Problem>('POST', '/api/staff/cases', { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', receivedOn: addDays(today, 3), description: 'x' });
    expect(future.status).toBe(400);
    expect(future.type).toMatch(/problem\+json/);
    expect(future.body.errors?.[0]?.path).toBe('body/receivedOn');
    const wrongInsats = await eva.send<Problem>('POST', '/api/staff/cases', { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', receivedOn: today, description: 'x', requestedInsatser: ['familjehem'] });
    expect(wrongInsats.status).toBe(400);
    const anonymousWithName = await eva.send<Problem>('POST', '/api/staff/cases', { personId: person('leo'), area: 'barn_och_unga', origin: 'anmalan', receivedOn: today, description: 'x', reporter: { role: 'anonym', anonymous: true, mayBeNamed: false, name: 'Någon' } });
    expect(anonymousWithName.status).toBe(400);
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n).toBe(before);
  });

  it('a withdrawn application is written off with its reason; the page offers the step before the reason is typed', async () => {
    const eva = await as('eva');
    const c = await newCase(eva, { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Dagverksamhet.', requestedInsatser: ['dagverksamhet'] });
    const d = (await eva.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d.steps.find((x) => x.step === 'avskriv')).toMatchObject({ allowed: true });
    expect((await step(eva, c.id, 'avskriv', {})).status).toBe(400);
    const done = await step(eva, c.id, 'avskriv', { reason: 'Nils har återkallat ansökan per telefon.' });
    expect(done.body).toMatchObject({ status: 'avslutad', closingReason: 'Avskrivet: Nils har återkallat ansökan per telefon.', closedOn: today });
    expect(done.body.deadlines.every((x) => x.completedOn === today)).toBe(true);
  });

  it('an arbetsledare assigns; a handläggare may only take a case themselves', async () => {
    const eva = await as('eva');
    const c = await newCase(eva, { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Matdistribution.', requestedInsatser: ['matdistribution'] });
    const toKarin = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/assign`, { staffUserId: staffId('karin') });
    expect(toKarin.status).toBe(403);
    const johan = await as('johan');
    const assigned = await johan.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/assign`, { staffUserId: staffId('karin') });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignedTo?.name).toBe('Karin Holm');
    const took = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/assign`, {});
    expect(took.body.assignedTo?.id).toBe(staffId('eva'));
  });
});

describe('home-care application to a signed decision letter', () => {
  it('walks the chain; illegal steps are refused with their reason; the letter is a real PDF', async () => {
    const eva = await as('eva');
    const c = await newCase(eva, { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Ansöker om hemtjänst efter fall.', requestedInsatser: ['hemtjanst'], assignToMe: true });

    // A decision without an investigation is refused, with the reason and the law.
    let d = (await eva.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    const fatta = d.steps.find((x) => x.step === 'fatta_beslut')!;
    expect(fatta.allowed).toBe(false);
    expect(fatta.reason).toMatch(/utredning/i);
    expect(d.steps.filter((x) => x.allowed).map((x) => x.step)).toEqual(['inled_utredning', 'avskriv']);
    const draftTooEarly = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/decisions`, { insatsKey: 'hemtjanst', outcome: 'bifall', validFrom: today, motivation: 'x' });
    expect(draftTooEarly.status).toBe(409);

    const opened = await step(eva, c.id, 'inled_utredning');
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('utredning');
    expect(opened.body.investigation?.sections.map((x) => x.key)).toContain('ibic_personlig_vard');

    // Investigation with optimistic locking: a stale version is refused and the server's text returned.
    const v = opened.body.version;
    const saved = await eva.send<{ version: number }>('PUT', `/api/staff/cases/${c.id}/investigation`, { version: v, content: { ibic_personlig_vard: 'Behöver hjälp med dusch.' }, ownView: 'Nils vill bo kvar hemma.' });
    expect(saved.status).toBe(200);
    const stale = await eva.send<Problem>('PUT', `/api/staff/cases/${c.id}/investigation`, { version: v, content: { ibic_hemliv: 'Städning.' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ content: { ibic_personlig_vard: 'Behöver hjälp med dusch.' } });
    const personkrets = await eva.send<Problem>('PUT', `/api/staff/cases/${c.id}/investigation`, { version: saved.body.version, content: {}, personkrets: '1' });
    expect(personkrets.status).toBe(400);

    d = (await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/decisions`, {
      insatsKey: 'hemtjanst', outcome: 'bifall', scope: '20 timmar per månad', validFrom: addDays(today, 1), validTo: addDays(today, 366),
      motivation: 'Du behöver stöd med personlig omvårdnad för att uppnå skälig levnadsnivå.', followUpOn: addDays(today, 90),
      amountSek: null, // a JSON null stays null: not coerced to 0 kronor
    })).body;
    expect(d.decisions[0]).toMatchObject({ amountSek: null, status: 'utkast', insats: 'Hemtjänst', legalBasis: 'SoL2025:11:1', legalBasisText: '11 kap. 1 § socialtjänstlagen (2025:400)' });
    expect(d.signing).toMatchObject({ draftCount: 1, canSign: true });

    const signed = await eva.send<SignResult>('POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const pdf = await eva.fetch(`/api/staff/files/${signed.body.fileId}/content`);
    const file = (await q<{ content: Buffer; kind: string; content_type: string }>('SELECT content, kind, content_type FROM case_files WHERE id = $1', [signed.body.fileId]))[0]!;
    expect(file.kind).toBe('beslutsbrev');
    expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.status).toBe(200);

    d = (await eva.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d.status).toBe('beslut');
    expect(d.decisions[0]).toMatchObject({ status: 'fattat', decidedBy: 'Eva Lindqvist', decidedCapacity: 'delegation', decidedOn: today, letterId: signed.body.letterId });
    expect(d.deadlines.find((x) => x.kind === 'utredning')?.completedOn).toBe(today);

    // A taken decision is immutable, also for the database role the app uses.
    await expect(q('UPDATE decisions SET motivation = $2 WHERE id = $1', [d.decisions[0]!.id, 'ändrad'])).rejects.toThrow(/cannot be changed/);

    // Delgivning: a full bifall starts no appeal deadline.
    const delivered = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/letters/${signed.body.letterId}/delivery`, { deliveredOn: today, method: 'brev' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.letters[0]).toMatchObject({ deliveredOn: today, appealLastDay: overklagandeDue(today) });
    expect(delivered.body.deadlines.some((x) => x.kind === 'overklagande')).toBe(false);

    const audit = await q<{ resource: string; action: string }>(
      `SELECT resource, action FROM audit_log WHERE actor_id = $1 AND subject_person_id = $2`, [`${staffId('eva')}`, person('nils')]);
    const resources = new Set(audit.map((a) => `${a.action}:${a.resource}`));
    for (const r of ['update:case.register', 'read:case.detail', 'update:case.step.inled_utredning', 'update:case.investigation', 'update:case.decision.draft', 'update:case.decision.sign', 'update:case.letter.delivery']) {
      expect(resources, r).toContain(r);
    }
  });
});

describe('avslag: kommunicering, delegation, proposal, appeal', () => {
  it('refuses a decision inside the reply period, sends it to the arbetsledare without delegation, and handles a late and a timely appeal', async () => {
    const eva = await as('eva');
    const c = await newCase(eva, { personId: person('nils'), area: 'aldreomsorg', origin: 'ansokan', description: 'Ansöker om särskilt boende.', requestedInsatser: ['sarskilt_boende'], assignToMe: true });
    await step(eva, c.id, 'inled_utredning');
    await eva.send('POST', `/api/staff/cases/${c.id}/decisions`, { insatsKey: 'sarskilt_boende', outcome: 'avslag', motivation: 'Dina behov kan tillgodoses i ordinärt boende med hemtjänst.' });

    let sign = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    expect(sign.status).toBe(409);
    expect(sign.body.detail).toMatch(/Kommunicera/);
    expect(sign.body.legalBasis).toBe('25 § FL');

    const replyBy = addDays(today, 14);
    expect((await step(eva, c.id, 'kommunicera', { sentOn: today, replyBy })).status).toBe(200);
    sign = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    expect(sign.status).toBe(409);
    expect(sign.body.detail).toContain(`till och med ${formatDateSv(replyBy, 'long')}`);

    // The party answers early: the reply period no longer holds the decision back.
    expect((await eva.send('POST', `/api/staff/cases/${c.id}/kommunicering/reply`, { receivedOn: today })).status).toBe(200);
    sign = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    expect(sign.status).toBe(403);
    expect(sign.body.type).toBe('/problems/no-delegation');
    expect(sign.body.proposeTo).toBe('arbetsledare');
    const detail = (await eva.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(detail.signing).toMatchObject({ canSign: false, proposeTo: 'arbetsledare' });

    const proposed = await eva.send<{ proposedTo: string }>('POST', `/api/staff/cases/${c.id}/decisions/propose`);
    expect(proposed.body.proposedTo).toBe('arbetsledare');
    const johan = await as('johan');
    const dash = await johan.getJson<Dashboard>('/api/staff/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.proposals.map((p) => p.caseId)).toContain(c.id);
    expect(dash.body.caseload.find((l) => l.staff.name === 'Eva Lindqvist')!.open).toBeGreaterThan(0);
    expect((await eva.getJson('/api/staff/dashboard')).status).toBe(403);

    const signed = await johan.send<SignResult>('POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);

    // Delgivning 30 days ago (the letter backdated to match): the appeal period is over.
    const delivered = addDays(today, -30);
    await q(`UPDATE decision_letters SET created_at = $2::date WHERE id = $1`, [signed.body.letterId, addDays(today, -31)]);
    const afterDelivery = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/letters/${signed.body.letterId}/delivery`, { deliveredOn: delivered, method: 'mottagningsbevis' });
    expect(afterDelivery.status).toBe(200);
    expect(afterDelivery.body.deadlines.find((x) => x.kind === 'overklagande')).toMatchObject({ dueOn: overklagandeDue(delivered), overdue: true });

    const decisionId = afterDelivery.body.decisions[0]!.id;
    const late = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/appeals`, { decisionId, receivedOn: today });
    expect(late.status).toBe(200);
    const lateAppeal = late.body.appeals[0]!;
    expect(lateAppeal).toMatchObject({ timely: false, lastDay: overklagandeDue(delivered), status: 'registrerat' });
    expect(lateAppeal.assessment).toMatch(/för sent/);
    const forwardLate = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/appeals/${lateAppeal.id}`, { action: 'overlamna' });
    expect(forwardLate.status).toBe(409);
    expect(forwardLate.body.legalBasis).toBe('45 § FL');
    const dismissed = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/appeals/${lateAppeal.id}`, { action: 'avvisa', note: 'Kom in för sent.' });
    expect(dismissed.body.appeals[0]!.status).toBe('avvisat');

    // An appeal that came in on the last day (wrong instruction aside) is timely and goes to court.
    const timely = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/appeals`, { decisionId, receivedOn: overklagandeDue(delivered) });
    const t = timely.body.appeals.find((a) => a.receivedOn === overklagandeDue(delivered))!;
    expect(t.timely).toBe(true);
    const avvisaTimely = await eva.send<Problem>('POST', `/api/staff/cases/${c.id}/appeals/${t.id}`, { action: 'avvisa' });
    expect(avvisaTimely.status).toBe(409);
    const forwarded = await eva.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/appeals/${t.id}`, { action: 'overlamna', court: 'Förvaltningsrätten i Demostad' });
    expect(forwarded.body.appeals.find((a) => a.id === t.id)).toMatchObject({ status: 'overlamnat', court: 'Förvaltningsrätten i Demostad', forwardedOn: today });

    // Avslag: nothing to verkställa; close with a reason; a closed case is never reopened.
    const noReason = await step(eva, c.id, 'avsluta', {});
    expect(noReason.status).toBe(400);
    const closed = await step(eva, c.id, 'avsluta', { reason: 'Beslut om avslag; överklagandet är överlämnat till förvaltningsrätten.' });
    expect(closed.body.status).toBe('avslutad');
    expect(closed.body.steps.every((x) => !x.allowed)).toBe(true);
    const reopen = await step(eva, c.id, 'inled_utredning');
    expect(reopen.status).toBe(409);
    expect(reopen.body.detail).toMatch(/ny aktualisering/);
  });
});

describe('child report: skyddsbedömning, förhandsbedömning, utredning', () => {
  it('follows 20 kap. SoL with its deadlines and delegation', async () => {
    const ahmed = await as('ahmed');
    const c = await newCase(ahmed, {
      personId: person('leo'), area: 'barn_och_unga', origin: 'anmalan', description: 'Skolan oroar sig för Leos frånvaro.',
      reporter: { role: 'skola', name: 'Rektor Demoskolan', organisation: 'Demoskolan', mayBeNamed: true, anonymous: false }, assignToMe: true,
    });
    let d = (await ahmed.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d.caseType).toBe('barn_anmalan');
    expect(d.title).toBe('Orosanmälan från skola');
    expect(d.deadlines.map((x) => x.kind).sort()).toEqual(['forhandsbedomning', 'skyddsbedomning']);
    expect(d.intake.reporter).toMatchObject({ role: 'skola', mayBeNamed: true });

    expect((await step(ahmed, c.id, 'inled_forhandsbedomning')).body.status).toBe('forhandsbedomning');
    const early = await step(ahmed, c.id, 'besluta_inleda_utredning', { motivation: 'Behov av utredning.' });
    expect(early.status).toBe(409);
    expect(early.body.legalBasis).toBe('20 kap. 1 § SoL');
    const noText = await step(ahmed, c.id, 'registrera_skyddsbedomning', { acute: false });
    expect(noText.status).toBe(400);
    d = (await step(ahmed, c.id, 'registrera_skyddsbedomning', { acute: false, text: 'Inget akut skyddsbehov.' })).body;
    expect(d.skyddsbedomning).toMatchObject({ acute: false, assessedBy: expect.stringMatching(/Ahmed/) });
    expect(d.deadlines.find((x) => x.kind === 'skyddsbedomning')?.completedOn).toBe(today);

    const opened = await step(ahmed, c.id, 'besluta_inleda_utredning', { motivation: 'Uppgifterna om frånvaro behöver utredas.' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.status).toBe('utredning');
    expect(opened.body.forhandsbedomning).toMatchObject({ outcome: 'inleda', decidedOn: today });
    const inv = opened.body.deadlines.find((x) => x.kind === 'barnutredning')!;
    expect(inv.dueOn).toBe(barnutredningDue(today));
    expect(opened.body.investigation?.sections.map((x) => x.key)).toEqual(['bbic_barnets_behov', 'bbic_foraldrarnas_formaga', 'bbic_familj_och_miljo', 'bbic_analys']);

    // Extension needs delegation (1:e socialsekreterare here) and a reason.
    const extendTo = addDays(inv.dueOn, 30);
    const byAhmed = await ahmed.send<Problem>('POST', `/api/staff/cases/${c.id}/investigation/extend`, { extendTo, reason: 'Väntar på BUP:s utlåtande.' });
    expect(byAhmed.status).toBe(403);
    const lina = await as('lina');
    const extended = await lina.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/investigation/extend`, { extendTo, reason: 'Väntar på BUP:s utlåtande.' });
    expect(extended.status).toBe(200);
    expect(extended.body.deadlines.find((x) => x.kind === 'barnutredning')).toMatchObject({ dueOn: extendTo, extendedReason: 'Väntar på BUP:s utlåtande.' });

    // Another unit's handläggare cannot open the case; the attempt is logged.
    const eva = await as('eva');
    expect((await eva.getJson(`/api/staff/cases/${c.id}`)).status).toBe(403);
    const denied = await q(`SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = 'denied' AND subject_person_id = $2`, [staffId('eva'), person('leo')]);
    expect(denied.length).toBeGreaterThan(0);
  });
});

describe('ekonomiskt bistånd and LSS', () => {
  it('an application for försörjningsstöd is a case for one month, and its decision carries the amount (12 kap. 1 § SoL)', async () => {
    const peter = await as('peter');
    const noMonth = await peter.send<Problem>('POST', '/api/staff/cases', {
      receivedOn: today, personId: person('daniel'), area: 'ekonomiskt_bistand', origin: 'ansokan', description: 'Ansökan om försörjningsstöd.', requestedInsatser: ['forsorjningsstod'],
    });
    expect(noMonth.status).toBe(400);
    expect(JSON.stringify(noMonth.body)).toMatch(/period/);

    const month = addDays(today, 20).slice(0, 7);
    const c = await newCase(peter, {
      personId: person('daniel'), area: 'ekonomiskt_bistand', origin: 'ansokan', description: 'Ansökan om försörjningsstöd.', requestedInsatser: ['forsorjningsstod'], period: month, assignToMe: true,
    });
    let d = (await peter.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d).toMatchObject({ caseType: 'ekonomiskt_bistand', intake: { period: month } });
    expect((await step(peter, c.id, 'inled_utredning')).status).toBe(200);

    const draft = { insatsKey: 'forsorjningsstod', outcome: 'bifall', validFrom: `${month}-01`, motivation: 'Du saknar inkomster som räcker till din försörjning under månaden.' };
    const noAmount = await peter.send<Problem>('POST', `/api/staff/cases/${c.id}/decisions`, draft);
    expect(noAmount.status).toBe(400);
    expect(JSON.stringify(noAmount.body)).toMatch(/amountSek/);
    d = (await peter.send<CaseDetail>('POST', `/api/staff/cases/${c.id}/decisions`, { ...draft, amountSek: 8450.5 })).body;
    expect(d.decisions[0]).toMatchObject({ amountSek: 8450.5, legalBasis: 'SoL2025:12:1' });
    const signed = await peter.send<SignResult>('POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    d = (await peter.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d.decisions[0]).toMatchObject({ status: 'fattat', amountSek: 8450.5 });
  });

  it('a request for LSS insatser is judged on personkrets first (1 § LSS), recorded in the investigation', async () => {
    const sara = await as('sara');
    const c = await newCase(sara, {
      personId: person('noah'), area: 'funktionsstod', origin: 'ansokan', law: 'LSS', description: 'Begäran om ledsagarservice.', requestedInsatser: ['lss_ledsagarservice'], assignToMe: true,
    });
    let d = (await sara.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d.caseType).toBe('lss_ansokan');
    const opened = await step(sara, c.id, 'inled_utredning');
    expect(opened.status).toBe(200);
    const saved = await sara.send<{ version: number }>('PUT', `/api/staff/cases/${c.id}/investigation`, {
      version: opened.body.version, content: {}, personkrets: '1', ownView: 'Noah vill kunna gå på fotbollsträning på egen hand med en ledsagare.',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    d = (await sara.getJson<CaseDetail>(`/api/staff/cases/${c.id}`)).body;
    expect(d.investigation).toMatchObject({ personkrets: '1', ownView: expect.stringMatching(/Noah/) });
    expect(d.insatsOptions).toContain('lss_ledsagarservice');
    expect(d.insatsOptions.every((k) => k.startsWith('lss_'))).toBe(true);
  });
});

