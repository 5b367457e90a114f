// Myndighet (case workers): my cases, person search, person overview. Read-only for now.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  AccessOverrideBody, IdParams, MyCases, MyCasesQuery, PersonOverview, PersonSearchQuery, PersonSearchResult, type CaseListItem,
  type CaseSummary, type JournalEntryView, type RelationView,
} from '../../../shared/api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext, StaffActor } from '../../access/actor.ts';
import { accessPerson, caseVisibleSql, grantOverride, recordListReads, relationSql } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import {
  DECISIONS_FOR_CASES, NEXT_DEADLINE_JOIN, PERSON_COLS, addressOf, ageOf, deadlineOf, groupDecisions, personRef,
  type DeadlineCols, type DecisionCols, type PersonCols,
} from '../shared/rows.ts';
import { formatIdNumber } from '../../../domain/personnummer.ts';

const CASE_WORKERS = ['handlaggare'] as const; // the view; arbetsledare share it
const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };

interface CaseRow extends PersonCols, DeadlineCols {
  id: string; case_number: string; area: CaseListItem['area']; origin: CaseListItem['origin']; title: string;
  status: CaseListItem['status']; received_on: string; closed_on: string | null; unit_name: string; assigned_name: string | null;
}

const CASE_COLS = `c.id, c.case_number, c.area, c.origin, c.title, c.status, c.received_on, c.closed_on,
  u.name AS unit_name, su.name AS assigned_name, dl.dl_kind, dl.dl_basis, dl.dl_due`;
const CASE_JOINS = `JOIN org_units u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
  LEFT JOIN staff_users su ON su.municipality_id = c.municipality_id AND su.id = c.assigned_to
  ${NEXT_DEADLINE_JOIN}`;

async function myCases(tx: TenantTx, ctx: RequestContext, scope: 'mine' | 'unit' | 'inbox'): Promise<CaseListItem[]> {
  const actor = ctx.actor as StaffActor;
  const params: unknown[] = [tx.municipalityId];
  const filter = scope === 'mine'
    ? `c.assigned_to = $${params.push(actor.userId)}`
    : `c.unit_id = $${params.push(actor.unitId)}${scope === 'inbox' ? ' AND c.assigned_to IS NULL' : ''}`;
  const rows = await tx.query<CaseRow>(
    `SELECT ${CASE_COLS}, ${PERSON_COLS}
     FROM cases c JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     ${CASE_JOINS}
     WHERE c.municipality_id = $1 AND ${filter} AND c.status <> 'avslutad'
       AND (${relationSql(actor, 'p.id', params)}) IS NOT NULL
     ORDER BY dl.dl_due NULLS LAST, c.received_on
     LIMIT 500`, params);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), `case.list.${scope}`);
  return rows.map((r) => ({
    id: r.id, caseNumber: r.case_number, person: personRef(r), area: r.area, origin: r.origin, title: r.title,
    status: r.status, receivedOn: r.received_on, unitName: r.unit_name, assignedTo: r.assigned_name, nextDeadline: deadlineOf(r),
  }));
}

/** Digits-only input searches personnummer; anything else searches names, word by word. */
async function searchPersons(tx: TenantTx, ctx: RequestContext, q: string, limit: number) {
  const params: unknown[] = [tx.municipalityId];
  const digits = q.replace(/[\s+-]/g, '');
  let match: string;
  if (/^\d{4,12}$/.test(digits)) {
    const p = params.push(`${digits}%`);
    match = `(p.id_number LIKE $${p} OR substr(p.id_number, 3) LIKE $${p})`;
  } else {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
    match = words.map((w) => {
      const i = params.push(`${w.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`);
      return `(lower(p.first_name) LIKE $${i} OR lower(p.last_name) LIKE $${i})`;
    }).join(' AND ');
  }
  const relation = relationSql(ctx.actor, 'p.id', params);
  const rows = await tx.query<PersonCols & { relation: string | null }>(
    `SELECT * FROM (SELECT ${PERSON_COLS}, (${relation}) AS relation FROM persons p
       WHERE p.municipality_id = $1 AND ${match}) s
     -- persons with protected identity are found only by those who already have a relation
     WHERE s.protection = 'ingen' OR s.relation IS NOT NULL
     ORDER BY s.last_name, s.first_name LIMIT $${params.push(limit)}`, params);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'person.search', { query: q });
  return rows.map((r) => ({
    id: r.person_id, name: `${r.first_name} ${r.last_name}`, idNumber: formatIdNumber(r.id_number, r.id_kind),
    birthDate: r.birth_date, protection: r.protection, mayOpen: r.relation !== null,
  }));
}

