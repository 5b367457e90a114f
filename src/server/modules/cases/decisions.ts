// Decisions per insats: drafts, proposals to whoever holds the delegation, signing (which takes
// the decision, 31 § FL), the beslutsbrev (33 § FL), delgivning, and överklagande (43–45 §§ FL).
import { createHash, randomUUID } from 'node:crypto';
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker } from '../../access/actor.ts';
import type { CaseAccess } from '../../access/case-access.ts';
import { HttpProblem, badRequest, conflict, notFound } from '../../http/problems.ts';
import { DEADLINE_KINDS, dateInSweden, isValidIsoDate } from '../../../domain/deadlines.ts';
import { check } from '../../../domain/process/engine.ts';
import { insatsByKey, insatserFor, legalBasisText } from '../../../domain/insatser.ts';
import { authorityForAll } from '../../../domain/delegation.ts';
import { rattidsprovning } from '../../../domain/appeal.ts';
import { formatIdNumber } from '../../../domain/personnummer.ts';
import type { DecisionDraftBody, SignBody } from '../../../shared/cases-api.ts';
import { factsOf, loadCaseRow, loadDecisions, type CaseRow, type DecisionRow } from './load.ts';
import { loadDelegationRules } from '../delegations/rules.ts';
import { renderDecisionLetterPdf } from '../../letters/render-pdf.ts';
import { endOrdersOfDecision } from '../orders/service.ts';
import type { DecisionLetterInput } from '../../../domain/letters/decision-letter.ts';

function fieldError(path: string, message: string): never {
  throw badRequest(message, [{ path: `body/${path}`, message }]);
}

function validateDraft(row: CaseRow, body: DecisionDraftBody): void {
  const insats = insatsByKey(body.insatsKey);
  const law = row.case_type === 'lss_ansokan' ? 'LSS' : row.case_type === 'bistand_ansokan' ? 'SoL' : undefined;
  if (!insats || !insatserFor(row.area, law).some((i) => i.key === insats.key)) fieldError('insatsKey', 'Välj en insats som hör till ärendets område.');
  if (!body.motivation.trim()) fieldError('motivation', 'Skriv motiveringen: vilka omständigheter beslutet bygger på (32 § FL).');
  if (body.validFrom && body.validTo && body.validTo < body.validFrom) fieldError('validTo', 'Slutdatumet ligger före startdatumet.');
  if (body.outcome !== 'avslag' && !body.validFrom) fieldError('validFrom', 'Ange från vilket datum insatsen gäller.');
  if (body.outcome === 'avslag' && (body.validFrom || body.validTo)) fieldError('validFrom', 'Ett avslag har ingen giltighetstid; lämna datumen tomma.');
  if (insats!.hasAmount && body.outcome !== 'avslag' && (body.amountSek === undefined || body.amountSek === null)) fieldError('amountSek', 'Ange beviljat belopp.');
  if (body.followUpOn && !isValidIsoDate(body.followUpOn)) fieldError('followUpOn', 'Ogiltigt datum.');
}

function assertDrafting(row: CaseRow): void {
  if (row.status !== 'utredning') {
    throw conflict('Beslutsförslag skrivs medan ärendet utreds. Inled utredningen först, eller registrera en ny aktualisering om ärendet är avslutat.', 'not-investigating', { legalBasis: '14 kap. 2 § SoL; 23 § FL' });
  }
}

export async function createDraft(tx: TenantTx, actor: CaseWorker, access: CaseAccess, body: DecisionDraftBody): Promise<void> {
  const row = await loadCaseRow(tx, access.caseId, true);
  assertDrafting(row);
  validateDraft(row, body);
  const insats = insatsByKey(body.insatsKey)!;
  await tx.query(
    `INSERT INTO decisions (municipality_id, id, case_id, insats, ksi_code, legal_basis, outcome, valid_from, valid_to, scope, motivation,
       status, insats_key, decision_type, appeal_route, amount_sek, drafted_by, follow_up_on)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, 'utkast', $11, $12, $13, $14, $15, $16)`,
    [tx.municipalityId, access.caseId, insats.labelSv, insats.ksiCode, insats.legalBasis, body.outcome, body.validFrom ?? null, body.validTo ?? null,
      body.scope ?? null, body.motivation, insats.key, insats.decisionType, insats.appealRoute, body.amountSek ?? null, actor.userId, body.followUpOn ?? null]);
  await bumpVersion(tx, access.caseId);
}

