// The register of providers (utförare) over real HTTP against a real PostgreSQL: the
// systemförvaltare keeps it (every change audited, never a delete), a bad organisationsnummer is
// refused naming the field (lag 1974:174; Luhn check digit), others are refused and logged, and a
// deactivated provider is no longer offered for new beställningar while its orders run on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import type { AdminProviderList, AdminProviderView } from '../../src/shared/admin-providers-api.ts';
import type { Problem } from '../../src/shared/api.ts';
import type { ProviderOptions } from '../../src/shared/orders-api.ts';

let s: TestServer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);

async function loggedIn(subject: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(subject);
  return b;
}

let admin: Browser;
let karin: Browser;

beforeAll(async () => {
  s = await startServer();
  admin = await loggedIn('demo:olof');
  karin = await loggedIn('demo:karin');
});
afterAll(() => s.close());

const auditFor = (id: string) => q<{ action: string; actor_id: string; subject_person_id: string | null; flagged: boolean; details: Record<string, unknown> }>(
  `SELECT action, actor_id, subject_person_id, flagged, details FROM audit_log
   WHERE municipality_id = 1 AND resource = 'provider' AND details->>'id' = $1 ORDER BY seq`, [id]);
const staffId = async (subject: string) => (await q<{ id: string }>('SELECT id FROM staff_users WHERE oidc_subject = $1', [subject]))[0]!.id;

const NEW = {
  name: '  Hemtjänst  Norr AB ', orgNumber: '5599000006', kind: 'privat', lov: true, phone: '0999-44 33 22', email: 'info@hemtjanstnorr.example',
  insatser: ['trygghetslarm', 'hemtjanst', 'hemtjanst'], areas: [' Norr ', 'norr', 'Centrum'],
};

