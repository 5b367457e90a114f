// Medborgare: my cases and decisions, and those of the people I may act for.
import type { FastifyInstance } from 'fastify';
import { CitizenCases } from '../../../shared/api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { recordListReads, relationSql, type Relation } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { DECISIONS_FOR_CASES, groupDecisions, type DecisionCols } from '../shared/rows.ts';

type CitizenRelation = Extract<Relation, 'self' | 'vardnadshavare' | 'ombud'>;

async function citizenCases(tx: TenantTx, ctx: RequestContext) {
  const actor = ctx.actor;
  if (actor.kind !== 'citizen' || !actor.personId) return { persons: [] };
  // Candidates are me and those related to me; the gate's relation decides who remains.
  const params: unknown[] = [tx.municipalityId, actor.personId];
  const persons = await tx.query<{ id: string; first_name: string; last_name: string; relation: CitizenRelation | null }>(
    `SELECT * FROM (
       SELECT p.id, p.first_name, p.last_name, (${relationSql(actor, 'p.id', params)}) AS relation
       FROM persons p
       WHERE p.municipality_id = $1 AND (p.id = $2 OR p.id IN (
         SELECT r.person_id FROM person_relations r WHERE r.municipality_id = $1 AND r.related_person_id = $2))
     ) s WHERE s.relation IS NOT NULL
     ORDER BY (s.relation <> 'self'), s.first_name`, params);
  const ids = persons.map((p) => p.id);
  const cases = await tx.query<{ id: string; person_id: string; case_number: string; area: string; title: string; status: string; received_on: string; closed_on: string | null }>(
    `SELECT c.id, c.person_id, c.case_number, c.area, c.title, c.status, c.received_on, c.closed_on FROM cases c
     WHERE c.municipality_id = $1 AND c.person_id = ANY($2::uuid[]) ORDER BY (c.status = 'avslutad'), c.received_on DESC`,
    [tx.municipalityId, ids]);
  const decisions = groupDecisions(await tx.query<DecisionCols>(DECISIONS_FOR_CASES, [tx.municipalityId, cases.map((c) => c.id)]));
  recordListReads(tx, ctx, ids, 'citizen.cases');
  return {
    persons: persons.map((p) => ({
      person: { id: p.id, name: `${p.first_name} ${p.last_name}` },
      relation: p.relation as CitizenRelation,
      cases: cases.filter((c) => c.person_id === p.id).map((c) => ({
        id: c.id, caseNumber: c.case_number, area: c.area, title: c.title, status: c.status, receivedOn: c.received_on,
        closedOn: c.closed_on, decisions: decisions.get(c.id) ?? [],
      })),
    })),
  };
}

export function registerCitizenRoutes(app: FastifyInstance, withActor: WithActor) {
  app.get('/api/citizen/cases', {
    schema: { tags: ['medborgare'], summary: 'Mina ärenden och beslut, och deras som jag företräder', response: { 200: CitizenCases, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' } } },
  }, (req) => withActor(req, ['medborgare'], citizenCases));
}
