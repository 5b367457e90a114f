// Representation in the e-services, registered by the handläggare:
// - fullmakter: who may act for the person as ombud (FL 14 §), for which case areas and dates.
//   The citizen view reads them through src/server/access/citizen-access.ts.
// - guardian insight: a child's case withheld from the guardians after a secrecy review
//   (OSL 12 kap. 3 §; the guardian is the one reported, LVU, or harm to the child).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WithActor } from '../../access/session.ts';
import { isCaseWorker, type RequestContext } from '../../access/actor.ts';
import { accessPerson, recordListReads } from '../../access/gate.ts';
import { accessCase } from '../../access/case-access.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, forbidden, notFound } from '../../http/problems.ts';
import { IdParams } from '../../../shared/api.ts';
import {
  EndFullmaktBody, FullmaktList, FullmaktParams, GuardianInsight, GuardianInsightBody, NewFullmaktBody,
  type FullmaktView,
} from '../../../shared/representation-api.ts';
import { formatIdNumber, parseIdNumber, ageOn, type IdKind } from '../../../domain/personnummer.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { CUSTODY_ENDS_AT_AGE } from '../../../domain/guardianship.ts';
import type { CaseArea } from '../../../domain/process/types.ts';

const tags = ['myndighet'];
const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } } as const;

function requireCaseWorker(ctx: RequestContext) {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare registrerar fullmakter.');
  return ctx.actor;
}

async function listFullmakter(tx: TenantTx, ctx: RequestContext, personId: string, action: 'read' | 'update' = 'read'): Promise<FullmaktView[]> {
  requireCaseWorker(ctx);
  if (action === 'read') await accessPerson(tx, ctx, personId, { resource: 'person.fullmakter' });
  const today = dateInSweden();
  const rows = await tx.query<{
    id: string; ombud_id: string; first_name: string; last_name: string; id_number: string; id_kind: IdKind;
    scope: string | null; scope_areas: CaseArea[] | null; valid_from: string; valid_to: string | null;
  }>(
    `SELECT r.id, p.id AS ombud_id, p.first_name, p.last_name, p.id_number, p.id_kind, r.scope, r.scope_areas, r.valid_from, r.valid_to
     FROM person_relations r JOIN persons p ON p.municipality_id = r.municipality_id AND p.id = r.related_person_id
     WHERE r.municipality_id = $1 AND r.person_id = $2 AND r.kind = 'ombud'
     ORDER BY (r.valid_to IS NOT NULL AND r.valid_to < current_date), r.valid_from DESC`, [tx.municipalityId, personId]);
  recordListReads(tx, ctx, rows.map((r) => r.ombud_id), 'person.fullmakter.ombud', { of: personId });
  return rows.map((r) => ({
    id: r.id, ombud: { id: r.ombud_id, name: `${r.first_name} ${r.last_name}`, idNumber: formatIdNumber(r.id_number, r.id_kind) },
    scope: r.scope, scopeAreas: r.scope_areas ?? [], validFrom: r.valid_from, validTo: r.valid_to,
    active: r.valid_from <= today && (r.valid_to === null || r.valid_to >= today),
  }));
}

async function registerFullmakt(tx: TenantTx, ctx: RequestContext, personId: string, body: NewFullmaktBody): Promise<FullmaktView[]> {
  requireCaseWorker(ctx);
  await accessPerson(tx, ctx, personId, { action: 'update', resource: 'person.fullmakt.register' });
  const parsed = parseIdNumber(body.ombudIdNumber);
  if (!parsed.ok) throw badRequest(`Ombudets personnummer: ${parsed.error}`, [{ path: 'body/ombudIdNumber', message: parsed.error }]);
  if (body.validTo && body.validTo < body.validFrom) {
    throw badRequest('Fullmakten kan inte sluta gälla innan den börjar.', [{ path: 'body/validTo', message: 'Välj ett slutdatum efter startdatumet.' }]);
  }
  const ombud = await tx.one<{ id: string; birth_date: string }>(
    'SELECT id, birth_date FROM persons WHERE municipality_id = $1 AND id_number = $2', [tx.municipalityId, parsed.value.canonical]);
  if (!ombud) {
    throw badRequest('Det finns ingen person med det personnumret i personregistret. Kontrollera numret.', [{ path: 'body/ombudIdNumber', message: 'Personen finns inte i registret.' }]);
  }
  if (ombud.id === personId) throw badRequest('En person kan inte vara sitt eget ombud.', [{ path: 'body/ombudIdNumber', message: 'Ange ombudets personnummer, inte den enskildes.' }]);
  // A fullmakt needs an ombud with full legal capacity (FB 9 kap. 1 §: a minor cannot bind themself).
  if (ageOn(ombud.birth_date, dateInSweden()) < CUSTODY_ENDS_AT_AGE) {
    throw badRequest('Ombudet måste vara myndigt.', [{ path: 'body/ombudIdNumber', message: 'Personen är under 18 år.' }]);
  }
  await tx.query(
    `INSERT INTO person_relations (municipality_id, id, person_id, related_person_id, kind, scope, scope_areas, valid_from, valid_to)
     VALUES ($1, gen_random_uuid(), $2, $3, 'ombud', $4, $5, $6, $7)`,
    [tx.municipalityId, personId, ombud.id, body.scope.trim(), body.scopeAreas.length ? body.scopeAreas : null, body.validFrom, body.validTo]);
  return listFullmakter(tx, ctx, personId, 'update');
}

