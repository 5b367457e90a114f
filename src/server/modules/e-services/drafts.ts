// E-service drafts: what a citizen has filled in so far, saved as they type and resumable from any
// device. Generic over the e-service kind (ansökan om bistånd, ansökan om försörjningsstöd, …).
// A draft belongs to the logged-in person who fills it in; anyone else gets 404 (not 403, so a
// draft's existence is not revealed). Saving re-checks, through the gate, that the owner may still
// act for the person the draft is about (a fullmakt can end, a child turns 18).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, recordListReads, relationSql } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { conflict, forbidden, notFound } from '../../http/problems.ts';
import { Uuid } from '../../../shared/schema.ts';
import {
  Draft, DraftList, DraftListQuery, NewDraftBody, SaveDraftBody, type EServiceKind,
} from '../../../shared/e-services-api.ts';

const tags = ['medborgare'];
const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } } as const;
const IdParams = Type.Object({ id: Uuid });

/** The gate's resource name for an e-service of this kind (the audit log's "what"). */
export function eServiceResource(kind: EServiceKind): string {
  return kind === 'orosanmalan' ? 'e_service.orosanmalan' : 'e_service.ansokan';
}

/** The logged-in citizen's own person id; a citizen the municipality has no record of has no e-services here. */
export function citizenPersonId(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'citizen' || !ctx.actor.personId) {
    throw forbidden('Vi hittar dig inte i kommunens register. Kontakta kommunen för att ansöka på annat sätt.', 'no-person');
  }
  return ctx.actor.personId;
}

export interface DraftRow {
  id: string; kind: EServiceKind; owner_person_id: string; subject_person_id: string; subject_name: string;
  content: Record<string, unknown>; version: number; created_at: Date; updated_at: Date; submitted_at: Date | null;
}

const SELECT_DRAFT = `SELECT d.id, d.kind, d.owner_person_id, d.subject_person_id, p.first_name || ' ' || p.last_name AS subject_name,
  d.content, d.version, d.created_at, d.updated_at, d.submitted_at
  FROM e_service_drafts d JOIN persons p ON p.municipality_id = d.municipality_id AND p.id = d.subject_person_id`;