async function draftOf(tx: TenantTx, caseId: string, decisionId: string): Promise<DecisionRow> {
  const d = (await loadDecisions(tx, caseId)).find((x) => x.id === decisionId);
  if (!d) throw notFound('Beslutet');
  if (d.status === 'fattat') throw conflict('Beslutet är fattat och kan inte ändras. Ett nytt beslut behövs (t.ex. efter omprövning).', 'decision-taken', { legalBasis: '36–39 §§ FL' });
  return d;
}

export async function updateDraft(tx: TenantTx, access: CaseAccess, decisionId: string, body: DecisionDraftBody): Promise<void> {
  const row = await loadCaseRow(tx, access.caseId, true);
  assertDrafting(row);
  await draftOf(tx, access.caseId, decisionId);
  validateDraft(row, body);
  const insats = insatsByKey(body.insatsKey)!;
  // A changed draft is no longer what was proposed: it goes back to utkast.
  await tx.query(
    `UPDATE decisions SET insats = $3, ksi_code = $4, legal_basis = $5, outcome = $6, valid_from = $7, valid_to = $8, scope = $9, motivation = $10,
       insats_key = $11, decision_type = $12, appeal_route = $13, amount_sek = $14, follow_up_on = $15, status = 'utkast', proposed_to = NULL,
       proposed_at = NULL, updated_at = now()
     WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, decisionId, insats.labelSv, insats.ksiCode, insats.legalBasis, body.outcome, body.validFrom ?? null, body.validTo ?? null,
      body.scope ?? null, body.motivation, insats.key, insats.decisionType, insats.appealRoute, body.amountSek ?? null, body.followUpOn ?? null]);
  await bumpVersion(tx, access.caseId);
}

export async function deleteDraft(tx: TenantTx, access: CaseAccess, decisionId: string): Promise<void> {
  await loadCaseRow(tx, access.caseId, true);
  await draftOf(tx, access.caseId, decisionId);
  await tx.query('DELETE FROM decisions WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, decisionId]);
  await bumpVersion(tx, access.caseId);
}

async function bumpVersion(tx: TenantTx, caseId: string): Promise<void> {
  await tx.query('UPDATE cases SET version = version + 1 WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, caseId]);
}

/** The machine's verdict on taking the decision now (investigation, kommunicering, reply period). */
function checkDecisionStep(row: CaseRow, decisions: DecisionRow[], today: string): void {
  const r = check(row.case_type, factsOf(row, decisions, today), 'fatta_beslut');
  if (!r.ok) throw conflict(r.reason, 'step-refused', r.legalBasis ? { legalBasis: r.legalBasis } : {});
}

export async function proposeDrafts(tx: TenantTx, actor: CaseWorker, access: CaseAccess): Promise<{ proposedTo: 'arbetsledare' | 'namnd'; decisionIds: string[] }> {
  const row = await loadCaseRow(tx, access.caseId, true);
  const decisions = await loadDecisions(tx, access.caseId);
  const drafts = decisions.filter((d) => d.status !== 'fattat');
  if (!drafts.length) throw conflict('Det finns inget beslutsförslag. Skriv ett förslag per insats först.', 'no-drafts');
  checkDecisionStep(row, decisions, dateInSweden());
  const authority = authorityForAll(await loadDelegationRules(tx), { role: actor.role, unitId: actor.unitId },
    drafts.map((d) => ({ decisionType: d.decision_type ?? '', outcome: d.outcome })), row.unit_id);
  // Someone who may sign should sign, not propose to themselves; a handläggare without delegation proposes.
  const proposedTo = authority.ok ? (actor.role === 'handlaggare' ? 'arbetsledare' : 'namnd') : authority.proposeTo;
  await tx.query(`UPDATE decisions SET status = 'forslag', proposed_to = $3, proposed_at = now(), updated_at = now()
     WHERE municipality_id = $1 AND case_id = $2 AND status <> 'fattat'`, [tx.municipalityId, access.caseId, proposedTo]);
  await bumpVersion(tx, access.caseId);
  return { proposedTo, decisionIds: drafts.map((d) => d.id) };
}

/**
 * Takes the decisions: checks the process (investigated, communicated, reply period over) and
 * the delegation, signs every draft, moves the case to beslut and creates the beslutsbrev.
 * With `namndProtocol`, records a decision the nämnd took on the proposal.
 */
export async function signDrafts(tx: TenantTx, actor: CaseWorker, access: CaseAccess, body: SignBody): Promise<{ letterId: string; fileId: string; decisionIds: string[] }> {
  const today = dateInSweden();
  const row = await loadCaseRow(tx, access.caseId, true);
  const decisions = await loadDecisions(tx, access.caseId);
  const drafts = decisions.filter((d) => d.status !== 'fattat');
  if (!drafts.length) throw conflict('Det finns inget beslutsförslag att fatta beslut om.', 'no-drafts');
  checkDecisionStep(row, decisions, today);

  let capacity: 'delegation' | 'namnd' = 'delegation';
  let decidedOn = today;
  if (body.namndProtocol) {
    if (!drafts.every((d) => d.proposed_to === 'namnd')) throw conflict('Bara förslag som skickats till nämnden kan registreras som nämndbeslut.', 'not-proposed-to-namnd');
    if (!body.decidedOn || body.decidedOn > today) fieldError('decidedOn', 'Ange dagen för nämndens sammanträde (inte i framtiden).');
    capacity = 'namnd';
    decidedOn = body.decidedOn!;
  } else {
    const authority = authorityForAll(await loadDelegationRules(tx), { role: actor.role, unitId: actor.unitId },
      drafts.map((d) => ({ decisionType: d.decision_type ?? '', outcome: d.outcome })), row.unit_id);
    if (!authority.ok) throw new HttpProblem(403, 'Delegation saknas', authority.reason, 'no-delegation', undefined, { proposeTo: authority.proposeTo });
  }

  await tx.query(
    `UPDATE decisions SET status = 'fattat', decided_on = $3, decided_by = $4, decided_capacity = $5, namnd_protocol = $6, signed_at = now(), updated_at = now()
     WHERE municipality_id = $1 AND case_id = $2 AND status <> 'fattat'`,
    [tx.municipalityId, access.caseId, decidedOn, actor.userId, capacity, body.namndProtocol ?? null]);
  await tx.query(`UPDATE case_deadlines SET completed_on = $3 WHERE municipality_id = $1 AND case_id = $2 AND completed_on IS NULL AND kind IN ('utredning', 'barnutredning')`,
    [tx.municipalityId, access.caseId, today]);
  await tx.query(`UPDATE cases SET status = 'beslut', version = version + 1 WHERE municipality_id = $1 AND id = $2`, [tx.municipalityId, access.caseId]);

  const ids = drafts.map((d) => d.id);
  const letter = await createDecisionLetter(tx, actor, row, ids, { capacity, decidedOn, protocol: body.namndProtocol ?? null });
  return { ...letter, decisionIds: ids };
}

async function createDecisionLetter(
  tx: TenantTx, actor: CaseWorker, row: CaseRow, decisionIds: string[], how: { capacity: 'delegation' | 'namnd'; decidedOn: string; protocol: string | null },
): Promise<{ letterId: string; fileId: string }> {
  const m = tx.municipalityId;
  const muni = await tx.one<{ name: string; board_name: string; address_lines: string[]; phone: string | null; email: string | null }>(
    'SELECT name, board_name, address_lines, phone, email FROM municipalities WHERE id = $1', [m]);
  const me = await tx.one<{ name: string; title: string; email: string | null }>('SELECT name, title, email FROM staff_users WHERE municipality_id = $1 AND id = $2', [m, actor.userId]);
  const assigned = row.assigned_to
    ? await tx.one<{ name: string; title: string; email: string | null }>('SELECT name, title, email FROM staff_users WHERE municipality_id = $1 AND id = $2', [m, row.assigned_to])
    : me;
  const person = await tx.one<{ street: string | null; postal_code: string | null; city: string | null }>(
    'SELECT street, postal_code, city FROM persons WHERE municipality_id = $1 AND id = $2', [m, row.person_id]);
  const decisions = (await loadDecisions(tx, row.id)).filter((d) => decisionIds.includes(d.id));
  const requested = (row.intake?.requestedInsatser ?? []).map((k) => insatsByKey(k)?.labelSv).filter((x): x is string => Boolean(x));

  // Protected identity: no address in the letter; it goes through Skatteverket's förmedling.
  const addressLines = row.protection === 'ingen' && person?.street && person.postal_code && person.city
    ? [person.street, `${person.postal_code} ${person.city}`] : row.protection === 'ingen' ? [] : null;
  const phone = muni?.phone ?? '';
  const input: DecisionLetterInput = {
    municipality: { name: muni!.name, boardName: muni!.board_name, addressLines: muni!.address_lines, phone, email: muni?.email ?? '' },
    unitName: row.unit_name, caseNumber: row.case_number, letterDate: dateInSweden(),
    recipient: { name: `${row.first_name} ${row.last_name}`, idNumber: formatIdNumber(row.id_number, row.id_kind), addressLines },
    decidedOn: how.decidedOn,
    decisionMaker: { name: me!.name, title: me!.title, capacity: how.capacity, namndProtocol: how.protocol },
    contact: { name: assigned!.name, title: assigned!.title, phone, email: assigned?.email ?? muni?.email ?? '' },
    items: decisions.map((d) => ({
      insats: d.insats, outcome: d.outcome, legalBasisText: legalBasisText(d.legal_basis), scope: d.scope, validFrom: d.valid_from, validTo: d.valid_to,
      amountSek: d.amount_sek === null ? null : Number(d.amount_sek), motivation: d.motivation,
      appealRoute: d.appeal_route as 'forvaltningsbesvar' | 'laglighetsprovning' | 'ingen',
      requested: requested.includes(d.insats) ? d.insats : null,
    })),
  };
  const pdf = await renderDecisionLetterPdf(input);
  const fileId = randomUUID();
  const letterId = randomUUID();
  await tx.query(
    `INSERT INTO case_files (municipality_id, id, case_id, kind, file_name, content_type, size_bytes, sha256, content, description, uploaded_by)
     VALUES ($1, $2, $3, 'beslutsbrev', $4, 'application/pdf', $5, $6, $7, $8, $9)`,
    [m, fileId, row.id, `Beslut ${row.case_number} ${how.decidedOn}.pdf`, pdf.length, createHash('sha256').update(pdf).digest('hex'), pdf,
      `Beslutsbrev: ${decisions.map((d) => d.insats).join(', ')}`, actor.userId]);
  await tx.query('INSERT INTO decision_letters (municipality_id, id, case_id, file_id, created_by) VALUES ($1, $2, $3, $4, $5)', [m, letterId, row.id, fileId, actor.userId]);
  await tx.query('UPDATE decisions SET letter_id = $3 WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [m, decisionIds, letterId]);
  return { letterId, fileId };
}

/** Delgivning: when the party received the letter. The appeal period (3 weeks) runs from here (44 § FL). */
export async function recordDelivery(tx: TenantTx, actor: CaseWorker, access: CaseAccess, letterId: string, body: { deliveredOn: string; method: string }): Promise<void> {
  const letter = await tx.one<{ id: string; created_at: Date; delivered_on: string | null }>(
    'SELECT id, created_at, delivered_on FROM decision_letters WHERE municipality_id = $1 AND case_id = $2 AND id = $3', [tx.municipalityId, access.caseId, letterId]);
  if (!letter) throw notFound('Beslutsbrevet');
  const created = dateInSweden(letter.created_at);
  if (body.deliveredOn < created || body.deliveredOn > dateInSweden()) fieldError('deliveredOn', `Delgivningen kan inte ligga före brevet skapades (${created}) eller i framtiden.`);
  await tx.query('UPDATE decision_letters SET delivered_on = $3, delivery_method = $4, delivery_recorded_by = $5 WHERE municipality_id = $1 AND id = $2',
    [tx.municipalityId, letterId, body.deliveredOn, body.method, actor.userId]);
  // One appeal deadline per letter that can be appealed; replaced if delivery is corrected.
  const appealable = await tx.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM decisions WHERE municipality_id = $1 AND letter_id = $2 AND appeal_route = 'forvaltningsbesvar' AND outcome <> 'bifall'`,
    [tx.municipalityId, letterId]);
  await tx.query(`DELETE FROM case_deadlines WHERE municipality_id = $1 AND case_id = $2 AND kind = 'overklagande' AND completed_on IS NULL`, [tx.municipalityId, access.caseId]);
  if (appealable!.n > 0) {
    const info = DEADLINE_KINDS.overklagande;
    await tx.query(`INSERT INTO case_deadlines (municipality_id, id, case_id, kind, legal_basis, due_on) VALUES ($1, gen_random_uuid(), $2, 'overklagande', $3, $4)`,
      [tx.municipalityId, access.caseId, info.legalBasis, info.due(body.deliveredOn)]);
  }
  await bumpVersion(tx, access.caseId);
}

