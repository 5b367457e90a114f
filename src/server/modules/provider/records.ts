// What the provider documents within an order: its own journal (social documentation of the
// genomförande, 14 kap. 3–7 §§ SoL, for private providers via 17 kap. 1 § SoL), avvikelser with
// the lex Sarah path (27 kap. SoL), messages with the handläggare, and performed time.
import { randomUUID } from 'node:crypto';
import { dateInSweden } from '../../../domain/deadlines.ts';
import type { RequestContext } from '../../access/actor.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problems.ts';
import type {
  DeviationBody, DeviationList, DeviationStatusBody, DeviationView, JournalBody, OrderMessages, OrderTime, ProviderJournal,
  PlanVisitsBody, ProviderJournalEntry, ProviderStaff, VisitBody,
} from '../../../shared/provider-api.ts';
import { isChef, openOrder, providerActor, requireChef } from './access.ts';

// ---- Journal ---------------------------------------------------------------------------------

interface JournalRow {
  id: string; occurred_on: string; title: string; body: string; author_id: string; author_name: string; created_at: Date;
  signed_at: Date | null; signed_by: string | null; corrects_id: string | null; corrected_by_id: string | null;
}

async function journalOf(tx: TenantTx, ctx: RequestContext, orderId: string, entryId?: string): Promise<ProviderJournalEntry[]> {
  const me = providerActor(ctx).userId;
  const rows = await tx.query<JournalRow>(
    `SELECT j.id, j.occurred_on, j.title, j.body, j.author_id, a.name AS author_name, j.created_at, j.signed_at, s.name AS signed_by,
       j.corrects_id, (SELECT c.id FROM provider_journal_entries c WHERE c.municipality_id = j.municipality_id AND c.corrects_id = j.id
                       ORDER BY c.created_at DESC LIMIT 1) AS corrected_by_id
     FROM provider_journal_entries j
     JOIN staff_users a ON a.municipality_id = j.municipality_id AND a.id = j.author_id
     LEFT JOIN staff_users s ON s.municipality_id = j.municipality_id AND s.id = j.signed_by
     WHERE j.municipality_id = $1 AND j.order_id = $2 AND ($3::uuid IS NULL OR j.id = $3)
     ORDER BY j.occurred_on DESC, j.created_at DESC`, [tx.municipalityId, orderId, entryId ?? null]);
  return rows.map((r) => ({
    id: r.id, occurredOn: r.occurred_on, title: r.title, body: r.body, authorId: r.author_id, authorName: r.author_name,
    createdAt: r.created_at.toISOString(), signedAt: r.signed_at?.toISOString() ?? null, signedBy: r.signed_by,
    correctsId: r.corrects_id, correctedById: r.corrected_by_id, mine: r.author_id === me,
  }));
}

