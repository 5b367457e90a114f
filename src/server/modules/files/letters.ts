// Letter templates per municipality (kallelse, information om inledd utredning, kommunicering …)
// and letters written from them in a case. Systemförvaltare maintain the templates (audited as
// configuration changes, no personal data); case workers read them, preview a letter with the
// placeholders filled from the case, and store it as a PDF in the personakt (kind 'brev').
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { IdParams } from '../../../shared/api.ts';
import {
  CaseFileView, LetterPreview, LetterTemplateBody, LetterTemplateList, LetterTemplateQuery, LetterTemplateView, NewLetterBody,
  type LetterTemplateBody as TemplateBody, type LetterTemplateView as TemplateView, type NewLetterBody as LetterBody,
} from '../../../shared/files-api.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { formatDateSv } from '../../../domain/format.ts';
import { formatIdNumber } from '../../../domain/personnummer.ts';
import { FILE_TYPES, sanitizeFileName } from '../../../domain/files/sniff.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { accessCase, type CaseAccess } from '../../access/case-access.ts';
import { auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { HttpProblem, badRequest, notFound } from '../../http/problems.ts';
import { renderPlainLetterPdf, type PlainLetterInput } from '../../letters/render-pdf.ts';
import { fillLetter, type PlaceholderValues } from './placeholders.ts';
import { insertCaseFile } from './store.ts';

const P = { $ref: 'Problem#' };
const problems = { 401: P, 403: P, 404: P };
const TEMPLATE_RESOURCE = 'config.letter_template';

interface TemplateRow { id: string; title: string; areas: TemplateView['areas']; body: string; updated_at: Date }
const templateView = (r: TemplateRow): TemplateView => ({ id: r.id, title: r.title, areas: r.areas, body: r.body, updatedAt: r.updated_at.toISOString() });
const snapshot = (r: Pick<TemplateRow, 'title' | 'areas' | 'body'>) => ({ title: r.title, areas: r.areas, body: r.body });

async function listTemplates(tx: TenantTx, area: string | null): Promise<TemplateView[]> {
  const rows = await tx.query<TemplateRow>(
    `SELECT id, title, areas, body, updated_at FROM letter_templates
     WHERE municipality_id = $1 AND ($2::text IS NULL OR cardinality(areas) = 0 OR $2 = ANY(areas))
     ORDER BY lower(title), id`, [tx.municipalityId, area]);
  return rows.map(templateView);
}

async function findTemplate(tx: TenantTx, id: string): Promise<TemplateRow | undefined> {
  return tx.one<TemplateRow>('SELECT id, title, areas, body, updated_at FROM letter_templates WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
}

function cleanTemplate(b: TemplateBody): TemplateBody {
  const title = b.title.trim();
  const body = b.body.replace(/\r\n?/g, '\n').trim();
  const errors = [
    ...(title === '' ? [{ path: 'body/title', message: 'Skriv en rubrik.' }] : []),
    ...(body === '' ? [{ path: 'body/body', message: 'Skriv mallens text.' }] : []),
  ];
  if (errors.length) throw badRequest('Mallen behöver både rubrik och text.', errors);
  return { title, body, areas: [...new Set(b.areas)] };
}

// ---- letters in a case ---------------------------------------------------------------------------

interface LetterContext {
  access: CaseAccess;
  values: PlaceholderValues;
  pdf: Omit<PlainLetterInput, 'title' | 'body'>;
}

/** Everything a letter in this case needs: the letterhead, the recipient, the sender, the placeholder values. */
async function letterContext(tx: TenantTx, ctx: RequestContext, caseId: string, replyBy: string | undefined, resource: string, action: 'read' | 'update'): Promise<LetterContext> {
  const access = await accessCase(tx, ctx, caseId, { action, resource });
  const actor = ctx.actor as StaffActor;
  const row = await tx.one<{
    case_number: string; komm_reply_by: string | null; unit_name: string;
    first_name: string; last_name: string; id_number: string; id_kind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
    protection: string; street: string | null; postal_code: string | null; city: string | null;
    m_name: string; board_name: string; address_lines: string[]; m_phone: string | null; m_email: string | null;
    s_name: string; s_title: string; s_email: string | null;
  }>(
    `SELECT c.case_number, c.komm_reply_by, u.name AS unit_name,
            p.first_name, p.last_name, p.id_number, p.id_kind, p.protection, p.street, p.postal_code, p.city,
            m.name AS m_name, m.board_name, m.address_lines, m.phone AS m_phone, m.email AS m_email,
            s.name AS s_name, s.title AS s_title, s.email AS s_email
     FROM cases c
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     JOIN org_units u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
     JOIN municipalities m ON m.id = c.municipality_id
     JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = $3
     WHERE c.municipality_id = $1 AND c.id = $2`, [tx.municipalityId, caseId, actor.userId]);
  if (!row) throw notFound('Ärendet');
  const today = dateInSweden();
  const name = `${row.first_name} ${row.last_name}`;
  const idNumber = formatIdNumber(row.id_number, row.id_kind);
  const reply = replyBy ?? row.komm_reply_by;
  // Protected personal data: the address never goes into a letter; mail goes via Skatteverket.
  const hasAddress = row.protection === 'ingen' && row.street && row.postal_code && row.city;
  return {
    access,
    values: {
      namn: name, personnummer: idNumber, arendenummer: row.case_number, handlaggare: row.s_name,
      datum: formatDateSv(today, 'long'), svarsdatum: reply ? formatDateSv(reply, 'long') : null,
    },
    pdf: {
      municipality: { name: row.m_name, boardName: row.board_name, addressLines: row.address_lines, phone: row.m_phone ?? '', email: row.m_email ?? '' },
      unitName: row.unit_name,
      caseNumber: row.case_number,
      letterDate: today,
      recipient: { name, idNumber, addressLines: hasAddress ? [row.street!, `${row.postal_code} ${row.city}`] : null },
      // Staff have no direct number in Lots: the municipality's switchboard reaches them.
      sender: { name: row.s_name, title: row.s_title || row.unit_name, phone: row.m_phone ?? '', email: row.s_email ?? row.m_email ?? '' },
    },
  };
}

const KNOWN_SV = '{namn}, {personnummer}, {arendenummer}, {handlaggare}, {datum} och {svarsdatum}';

/** A letter is stored only when every placeholder is filled: never "{svarsdatum}" on paper. */
function assertComplete(missing: string[], unknown: string[]): void {
  const errors = [
    ...missing.map((m) => m === 'svarsdatum'
      ? { path: 'body/replyBy', message: 'Välj ett svarsdatum, eller ta bort {svarsdatum} ur texten.' }
      : { path: 'body/body', message: `{${m}} kan inte fyllas i eftersom uppgiften saknas i ärendet. Ta bort den ur texten.` }),
    ...unknown.map((u) => ({ path: 'body/body', message: `${u} är ingen platshållare. Tillåtna är ${KNOWN_SV}.` })),
  ];
  if (errors.length === 0) return;
  throw new HttpProblem(400, 'Brevet är inte färdigt', errors.map((e) => e.message).join(' '), 'letter-incomplete', errors);
}

export function registerLetterRoutes(app: FastifyInstance, withActor: WithActor): void {
  // ---- templates: read by case workers ----
  app.get('/api/staff/letter-templates', {
    schema: { tags: ['myndighet'], summary: 'Kommunens brevmallar (för ett område, eller alla)', querystring: LetterTemplateQuery, response: { 200: LetterTemplateList, ...problems } },
  }, (req) => withActor(req, ['handlaggare'], async (tx) => ({ items: await listTemplates(tx, (req.query as { area?: string }).area ?? null) })));

  // ---- templates: maintained by systemförvaltare ----
  app.get('/api/admin/letter-templates', {
    schema: { tags: ['systemförvaltning'], summary: 'Alla brevmallar', response: { 200: LetterTemplateList, ...problems } },
  }, (req) => withActor(req, ['systemforvaltare'], async (tx) => ({ items: await listTemplates(tx, null) })));

  app.post('/api/admin/letter-templates', {
    schema: { tags: ['systemförvaltning'], summary: 'Ny brevmall', body: LetterTemplateBody, response: { 201: LetterTemplateView, ...problems, 400: P } },
  }, async (req, reply) => {
    const created = await withActor(req, ['systemforvaltare'], async (tx, ctx) => {
      const b = cleanTemplate(req.body as TemplateBody);
      const row = await tx.one<TemplateRow>(
        `INSERT INTO letter_templates (municipality_id, id, title, areas, body) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, title, areas, body, updated_at`, [tx.municipalityId, randomUUID(), b.title, b.areas, b.body]);
      tx.audit(auditRecord(ctx, { action: 'create', resource: TEMPLATE_RESOURCE, details: { id: row!.id, after: snapshot(b) } }));
      return templateView(row!);
    });
    return reply.status(201).send(created);
  });

  app.put('/api/admin/letter-templates/:id', {
    schema: { tags: ['systemförvaltning'], summary: 'Ändra brevmall', params: IdParams, body: LetterTemplateBody, response: { 200: LetterTemplateView, ...problems, 400: P } },
  }, (req) => withActor(req, ['systemforvaltare'], async (tx, ctx) => {
    const id = (req.params as { id: string }).id;
    const b = cleanTemplate(req.body as TemplateBody);
    const before = await findTemplate(tx, id);
    if (!before) throw notFound('Brevmallen');
    const row = await tx.one<TemplateRow>(
      `UPDATE letter_templates SET title = $3, areas = $4, body = $5, updated_at = now() WHERE municipality_id = $1 AND id = $2
       RETURNING id, title, areas, body, updated_at`, [tx.municipalityId, id, b.title, b.areas, b.body]);
    tx.audit(auditRecord(ctx, { action: 'update', resource: TEMPLATE_RESOURCE, details: { id, before: snapshot(before), after: snapshot(b) } }));
    return templateView(row!);
  }));

  app.delete('/api/admin/letter-templates/:id', {
    schema: { tags: ['systemförvaltning'], summary: 'Ta bort brevmall (brev som redan skrivits finns kvar i personakterna)', params: IdParams, response: { 204: Type.Null(), ...problems } },
  }, async (req, reply) => {
    await withActor(req, ['systemforvaltare'], async (tx, ctx) => {
      const id = (req.params as { id: string }).id;
      const before = await findTemplate(tx, id);
      if (!before) throw notFound('Brevmallen');
      await tx.query('DELETE FROM letter_templates WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, id]);
      tx.audit(auditRecord(ctx, { action: 'delete', resource: TEMPLATE_RESOURCE, details: { id, before: snapshot(before) } }));
    });
    return reply.status(204).send();
  });

  // ---- letters in a case ----
  app.post('/api/staff/cases/:id/letters/preview', {
    schema: {
      tags: ['myndighet'], summary: 'Förhandsgranska brevtext med platshållarna ifyllda från ärendet (sparar inget)',
      params: IdParams, body: NewLetterBody, response: { 200: LetterPreview, ...problems, 400: P },
    },
  }, (req) => withActor(req, ['handlaggare'], async (tx, ctx) => {
    const b = req.body as LetterBody;
    const lc = await letterContext(tx, ctx, (req.params as { id: string }).id, b.replyBy, 'case.letter.preview', 'read');
    return fillLetter(b.title, b.body, lc.values);
  }));

  app.post('/api/staff/cases/:id/letters', {
    schema: {
      tags: ['myndighet'], summary: 'Skriv ett brev (PDF) och spara det i personakten',
      description: 'Platshållarna {namn}, {personnummer}, {arendenummer}, {handlaggare}, {datum} och {svarsdatum} fylls i från ärendet.',
      params: IdParams, body: NewLetterBody, response: { 201: CaseFileView, ...problems, 400: P },
    },
  }, async (req, reply) => {
    const caseId = (req.params as { id: string }).id;
    const b = req.body as LetterBody;
    const view = await withActor(req, ['handlaggare'], async (tx, ctx) => {
      const lc = await letterContext(tx, ctx, caseId, b.replyBy, 'case.letter.create', 'update');
      if (b.templateId && !(await findTemplate(tx, b.templateId))) throw notFound('Brevmallen');
      const filled = fillLetter(b.title.trim(), b.body.replace(/\r\n?/g, '\n').trim(), lc.values);
      if (filled.title === '' || filled.body === '') throw badRequest('Brevet behöver både rubrik och text.');
      assertComplete(filled.missing, filled.unknown);
      const pdf = await renderPlainLetterPdf({ ...lc.pdf, title: filled.title, body: filled.body });
      const file = await insertCaseFile(tx, {
        caseId, kind: 'brev', contentType: FILE_TYPES.pdf.mime, content: pdf, description: null,
        fileName: sanitizeFileName(`${filled.title} ${lc.pdf.letterDate}.pdf`, FILE_TYPES.pdf),
        uploadedBy: (ctx.actor as StaffActor).userId,
      });
      tx.audit(auditRecord(ctx, {
        action: 'create', resource: 'case.file', subjectPersonId: lc.access.personId, purpose: lc.access.relation,
        details: { caseId, fileId: file.id, kind: 'brev', templateId: b.templateId ?? null, sha256: file.sha256 },
      }));
      return file;
    });
    return reply.status(201).send(view);
  });
}
