// Attachments to an ansökan om försörjningsstöd (hyresavi, lönespecifikation, kontoutdrag …): kept
// with the draft until it is sent, then moved into the new case's personakt (case_files). The type
// is decided from the bytes (src/domain/files/sniff.ts), never from the name or the Content-Type;
// at most 20 MB each, like case files. The applicant uploads, lists and removes; the applicant and
// the co-applicant asked to confirm may read. Every access is audited through the gate or, for the
// co-applicant, through the partner check in ./forsorjningsstod.ts.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SESSION_COOKIE, type WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { HttpProblem, badRequest, notFound, unauthenticated } from '../../http/problems.ts';
import { Uuid } from '../../../shared/schema.ts';
import { IdParams } from '../../../shared/api.ts';
import { AttachmentUploadQuery, FsAttachment, FsAttachmentList } from '../../../shared/forsorjningsstod-api.ts';
import {
  ALLOWED_TYPES_SV, MAX_FILE_BYTES, declaredTypeMatches, mediaTypeOf, sanitizeFileName, sniffFileType,
  type RefusalReason,
} from '../../../domain/files/sniff.ts';
import { ATTACHMENT_LABELS, type AttachmentKind } from '../../../domain/forsorjningsstod-application.ts';
import { typeLabel } from '../files/store.ts';
import { sendStoredFile } from '../files/routes.ts';
import { citizenPersonId, refuseWhileAwaitingCoApplicant } from './drafts.ts';
import { coApplicantAccess, loadFsDraft } from './forsorjningsstod-access.ts';

const tags = ['medborgare'];
const P = { $ref: 'Problem#' };
const problems = { 401: P, 403: P, 404: P } as const;
/** More than any month needs; keeps one draft from growing without end. */
export const MAX_ATTACHMENTS = 20;
const MAX_MB = MAX_FILE_BYTES / (1024 * 1024);

const tooLarge = () => new HttpProblem(413, 'Filen är för stor',
  `Filen är större än ${MAX_MB} MB. Ta en ny bild med lägre upplösning, eller spara dokumentet som PDF, och försök igen.`, 'file-too-large');
const REFUSAL_SV: Record<Exclude<RefusalReason, 'empty'>, string> = {
  unknown: 'Vi känner inte igen filtypen.',
  markup: 'Filen innehåller HTML eller annan kod, och sådana filer tas inte emot.',
  executable: 'Filen är ett program, och sådana filer tas inte emot.',
  macro: 'Dokumentet innehåller makron. Spara det som PDF och försök igen.',
  encrypted: 'Dokumentet är skyddat med lösenord. Spara det utan lösenord, eller som PDF, och försök igen.',
};
const unsupported = (why: string) => new HttpProblem(415, 'Filtypen tas inte emot', `${why} Du kan skicka ${ALLOWED_TYPES_SV}.`, 'unsupported-file-type');

export interface AttachmentRow {
  id: string; draft_id: string; kind: AttachmentKind; file_name: string; content_type: string; size_bytes: number; uploaded_at: Date;
}
const COLS = 'a.id, a.draft_id, a.kind, a.file_name, a.content_type, a.size_bytes, a.uploaded_at';

export const attachmentUrl = (id: string) => `/api/citizen/forsorjningsstod/attachments/${id}`;

export function attachmentView(r: AttachmentRow): FsAttachment {
  return {
    id: r.id, kind: r.kind, name: r.file_name, contentType: r.content_type, typeLabel: typeLabel(r.content_type), size: r.size_bytes,
    uploadedAt: r.uploaded_at.toISOString(), url: attachmentUrl(r.id),
  };
}

export async function attachmentsOf(tx: TenantTx, draftId: string): Promise<FsAttachment[]> {
  const rows = await tx.query<AttachmentRow>(
    `SELECT ${COLS} FROM e_service_attachments a WHERE a.municipality_id = $1 AND a.draft_id = $2 ORDER BY a.uploaded_at, a.file_name`,
    [tx.municipalityId, draftId]);
  return rows.map(attachmentView);
}

/**
 * Moves the draft's attachments into the case's personakt (uploaded by the citizen) and deletes
 * them from the draft. Returns what the case's intake lists.
 */
