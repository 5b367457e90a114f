// The journal (14 kap. 3 § SoL: decisions, actions and significant facts and events are documented;
// SOSFS 2014:5 4 kap.) and a person's timeline, over real HTTP against a real PostgreSQL: personal
// autosaved drafts, optimistic versions, signing makes an entry immutable (also in the database),
// corrections linked to the corrected entry (both visible, 14 kap. 6 §), the access gate and its audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import type { CaseJournal, JournalCurrent, MyDrafts, NewJournalEntryResult, SaveResult, SignResult, Timeline } from '../../src/shared/journal-api.ts';
import type { Problem } from '../../src/shared/api.ts';

let s: TestServer;
let eva: Browser;
let karin: Browser;
let sara: Browser;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);

const evaId = demoUuid('1:staff:eva');
const gosta = demoUuid('1:person:gosta');
const gostaCase = demoUuid('1:case:gosta:Ansökan om hemtjänst');          // Biståndsenheten äldreomsorg (eva, karin)
const fsCase = demoUuid('1:case:gosta:test-lss');                           // the same person, another unit (sara)
const fsUnit = demoUuid('1:unit:fs');
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

beforeAll(async () => {
  s = await startServer();
  // Gösta also has an LSS case in LSS-enheten: eva must not see it, sara must not see his äldreomsorg case.
  await q(`INSERT INTO cases (municipality_id, id, case_number, person_id, unit_id, area, origin, title, status, received_on, case_type)
           VALUES (1, $1, 'TEST-LSS-0001', $2, $3, 'funktionsstod', 'ansokan', 'Ansökan om ledsagarservice', 'utredning', $4::date - 10, 'lss_ansokan')`,
  [fsCase, gosta, fsUnit, today]);
  await q(`INSERT INTO journal_entries (municipality_id, id, case_id, author_id, occurred_on, title, body, signed_at, signed_by, kind)
           VALUES (1, gen_random_uuid(), $1, $2, $3::date - 5, 'Samtal om ledsagning', 'LSS-hemligt samtal', now(), $2, 'samtal')`,
  [fsCase, demoUuid('1:staff:sara'), today]);
  // Files in the personakt of the äldreomsorg case: one upload, one decision letter (shown once, as the letter).
  const upload = demoUuid('test:file:upload');
  const letterFile = demoUuid('test:file:letter');
  await q(`INSERT INTO case_files (municipality_id, id, case_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by, description)
           VALUES (1, $1, $3, 'upload', 'lakarintyg.pdf', 'application/pdf', 3, 'x', '\\x010203', $4, 'Läkarintyg'),
                  (1, $2, $3, 'beslutsbrev', 'beslut-hemtjanst.pdf', 'application/pdf', 3, 'y', '\\x010203', $4, NULL)`,
  [upload, letterFile, gostaCase, evaId]);
  await q(`INSERT INTO decision_letters (municipality_id, id, case_id, file_id, created_by) VALUES (1, $1, $2, $3, $4)`,
    [demoUuid('test:letter'), gostaCase, letterFile, evaId]);
  // A decision still being drafted is not an event in the timeline.
  await q(`INSERT INTO decisions (municipality_id, id, case_id, insats, legal_basis, outcome, motivation, status)
           VALUES (1, gen_random_uuid(), $1, 'Utkast till insats', 'SoL2025:11:1', 'bifall', 'Motivering', 'utkast')`, [gostaCase]);
  eva = new Browser(s.baseUrl); await eva.login('demo:eva');
  karin = new Browser(s.baseUrl); await karin.login('demo:karin');
  sara = new Browser(s.baseUrl); await sara.login('demo:sara');
});
afterAll(() => s?.close());

const journalOf = (b: Browser, caseId = gostaCase) => b.getJson<CaseJournal>(`/api/staff/cases/${caseId}/journal`);
const draft = (over: Partial<{ kind: string; title: string; body: string; occurredOn: string; correctsId: string; id: string }> = {}) =>
  ({ kind: 'telefonsamtal', title: 'Samtal med dottern', body: 'Ingrid', occurredOn: today, ...over });