export async function listJournal(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<ProviderJournal> {
  await openOrder(tx, ctx, orderId, { resource: 'provider.journal' });
  return { items: await journalOf(tx, ctx, orderId) };
}

export async function writeJournal(tx: TenantTx, ctx: RequestContext, orderId: string, body: JournalBody): Promise<ProviderJournalEntry> {
  const actor = providerActor(ctx);
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.journal' });
  if (body.occurredOn > dateInSweden()) throw badRequest('Datumet kan inte ligga i framtiden.', [{ path: 'body/occurredOn', message: 'Datumet kan inte ligga i framtiden.' }]);
  if (!body.title.trim() || !body.body.trim()) throw badRequest('Skriv rubrik och anteckning.');
  if (body.correctsId) {
    const target = await tx.one<{ signed_at: Date | null }>(
      'SELECT signed_at FROM provider_journal_entries WHERE municipality_id = $1 AND order_id = $2 AND id = $3',
      [tx.municipalityId, orderId, body.correctsId]);
    if (!target) throw notFound('Anteckningen som ska rättas');
    if (!target.signed_at) throw conflict('Anteckningen är inte signerad – ändra den inte med en rättelse, skriv om utkastet.', 'not-signed');
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO provider_journal_entries (municipality_id, id, order_id, author_id, occurred_on, title, body, corrects_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tx.municipalityId, id, orderId, actor.userId, body.occurredOn, body.title.trim(), body.body.trim(), body.correctsId ?? null]);
  return (await journalOf(tx, ctx, orderId, id))[0]!;
}

export async function signJournal(tx: TenantTx, ctx: RequestContext, orderId: string, entryId: string): Promise<ProviderJournalEntry> {
  const actor = providerActor(ctx);
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.journal.sign' });
  const e = await tx.one<{ author_id: string; signed_at: Date | null }>(
    'SELECT author_id, signed_at FROM provider_journal_entries WHERE municipality_id = $1 AND order_id = $2 AND id = $3 FOR UPDATE',
    [tx.municipalityId, orderId, entryId]);
  if (!e) throw notFound('Anteckningen');
  if (e.signed_at) throw conflict('Anteckningen är redan signerad. Skriv en rättelse om något behöver ändras.', 'already-signed');
  if (e.author_id !== actor.userId) throw forbidden('Den som skrev anteckningen signerar den.', 'not-author');
  await tx.query('UPDATE provider_journal_entries SET signed_at = now(), signed_by = $4 WHERE municipality_id = $1 AND order_id = $2 AND id = $3',
    [tx.municipalityId, orderId, entryId, actor.userId]);
  return (await journalOf(tx, ctx, orderId, entryId))[0]!;
}

// ---- Avvikelser --------------------------------------------------------------------------------

interface DeviationRow {
  id: string; occurred_at: Date; description: string; immediate_action: string; lex_sarah: boolean; status: DeviationView['status'];
  serious: boolean | null; ivo_reported_on: string | null; closed_at: Date | null; closing_note: string | null;
  reported_by: string; reported_by_id: string; created_at: Date;
}

async function deviationsOf(tx: TenantTx, ctx: RequestContext, orderId: string, id?: string): Promise<DeviationView[]> {
  const actor = providerActor(ctx);
  // A lex Sarah report may concern colleagues: the chef who handles it sees it, and its reporter.
  const rows = await tx.query<DeviationRow>(
    `SELECT d.id, d.occurred_at, d.description, d.immediate_action, d.lex_sarah, d.status, d.serious, d.ivo_reported_on, d.closed_at,
       d.closing_note, s.name AS reported_by, d.reported_by AS reported_by_id, d.created_at
     FROM deviations d JOIN staff_users s ON s.municipality_id = d.municipality_id AND s.id = d.reported_by
     WHERE d.municipality_id = $1 AND d.order_id = $2 AND ($3::uuid IS NULL OR d.id = $3)
       AND ($4::boolean OR NOT d.lex_sarah OR d.reported_by = $5)
     ORDER BY d.occurred_at DESC`, [tx.municipalityId, orderId, id ?? null, isChef(ctx), actor.userId]);
  return rows.map((r) => ({
    id: r.id, occurredAt: r.occurred_at.toISOString(), description: r.description, immediateAction: r.immediate_action, lexSarah: r.lex_sarah,
    status: r.status, serious: r.serious, ivoReportedOn: r.ivo_reported_on, closedAt: r.closed_at?.toISOString() ?? null,
    closingNote: r.closing_note, reportedBy: r.reported_by, createdAt: r.created_at.toISOString(),
  }));
}

export async function listDeviations(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<DeviationList> {
  await openOrder(tx, ctx, orderId, { resource: 'provider.deviation' });
  return { items: await deviationsOf(tx, ctx, orderId), canHandle: isChef(ctx) };
}

export async function reportDeviation(tx: TenantTx, ctx: RequestContext, orderId: string, body: DeviationBody): Promise<DeviationView> {
  const actor = providerActor(ctx);
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.deviation' });
  if (new Date(body.occurredAt).getTime() > Date.now() + 5 * 60_000) {
    throw badRequest('Tidpunkten kan inte ligga i framtiden.', [{ path: 'body/occurredAt', message: 'Tidpunkten kan inte ligga i framtiden.' }]);
  }
  if (!body.description.trim()) throw badRequest('Beskriv vad som hände.', [{ path: 'body/description', message: 'Beskriv vad som hände.' }]);
  const id = randomUUID();
  await tx.query(
    `INSERT INTO deviations (municipality_id, id, order_id, reported_by, occurred_at, description, immediate_action, lex_sarah)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tx.municipalityId, id, orderId, actor.userId, body.occurredAt, body.description.trim(), body.immediateAction.trim(), body.lexSarah]);
  return (await deviationsOf(tx, ctx, orderId, id))[0]!;
}

/**
 * The chef investigates and closes. A lex Sarah report must be documented, investigated and
 * remedied (27 kap. 5 § SoL); a serious missförhållande is reported to IVO "snarast" (27 kap. 6 §),
 * so it cannot be closed without the date of that anmälan.
 */
export async function setDeviationStatus(tx: TenantTx, ctx: RequestContext, orderId: string, deviationId: string, body: DeviationStatusBody): Promise<DeviationView> {
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.deviation.status' });
  requireChef(ctx, 'Utredning och avslut av avvikelser');
  const d = await tx.one<{ status: DeviationView['status']; lex_sarah: boolean; serious: boolean | null; ivo_reported_on: string | null }>(
    'SELECT status, lex_sarah, serious, ivo_reported_on FROM deviations WHERE municipality_id = $1 AND order_id = $2 AND id = $3 FOR UPDATE',
    [tx.municipalityId, orderId, deviationId]);
  if (!d) throw notFound('Avvikelsen');
  if (d.status === 'avslutad') throw conflict('Avvikelsen är redan avslutad.', 'deviation-closed');
  if (body.status === 'utreds' && d.status === 'utreds') throw conflict('Avvikelsen utreds redan.', 'deviation-step-refused');
  if (!d.lex_sarah && (body.serious !== undefined || body.ivoReportedOn !== undefined)) {
    throw badRequest('Allvarlighet och anmälan till IVO gäller bara rapporter enligt lex Sarah.');
  }
  const serious = body.serious ?? d.serious;
  const ivo = body.ivoReportedOn ?? d.ivo_reported_on;
  if (ivo && serious !== true) throw badRequest('Ange att missförhållandet är allvarligt om det har anmälts till IVO.');
  if (ivo && ivo > dateInSweden()) throw badRequest('Datumet för anmälan till IVO kan inte ligga i framtiden.');
  const closingNote = body.closingNote?.trim() || null;
  if (body.status === 'avslutad') {
    if (!closingNote) throw badRequest('Beskriv vad utredningen kom fram till och vad som har gjorts.', [{ path: 'body/closingNote', message: 'Skriv en avslutande kommentar.' }]);
    if (d.lex_sarah && serious === null) {
      throw conflict('Bedöm om missförhållandet är allvarligt innan rapporten avslutas (27 kap. 6 § SoL).', 'lex-sarah-assessment');
    }
    if (d.lex_sarah && serious && !ivo) {
      throw conflict('Ett allvarligt missförhållande ska anmälas till IVO snarast (27 kap. 6 § SoL). Ange datum för anmälan innan rapporten avslutas.', 'ivo-report-missing');
    }
  }
  await tx.query(
    `UPDATE deviations SET status = $4, serious = $5, ivo_reported_on = $6,
       closed_at = CASE WHEN $4 = 'avslutad' THEN now() ELSE closed_at END,
       closing_note = COALESCE($7, closing_note)
     WHERE municipality_id = $1 AND order_id = $2 AND id = $3`,
    [tx.municipalityId, orderId, deviationId, body.status, serious, ivo, closingNote]);
  return (await deviationsOf(tx, ctx, orderId, deviationId))[0]!;
}

// ---- Messages ----------------------------------------------------------------------------------

export async function listMessages(tx: TenantTx, ctx: RequestContext, orderId: string): Promise<OrderMessages> {
  await openOrder(tx, ctx, orderId, { resource: 'provider.message' });
  await tx.query(`UPDATE order_messages SET read_at = now() WHERE municipality_id = $1 AND order_id = $2 AND side = 'myndighet' AND read_at IS NULL`,
    [tx.municipalityId, orderId]);
  return { items: await messagesOf(tx, orderId) };
}

async function messagesOf(tx: TenantTx, orderId: string) {
  const rows = await tx.query<{ id: string; side: 'myndighet' | 'utforare'; author_name: string; body: string; created_at: Date; read_at: Date | null }>(
    `SELECT m.id, m.side, s.name AS author_name, m.body, m.created_at, m.read_at FROM order_messages m
     JOIN staff_users s ON s.municipality_id = m.municipality_id AND s.id = m.author_id
     WHERE m.municipality_id = $1 AND m.order_id = $2 ORDER BY m.created_at`, [tx.municipalityId, orderId]);
  return rows.map((r) => ({ id: r.id, side: r.side, authorName: r.author_name, body: r.body, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null }));
}

export async function sendMessage(tx: TenantTx, ctx: RequestContext, orderId: string, body: string): Promise<OrderMessages> {
  const actor = providerActor(ctx);
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.message' });
  if (!body.trim()) throw badRequest('Skriv ett meddelande.', [{ path: 'body/body', message: 'Skriv ett meddelande.' }]);
  await tx.query(`INSERT INTO order_messages (municipality_id, id, order_id, side, author_id, body) VALUES ($1, $2, $3, 'utforare', $4, $5)`,
    [tx.municipalityId, randomUUID(), orderId, actor.userId, body.trim()]);
  return { items: await messagesOf(tx, orderId) };
}

// ---- Utförd tid ----------------------------------------------------------------------------------

/** Visits of the order planned in the month (Swedish time), with performed minutes check-in → check-out. */
export async function orderTime(tx: TenantTx, ctx: RequestContext, orderId: string, month?: string): Promise<OrderTime> {
  await openOrder(tx, ctx, orderId, { resource: 'provider.time' });
  return timeOf(tx, orderId, month ?? dateInSweden().slice(0, 7));
}

async function timeOf(tx: TenantTx, orderId: string, m: string): Promise<OrderTime> {
  const rows = await tx.query<{
    id: string; planned_start: Date; planned_minutes: number; status: OrderTime['visits'][number]['status']; checked_in_at: Date | null;
    checked_out_at: Date | null; performed: number | null; staff_name: string | null; note: string | null;
  }>(
    `SELECT v.id, v.planned_start, v.planned_minutes, v.status, v.checked_in_at, v.checked_out_at,
       CASE WHEN v.checked_in_at IS NOT NULL AND v.checked_out_at IS NOT NULL
            THEN round(extract(epoch FROM v.checked_out_at - v.checked_in_at) / 60)::int END AS performed,
       s.name AS staff_name, v.note
     FROM visits v LEFT JOIN staff_users s ON s.municipality_id = v.municipality_id AND s.id = v.staff_user_id
     WHERE v.municipality_id = $1 AND v.order_id = $2
       AND v.planned_start >= ($3 || '-01')::date::timestamp AT TIME ZONE 'Europe/Stockholm'
       AND v.planned_start < (($3 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Stockholm'
     ORDER BY v.planned_start`, [tx.municipalityId, orderId, m]);
  const visits = rows.map((r) => ({
    id: r.id, plannedStart: r.planned_start.toISOString(), plannedMinutes: r.planned_minutes, status: r.status,
    checkedInAt: r.checked_in_at?.toISOString() ?? null, checkedOutAt: r.checked_out_at?.toISOString() ?? null,
    performedMinutes: r.performed, staffName: r.staff_name, note: r.note,
  }));
  return {
    month: m, visits,
    plannedMinutes: visits.filter((v) => v.status !== 'installt').reduce((s, v) => s + v.plannedMinutes, 0),
    performedMinutes: visits.reduce((s, v) => s + (v.performedMinutes ?? 0), 0),
    performedVisits: visits.filter((v) => v.performedMinutes !== null).length,
  };
}

/** A visit performed but not checked in on the phone, registered afterwards by the chef. */
export async function registerVisit(tx: TenantTx, ctx: RequestContext, orderId: string, body: VisitBody): Promise<OrderTime> {
  await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.visit' });
  requireChef(ctx, 'Efterregistrering av besök');
  const start = new Date(body.start);
  if (start.getTime() + body.minutes * 60_000 > Date.now() + 5 * 60_000) {
    throw badRequest('Besöket kan bara registreras i efterhand: det får inte sluta i framtiden.', [{ path: 'body/start', message: 'Besöket får inte sluta i framtiden.' }]);
  }
  const end = new Date(start.getTime() + body.minutes * 60_000);
  await tx.query(
    `INSERT INTO visits (municipality_id, id, order_id, staff_user_id, planned_start, planned_minutes, status, checked_in_at, checked_out_at, note)
     VALUES ($1, $2, $3, NULL, $4, $5, 'utford', $4, $6, $7)`,
    [tx.municipalityId, randomUUID(), orderId, start.toISOString(), body.minutes, end.toISOString(), body.note?.trim() || null]);
  return timeOf(tx, orderId, dateInSweden(start).slice(0, 7));
}

/** The provider's own active staff, for planning visits. */
export async function providerStaff(tx: TenantTx, ctx: RequestContext): Promise<ProviderStaff> {
  const actor = providerActor(ctx);
  const rows = await tx.query<{ id: string; name: string; title: string }>(
    `SELECT id, name, title FROM staff_users WHERE municipality_id = $1 AND provider_id = $2 AND active ORDER BY name`,
    [tx.municipalityId, actor.providerId]);
  return { items: rows };
}

/**
 * Planned visits of an order for one of the provider's own staff — what the field staff then sees
 * in the day view and checks in and out of. Planning is the chef's; never in the past.
 */
export async function planVisits(tx: TenantTx, ctx: RequestContext, orderId: string, body: PlanVisitsBody): Promise<OrderTime> {
  const order = await openOrder(tx, ctx, orderId, { action: 'update', resource: 'provider.visit.plan' });
  requireChef(ctx, 'Planering av besök');
  const actor = providerActor(ctx);
  const staff = await tx.one<{ id: string }>(
    'SELECT id FROM staff_users WHERE municipality_id = $1 AND id = $2 AND provider_id = $3 AND active', [tx.municipalityId, body.staffUserId, actor.providerId]);
  if (!staff) throw badRequest('Välj någon av utförarens egna medarbetare.', [{ path: 'body/staffUserId', message: 'Välj en medarbetare hos utföraren.' }]);
  const start = new Date(body.start);
  if (start.getTime() < Date.now() - 60 * 60_000) {
    throw badRequest('Ett planerat besök kan inte ligga bakåt i tiden. Registrera ett utfört besök i efterhand i stället.', [{ path: 'body/start', message: 'Välj en tid från och med nu.' }]);
  }
  if (order.status !== 'accepterad' && order.status !== 'pagaende') {
    throw conflict('Besök planeras när beställningen är accepterad eller pågår.', 'order-not-running');
  }
  const days = body.days ?? 1;
  for (let i = 0; i < days; i++) {
    const at = new Date(start.getTime() + i * 24 * 3600_000);
    await tx.query(
      `INSERT INTO visits (municipality_id, id, order_id, staff_user_id, planned_start, planned_minutes, tasks, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'planerad')`,
      [tx.municipalityId, randomUUID(), orderId, body.staffUserId, at.toISOString(), body.minutes, body.tasks?.trim() ?? '']);
  }
  return timeOf(tx, orderId, dateInSweden(start).slice(0, 7));
}