export async function moveAttachmentsToCase(tx: TenantTx, draftId: string, caseId: string): Promise<Array<{ fileId: string; kind: string; name: string; contentType: string; size: number }>> {
  const rows = await tx.query<AttachmentRow>(
    `SELECT ${COLS} FROM e_service_attachments a WHERE a.municipality_id = $1 AND a.draft_id = $2 ORDER BY a.uploaded_at, a.file_name`,
    [tx.municipalityId, draftId]);
  const out = rows.map((r) => ({ fileId: randomUUID(), kind: r.kind, name: r.file_name, contentType: r.content_type, size: r.size_bytes }));
  if (rows.length > 0) {
    // One statement for all: each attachment's content is copied inside the database, never through the server.
    await tx.query(
      `INSERT INTO case_files (municipality_id, id, case_id, kind, file_name, content_type, size_bytes, sha256, content, description, uploaded_by, uploaded_by_person_id)
       SELECT a.municipality_id, x.file_id, $2, 'upload', a.file_name, a.content_type, a.size_bytes, a.sha256, a.content, x.description, NULL, a.uploaded_by_person_id
       FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS x(attachment_id, file_id, description)
       JOIN e_service_attachments a ON a.municipality_id = $1 AND a.id = x.attachment_id`,
      [tx.municipalityId, caseId, rows.map((r) => r.id), out.map((o) => o.fileId),
        rows.map((r) => `Bilaga till ansökan om försörjningsstöd: ${ATTACHMENT_LABELS[r.kind].sv}`)]);
  }
  await tx.query('DELETE FROM e_service_attachments WHERE municipality_id = $1 AND draft_id = $2', [tx.municipalityId, draftId]);
  return out;
}

async function upload(tx: TenantTx, ctx: RequestContext, draftId: string, query: { name: string; kind: AttachmentKind }, body: unknown, declared: string | undefined): Promise<FsAttachment> {
  const draft = await loadFsDraft(tx, ctx, draftId, { action: 'update', lock: true, unsubmitted: true });
  await refuseWhileAwaitingCoApplicant(tx, draft.id);
  if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('Filen är tom. Välj en fil med innehåll och försök igen.');
  const count = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM e_service_attachments WHERE municipality_id = $1 AND draft_id = $2', [tx.municipalityId, draft.id]);
  if (count!.n >= MAX_ATTACHMENTS) {
    throw new HttpProblem(409, 'För många bilagor', `Du kan skicka högst ${MAX_ATTACHMENTS} bilagor med en ansökan. Ta bort en bilaga, eller lägg ihop flera sidor i en PDF.`, 'too-many-attachments');
  }
  const sniffed = sniffFileType(body);
  if (!sniffed.ok) {
    if (sniffed.reason === 'empty') throw badRequest('Filen är tom. Välj en fil med innehåll och försök igen.');
    throw unsupported(REFUSAL_SV[sniffed.reason]);
  }
  if (!declaredTypeMatches(declared, sniffed.type)) {
    throw unsupported(`Filen är en ${sniffed.type.labelSv} men skickades som ${mediaTypeOf(declared)}. Kontrollera att det är rätt fil.`);
  }
  const id = randomUUID();
  const sha256 = createHash('sha256').update(body).digest('hex');
  const row = await tx.one<AttachmentRow>(
    `INSERT INTO e_service_attachments (municipality_id, id, draft_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING id, draft_id, kind, file_name, content_type, size_bytes, uploaded_at`,
    [tx.municipalityId, id, draft.id, query.kind, sanitizeFileName(query.name, sniffed.type), sniffed.type.mime, body.length, sha256, body, citizenPersonId(ctx)]);
  tx.audit(auditRecord(ctx, {
    action: 'create', resource: 'e_service.forsorjningsstod.attachment', subjectPersonId: draft.subject_person_id, purpose: 'self',
    details: { draftId: draft.id, attachmentId: id, kind: query.kind, contentType: sniffed.type.mime, size: body.length, sha256 },
  }));
  return attachmentView(row!);
}

