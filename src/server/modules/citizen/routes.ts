// Medborgare: whom I act for, my cases and decisions (with how to appeal) and letters, and those
// of the people I may act for. Every read goes through the access gate's relation and is audited.
// What a guardian may see of a child is decided by src/domain/citizen-status.ts (FB 6 kap. 2 §,
// SoL 21 kap. 1 §, OSL 12 kap. 3 §); the reporter of an orosanmälan is never read here (OSL 26 kap. 5 §).
import type { FastifyInstance } from 'fastify';
import {
  CitizenCasesQuery, CitizenCasesResponse, CitizenMe, LetterParams,
  type ActingFor, type CitizenAppeal, type CitizenCase, type CitizenCaseGroup, type CitizenRelation, type WithheldReason,
} from '../../../shared/citizen-api.ts';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, auditRecord, recordListReads, relationSql } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { HttpProblem, notFound } from '../../http/problems.ts';
import { accessCitizenCase, citizenVisibleCases } from '../../access/citizen-access.ts';
import { ageOf, firstNameOf } from '../shared/rows.ts';
import {
  WITHHELD_TEXT_SV, citizenStatus, guardianWithholdsAll,
} from '../../../domain/citizen-status.ts';
import { appealInstructions, laglighetsprovningInstructions } from '../../../domain/letters/appeal-instructions.ts';
import { goesAgainstParty, type CaseArea, type CaseType, type Status } from '../../../domain/process/types.ts';
import { sendStoredFile } from '../files/routes.ts';

interface RelatedRow {
  id: string; first_name: string; last_name: string; birth_date: string; relation: CitizenRelation;
  scope: string | null; valid_to: string | null;
}

/** The title citizens see for an orosanmälan, whatever staff wrote (it may name the reporter). */
export const REPORT_TITLE = 'Anmälan om oro för barn';

const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } } as const;

/** Me and everyone the gate says I may act for, with the fullmakt's scope and end for an ombud. */
async function actingFor(tx: TenantTx, ctx: RequestContext, only?: string): Promise<RelatedRow[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'citizen' || !actor.personId) return [];
  const params: unknown[] = [tx.municipalityId, actor.personId];
  const rel = relationSql(actor, 'p.id', params);
  params.push(only ?? null);
  const onlyParam = `$${params.length}`;
  return tx.query<RelatedRow>(
    `SELECT s.*, o.scope, o.valid_to FROM (
       SELECT p.id, p.first_name, p.last_name, p.birth_date, (${rel}) AS relation
       FROM persons p
       WHERE p.municipality_id = $1 AND (p.id = $2 OR p.id IN (
         SELECT r.person_id FROM person_relations r WHERE r.municipality_id = $1 AND r.related_person_id = $2))
         AND (${onlyParam}::uuid IS NULL OR p.id = ${onlyParam}::uuid)
     ) s
     LEFT JOIN LATERAL (
       SELECT r.scope, r.valid_to FROM person_relations r
       WHERE s.relation = 'ombud' AND r.municipality_id = $1 AND r.person_id = s.id AND r.related_person_id = $2 AND r.kind = 'ombud'
         AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to >= current_date)
       ORDER BY r.valid_to DESC NULLS FIRST LIMIT 1) o ON true
     WHERE s.relation IS NOT NULL
     ORDER BY (s.relation <> 'self'), s.first_name`, params);
}

function withheldFor(p: RelatedRow): { reason: WithheldReason; text: string } | null {
  if (p.relation !== 'vardnadshavare') return null;
  const reason = guardianWithholdsAll(ageOf(p));
  return reason ? { reason, text: WITHHELD_TEXT_SV[reason] } : null;
}

/** Some of the person's cases are not shown: outside the fullmakt, or withheld from the guardian. */
function partlyWithheld(p: RelatedRow, shown: number, total: number): { reason: WithheldReason; text: string } | null {
  if (shown >= total || p.relation === 'self') return null;
  const reason = p.relation === 'ombud' ? 'utanfor_fullmakt' as const : 'skyddat_arende' as const;
  return { reason, text: WITHHELD_TEXT_SV[reason] };
}

function toActingFor(p: RelatedRow): ActingFor {
  const withheld = withheldFor(p);
  return {
    id: p.id, name: `${p.first_name} ${p.last_name}`, relation: p.relation,
    age: p.relation === 'vardnadshavare' ? ageOf(p) : null,
    scope: p.relation === 'ombud' ? p.scope : null,
    validTo: p.relation === 'ombud' ? p.valid_to : null,
    may: withheld ? ['ansoka'] : ['se_arenden', 'ansoka'],
    withheld,
  };
}

async function me(tx: TenantTx, ctx: RequestContext) {
  const persons = await actingFor(tx, ctx);
  recordListReads(tx, ctx, persons.map((p) => p.id), 'citizen.me');
  return { name: ctx.actor.name, known: ctx.actor.kind === 'citizen' && ctx.actor.personId !== null, actingFor: persons.map(toActingFor) };
}

