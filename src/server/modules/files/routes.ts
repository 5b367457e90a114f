// Files in the personakt: upload (the raw file as the request body), list, and the bytes for
// viewing. The type of a file is decided from its bytes (src/domain/files/sniff.ts), never from
// its name or the Content-Type the browser sent. Every read and upload goes through the access
// gate and is audited in the same transaction. Letter templates and letters: ./letters.ts.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { IdParams } from '../../../shared/api.ts';
import { CaseFileList, CaseFileView, FileIdParams, UploadQuery, type UploadQuery as Query } from '../../../shared/files-api.ts';
import {
  ALLOWED_TYPES_SV, MAX_FILE_BYTES, contentDisposition, declaredTypeMatches, mediaTypeOf, previewKind, sanitizeFileName,
  sniffFileType, type RefusalReason,
} from '../../../domain/files/sniff.ts';
import { SESSION_COOKIE, type WithActor } from '../../access/session.ts';
import type { StaffActor } from '../../access/actor.ts';
import { accessCase } from '../../access/case-access.ts';
import { auditRecord } from '../../access/gate.ts';
import { HttpProblem, badRequest, notFound, unauthenticated } from '../../http/problems.ts';
import { CASE_FILE_COLS, CASE_FILE_JOIN, insertCaseFile, toView, type CaseFileRow } from './store.ts';
import { registerLetterRoutes } from './letters.ts';

const CASE_WORKERS = ['handlaggare' as const];
const P = { $ref: 'Problem#' };
const problems = { 401: P, 403: P, 404: P };

/**
 * Served files are shown by the browser's own viewers only: no scripts, nothing loaded from
 * elsewhere, and (unlike the rest of Lots) framable by Lots' own pages so a case page can show a
 * PDF in an <iframe>. Chromium's PDF viewer works under `sandbox` (checked in Chromium 156).
 */
export const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

/**
 * Sends a stored file (case file, letter, e-service attachment) with the same protective headers
 * everywhere: the browser never sniffs or runs it, and only Lots may frame it. Types the browser
 * cannot preview are downloaded.
 */
