// The delegationsordning over real HTTP against a real PostgreSQL: the systemförvaltare maintains
// it (every change audited), case workers read it, and the law's limits are enforced
// (LVU decisions are not delegable to officials, 30 kap. 7 § och 12 § SoL 2025:400).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import type { DelegationList, DelegationRuleView } from '../../src/shared/delegations-api.ts';
import { loadDelegationRules } from '../../src/server/modules/delegations/rules.ts';
import { authorityFor } from '../../src/domain/delegation.ts';

let s: TestServer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const staffRow = async (subject: string) => (await q<{ id: string; unit_id: string | null }>(
  'SELECT id, unit_id FROM staff_users WHERE oidc_subject = $1', [subject]))[0]!;

async function loggedIn(subject: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(subject);
  return b;
}

let admin: Browser;
let eva: Browser;
let unitAo: string;
let unitBu: string;

beforeAll(async () => {
  s = await startServer();
  admin = await loggedIn('demo:olof');
  eva = await loggedIn('demo:eva');
  unitAo = (await staffRow('demo:eva')).unit_id!;
  unitBu = (await staffRow('demo:lina')).unit_id!;
});
afterAll(() => s.close());

const auditFor = (id: string) => q<{ action: string; actor_id: string; subject_person_id: string | null; resource: string; details: Record<string, unknown> }>(
  `SELECT action, actor_id, subject_person_id, resource, details FROM audit_log
   WHERE municipality_id = 1 AND resource = 'delegation' AND details->>'id' = $1 ORDER BY seq`, [id]);