interface CaseRow {
  id: string; person_id: string; case_number: string; area: CaseArea; case_type: CaseType; title: string; status: Status;
  received_on: string; closed_on: string | null; worker_name: string | null;
}
interface DecisionRow {
  id: string; case_id: string; insats: string; outcome: 'bifall' | 'delvis_bifall' | 'avslag'; legal_basis: string; decided_on: string;
  valid_from: string | null; valid_to: string | null; scope: string | null; motivation: string; appeal_route: 'forvaltningsbesvar' | 'laglighetsprovning' | 'ingen';
  amount_sek: string | null;
}
interface LetterRow { case_id: string; file_id: string; file_name: string; created_on: string }

async function casesFor(tx: TenantTx, ctx: RequestContext, persons: RelatedRow[]): Promise<CitizenCaseGroup[]> {
  const m = tx.municipalityId;
  // Which cases: the one rule in citizen-access.ts (custody limits, withheld cases, the fullmakt's areas).
  const refs = await citizenVisibleCases(tx, ctx, persons.length === 1 ? { personId: persons[0]!.id } : {});
  const cases = await tx.query<CaseRow>(
    `SELECT c.id, c.person_id, c.case_number, c.area, c.case_type, c.title, c.status, c.received_on, c.closed_on, s.name AS worker_name
     FROM cases c LEFT JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = c.assigned_to
     WHERE c.municipality_id = $1 AND c.id = ANY($2::uuid[]) ORDER BY (c.status = 'avslutad'), c.received_on DESC`,
    [m, refs.map((r) => r.id)]);
  const totals = new Map((await tx.query<{ person_id: string; n: number }>(
    'SELECT person_id, count(*)::int AS n FROM cases WHERE municipality_id = $1 AND person_id = ANY($2::uuid[]) GROUP BY person_id',
    [m, persons.map((p) => p.id)])).map((r) => [r.person_id, r.n]));
  // A case where I am medsökande is shown among my own, though it is filed on my partner.
  const me = persons.find((p) => p.relation === 'self')?.id;
  const shownUnder = new Map(refs.map((r) => [r.id, r.relation === 'medsokande' && me ? me : r.personId]));
  const casesOf = (personId: string) => cases.filter((c) => shownUnder.get(c.id) === personId);
  const ids = cases.map((c) => c.id);
  // Only taken decisions: drafts and proposals are the authority's working material.
  const decisions = await tx.query<DecisionRow>(
    `SELECT id, case_id, insats, outcome, legal_basis, decided_on, valid_from, valid_to, scope, motivation, appeal_route, amount_sek
     FROM decisions WHERE municipality_id = $1 AND case_id = ANY($2::uuid[]) AND status = 'fattat' ORDER BY decided_on DESC, created_at DESC`, [m, ids]);
  const letters = await tx.query<LetterRow>(
    `SELECT l.case_id, f.id AS file_id, f.file_name, (l.created_at AT TIME ZONE 'Europe/Stockholm')::date::text AS created_on
     FROM decision_letters l JOIN case_files f ON f.municipality_id = l.municipality_id AND f.id = l.file_id
     WHERE l.municipality_id = $1 AND l.case_id = ANY($2::uuid[]) ORDER BY l.created_at DESC`, [m, ids]);
  const muni = await tx.one<{ board_name: string; address_lines: string[]; phone: string | null }>(
    'SELECT board_name, address_lines, phone FROM municipalities WHERE id = $1', [m]);

  const toCase = (c: CaseRow): CitizenCase => {
    const firstName = firstNameOf(c.worker_name);
    const contact = firstName ? { firstName, phone: muni?.phone ?? null } : null;
    const own = decisions.filter((d) => d.case_id === c.id);
    const st = citizenStatus(c.case_type, c.status, { anyGranted: own.length === 0 ? undefined : own.some((d) => d.outcome !== 'avslag') });
    return {
      // A report's title is written by staff and may name who reported (OSL 26 kap. 5 §): citizens get a fixed one.
      id: c.id, caseNumber: c.case_number, area: c.area, title: c.case_type === 'barn_anmalan' ? REPORT_TITLE : c.title, status: c.status, receivedOn: c.received_on, closedOn: c.closed_on,
      statusText: { label: st.label, explanation: st.explanation, next: st.next, steps: st.steps },
      contact,
      decisions: own.map((d) => ({
        id: d.id, insats: d.insats, outcome: d.outcome, legalBasis: d.legal_basis, decidedOn: d.decided_on,
        validFrom: d.valid_from, validTo: d.valid_to, scope: d.scope, motivation: d.motivation,
        amountSek: d.amount_sek === null ? null : Number(d.amount_sek),
        appeal: appealFor(d, c.case_number, muni, contact),
      })),
      letters: letters.filter((l) => l.case_id === c.id).map((l) => ({
        fileId: l.file_id, name: l.file_name, createdOn: l.created_on, url: `/api/citizen/letters/${l.file_id}`,
      })),
    };
  };
  return persons.map((p) => ({
    person: { id: p.id, name: `${p.first_name} ${p.last_name}` },
    relation: p.relation,
    withheld: withheldFor(p) ?? partlyWithheld(p, casesOf(p.id).length, totals.get(p.id) ?? 0),
    cases: casesOf(p.id).map(toCase),
  }));
}