export function sendStoredFile(reply: FastifyReply, file: { content_type: string; file_name: string; content: Buffer }) {
  const disposition = previewKind(file.content_type) === 'none' ? 'attachment' : 'inline';
  return reply
    .header('content-type', file.content_type)
    .header('content-disposition', contentDisposition(disposition, file.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP)
    .header('x-frame-options', 'SAMEORIGIN')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

const MAX_MB = MAX_FILE_BYTES / (1024 * 1024);
const tooLarge = () => new HttpProblem(413, 'Filen är för stor',
  `Filen är större än ${MAX_MB} MB. Dela upp den, eller spara den i ett mindre format (till exempel PDF i stället för bilder), och försök igen.`, 'file-too-large');

const REFUSAL_SV: Record<Exclude<RefusalReason, 'empty'>, string> = {
  unknown: 'Filtypen känns inte igen eller tas inte emot.',
  markup: 'Filen innehåller HTML, XML eller annan märkning, som inte tas emot (den kan innehålla skript).',
  executable: 'Filen är ett program eller ett skript, som inte tas emot.',
  macro: 'Dokumentet innehåller makron, som inte tas emot. Spara det utan makron (till exempel som .docx eller PDF).',
  encrypted: 'Dokumentet är lösenordsskyddat och kan inte läsas. Spara det utan lösenord och försök igen.',
};
const unsupported = (why: string) => new HttpProblem(415, 'Filtypen tas inte emot',
  `${why} Tillåtna filtyper är ${ALLOWED_TYPES_SV}.`, 'unsupported-file-type');

export function registerFileRoutes(app: FastifyInstance, withActor: WithActor): void {
  // The upload route reads the raw body (up to 20 MB) in its own scope: elsewhere the app's
  // JSON parsers and its 1 MB limit stay as they are.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((err: FastifyError) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw tooLarge();
      throw err; // to the app's problem handler
    });

    scope.post('/api/staff/cases/:id/files', {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ['myndighet'], summary: 'Ladda upp en fil till ärendets personakt',
        description: `Filen skickas som begärans innehåll (Content-Type: filens typ, eller application/octet-stream), filnamnet i ?name=. `
          + `Typen avgörs av filens innehåll. Högst ${MAX_MB} MB. Tillåtna filtyper: ${ALLOWED_TYPES_SV}.`,
        params: IdParams, querystring: UploadQuery,
        response: { 201: CaseFileView, ...problems, 400: P, 413: P, 415: P },
      },
      // Refuse before 20 MB is read: no session cookie at all, or a declared size over the limit.
      onRequest: async (req) => {
        if (!req.cookies[SESSION_COOKIE]) throw unauthenticated();
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > MAX_FILE_BYTES) throw tooLarge();
      },
    }, async (req, reply) => {
      const caseId = (req.params as { id: string }).id;
      const query = req.query as Query;
      const body = req.body;
      const view = await withActor(req, CASE_WORKERS, async (tx, ctx) => {
        const access = await accessCase(tx, ctx, caseId, { action: 'update', resource: 'case.file.upload' });
        if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('Filen är tom. Välj en fil med innehåll och försök igen.');
        const sniffed = sniffFileType(body);
        if (!sniffed.ok) {
          if (sniffed.reason === 'empty') throw badRequest('Filen är tom. Välj en fil med innehåll och försök igen.');
          throw unsupported(REFUSAL_SV[sniffed.reason]);
        }
        const declared = req.headers['content-type'];
        if (!declaredTypeMatches(declared, sniffed.type)) {
          throw unsupported(`Filens innehåll är ${sniffed.type.labelSv} men den skickades som ${mediaTypeOf(declared)}. Kontrollera att filen är den du tror, och försök igen.`);
        }
        const file = await insertCaseFile(tx, {
          caseId, kind: 'upload', fileName: sanitizeFileName(query.name, sniffed.type), contentType: sniffed.type.mime, content: body,
          description: query.description?.trim() || null, uploadedBy: (ctx.actor as StaffActor).userId,
        });
        tx.audit(auditRecord(ctx, {
          action: 'create', resource: 'case.file', subjectPersonId: access.personId, purpose: access.relation,
          details: { caseId, fileId: file.id, kind: file.kind, contentType: file.contentType, size: file.size, sha256: file.sha256 },
        }));
        return file;
      });
      return reply.status(201).send(view);
    });
  });

  app.get('/api/staff/cases/:id/files', {
    schema: { tags: ['myndighet'], summary: 'Filer i ärendets personakt (uppladdade filer, beslutsbrev, brev)', params: IdParams, response: { 200: CaseFileList, ...problems } },
  }, (req) => withActor(req, CASE_WORKERS, async (tx, ctx) => {
    const caseId = (req.params as { id: string }).id;
    await accessCase(tx, ctx, caseId, { action: 'read', resource: 'case.file.list' });
    const rows = await tx.query<CaseFileRow>(
      `SELECT ${CASE_FILE_COLS} FROM case_files f ${CASE_FILE_JOIN}
       WHERE f.municipality_id = $1 AND f.case_id = $2 ORDER BY f.uploaded_at DESC, f.file_name`, [tx.municipalityId, caseId]);
    return { items: rows.map(toView) };
  }));

  app.get('/api/staff/files/:fileId/content', {
    schema: {
      tags: ['myndighet'], summary: 'Filens innehåll (PDF och bilder visas i webbläsaren, övriga laddas ned)',
      params: FileIdParams, response: problems,
    },
  }, async (req, reply) => {
    const fileId = (req.params as { fileId: string }).fileId;
    const file = await withActor(req, CASE_WORKERS, async (tx, ctx) => {
      const meta = await tx.one<{ case_id: string }>('SELECT case_id FROM case_files WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, fileId]);
      if (!meta) throw notFound('Filen');
      const access = await accessCase(tx, ctx, meta.case_id, { action: 'read', resource: 'case.file.read' });
      const row = await tx.one<{ file_name: string; content_type: string; content: Buffer; sha256: string }>(
        'SELECT file_name, content_type, content, sha256 FROM case_files WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, fileId]);
      if (!row) throw notFound('Filen');
      // Which document was opened, for the log follow-up (the gate's record names the case's person).
      tx.audit(auditRecord(ctx, {
        action: 'read', resource: 'case.file.content', subjectPersonId: access.personId, purpose: access.relation,
        flagged: access.relation === 'override', details: { caseId: meta.case_id, fileId, sha256: row.sha256 },
      }));
      return row;
    });
    return sendStoredFile(reply, file);
  });

  registerLetterRoutes(app, withActor);
}
