// Reminders end to end against a real PostgreSQL: the deadline sweep (idempotent, right
// recipients, audited), the sweep as a real pg-boss job on the queue, and the HTTP API
// (my reminders, mark as read, someone else's reminder is a 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import { runDeadlineSweep, DEADLINE_SWEEP_JOB } from '../../src/server/jobs/deadline-sweep.ts';
import { startJobQueue, JOB_SCHEMA, DEADLINE_SWEEP_CRON } from '../../src/server/jobs/queue.ts';
import { addDays, dateInSweden } from '../../src/domain/deadlines.ts';
import type { MyReminders } from '../../src/shared/reminders-api.ts';
import { verifyChain } from '../../src/server/access/audit.ts';

let s: TestServer;
const today = dateInSweden();
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);
const staffId = async (subject: string) => (await q<{ id: string; unit_id: string }>(
  'SELECT id, unit_id FROM staff_users WHERE oidc_subject = $1', [subject]))[0]!;

interface CaseRef { id: string; case_number: string; person_id: string; unit_id: string }
let eva: { id: string; unit_id: string };
let karin: { id: string; unit_id: string };
let johan: { id: string; unit_id: string };
let leadsOfAo: string[];
let evaCase: CaseRef;
let overdueId: string;
let soonId: string;

async function addDeadline(caseId: string, kind: string, legalBasis: string, dueOn: string): Promise<string> {
  const [row] = await q<{ id: string }>(
    `INSERT INTO case_deadlines (municipality_id, id, case_id, kind, legal_basis, due_on)
     VALUES (1, gen_random_uuid(), $1, $2, $3, $4) RETURNING id`, [caseId, kind, legalBasis, dueOn]);
  return row!.id;
}
const recipientsOf = async (sourceKey: string) => (await q<{ staff_user_id: string }>(
  'SELECT staff_user_id FROM reminders WHERE source_key = $1 ORDER BY staff_user_id', [sourceKey])).map((r) => r.staff_user_id);

beforeAll(async () => {
  s = await startServer();
  [eva, karin, johan] = await Promise.all([staffId('demo:eva'), staffId('demo:karin'), staffId('demo:johan')]);
  leadsOfAo = (await q<{ id: string }>(
    `SELECT id FROM staff_users WHERE municipality_id = 1 AND role = 'arbetsledare' AND unit_id = $1 AND active`, [eva.unit_id])).map((r) => r.id);
  evaCase = (await q<CaseRef>(
    `SELECT id, case_number, person_id, unit_id FROM cases WHERE assigned_to = $1 AND status = 'utredning' ORDER BY case_number LIMIT 1`, [eva.id]))[0]!;
});
afterAll(() => s?.close());