export function draftView(row: DraftRow): Draft {
  return {
    id: row.id, kind: row.kind, subjectPersonId: row.subject_person_id, subjectName: row.subject_name, content: row.content,
    version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The owner's draft, locked for update when asked. Someone else's draft, or a draft already
 * submitted (when `unsubmitted`), is "not found".
 */
export async function loadOwnDraft(tx: TenantTx, ctx: RequestContext, id: string, opts: { lock?: boolean; unsubmitted?: boolean } = {}): Promise<DraftRow> {
  const owner = citizenPersonId(ctx);
  const row = await tx.one<DraftRow>(
    `${SELECT_DRAFT} WHERE d.municipality_id = $1 AND d.id = $2 AND d.owner_person_id = $3${opts.unsubmitted ? ' AND d.submitted_at IS NULL' : ''}${opts.lock ? ' FOR UPDATE OF d' : ''}`,
    [tx.municipalityId, id, owner]);
  if (!row) throw notFound('Utkastet');
  return row;
}

export async function listDrafts(tx: TenantTx, ctx: RequestContext, kind?: EServiceKind): Promise<DraftList> {
  const owner = citizenPersonId(ctx);
  // Only drafts about someone the owner may still act for (the gate's relation, as everywhere).
  const params: unknown[] = [tx.municipalityId, owner];
  const relation = relationSql(ctx.actor, 'd.subject_person_id', params);
  const kindFilter = kind ? ` AND d.kind = $${params.push(kind)}` : '';
  const rows = await tx.query<DraftRow>(
    `${SELECT_DRAFT} WHERE d.municipality_id = $1 AND d.owner_person_id = $2 AND d.submitted_at IS NULL
       AND (${relation}) IS NOT NULL${kindFilter} ORDER BY d.updated_at DESC`, params);
  recordListReads(tx, ctx, rows.map((r) => r.subject_person_id), 'e_service.drafts');
  return { drafts: rows.map(draftView) };
}

export async function createDraft(tx: TenantTx, ctx: RequestContext, body: { kind: EServiceKind; subjectPersonId: string; content?: Record<string, unknown> }): Promise<Draft> {
  const owner = citizenPersonId(ctx);
  await accessPerson(tx, ctx, body.subjectPersonId, { action: 'update', resource: eServiceResource(body.kind) });
  const created = await tx.one<{ id: string }>(
    `INSERT INTO e_service_drafts (municipality_id, id, kind, owner_person_id, subject_person_id, content)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5) RETURNING id`,
    [tx.municipalityId, body.kind, owner, body.subjectPersonId, JSON.stringify(body.content ?? {})]);
  return draftView(await loadOwnDraft(tx, ctx, created!.id));
}

/**
 * A försörjningsstöd application sent to the co-applicant stays as sent while they are asked to
 * confirm it (e_service_confirmations, ./forsorjningsstod.ts); the applicant takes it back first.
 */
export async function refuseWhileAwaitingCoApplicant(tx: TenantTx, draftId: string): Promise<void> {
  const waiting = await tx.one(
    `SELECT 1 AS x FROM e_service_confirmations WHERE municipality_id = $1 AND draft_id = $2 AND state = 'awaiting_co_applicant'`,
    [tx.municipalityId, draftId]);
  if (waiting) {
    throw conflict('Ansökan väntar på att din make, maka eller sambo bekräftar den. Ta tillbaka den först om du vill ändra något.', 'awaiting-co-applicant');
  }
}

export async function saveDraft(tx: TenantTx, ctx: RequestContext, id: string, body: { version: number; content: Record<string, unknown> }): Promise<Draft> {
  const row = await loadOwnDraft(tx, ctx, id, { lock: true, unsubmitted: true });
  await accessPerson(tx, ctx, row.subject_person_id, { action: 'update', resource: eServiceResource(row.kind) });
  if (row.kind === 'ansokan_forsorjningsstod') await refuseWhileAwaitingCoApplicant(tx, id);
  if (row.version !== body.version) {
    // Saved meanwhile from another tab or device: answer with what is saved, so nothing is lost.
    throw conflict('Utkastet har sparats från ett annat fönster eller en annan enhet sedan du öppnade det. Vi visar det senast sparade.',
      'draft-changed', { current: { version: row.version, content: row.content, updatedAt: row.updated_at.toISOString() } });
  }
  await tx.query(
    `UPDATE e_service_drafts SET content = $3, version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, id, JSON.stringify(body.content)]);
  return draftView(await loadOwnDraft(tx, ctx, id));
}

export async function deleteDraft(tx: TenantTx, ctx: RequestContext, id: string): Promise<void> {
  const row = await loadOwnDraft(tx, ctx, id, { lock: true, unsubmitted: true });
  if (row.kind === 'ansokan_forsorjningsstod') await refuseWhileAwaitingCoApplicant(tx, id);
  await tx.query('DELETE FROM e_service_drafts WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, row.id]);
}

export async function markDraftSubmitted(tx: TenantTx, id: string): Promise<void> {
  await tx.query('UPDATE e_service_drafts SET submitted_at = now() WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
}

export function registerDraftRoutes(app: FastifyInstance, withActor: WithActor) {
  const VIEWS = ['medborgare'] as const;
  app.get('/api/citizen/drafts', {
    schema: { tags, summary: 'Mina påbörjade e-tjänster (utkast som inte skickats)', querystring: DraftListQuery, response: { 200: DraftList, ...problems } },
  }, (req) => withActor(req, [...VIEWS], (tx, ctx) => listDrafts(tx, ctx, (req.query as { kind?: EServiceKind }).kind)));

  app.get('/api/citizen/drafts/:id', {
    schema: { tags, summary: 'Ett av mina utkast', params: IdParams, response: { 200: Draft, ...problems } },
  }, (req) => withActor(req, [...VIEWS], async (tx, ctx) => {
    const row = await loadOwnDraft(tx, ctx, (req.params as { id: string }).id, { unsubmitted: true });
    await accessPerson(tx, ctx, row.subject_person_id, { action: 'read', resource: eServiceResource(row.kind) });
    return draftView(row);
  }));

  app.post('/api/citizen/drafts', {
    schema: { tags, summary: 'Börja fylla i en e-tjänst (nytt utkast)', body: NewDraftBody, response: { 201: Draft, 400: { $ref: 'Problem#' }, ...problems } },
  }, async (req, reply) => {
    const draft = await withActor(req, [...VIEWS], (tx, ctx) => createDraft(tx, ctx, req.body as NewDraftBody));
    return reply.status(201).send(draft);
  });

  app.put('/api/citizen/drafts/:id', {
    schema: {
      tags, summary: 'Spara utkastet (optimistisk version: 409 med det sparade om någon annan hunnit före)', params: IdParams, body: SaveDraftBody,
      response: { 200: Draft, 400: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' }, ...problems },
    },
  }, (req) => withActor(req, [...VIEWS], (tx, ctx) => saveDraft(tx, ctx, (req.params as { id: string }).id, req.body as SaveDraftBody)));

  app.delete('/api/citizen/drafts/:id', {
    schema: { tags, summary: 'Ta bort mitt utkast', params: IdParams, response: { 204: Type.Null(), ...problems } },
  }, async (req, reply) => {
    await withActor(req, [...VIEWS], (tx, ctx) => deleteDraft(tx, ctx, (req.params as { id: string }).id));
    return reply.status(204).send();
  });
}