describe('drafts: autosave, versions, personal', () => {
  let id = '';

  it('creates a draft (201) that only the author sees, and autosaves it twice', async () => {
    const created = await eva.send<NewJournalEntryResult>('POST', `/api/staff/cases/${gostaCase}/journal`, draft());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, created: true });
    id = created.body.id;

    const first = await eva.send<SaveResult>('PUT', `/api/staff/journal/${id}`, { ...draft({ body: 'Ingrid ringde' }), version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await eva.send<SaveResult>('PUT', `/api/staff/journal/${id}`, { ...draft({ body: 'Ingrid ringde om tider för dusch.' }), version: 2 });
    expect(second.body.version).toBe(3);

    const mine = await journalOf(eva);
    expect(mine.status).toBe(200);
    expect(mine.body.viewerId).toBe(evaId);
    expect(mine.body.drafts.find((d) => d.id === id)).toMatchObject({ body: 'Ingrid ringde om tider för dusch.', version: 3, kind: 'telefonsamtal' });
    expect(mine.body.entries.some((e) => e.id === id)).toBe(false);

    const drafts = await eva.getJson<MyDrafts>('/api/staff/journal/drafts');
    expect(drafts.status).toBe(200);
    expect(drafts.body.items.find((d) => d.id === id)).toMatchObject({ caseId: gostaCase, title: 'Samtal med dottern' });
  });

  it('repeating a create with the same client id answers the existing draft (200), not a second one', async () => {
    const again = await eva.send<NewJournalEntryResult>('POST', `/api/staff/cases/${gostaCase}/journal`, draft({ id }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id, version: 3, created: false });
    expect(await q('SELECT 1 FROM journal_entries WHERE id = $1', [id])).toHaveLength(1);
  });

  it('a stale version answers 409 with the server text, and nothing is overwritten', async () => {
    const stale = await eva.send<Problem & { current: JournalCurrent }>('PUT', `/api/staff/journal/${id}`, { ...draft({ body: 'text från en gammal flik' }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.type).toMatch(/problem\+json/);
    expect(stale.body.type).toMatch(/journal-version-conflict$/);
    expect(stale.body.current).toMatchObject({ id, version: 3, body: 'Ingrid ringde om tider för dusch.', signedAt: null });
    const [row] = await q<{ body: string; version: number }>('SELECT body, version FROM journal_entries WHERE id = $1', [id]);
    expect(row).toEqual({ body: 'Ingrid ringde om tider för dusch.', version: 3 });
  });

  it('another handläggare in the same unit neither sees nor changes my draft', async () => {
    const hers = await journalOf(karin);
    expect(hers.status).toBe(200);
    expect(hers.body.drafts.some((d) => d.id === id)).toBe(false);
    expect(hers.body.entries.some((e) => e.id === id)).toBe(false);
    expect((await karin.getJson<MyDrafts>('/api/staff/journal/drafts')).body.items.some((d) => d.id === id)).toBe(false);
    expect((await karin.send('PUT', `/api/staff/journal/${id}`, { ...draft({ body: 'Karins text' }), version: 3 })).status).toBe(404);
    expect((await karin.send('POST', `/api/staff/journal/${id}/sign`, {})).status).toBe(404);
    expect((await karin.send('DELETE', `/api/staff/journal/${id}`)).status).toBe(404);
  });

  it('a handläggare of another unit gets 403 on the case journal, and the refusal is logged', async () => {
    const r = await sara.getJson<Problem>(`/api/staff/cases/${gostaCase}/journal`);
    expect(r.status).toBe(403);
    expect((await sara.send('POST', `/api/staff/cases/${gostaCase}/journal`, draft())).status).toBe(403);
    expect((await sara.send('PUT', `/api/staff/journal/${id}`, { ...draft(), version: 3 })).status).toBe(403);
    const denied = await q<{ resource: string }>(
      `SELECT resource FROM audit_log WHERE actor_id = $1 AND action = 'denied' AND resource LIKE 'journal.%'`, [demoUuid('1:staff:sara')]);
    expect(denied.map((d) => d.resource)).toEqual(expect.arrayContaining(['journal.list', 'journal.create', 'journal.update']));
  });

  it('refuses bad input with a 400 that says what to fix', async () => {
    const badKind = await eva.send<Problem>('POST', `/api/staff/cases/${gostaCase}/journal`, draft({ kind: 'dagbok' }));
    expect(badKind.status).toBe(400);
    const badDate = await eva.send<Problem>('PUT', `/api/staff/journal/${id}`, { ...draft({ occurredOn: '2026-13-40' }), version: 3 });
    expect(badDate.status).toBe(400);
    expect((await eva.send('PUT', `/api/staff/journal/not-a-uuid`, { ...draft(), version: 3 })).status).toBe(400);
  });

  it('refuses to sign an empty entry', async () => {
    const empty = await eva.send<NewJournalEntryResult>('POST', `/api/staff/cases/${gostaCase}/journal`, draft({ body: '  ' }));
    // with or without a JSON body
    expect((await eva.send<Problem>('POST', `/api/staff/journal/${empty.body.id}/sign`)).body.detail).toMatch(/tom/);
    const r = await eva.send<Problem>('POST', `/api/staff/journal/${empty.body.id}/sign`, {});
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/tom/);
    expect((await eva.send('DELETE', `/api/staff/journal/${empty.body.id}`)).status).toBe(204);
    expect(await q('SELECT 1 FROM journal_entries WHERE id = $1', [empty.body.id])).toHaveLength(0);
  });

  describe('signing and corrections', () => {
    it('signs: the entry becomes visible to the unit, and can no longer change', async () => {
      const signed = await eva.send<SignResult>('POST', `/api/staff/journal/${id}/sign`, { version: 3 });
      expect(signed.status).toBe(200);
      const [row] = await q<{ signed_by: string; signed_at: Date | null }>('SELECT signed_by, signed_at FROM journal_entries WHERE id = $1', [id]);
      expect(row!.signed_by).toBe(evaId);
      expect(row!.signed_at).toBeInstanceOf(Date);

      const hers = await journalOf(karin);
      expect(hers.body.entries.find((e) => e.id === id)).toMatchObject({
        title: 'Samtal med dottern', kind: 'telefonsamtal', author: { id: evaId, name: 'Eva Lindqvist' },
        signedBy: { id: evaId }, correctsId: null, correctedBy: [],
      });

      const update = await eva.send<Problem & { current: JournalCurrent }>('PUT', `/api/staff/journal/${id}`, { ...draft({ body: 'ändrat' }), version: 4 });
      expect(update.status).toBe(409);
      expect(update.body.type).toMatch(/journal-signed$/);
      expect(update.body.current.body).toBe('Ingrid ringde om tider för dusch.');
      expect((await eva.send('POST', `/api/staff/journal/${id}/sign`, {})).status).toBe(409);
      expect((await eva.send('DELETE', `/api/staff/journal/${id}`)).status).toBe(409);
    });

    it('the database itself refuses to change or remove a signed entry', async () => {
      await expect(q(`UPDATE journal_entries SET body = 'manipulerad' WHERE id = $1`, [id])).rejects.toThrow(/signed journal entry cannot be changed/);
      await expect(q('DELETE FROM journal_entries WHERE id = $1', [id])).rejects.toThrow(/signed journal entry/);
      // the application role too, inside a tenant transaction
      await expect(s.db.withTenant(1, (tx) => tx.query(`UPDATE journal_entries SET title = 'x' WHERE municipality_id = 1 AND id = $1`, [id])))
        .rejects.toThrow(/signed journal entry/);
    });

    it('a correction is a new entry linked to the old one; both stay visible', async () => {
      const c = await eva.send<NewJournalEntryResult>('POST', `/api/staff/cases/${gostaCase}/journal`,
        draft({ title: 'Rättelse', body: 'Det var sonen, inte dottern, som ringde.', correctsId: id }));
      expect(c.status).toBe(201);
      expect((await eva.send('POST', `/api/staff/journal/${c.body.id}/sign`, { version: c.body.version })).status).toBe(200);
      const j = (await journalOf(karin)).body;
      const original = j.entries.find((e) => e.id === id)!;
      const correction = j.entries.find((e) => e.id === c.body.id)!;
      expect(original.body).toBe('Ingrid ringde om tider för dusch.');
      expect(original.correctedBy).toEqual([c.body.id]);
      expect(correction.correctsId).toBe(id);
      // newest first
      expect(j.entries.findIndex((e) => e.id === c.body.id)).toBeLessThan(j.entries.findIndex((e) => e.id === id));
    });

    it('a correction may only point at a signed entry in the same case', async () => {
      const other = await q<{ id: string }>(
        `SELECT id FROM journal_entries WHERE case_id <> $1 AND signed_at IS NOT NULL AND municipality_id = 1 LIMIT 1`, [gostaCase]);
      const wrongCase = await eva.send<Problem>('POST', `/api/staff/cases/${gostaCase}/journal`, draft({ correctsId: other[0]!.id }));
      expect(wrongCase.status).toBe(400);
      expect(wrongCase.body.detail).toMatch(/signerad anteckning i samma ärende/);
      const d = await eva.send<NewJournalEntryResult>('POST', `/api/staff/cases/${gostaCase}/journal`, draft());
      const toDraft = await eva.send<Problem>('POST', `/api/staff/cases/${gostaCase}/journal`, draft({ correctsId: d.body.id }));
      expect(toDraft.status).toBe(400);
      await eva.send('DELETE', `/api/staff/journal/${d.body.id}`);
    });
  });

  it('writes audit records for reads and changes', async () => {
    const rows = await q<{ action: string; resource: string; subject_person_id: string }>(
      `SELECT action, resource, subject_person_id FROM audit_log WHERE actor_id = $1 AND resource LIKE 'journal.%'`, [evaId]);
    const seen = new Set(rows.map((r) => `${r.action} ${r.resource}`));
    for (const x of ['read journal.list', 'update journal.create', 'update journal.update', 'update journal.sign', 'update journal.delete', 'list journal.drafts']) {
      expect(seen, x).toContain(x);
    }
    expect(rows.filter((r) => r.resource !== 'journal.drafts').every((r) => r.subject_person_id === gosta)).toBe(true);
    // the 409 showed the server's text: that read is logged as well
    expect(seen).toContain('read journal.conflict');
  });
});

describe('timeline', () => {
  type Item = Timeline['items'][number];
  const timeline = (b: Browser, query = '') => b.getJson<Timeline>(`/api/staff/persons/${gosta}/timeline${query}`);

  it('shows the events of the cases the user may see, newest first, and logs the read', async () => {
    const r = await timeline(eva);
    expect(r.status).toBe(200);
    const items = r.body.items;
    const types = new Set(items.map((i) => i.type));
    for (const t of ['aktualisering', 'journal', 'beslut', 'beslutsbrev', 'fil']) expect(types, t).toContain(t);
    expect(items.every((i) => i.caseId === gostaCase)).toBe(true);
    expect(items.some((i) => i.caseNumber === 'TEST-LSS-0001' || /LSS-hemligt/.test(i.summary ?? ''))).toBe(false);
    expect(r.body.areas).toEqual(['aldreomsorg']);
    const dates = items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // the decision letter shows once, as the letter; the upload as a file
    expect(items.filter((i) => i.title === 'beslut-hemtjanst.pdf').map((i) => i.type)).toEqual(['beslutsbrev']);
    expect(items.find((i) => i.type === 'fil')).toMatchObject({ title: 'lakarintyg.pdf', summary: 'Läkarintyg', detail: 'upload' });
    expect(items.find((i) => i.type === 'beslut')).toMatchObject({ detail: 'bifall', area: 'aldreomsorg' });
    expect(items.some((i) => i.title === 'Utkast till insats')).toBe(false);
    expect(items.find((i) => i.type === 'aktualisering')).toMatchObject({ detail: 'ansokan', title: 'Ansökan om hemtjänst' });
    // signed journal entries only, never drafts
    const draftRow = await eva.send<NewJournalEntryResult>('POST', `/api/staff/cases/${gostaCase}/journal`, draft({ title: 'Hemligt utkast' }));
    expect((await timeline(eva)).body.items.some((i: Item) => i.title === 'Hemligt utkast')).toBe(false);
    await eva.send('DELETE', `/api/staff/journal/${draftRow.body.id}`);
    const audit = await q(`SELECT 1 FROM audit_log WHERE actor_id = $1 AND resource = 'person.timeline' AND subject_person_id = $2`, [evaId, gosta]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('filters by type and by area', async () => {
    const journal = await timeline(eva, '?type=journal');
    expect(journal.body.items.length).toBeGreaterThan(0);
    expect(journal.body.items.every((i) => i.type === 'journal')).toBe(true);
    expect(journal.body.items.find((i) => i.title === 'Rättelse')).toMatchObject({ detail: 'telefonsamtal' });
    const none = await timeline(eva, '?area=funktionsstod');
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    const both = await timeline(eva, '?area=aldreomsorg&type=beslut');
    expect(both.body.items.length).toBeGreaterThan(0);
    expect(both.body.items.every((i) => i.type === 'beslut' && i.area === 'aldreomsorg')).toBe(true);
    expect((await timeline(eva, '?type=dagbok')).status).toBe(400);
  });

  it('another unit sees only its own case of the same person', async () => {
    const r = await timeline(sara);
    expect(r.status).toBe(200);
    expect(r.body.areas).toEqual(['funktionsstod']);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every((i) => i.caseId === fsCase)).toBe(true);
    expect(r.body.items.find((i) => i.type === 'journal')).toMatchObject({ title: 'Samtal om ledsagning', summary: 'LSS-hemligt samtal' });
  });

  it('refuses a person the user has no relation to', async () => {
    const stranger = demoUuid('1:person:leo'); // a child in Barn och unga
    expect((await eva.getJson(`/api/staff/persons/${stranger}/timeline`)).status).toBe(403);
    expect((await eva.getJson(`/api/staff/persons/${demoUuid('nobody')}/timeline`)).status).toBe(404);
  });
});

describe('without a session', () => {
  it('answers 401 problem+json, and a missing CSRF token is refused', async () => {
    const anon = new Browser(s.baseUrl);
    expect((await anon.getJson(`/api/staff/cases/${gostaCase}/journal`)).status).toBe(401);
    expect((await anon.send('PUT', `/api/staff/journal/${demoUuid('x')}`, { ...draft(), version: 1 })).status).toBe(401);
    const noCsrf = await eva.send('POST', `/api/staff/cases/${gostaCase}/journal`, draft(), { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);
  });
});