describe('the deadline sweep', () => {
  it('reminds of an overdue deadline once, to the handläggare and the unit\'s arbetsledare', async () => {
    expect(leadsOfAo).toContain(johan.id);
    overdueId = await addDeadline(evaCase.id, 'forhandsbedomning', '20 kap. 2 § SoL', addDays(today, -2));
    soonId = await addDeadline(evaCase.id, 'barnutredning', '20 kap. 3 § SoL', addDays(today, 2));

    const first = await runDeadlineSweep(s.db, today);
    expect(first.created).toBeGreaterThan(0);
    const total = Number((await q<{ n: string }>('SELECT count(*) AS n FROM reminders'))[0]!.n);
    expect(total).toBe(first.created);

    // 20 kap. 2 § SoL: overdue → handläggare + arbetsledare; soon → handläggare only
    expect(await recipientsOf(`deadline:${overdueId}:overdue`)).toEqual([eva.id, ...leadsOfAo].sort());
    expect(await recipientsOf(`deadline:${soonId}:soon`)).toEqual([eva.id]);
    expect(await recipientsOf(`deadline:${soonId}:overdue`)).toEqual([]);
    const [row] = await q<{ message: string; due_on: string; kind: string; case_id: string }>(
      'SELECT message, due_on, kind, case_id FROM reminders WHERE source_key = $1 AND staff_user_id = $2', [`deadline:${overdueId}:overdue`, eva.id]);
    expect(row).toEqual({
      kind: 'deadline_overdue', case_id: evaCase.id, due_on: addDays(today, -2),
      message: `Förhandsbedömning (20 kap. 2 § SoL) för ärende ${evaCase.case_number} har passerat (${addDays(today, -2)})`,
    });

    // Running again creates nothing: the sweep is idempotent.
    const second = await runDeadlineSweep(s.db, today);
    expect(second.created).toBe(0);
    expect(Number((await q<{ n: string }>('SELECT count(*) AS n FROM reminders'))[0]!.n)).toBe(total);
  });

  it('logs, as the system, which person\'s case went into new reminders', async () => {
    const rows = await q<{ actor_kind: string; action: string; details: { caseId: string; reminders: { to: string; sourceKey: string }[] } }>(
      `SELECT actor_kind, action, details FROM audit_log
       WHERE municipality_id = 1 AND resource = 'reminder' AND subject_person_id = $1`, [evaCase.person_id]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.actor_kind === 'system' && r.action === 'create')).toBe(true);
    const keys = rows.flatMap((r) => r.details.reminders.map((x) => `${x.to} ${x.sourceKey}`));
    expect(keys).toContain(`${eva.id} deadline:${overdueId}:overdue`);
    expect(keys).toContain(`${johan.id} deadline:${overdueId}:overdue`);
    // the sweep's records join the municipality's hash chain like any other
    const chain = await verifyChain(s.db.owner, 1);
    expect(chain.ok, chain.problem).toBe(true);
  });

  it('brings an unassigned case older than a day to the arbetsledare, and ignores closed cases', async () => {
    const [unassigned] = await q<{ id: string }>(
      `UPDATE cases SET assigned_to = NULL, received_on = $2
       WHERE id = (SELECT id FROM cases WHERE assigned_to = $1 AND status <> 'avslutad' AND id <> $3 ORDER BY case_number LIMIT 1)
       RETURNING id`, [karin.id, addDays(today, -3), evaCase.id]);
    const [closed] = await q<{ id: string }>(
      `SELECT id FROM cases WHERE municipality_id = 1 AND unit_id = $1 AND status = 'avslutad' LIMIT 1`, [eva.unit_id]);
    const closedDeadline = await addDeadline(closed!.id, 'utredning', '9 § FL', addDays(today, -5));

    const { created } = await runDeadlineSweep(s.db, today);
    expect(created).toBe(leadsOfAo.length);
    expect(await recipientsOf(`inbox:${unassigned!.id}`)).toEqual([...leadsOfAo].sort());
    expect(await recipientsOf(`deadline:${closedDeadline}:overdue`)).toEqual([]);
  });

  it('refuses a malformed date instead of guessing', async () => {
    await expect(runDeadlineSweep(s.db, '2026-02-30')).rejects.toThrow(/ISO date/);
  });
});