async function endFullmakt(tx: TenantTx, ctx: RequestContext, personId: string, relationId: string, endOn: string): Promise<FullmaktView[]> {
  requireCaseWorker(ctx);
  await accessPerson(tx, ctx, personId, { action: 'update', resource: 'person.fullmakt.end' });
  const row = await tx.one<{ valid_from: string }>(
    `SELECT valid_from FROM person_relations WHERE municipality_id = $1 AND id = $2 AND person_id = $3 AND kind = 'ombud'`,
    [tx.municipalityId, relationId, personId]);
  if (!row) throw notFound('Fullmakten');
  if (endOn < row.valid_from) throw badRequest('Slutdatumet ligger före fullmaktens startdatum.', [{ path: 'body/endOn', message: `Välj ${row.valid_from} eller senare.` }]);
  // Ended, never deleted: what the ombud saw while it was valid stays explainable in the audit log.
  await tx.query(
    `UPDATE person_relations SET valid_to = LEAST(coalesce(valid_to, $3::date), $3::date) WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, relationId, endOn]);
  return listFullmakter(tx, ctx, personId, 'update');
}

async function guardianInsight(tx: TenantTx, caseId: string): Promise<GuardianInsight> {
  const row = await tx.one<{ withheld_from_guardians: GuardianInsight['withheld']; withheld_note: string | null; set_by: string | null; withheld_at: Date | null; birth_date: string }>(
    `SELECT c.withheld_from_guardians, c.withheld_note, s.name AS set_by, c.withheld_at, p.birth_date
     FROM cases c JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     LEFT JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = c.withheld_by
     WHERE c.municipality_id = $1 AND c.id = $2`, [tx.municipalityId, caseId]);
  if (!row) throw notFound('Ärendet');
  return {
    withheld: row.withheld_from_guardians, note: row.withheld_note, setBy: row.set_by,
    setAt: row.withheld_at ? row.withheld_at.toISOString() : null,
    applies: ageOn(row.birth_date, dateInSweden()) < CUSTODY_ENDS_AT_AGE,
  };
}

async function setGuardianInsight(tx: TenantTx, ctx: RequestContext, caseId: string, body: GuardianInsightBody): Promise<GuardianInsight> {
  const actor = requireCaseWorker(ctx);
  await accessCase(tx, ctx, caseId, { action: 'update', resource: 'case.guardian_insight' });
  if (body.withheld && !body.note?.trim()) {
    throw badRequest('Skriv kort varför ärendet inte visas för vårdnadshavarna (sekretessprövningen).', [{ path: 'body/note', message: 'Ange skälet.' }]);
  }
  await tx.query(
    `UPDATE cases SET withheld_from_guardians = $3, withheld_note = $4, withheld_by = $5, withheld_at = now()
     WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, caseId, body.withheld, body.withheld ? body.note!.trim() : null, actor.userId]);
  return guardianInsight(tx, caseId);
}

export function registerRepresentationRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const views: ['handlaggare'] = ['handlaggare'];

  app.get('/api/staff/persons/:id/fullmakter', {
    schema: { tags, summary: 'Fullmakter: vilka som är ombud för personen, för vilka områden och datum', params: IdParams, response: { 200: FullmaktList, ...problems } },
  }, (req) => withActor(req, views, async (tx, ctx) => ({ fullmakter: await listFullmakter(tx, ctx, req.params.id) })));

  app.post('/api/staff/persons/:id/fullmakter', {
    schema: { tags, summary: 'Registrera en fullmakt (ombud)', params: IdParams, body: NewFullmaktBody, response: { 200: FullmaktList, ...problems } },
  }, (req) => withActor(req, views, async (tx, ctx) => ({ fullmakter: await registerFullmakt(tx, ctx, req.params.id, req.body) })));

  app.post('/api/staff/persons/:id/fullmakter/:relationId/end', {
    schema: { tags, summary: 'Avsluta en fullmakt från ett datum', params: FullmaktParams, body: EndFullmaktBody, response: { 200: FullmaktList, ...problems } },
  }, (req) => withActor(req, views, async (tx, ctx) => ({ fullmakter: await endFullmakt(tx, ctx, req.params.id, req.params.relationId, req.body.endOn) })));

  app.get('/api/staff/cases/:id/guardian-insight', {
    schema: { tags, summary: 'Om ärendet visas för vårdnadshavarna i e-tjänsten', params: IdParams, response: { 200: GuardianInsight, ...problems } },
  }, (req) => withActor(req, views, async (tx, ctx) => {
    requireCaseWorker(ctx);
    await accessCase(tx, ctx, req.params.id, { resource: 'case.guardian_insight' });
    return guardianInsight(tx, req.params.id);
  }));

  app.put('/api/staff/cases/:id/guardian-insight', {
    schema: { tags, summary: 'Dölj ärendet för vårdnadshavarna efter sekretessprövning (OSL 12 kap. 3 §), eller visa det igen', params: IdParams, body: GuardianInsightBody, response: { 200: GuardianInsight, ...problems } },
  }, (req) => withActor(req, views, (tx, ctx) => setGuardianInsight(tx, ctx, req.params.id, req.body)));
}