export async function registerAppeal(tx: TenantTx, actor: CaseWorker, access: CaseAccess, body: { decisionId: string; receivedOn: string; wrongInstruction?: boolean }): Promise<void> {
  const d = await tx.one<{ status: string; appeal_route: string; delivered_on: string | null }>(
    `SELECT d.status, d.appeal_route, l.delivered_on FROM decisions d
     LEFT JOIN decision_letters l ON l.municipality_id = d.municipality_id AND l.id = d.letter_id
     WHERE d.municipality_id = $1 AND d.case_id = $2 AND d.id = $3`, [tx.municipalityId, access.caseId, body.decisionId]);
  if (!d) throw notFound('Beslutet');
  if (d.status !== 'fattat') throw conflict('Bara ett fattat beslut kan överklagas.', 'not-taken', { legalBasis: '41 § FL' });
  if (d.appeal_route !== 'forvaltningsbesvar') throw conflict('Beslutet kan inte överklagas genom förvaltningsbesvär.', 'not-appealable', { legalBasis: '35 kap. 1 § SoL' });
  if (body.receivedOn > dateInSweden()) fieldError('receivedOn', 'Dagen då överklagandet kom in kan inte ligga i framtiden.');
  const r = rattidsprovning({ deliveredOn: d.delivered_on, receivedOn: body.receivedOn, wrongInstruction: body.wrongInstruction });
  await tx.query(
    `INSERT INTO appeals (municipality_id, id, case_id, decision_id, received_on, delivered_on, last_day, timely, wrong_instruction, status, created_by)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, 'registrerat', $9)`,
    [tx.municipalityId, access.caseId, body.decisionId, body.receivedOn, d.delivered_on, r.lastDay, r.timely, body.wrongInstruction ?? false, actor.userId]);
  await tx.query(`UPDATE case_deadlines SET completed_on = $3 WHERE municipality_id = $1 AND case_id = $2 AND kind = 'overklagande' AND completed_on IS NULL`,
    [tx.municipalityId, access.caseId, body.receivedOn]);
  await bumpVersion(tx, access.caseId);
}