async function personOverview(tx: TenantTx, ctx: RequestContext, personId: string) {
  const relation = await accessPerson(tx, ctx, personId, { resource: 'person.overview' });
  const person = await tx.one<PersonCols & { phone: string | null }>(
    `SELECT ${PERSON_COLS}, p.street, p.postal_code, p.city, p.phone FROM persons p WHERE p.municipality_id = $1 AND p.id = $2`,
    [tx.municipalityId, personId]);
  if (!person) throw new Error('person vanished inside the transaction');

  const relationRows = await tx.query<PersonCols & { kind: string; direction: 'has' | 'is'; scope: string | null; valid_from: string; valid_to: string | null }>(
    `SELECT r.kind, 'has' AS direction, r.scope, r.valid_from, r.valid_to, ${PERSON_COLS}
       FROM person_relations r JOIN persons p ON p.municipality_id = r.municipality_id AND p.id = r.related_person_id
       WHERE r.municipality_id = $1 AND r.person_id = $2
     UNION ALL
     SELECT r.kind, 'is' AS direction, r.scope, r.valid_from, r.valid_to, ${PERSON_COLS}
       FROM person_relations r JOIN persons p ON p.municipality_id = r.municipality_id AND p.id = r.person_id
       WHERE r.municipality_id = $1 AND r.related_person_id = $2
     ORDER BY kind`, [tx.municipalityId, personId]);
  // Names and numbers of related persons are their personal data too: log each as shown.
  recordListReads(tx, ctx, relationRows.map((r) => r.person_id), 'person.overview.relations', { of: personId });
  const relations: RelationView[] = relationRows.map((r) => ({
    kind: r.kind, direction: r.direction, person: personRef(r), scope: r.scope, validFrom: r.valid_from, validTo: r.valid_to,
  }));

  const caseParams: unknown[] = [tx.municipalityId, personId];
  const caseRows = await tx.query<CaseRow>(
    `SELECT ${CASE_COLS}, ${PERSON_COLS} FROM cases c JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     ${CASE_JOINS}
     WHERE c.municipality_id = $1 AND c.person_id = $2 AND ${caseVisibleSql(ctx.actor, 'c', relation, caseParams)}
     ORDER BY (c.status = 'avslutad'), c.received_on DESC`, caseParams);
  const caseIds = caseRows.map((c) => c.id);
  const decisions = groupDecisions(await tx.query<DecisionCols>(DECISIONS_FOR_CASES, [tx.municipalityId, caseIds]));
  const cases: CaseSummary[] = caseRows.map((r) => ({
    id: r.id, caseNumber: r.case_number, area: r.area, origin: r.origin, title: r.title, status: r.status,
    receivedOn: r.received_on, closedOn: r.closed_on, unitName: r.unit_name, assignedTo: r.assigned_name,
    nextDeadline: deadlineOf(r), decisions: decisions.get(r.id) ?? [],
  }));

  const journalRows = await tx.query<{ id: string; case_id: string; case_number: string; occurred_on: string; title: string; body: string; author: string; signed_at: Date | null }>(
    `SELECT j.id, j.case_id, c.case_number, j.occurred_on, j.title, j.body, su.name AS author, j.signed_at
     FROM journal_entries j
     JOIN cases c ON c.municipality_id = j.municipality_id AND c.id = j.case_id
     JOIN staff_users su ON su.municipality_id = j.municipality_id AND su.id = j.author_id
     WHERE j.municipality_id = $1 AND j.case_id = ANY($2::uuid[])
     ORDER BY j.occurred_on DESC, j.created_at DESC LIMIT 20`, [tx.municipalityId, caseIds]);
  const journal: JournalEntryView[] = journalRows.map((j) => ({
    id: j.id, caseId: j.case_id, caseNumber: j.case_number, occurredOn: j.occurred_on, title: j.title, body: j.body,
    author: j.author, signedAt: j.signed_at ? j.signed_at.toISOString() : null,
  }));

  return {
    person: {
      id: person.person_id, firstName: person.first_name, lastName: person.last_name,
      idNumber: formatIdNumber(person.id_number, person.id_kind), idKind: person.id_kind, birthDate: person.birth_date,
      age: ageOf(person), protection: person.protection, address: addressOf(person),
      phone: person.protection === 'ingen' ? person.phone : null,
    },
    access: relation === 'override' ? 'override' as const : 'relation' as const,
    relations, cases, journal,
  };
}

export function registerStaffRoutes(app: FastifyInstance, withActor: WithActor) {
  const views = [...CASE_WORKERS];

  app.get('/api/staff/my-cases', {
    schema: {
      tags: ['myndighet'], summary: 'Mina ärenden (eller enhetens öppna ärenden) med nästa frist',
      querystring: MyCasesQuery,
      response: { 200: MyCases, ...problems },
    },
  }, (req) => withActor(req, views, async (tx, ctx) =>
    ({ items: await myCases(tx, ctx, (req.query as { scope?: 'mine' | 'unit' }).scope ?? 'mine') })));

  app.get('/api/staff/persons', {
    schema: { tags: ['myndighet'], summary: 'Sök person på namn eller personnummer', querystring: PersonSearchQuery, response: { 200: PersonSearchResult, ...problems } },
  }, (req) => withActor(req, views, async (tx, ctx) => {
    const { q, limit } = req.query as { q: string; limit?: number };
    return { items: await searchPersons(tx, ctx, q.trim(), limit ?? 20) };
  }));

  app.get('/api/staff/persons/:id', {
    schema: { tags: ['myndighet'], summary: 'Personöversikt: person, relationer, ärenden, senaste journalanteckningar', params: IdParams, response: { 200: PersonOverview, ...problems } },
  }, (req) => withActor(req, views, (tx, ctx) => personOverview(tx, ctx, (req.params as { id: string }).id)));

  app.post('/api/staff/persons/:id/access-override', {
    schema: {
      tags: ['myndighet'], summary: 'Begär åtkomst av annat skäl (loggas och följs upp)', params: IdParams, body: AccessOverrideBody,
      response: { 204: Type.Null(), ...problems, 400: { $ref: 'Problem#' } },
    },
  }, async (req, reply) => {
    await withActor(req, views, (tx, ctx) => grantOverride(tx, ctx, (req.params as { id: string }).id, (req.body as { reason: string }).reason));
    return reply.status(204).send();
  });
}