/** The bytes, for the applicant or for the co-applicant asked to confirm; anyone else: 404, audited. */
async function readAttachment(tx: TenantTx, ctx: RequestContext, attachmentId: string) {
  const meta = await tx.one<{ draft_id: string; owner_person_id: string }>(
    `SELECT a.draft_id, d.owner_person_id FROM e_service_attachments a
     JOIN e_service_drafts d ON d.municipality_id = a.municipality_id AND d.id = a.draft_id
     WHERE a.municipality_id = $1 AND a.id = $2`, [tx.municipalityId, attachmentId]);
  if (!meta) throw notFound('Bilagan');
  const me = citizenPersonId(ctx);
  let subject: string;
  if (meta.owner_person_id === me) {
    subject = (await loadFsDraft(tx, ctx, meta.draft_id, { action: 'read' })).subject_person_id;
  } else {
    subject = (await coApplicantAccess(tx, ctx, { draftId: meta.draft_id }, { action: 'read', resource: 'e_service.forsorjningsstod.attachment', states: ['awaiting_co_applicant'] })).applicant_person_id;
  }
  const row = await tx.one<{ file_name: string; content_type: string; content: Buffer; sha256: string }>(
    'SELECT file_name, content_type, content, sha256 FROM e_service_attachments WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, attachmentId]);
  if (!row) throw notFound('Bilagan');
  tx.audit(auditRecord(ctx, {
    action: 'read', resource: 'e_service.forsorjningsstod.attachment.content', subjectPersonId: subject,
    purpose: meta.owner_person_id === me ? 'self' : 'medsokande', details: { draftId: meta.draft_id, attachmentId, sha256: row.sha256 },
  }));
  return row;
}

export function registerForsorjningsstodAttachmentRoutes(app: FastifyInstance, withActor: WithActor): void {
  // The upload reads the raw file (up to 20 MB) in its own scope, like case files.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: FastifyError) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw tooLarge();
      throw err;
    });
    scope.post('/api/citizen/forsorjningsstod/drafts/:id/attachments', {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags, summary: 'Lägg till en bilaga till min ansökan om försörjningsstöd',
        description: `Filen skickas som begärans innehåll, filnamnet i ?name= och vad den visar i ?kind=. Typen avgörs av innehållet. Högst ${MAX_MB} MB, högst ${MAX_ATTACHMENTS} bilagor.`,
        params: IdParams, querystring: AttachmentUploadQuery,
        response: { 201: FsAttachment, ...problems, 400: P, 409: P, 413: P, 415: P },
      },
      onRequest: async (req) => {
        if (!req.cookies[SESSION_COOKIE]) throw unauthenticated();
        if (Number(req.headers['content-length'] ?? 0) > MAX_FILE_BYTES) throw tooLarge();
      },
    }, async (req, reply) => {
      const view = await withActor(req, ['medborgare'], (tx, ctx) => upload(tx, ctx, (req.params as { id: string }).id,
        req.query as { name: string; kind: AttachmentKind }, req.body, req.headers['content-type']));
      return reply.status(201).send(view);
    });
  });

  app.get('/api/citizen/forsorjningsstod/drafts/:id/attachments', {
    schema: { tags, summary: 'Bilagorna till min ansökan om försörjningsstöd', params: IdParams, response: { 200: FsAttachmentList, ...problems } },
  }, (req) => withActor(req, ['medborgare'], async (tx, ctx) => {
    const draft = await loadFsDraft(tx, ctx, (req.params as { id: string }).id, { action: 'read' });
    return { items: await attachmentsOf(tx, draft.id) };
  }));

  app.delete('/api/citizen/forsorjningsstod/drafts/:id/attachments/:attachmentId', {
    schema: {
      tags, summary: 'Ta bort en bilaga från min ansökan', params: Type.Object({ id: Uuid, attachmentId: Uuid }),
      response: { 204: Type.Null(), ...problems, 409: P },
    },
  }, async (req, reply) => {
    const { id, attachmentId } = req.params as { id: string; attachmentId: string };
    await withActor(req, ['medborgare'], async (tx, ctx) => {
      const draft = await loadFsDraft(tx, ctx, id, { action: 'update', lock: true, unsubmitted: true });
      await refuseWhileAwaitingCoApplicant(tx, draft.id);
      const gone = await tx.one<{ id: string }>('DELETE FROM e_service_attachments WHERE municipality_id = $1 AND draft_id = $2 AND id = $3 RETURNING id',
        [tx.municipalityId, draft.id, attachmentId]);
      if (!gone) throw notFound('Bilagan');
      tx.audit(auditRecord(ctx, {
        action: 'delete', resource: 'e_service.forsorjningsstod.attachment', subjectPersonId: draft.subject_person_id, purpose: 'self',
        details: { draftId: draft.id, attachmentId },
      }));
    });
    return reply.status(204).send();
  });

  app.get('/api/citizen/forsorjningsstod/attachments/:attachmentId', {
    schema: {
      tags, summary: 'En bilagas innehåll (för mig som sökande, eller som medsökande som ska bekräfta ansökan)',
      params: Type.Object({ attachmentId: Uuid }), response: problems,
    },
  }, async (req, reply) => {
    const file = await withActor(req, ['medborgare'], (tx, ctx) => readAttachment(tx, ctx, (req.params as { attachmentId: string }).attachmentId));
    return sendStoredFile(reply, file);
  });
}