/**
 * After the rättidsprövning: a late appeal is dismissed (45 § FL); a timely one is either changed
 * by the nämnd itself (omprövning, 39 § FL) or sent on to förvaltningsrätten with the documents.
 */
export async function actOnAppeal(tx: TenantTx, access: CaseAccess, appealId: string, body: { action: 'avvisa' | 'omprova_andra' | 'overlamna'; note?: string; court?: string; forwardedOn?: string }): Promise<void> {
  const a = await tx.one<{ status: string; timely: boolean }>('SELECT status, timely FROM appeals WHERE municipality_id = $1 AND case_id = $2 AND id = $3',
    [tx.municipalityId, access.caseId, appealId]);
  if (!a) throw notFound('Överklagandet');
  if (a.status !== 'registrerat') throw conflict('Överklagandet är redan handlagt.', 'appeal-handled');
  if (body.action === 'avvisa' && a.timely) throw conflict('Överklagandet kom in i rätt tid och får inte avvisas. Ompröva beslutet eller överlämna det till förvaltningsrätten.', 'appeal-timely', { legalBasis: '45 § FL' });
  if (body.action !== 'avvisa' && !a.timely) throw conflict('Överklagandet kom in för sent och ska avvisas, om inte förseningen beror på en felaktig överklagandehänvisning.', 'appeal-late', { legalBasis: '45 § FL' });
  if (body.action === 'omprova_andra' && !body.note?.trim()) fieldError('note', 'Beskriv hur beslutet ändras vid omprövningen.');
  const status = { avvisa: 'avvisat', omprova_andra: 'omprovat_andrat', overlamna: 'overlamnat' }[body.action];
  const forwardedOn = body.action === 'overlamna' ? body.forwardedOn ?? dateInSweden() : null;
  await tx.query('UPDATE appeals SET status = $3, omprovning_note = $4, court = $5, forwarded_on = $6 WHERE municipality_id = $1 AND id = $2',
    [tx.municipalityId, appealId, status, body.note ?? null, body.action === 'overlamna' ? (body.court?.trim() || 'Förvaltningsrätten') : null, forwardedOn]);
  await bumpVersion(tx, access.caseId);
}

/** Ending a granted insats (its period) so the case can be followed up and closed. */
export async function endInsats(tx: TenantTx, access: CaseAccess, decisionId: string, endOn: string): Promise<void> {
  const d = await tx.one<{ status: string; outcome: string; valid_from: string | null; valid_to: string | null }>(
    'SELECT status, outcome, valid_from, valid_to FROM decisions WHERE municipality_id = $1 AND case_id = $2 AND id = $3', [tx.municipalityId, access.caseId, decisionId]);
  if (!d) throw notFound('Beslutet');
  if (d.status !== 'fattat' || d.outcome === 'avslag') throw conflict('Bara en beviljad insats kan avslutas.', 'not-granted');
  if (d.valid_from && endOn < d.valid_from) fieldError('endOn', 'Insatsen kan inte upphöra innan den började.');
  await tx.query('UPDATE decisions SET valid_to = $3, updated_at = now() WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, decisionId, endOn]);
  // The end of the decision flows to its active orders (issue 4).
  await endOrdersOfDecision(tx, decisionId, endOn, 'Beslutet om insatsen har upphört.', null);
  await bumpVersion(tx, access.caseId);
}

