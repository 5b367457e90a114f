// Påminnelser: the reminders the deadline sweep (jobs/deadline-sweep.ts) created for me.
// A reminder names a case number, which links to a person: listing them is a read of those
// persons' data and is audited, one record per person, naming the cases shown.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../../shared/api.ts';
import { MyReminders, type ReminderView } from '../../../shared/reminders-api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { isCaseWorker } from '../../access/actor.ts';
import { auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { forbidden, notFound } from '../../http/problems.ts';

const CASE_WORKERS = ['handlaggare'] as const; // the view; arbetsledare share it
const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };
export const UNREAD_LIMIT = 200;
export const READ_LIMIT = 20;

interface ReminderRow {
  id: string; case_id: string; case_number: string; person_id: string; kind: ReminderView['kind']; message: string;
  due_on: string; created_at: Date; read_at: Date | null; via: 'unit_case' | 'override';
}

/**
 * Reminders whose case I may still see: a case in my unit, or a person I have an active
 * need-to-know override for (the same rule the case lists use). A reminder of a case moved
 * to another unit stays in the table but is no longer shown.
 */
function visibleSql(unit: string): string {
  return `(c.unit_id = ${unit} OR EXISTS (SELECT 1 FROM access_overrides o WHERE o.municipality_id = r.municipality_id
    AND o.staff_user_id = r.staff_user_id AND o.person_id = c.person_id AND o.expires_at > now()))`;
}

async function myReminders(tx: TenantTx, ctx: RequestContext) {
  const actor = ctx.actor;
  if (!isCaseWorker(actor)) throw forbidden('Påminnelser finns för handläggare och arbetsledare.', 'wrong-role');
  const select = (extra: string, params: unknown[]) => {
    const unit = `$${params.push(actor.unitId)}`;
    return `
    SELECT r.id, r.case_id, c.case_number, c.person_id, r.kind, r.message, r.due_on, r.created_at, r.read_at,
           CASE WHEN c.unit_id = ${unit} THEN 'unit_case' ELSE 'override' END AS via
    FROM reminders r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
    WHERE r.municipality_id = $1 AND r.staff_user_id = $2 AND ${visibleSql(unit)} AND ${extra}`;
  };

  const unreadParams: unknown[] = [tx.municipalityId, actor.userId];
  // Unread reminders of a case that has since been closed no longer call for action.
  const unreadWhere = `r.read_at IS NULL AND c.status <> 'avslutad'`;
  const unreadSql = select(unreadWhere, unreadParams);
  const unread = await tx.query<ReminderRow>(`${unreadSql} ORDER BY r.due_on, r.created_at, r.id LIMIT ${UNREAD_LIMIT}`, unreadParams);
  const countParams: unknown[] = [tx.municipalityId, actor.userId];
  const countSql = select(unreadWhere, countParams);
  const count = await tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM (${countSql}) x`, countParams);
  const readParams: unknown[] = [tx.municipalityId, actor.userId];
  const read = await tx.query<ReminderRow>(
    `${select('r.read_at IS NOT NULL', readParams)} ORDER BY r.read_at DESC, r.id LIMIT ${READ_LIMIT}`, readParams);

  const rows = [...unread, ...read];
  // One audit record per person whose case numbers were shown, naming the cases.
  const perPerson = new Map<string, { via: ReminderRow['via']; cases: Set<string> }>();
  for (const r of rows) {
    const entry = perPerson.get(r.person_id) ?? { via: r.via, cases: new Set<string>() };
    entry.cases.add(r.case_id);
    if (r.via === 'override') entry.via = 'override';
    perPerson.set(r.person_id, entry);
  }
  for (const [personId, { via, cases }] of perPerson) {
    tx.audit(auditRecord(ctx, {
      action: 'list', resource: 'reminder.list', subjectPersonId: personId, purpose: via, flagged: via === 'override',
      details: { caseIds: [...cases] },
    }));
  }
  const items: ReminderView[] = rows.map((r) => ({
    id: r.id, caseId: r.case_id, caseNumber: r.case_number, kind: r.kind, message: r.message, dueOn: r.due_on,
    createdAt: r.created_at.toISOString(), readAt: r.read_at ? r.read_at.toISOString() : null,
  }));
  return { unreadCount: count?.n ?? 0, items };
}

async function markRead(tx: TenantTx, ctx: RequestContext, id: string): Promise<void> {
  const actor = ctx.actor;
  if (!isCaseWorker(actor)) throw forbidden('Påminnelser finns för handläggare och arbetsledare.', 'wrong-role');
  // Only my own: someone else's reminder answers exactly as one that does not exist.
  const row = await tx.one<{ case_id: string; person_id: string }>(
    `UPDATE reminders r SET read_at = coalesce(r.read_at, now())
     FROM cases c
     WHERE r.municipality_id = $1 AND r.id = $2 AND r.staff_user_id = $3
       AND c.municipality_id = r.municipality_id AND c.id = r.case_id
     RETURNING r.case_id, c.person_id`, [tx.municipalityId, id, actor.userId]);
  if (!row) throw notFound('Påminnelsen');
  tx.audit(auditRecord(ctx, {
    action: 'update', resource: 'reminder.read', subjectPersonId: row.person_id, details: { reminderId: id, caseId: row.case_id },
  }));
}

export function registerReminderRoutes(app: FastifyInstance, withActor: WithActor): void {
  const views = [...CASE_WORKERS];

  app.get('/api/staff/reminders', {
    schema: {
      tags: ['myndighet'], summary: 'Mina påminnelser: olästa och de senast lästa (frister, uppföljning, kommunicering, ofördelade ärenden)',
      response: { 200: MyReminders, ...problems },
    },
  }, (req) => withActor(req, views, (tx, ctx) => myReminders(tx, ctx)));

  app.post('/api/staff/reminders/:id/read', {
    schema: {
      tags: ['myndighet'], summary: 'Markera en egen påminnelse som läst', params: IdParams,
      response: { 204: Type.Null(), ...problems, 400: { $ref: 'Problem#' } },
    },
  }, async (req, reply) => {
    await withActor(req, views, (tx, ctx) => markRead(tx, ctx, (req.params as { id: string }).id));
    return reply.status(204).send();
  });
}