describe('delegationsordning: systemförvaltare', () => {
  it('lists, creates, updates and deletes a rule, each change audited without a subject person', async () => {
    const olof = await staffRow('demo:olof');
    const list = await admin.getJson<DelegationList>('/api/delegations');
    expect(list.status).toBe(200);
    expect(list.body.decisionTypes.find((d) => d.key === 'hemtjanst')).toMatchObject({ group: 'sol_aldre_funktionsstod', law: 'SoL' });
    expect(list.body.decisionTypes.find((d) => d.key === 'lss_personlig_assistans')).toMatchObject({ group: 'lss' });
    expect(list.body.units.map((u) => u.id)).toContain(unitAo);
    expect(list.body.units.map((u) => u.name)).not.toContain('Socialförvaltningen');
    expect(list.body.nonDelegable.map((d) => d.key)).toContain('lvu_ansokan_vard');
    const before = list.body.items.length;

    const created = await admin.send<DelegationRuleView>('POST', '/api/admin/delegations', {
      decisionType: 'avlosning', level: 'handlaggare', outcomes: ['avslag', 'bifall'], unitId: unitAo, note: '  Biståndshandläggare  ',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      decisionType: 'avlosning', decisionTypeLabelSv: 'Avlösning i hemmet (11 kap. 1 § SoL)', level: 'handlaggare',
      outcomes: ['bifall', 'avslag'], unitId: unitAo, unitName: 'Biståndsenheten äldreomsorg', note: 'Biståndshandläggare',
      updatedBy: 'Olof Dahl', group: 'sol_aldre_funktionsstod',
    });
    const id = created.body.id;
    const stored = await q<{ outcomes: string[]; updated_by: string }>('SELECT outcomes, updated_by FROM delegations WHERE id = $1', [id]);
    expect(stored[0]).toEqual({ outcomes: ['bifall', 'avslag'], updated_by: olof.id });

    const listed = await admin.getJson<DelegationList>('/api/delegations');
    expect(listed.body.items).toHaveLength(before + 1);
    expect(listed.body.items.find((r) => r.id === id)).toMatchObject({ decisionType: 'avlosning', unitName: 'Biståndsenheten äldreomsorg' });

    const updated = await admin.send<DelegationRuleView>('PUT', `/api/admin/delegations/${id}`, {
      decisionType: 'avlosning', level: 'arbetsledare', outcomes: ['avslag'], unitId: null, note: '',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, level: 'arbetsledare', outcomes: ['avslag'], unitId: null, unitName: null, note: null });

    // The case module reads the same rules.
    const rules = await s.db.withTenant(1, (tx) => loadDelegationRules(tx));
    const mine = rules.find((r) => r.id === id)!;
    expect(mine).toEqual({ id, decisionType: 'avlosning', level: 'arbetsledare', outcomes: ['avslag'], unitId: null });
    const johan = await staffRow('demo:johan');
    expect(authorityFor([mine], { role: 'arbetsledare', unitId: johan.unit_id }, 'avlosning', 'avslag', unitAo).ok).toBe(true);
    expect(authorityFor([mine], { role: 'handlaggare', unitId: unitAo }, 'avlosning', 'avslag', unitAo)).toMatchObject({ ok: false, proposeTo: 'arbetsledare' });

    const removed = await admin.send('DELETE', `/api/admin/delegations/${id}`);
    expect(removed.status).toBe(204);
    expect(await q('SELECT 1 FROM delegations WHERE id = $1', [id])).toHaveLength(0);
    expect((await admin.send('DELETE', `/api/admin/delegations/${id}`)).status).toBe(404);

    const audit = await auditFor(id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    for (const a of audit) expect(a).toMatchObject({ actor_id: olof.id, subject_person_id: null, resource: 'delegation' });
    expect(audit[1]!.details).toMatchObject({ before: { level: 'handlaggare', outcomes: ['bifall', 'avslag'] }, after: { level: 'arbetsledare', outcomes: ['avslag'] } });
    expect(audit[2]!.details).toMatchObject({ before: { decisionType: 'avlosning', level: 'arbetsledare' } });
  });

  it('refuses an unknown decision type with a detail that says what to fix', async () => {
    const r = await admin.send<{ status: number; detail: string; errors: Array<{ path: string }> }>('POST', '/api/admin/delegations', {
      decisionType: 'hemtjänst-ish', level: 'handlaggare', outcomes: ['bifall'], unitId: null,
    });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/application\/problem\+json/);
    expect(r.body.detail).toMatch(/Beslutstypen "hemtjänst-ish" finns inte/);
    expect(r.body.detail).toMatch(/Välj en beslutstyp ur listan/);
    expect(r.body.errors[0]!.path).toBe('body/decisionType');
  });

  it('refuses a decision the law keeps from officials (LVU) with a 400 citing 30 kap. SoL', async () => {
    for (const level of ['handlaggare', 'arbetsledare']) {
      const r = await admin.send<{ type: string; detail: string }>('POST', '/api/admin/delegations', {
        decisionType: 'lvu_ansokan_vard', level, outcomes: ['bifall'], unitId: unitBu,
      });
      expect(r.status).toBe(400);
      expect(r.body.type).toBe('/problems/non-delegable');
      expect(r.body.detail).toMatch(/får inte delegeras till en tjänsteman/);
      expect(r.body.detail).toMatch(/30 kap\. 7 § och 12 § socialtjänstlagen \(2025:400\)/);
    }
    expect(await q(`SELECT 1 FROM delegations WHERE decision_type = 'lvu_ansokan_vard'`)).toHaveLength(0);
  });

  it('refuses empty or unknown outcomes, a unit outside the municipality, and an unknown field', async () => {
    const base = { decisionType: 'hemtjanst', level: 'handlaggare', unitId: null };
    const empty = await admin.send<{ errors: Array<{ path: string }> }>('POST', '/api/admin/delegations', { ...base, outcomes: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.some((e) => e.path.includes('outcomes'))).toBe(true);
    expect((await admin.send('POST', '/api/admin/delegations', { ...base, outcomes: ['beviljas'] })).status).toBe(400);
    expect((await admin.send('POST', '/api/admin/delegations', { ...base, outcomes: ['bifall', 'bifall'] })).status).toBe(400);
    expect((await admin.send('POST', '/api/admin/delegations', { ...base, level: 'namnd', outcomes: ['bifall'] })).status).toBe(400);
    expect((await admin.send('POST', '/api/admin/delegations', { ...base, outcomes: ['bifall'], extra: 1 })).status).toBe(400);

    const otherMunicipality = (await q<{ id: string }>('SELECT id FROM org_units WHERE municipality_id = 2 LIMIT 1'))[0]!.id;
    const root = (await q<{ id: string }>(`SELECT id FROM org_units WHERE municipality_id = 1 AND area = 'forvaltning' LIMIT 1`))[0]!.id;
    for (const unitId of [otherMunicipality, root, '00000000-0000-4000-8000-000000000000']) {
      const r = await admin.send<{ detail: string; errors: Array<{ path: string }> }>('POST', '/api/admin/delegations', { ...base, outcomes: ['bifall'], unitId });
      expect(r.status, unitId).toBe(400);
      expect(r.body.detail).toMatch(/Enheten finns inte i kommunen/);
      expect(r.body.errors[0]!.path).toBe('body/unitId');
    }
    const bad = await admin.send('PUT', '/api/admin/delegations/not-a-uuid', { ...base, outcomes: ['bifall'] });
    expect(bad.status).toBe(400);
    const missing = await admin.send('PUT', '/api/admin/delegations/00000000-0000-4000-8000-000000000000', { ...base, outcomes: ['bifall'] });
    expect(missing.status).toBe(404);
  });

  it('refuses a second rule for the same type, position and unit (409), but allows another unit', async () => {
    const body = { decisionType: 'dagverksamhet', level: 'arbetsledare', outcomes: ['avslag'], unitId: unitAo };
    const first = await admin.send<DelegationRuleView>('POST', '/api/admin/delegations', body);
    expect(first.status).toBe(201);
    const twin = await admin.send<{ detail: string }>('POST', '/api/admin/delegations', { ...body, outcomes: ['bifall'] });
    expect(twin.status).toBe(409);
    expect(twin.body.detail).toMatch(/Ändra den befintliga regeln/);
    const other = await admin.send<DelegationRuleView>('POST', '/api/admin/delegations', { ...body, unitId: unitBu });
    expect(other.status).toBe(201);
    // Updating a rule into its twin is refused too; updating it in place is not.
    expect((await admin.send('PUT', `/api/admin/delegations/${other.body.id}`, body)).status).toBe(409);
    expect((await admin.send('PUT', `/api/admin/delegations/${first.body.id}`, { ...body, outcomes: ['avslag', 'delvis_bifall'] })).status).toBe(200);
  });
});

describe('delegationsordning: case workers', () => {
  it('a handläggare reads the rules (what they may sign)', async () => {
    const r = await eva.getJson<DelegationList>('/api/delegations');
    expect(r.status).toBe(200);
    expect(r.body.decisionTypes.length).toBeGreaterThan(20);
    expect(r.body.items.some((i) => i.decisionType === 'dagverksamhet')).toBe(true);
  });

  it('a handläggare gets 403 on every change, with a Swedish detail, and the attempt is logged', async () => {
    const evaRow = await staffRow('demo:eva');
    const existing = (await q<{ id: string }>('SELECT id FROM delegations WHERE municipality_id = 1 LIMIT 1'))[0]!.id;
    const body = { decisionType: 'hemtjanst', level: 'handlaggare', outcomes: ['bifall'], unitId: null };
    const attempts = [
      await eva.send<{ detail: string }>('POST', '/api/admin/delegations', body),
      await eva.send<{ detail: string }>('PUT', `/api/admin/delegations/${existing}`, body),
      await eva.send<{ detail: string }>('DELETE', `/api/admin/delegations/${existing}`),
    ];
    for (const r of attempts) {
      expect(r.status).toBe(403);
      expect(r.body.detail).toMatch(/Endast systemförvaltare kan ändra delegationsordningen/);
    }
    expect(await q('SELECT 1 FROM delegations WHERE id = $1', [existing])).toHaveLength(1);
    const denied = await q<{ details: { attempted: string } }>(
      `SELECT details FROM audit_log WHERE actor_id = $1 AND resource = 'delegation' AND action = 'denied' AND flagged ORDER BY seq`, [evaRow.id]);
    expect(denied.map((d) => d.details.attempted)).toEqual(['create', 'update', 'delete']);
  });

  it('an utförare may neither read nor change it; without a session it is 401', async () => {
    const fatima = await loggedIn('demo:fatima');
    expect((await fatima.getJson('/api/delegations')).status).toBe(403);
    expect((await fatima.send('POST', '/api/admin/delegations', { decisionType: 'hemtjanst', level: 'handlaggare', outcomes: ['bifall'], unitId: null })).status).toBe(403);
    expect((await new Browser(s.baseUrl).getJson('/api/delegations')).status).toBe(401);
  });

  it('another municipality sees none of Demo kommun\'s rules', async () => {
    const ulrika = await loggedIn('exempelstad:x-ulrika');
    const r = await ulrika.getJson<DelegationList>('/api/delegations');
    expect(r.status).toBe(200);
    const demoIds = new Set((await q<{ id: string }>('SELECT id FROM delegations WHERE municipality_id = 1')).map((x) => x.id));
    expect(r.body.items.filter((i) => demoIds.has(i.id))).toEqual([]);
    expect(r.body.units.every((u) => !u.name.includes('Biståndsenheten äldreomsorg'))).toBe(true);
  });
});