describe('the sweep as a job on the queue (pg-boss)', () => {
  it('runs a sent sweep in the worker, in its own schema the app role cannot reach', async () => {
    const queueDeadline = await addDeadline(evaCase.id, 'uppfoljning', '23 kap. 5 § SoL', addDays(today, -1));
    const queue = await startJobQueue({ db: s.db, connectionString: s.ownerUrl, runAtStart: false, pollingIntervalSeconds: 0.5, log: { info() {}, warn() {}, error() {} } });
    try {
      const schedules = await queue.boss.getSchedules();
      expect(schedules.map((x) => [x.name, x.cron])).toContainEqual([DEADLINE_SWEEP_JOB, DEADLINE_SWEEP_CRON]);

      const jobId = await queue.sendDeadlineSweep();
      const deadline = Date.now() + 20_000;
      let recipients: string[] = [];
      while (Date.now() < deadline) {
        recipients = await recipientsOf(`deadline:${queueDeadline}:overdue`);
        if (recipients.length > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(recipients).toEqual([eva.id, ...leadsOfAo].sort());
      if (jobId) {
        let state: string | undefined;
        while (Date.now() < deadline) {
          state = (await queue.boss.getJobById(DEADLINE_SWEEP_JOB, jobId))?.state;
          if (state === 'completed') break;
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(state).toBe('completed');
      }
    } finally {
      await queue.stop(5_000);
    }
    const [priv] = await q<{ usage: boolean }>(`SELECT has_schema_privilege('lots_app', $1, 'USAGE') AS usage`, [JOB_SCHEMA]);
    expect(priv!.usage).toBe(false);
  });
});

describe('GET /api/staff/reminders and POST …/:id/read', () => {
  let b: Browser;
  beforeAll(async () => {
    b = new Browser(s.baseUrl);
    await b.login('demo:eva');
  });

  it('lists my unread reminders with case numbers, and logs which cases were shown', async () => {
    const r = await b.getJson<MyReminders>('/api/staff/reminders');
    expect(r.status).toBe(200);
    const mine = await q<{ id: string }>(
      `SELECT r.id FROM reminders r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
       WHERE r.staff_user_id = $1 AND r.read_at IS NULL AND c.status <> 'avslutad'`, [eva.id]);
    expect(r.body.unreadCount).toBe(mine.length);
    expect(r.body.items.map((i) => i.id).sort()).toEqual(mine.map((m) => m.id).sort());
    const overdue = r.body.items.find((i) => i.message.includes(evaCase.case_number) && i.kind === 'deadline_overdue' && i.dueOn === addDays(today, -2));
    expect(overdue).toMatchObject({ caseId: evaCase.id, caseNumber: evaCase.case_number, readAt: null });
    // unread come earliest due first
    const dues = r.body.items.map((i) => i.dueOn);
    expect(dues).toEqual([...dues].sort());

    const audit = await q<{ details: { caseIds: string[] }; purpose: string }>(
      `SELECT details, purpose FROM audit_log WHERE actor_id = $1 AND resource = 'reminder.list' AND subject_person_id = $2`, [eva.id, evaCase.person_id]);
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit.at(-1)!.details.caseIds).toContain(evaCase.id);
    expect(audit.at(-1)!.purpose).toBe('unit_case');
  });

  it('marks my own reminder read; it moves to the read ones', async () => {
    const before = await b.getJson<MyReminders>('/api/staff/reminders');
    const target = before.body.items.find((i) => i.readAt === null)!;
    const res = await b.send('POST', `/api/staff/reminders/${target.id}/read`);
    expect(res.status).toBe(204);
    const after = await b.getJson<MyReminders>('/api/staff/reminders');
    expect(after.body.unreadCount).toBe(before.body.unreadCount - 1);
    expect(after.body.items.find((i) => i.id === target.id)?.readAt).toEqual(expect.any(String));
    // marking again is harmless
    expect((await b.send('POST', `/api/staff/reminders/${target.id}/read`)).status).toBe(204);
  });

  it('answers 404 for someone else\'s reminder and leaves it unread', async () => {
    const [theirs] = await q<{ id: string }>('SELECT id FROM reminders WHERE staff_user_id = $1 AND read_at IS NULL LIMIT 1', [johan.id]);
    const res = await b.send<{ status: number; detail: string }>('POST', `/api/staff/reminders/${theirs!.id}/read`);
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/Påminnelsen/);
    const [row] = await q<{ read_at: Date | null }>('SELECT read_at FROM reminders WHERE id = $1', [theirs!.id]);
    expect(row!.read_at).toBeNull();
    expect((await b.send('POST', '/api/staff/reminders/00000000-0000-4000-8000-000000000000/read')).status).toBe(404);
  });

  it('rejects a malformed id (400), a missing CSRF token (403), no session (401) and the wrong role (403)', async () => {
    expect((await b.send('POST', '/api/staff/reminders/not-a-uuid/read')).status).toBe(400);
    const [mine] = await q<{ id: string }>('SELECT id FROM reminders WHERE staff_user_id = $1 LIMIT 1', [eva.id]);
    expect((await b.send('POST', `/api/staff/reminders/${mine!.id}/read`, undefined, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await new Browser(s.baseUrl).getJson('/api/staff/reminders')).status).toBe(401);
    const admin = new Browser(s.baseUrl);
    await admin.login('demo:olof');
    expect((await admin.getJson('/api/staff/reminders')).status).toBe(403);
  });

  it('the arbetsledare sees the overdue reminder of the handläggare\'s case too', async () => {
    const lead = new Browser(s.baseUrl);
    await lead.login('demo:johan');
    const r = await lead.getJson<MyReminders>('/api/staff/reminders');
    expect(r.status).toBe(200);
    expect(r.body.items.some((i) => i.caseId === evaCase.id && i.kind === 'deadline_overdue')).toBe(true);
    expect(r.body.items.some((i) => i.kind === 'unassigned')).toBe(true);
  });
});