describe('utförarregistret: systemförvaltare', () => {
  it('lists every provider with kind, LOV, insatser and the count of active orders, and the catalogue without ekonomiskt bistånd', async () => {
    const list = await admin.getJson<AdminProviderList>('/api/admin/providers');
    expect(list.status).toBe(200);
    const names = list.body.items.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Hemtjänsten Centrum', 'Omsorgsbolaget Trygg Vardag AB']));
    for (const p of list.body.items) {
      const [{ n }] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM orders WHERE provider_id = $1 AND status IN ('skickad','accepterad','pagaende','avbruten')`, [p.id]) as [{ n: number }];
      expect(p.activeOrders, p.name).toBe(n);
    }
    const p1 = list.body.items.find((p) => p.name === 'Hemtjänsten Centrum')!;
    expect(p1).toMatchObject({ kind: 'kommunal', lov: false, active: true, insatser: expect.arrayContaining(['hemtjanst']) });
    expect(p1.activeOrders).toBeGreaterThan(0);
    const keys = list.body.insatser.map((i) => i.key);
    expect(keys).toContain('hemtjanst');
    expect(keys).toContain('lss_personlig_assistans');
    expect(keys).not.toContain('forsorjningsstod');
    expect(list.body.insatser.find((i) => i.key === 'lss_ledsagarservice')).toMatchObject({ group: 'lss', law: 'LSS' });
  });

  it('creates, updates, deactivates and reactivates a provider; each change is audited without a subject person', async () => {
    const olof = await staffId('demo:olof');
    const created = await admin.send<AdminProviderView>('POST', '/api/admin/providers', NEW);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Hemtjänst Norr AB', orgNumber: '559900-0006', orgNumberValid: true, kind: 'privat', lov: true,
      phone: '0999-44 33 22', email: 'info@hemtjanstnorr.example',
      insatser: ['hemtjanst', 'trygghetslarm'], areas: ['Norr', 'Centrum'], active: true, activeOrders: 0,
    });
    const id = created.body.id;
    const stored = await q('SELECT name, org_number, insatser, active FROM providers WHERE id = $1', [id]);
    expect(stored[0]).toEqual({ name: 'Hemtjänst Norr AB', org_number: '559900-0006', insatser: ['hemtjanst', 'trygghetslarm'], active: true });

    // A new provider is offered at once for what it delivers.
    const offered = await karin.getJson<ProviderOptions>('/api/staff/providers?insats=hemtjanst');
    expect(offered.body.items.map((p) => p.id)).toContain(id);

    const body = { ...NEW, name: 'Hemtjänst Norr AB', insatser: ['hemtjanst', 'avlosning'], areas: ['Norr'], phone: null, email: '', active: true };
    const updated = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${id}`, body);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, insatser: ['hemtjanst', 'avlosning'], areas: ['Norr'], phone: null, email: null, active: true });

    const deactivated = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${id}`, { ...body, active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    // Never deleted: still in the register, listed as inactive.
    const listed = await admin.getJson<AdminProviderList>('/api/admin/providers');
    expect(listed.body.items.find((p) => p.id === id)).toMatchObject({ active: false, name: 'Hemtjänst Norr AB' });

    const reactivated = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${id}`, { ...body, active: true });
    expect(reactivated.body.active).toBe(true);

    const audit = await auditFor(id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'deactivate', 'activate']);
    for (const a of audit) expect(a).toMatchObject({ actor_id: olof, subject_person_id: null, flagged: false });
    expect(audit[1]!.details).toMatchObject({
      changed: ['phone', 'email', 'insatser', 'areas'],
      before: { insatser: ['hemtjanst', 'trygghetslarm'], phone: '0999-44 33 22' }, after: { insatser: ['hemtjanst', 'avlosning'], phone: null },
    });
    expect(audit[2]!.details).toMatchObject({ changed: ['active'], before: { active: true }, after: { active: false } });
  });

  it('refuses a bad organisationsnummer with a 400 problem naming the field in Swedish, and stores nothing', async () => {
    for (const [orgNumber, text] of [['559900-0007', /Kontrollsiffran/], ['55990000', /NNNNNN-NNNN/], ['811218-9876', /personnummer/]] as const) {
      const r = await admin.send<Problem>('POST', '/api/admin/providers', { ...NEW, name: `Fel nummer ${orgNumber}`, orgNumber });
      expect(r.status).toBe(400);
      expect(r.type).toMatch(/application\/problem\+json/);
      expect(r.body.errors).toEqual([{ path: 'body/orgNumber', message: expect.stringMatching(/^Organisationsnummer: /) }]);
      expect(r.body.errors![0]!.message).toMatch(text);
      expect(r.body.detail).toMatch(/Organisationsnummer/);
    }
    expect(await q(`SELECT 1 FROM providers WHERE name LIKE 'Fel nummer%'`)).toHaveLength(0);
  });

  it('reports every faulty field at once: name, insatser outside the catalogue or ekonomiskt bistånd, e-post, telefon', async () => {
    const r = await admin.send<Problem>('POST', '/api/admin/providers', {
      ...NEW, name: '   ', insatser: ['hemtjänst-ish'], email: 'inte-en-adress', phone: '12',
    });
    expect(r.status).toBe(400);
    expect(r.body.errors!.map((e) => e.path)).toEqual(['body/name', 'body/phone', 'body/email', 'body/insatser']);
    expect(r.body.errors!.map((e) => e.message.split(':')[0])).toEqual(['Namn', 'Telefon', 'E-post', 'Insatser']);
    expect(r.body.errors![3]!.message).toMatch(/"hemtjänst-ish" finns inte i Lots katalog/);

    const money = await admin.send<Problem>('POST', '/api/admin/providers', { ...NEW, name: 'Pengar AB', insatser: ['forsorjningsstod'] });
    expect(money.status).toBe(400);
    expect(money.body.errors).toEqual([{ path: 'body/insatser', message: expect.stringMatching(/ekonomiskt bistånd betalas ut av nämnden/) }]);
    const none = await admin.send<Problem>('POST', '/api/admin/providers', { ...NEW, name: 'Tom AB', insatser: [] });
    expect(none.body.errors![0]).toMatchObject({ path: 'body/insatser', message: expect.stringMatching(/minst en insats/) });
  });

  it('refuses a second provider with the same name (409), and an unknown id (404)', async () => {
    const twin = await admin.send<Problem>('POST', '/api/admin/providers', { ...NEW, name: 'hemtjänsten centrum', orgNumber: '212000-9994', kind: 'kommunal', lov: false });
    expect(twin.status).toBe(409);
    expect(twin.body.errors![0]!.path).toBe('body/name');
    const missing = await admin.send<Problem>('PUT', '/api/admin/providers/00000000-0000-4000-8000-000000000000', NEW);
    expect(missing.status).toBe(404);
  });

  it('keeps an unchanged stored number that predates the check, so the provider can still be edited; a changed one must be valid', async () => {
    const list = await admin.getJson<AdminProviderList>('/api/admin/providers');
    const p2 = list.body.items.find((p) => p.name === 'Omsorgsbolaget Trygg Vardag AB')!;
    await q('UPDATE providers SET org_number = $2 WHERE id = $1', [p2.id, '559999-0001']);
    const body = { name: p2.name, orgNumber: '559999-0001', kind: p2.kind, lov: p2.lov, phone: p2.phone, email: p2.email, insatser: p2.insatser, areas: p2.areas, active: true };
    const listed = await admin.getJson<AdminProviderList>('/api/admin/providers');
    expect(listed.body.items.find((p) => p.id === p2.id)!.orgNumberValid).toBe(false);
    expect((await admin.send('PUT', `/api/admin/providers/${p2.id}`, body)).status).toBe(200);
    const changed = await admin.send<Problem>('PUT', `/api/admin/providers/${p2.id}`, { ...body, orgNumber: '559999-0002' });
    expect(changed.status).toBe(400);
    expect(changed.body.errors![0]!.path).toBe('body/orgNumber');
    const fixed = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${p2.id}`, { ...body, orgNumber: '559999 0008' });
    expect(fixed.body).toMatchObject({ orgNumber: '559999-0008', orgNumberValid: true });
  });
});

describe('utförarregistret: others and the orders module', () => {
  it('refuses a handläggare and a provider user (403), logged and flagged, and changes nothing', async () => {
    const list = await admin.getJson<AdminProviderList>('/api/admin/providers');
    const p1 = list.body.items.find((p) => p.name === 'Hemtjänsten Centrum')!;
    const annap = await loggedIn('demo:annap');
    for (const b of [karin, annap]) {
      const read = await b.getJson<Problem>('/api/admin/providers');
      expect(read.status).toBe(403);
      expect(read.body.detail).toMatch(/Endast systemförvaltare/);
      expect((await b.send('POST', '/api/admin/providers', { ...NEW, name: 'Smyg AB' })).status).toBe(403);
      expect((await b.send('PUT', `/api/admin/providers/${p1.id}`, { ...NEW, name: p1.name, active: false })).status).toBe(403);
    }
    expect(await q(`SELECT 1 FROM providers WHERE name = 'Smyg AB'`)).toHaveLength(0);
    expect((await q<{ active: boolean }>('SELECT active FROM providers WHERE id = $1', [p1.id]))[0]!.active).toBe(true);
    const karinId = await staffId('demo:karin');
    const refused = await q<{ details: { attempted: string } }>(
      `SELECT details FROM audit_log WHERE resource = 'provider' AND action = 'denied' AND flagged AND actor_id = $1 ORDER BY seq`, [karinId]);
    expect(refused.map((r) => r.details.attempted)).toEqual(['read', 'create', 'update']);
    // Not logged in at all: 401.
    expect((await new Browser(s.baseUrl).getJson('/api/admin/providers')).status).toBe(401);
  });

  it('a deactivated provider is no longer offered for a new beställning; its orders keep running', async () => {
    const list = await admin.getJson<AdminProviderList>('/api/admin/providers');
    const p2 = list.body.items.find((p) => p.name === 'Omsorgsbolaget Trygg Vardag AB')!;
    const before = await karin.getJson<ProviderOptions>('/api/staff/providers?insats=hemtjanst');
    expect(before.status).toBe(200);
    expect(before.body.items.map((p) => p.id)).toContain(p2.id);
    const activeOrders = p2.activeOrders;
    expect(activeOrders).toBeGreaterThan(0);

    const body = { name: p2.name, orgNumber: p2.orgNumber, kind: p2.kind, lov: p2.lov, phone: p2.phone, email: p2.email, insatser: p2.insatser, areas: p2.areas };
    const off = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${p2.id}`, { ...body, active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, activeOrders });

    const after = await karin.getJson<ProviderOptions>('/api/staff/providers?insats=hemtjanst');
    expect(after.body.items.map((p) => p.id)).not.toContain(p2.id);
    expect(after.body.items.map((p) => p.name)).toContain('Hemtjänsten Centrum');
    const unfiltered = await karin.getJson<ProviderOptions>('/api/staff/providers');
    expect(unfiltered.body.items.map((p) => p.id)).not.toContain(p2.id);
    // Orders already placed are untouched.
    const [{ n }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders WHERE provider_id = $1 AND status IN ('skickad','accepterad','pagaende','avbruten')`, [p2.id]) as [{ n: number }];
    expect(n).toBe(activeOrders);

    // Omitting `active` on a PUT keeps the current state rather than reactivating.
    const kept = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${p2.id}`, body);
    expect(kept.body.active).toBe(false);
    const on = await admin.send<AdminProviderView>('PUT', `/api/admin/providers/${p2.id}`, { ...body, active: true });
    expect(on.body.active).toBe(true);
    expect((await karin.getJson<ProviderOptions>('/api/staff/providers?insats=hemtjanst')).body.items.map((p) => p.id)).toContain(p2.id);
  });
});