/**
 * How to appeal, as in the decision letter: förvaltningsbesvär (33 §, 43–45 §§ FL; text from
 * appeal-instructions.ts) or laglighetsprövning (13 kap. KL), only for what goes against the party (42 § FL).
 */
function appealFor(
  d: DecisionRow, caseNumber: string, muni: { board_name: string; address_lines: string[]; phone: string | null } | undefined,
  contact: { firstName: string; phone: string | null } | null,
): CitizenAppeal | null {
  if (!goesAgainstParty(d.outcome) || !muni) return null;
  if (d.appeal_route === 'forvaltningsbesvar') {
    const text = appealInstructions({
      boardName: muni.board_name, caseNumber,
      helpContact: contact ? { name: contact.firstName, phone: contact.phone ?? '' } : null,
      boardAddressLines: muni.address_lines,
    });
    return { route: 'forvaltningsbesvar', ...text };
  }
  if (d.appeal_route === 'laglighetsprovning') {
    // 13 kap. 5–6 §§ KL: the same text as in the decision letter.
    return { route: 'laglighetsprovning', ...laglighetsprovningInstructions({ helpContactName: contact?.firstName ?? null }) };
  }
  return null;
}

async function citizenCases(tx: TenantTx, ctx: RequestContext, forPerson: string | undefined) {
  if (forPerson) {
    // Through the gate: 404 when there is no such person, 403 (logged, flagged) when I do not act for them.
    await accessPerson(tx, ctx, forPerson, { action: 'read', resource: 'citizen.cases' });
    const persons = await actingFor(tx, ctx, forPerson);
    return { persons: await casesFor(tx, ctx, persons) };
  }
  const persons = await actingFor(tx, ctx);
  recordListReads(tx, ctx, persons.map((p) => p.id), 'citizen.cases');
  return { persons: await casesFor(tx, ctx, persons) };
}

/** The beslutsbrev, only when its case is one I may see; otherwise 404 (a guess cannot be told from a miss). */
async function letterContent(tx: TenantTx, ctx: RequestContext, fileId: string) {
  const m = tx.municipalityId;
  const meta = await tx.one<{ case_id: string }>('SELECT case_id FROM decision_letters WHERE municipality_id = $1 AND file_id = $2', [m, fileId]);
  if (!meta) throw notFound('Brevet');
  // A letter is read as part of its case: the same 404 (and flagged refusal) as for a case I may not see.
  const ref = await accessCitizenCase(tx, ctx, meta.case_id, { action: 'read', resource: 'citizen.letter' }).catch((err: unknown) => {
    throw err instanceof HttpProblem && err.status === 404 ? notFound('Brevet') : err;
  });
  const file = await tx.one<{ file_name: string; content_type: string; content: Buffer; sha256: string }>(
    'SELECT file_name, content_type, content, sha256 FROM case_files WHERE municipality_id = $1 AND id = $2', [m, fileId]);
  if (!file) throw notFound('Brevet');
  tx.audit(auditRecord(ctx, {
    action: 'read', resource: 'citizen.letter.file', subjectPersonId: ref.personId, purpose: ref.relation,
    details: { caseId: ref.id, fileId, sha256: file.sha256 },
  }));
  return file;
}

export function registerCitizenRoutes(app: FastifyInstance, withActor: WithActor) {
  app.get('/api/citizen/me', {
    schema: { tags: ['medborgare'], summary: 'Vem jag är och vilka jag får företräda', response: { 200: CitizenMe, ...problems } },
  }, (req) => withActor(req, ['medborgare'], me));

  app.get('/api/citizen/cases', {
    schema: {
      tags: ['medborgare'], summary: 'Mina ärenden och beslut, och deras som jag företräder (for = en av dem)',
      querystring: CitizenCasesQuery, response: { 200: CitizenCasesResponse, ...problems },
    },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizenCases(tx, ctx, (req.query as { for?: string }).for)));

  app.get('/api/citizen/letters/:fileId', {
    schema: { tags: ['medborgare'], summary: 'Beslutsbrevet som PDF', params: LetterParams, response: problems },
  }, async (req, reply) => {
    const fileId = (req.params as { fileId: string }).fileId;
    const file = await withActor(req, ['medborgare'], (tx, ctx) => letterContent(tx, ctx, fileId));
    return sendStoredFile(reply, file);
  });
}
