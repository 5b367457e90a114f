// Changes to a case: aktualisering, assignment, process steps, investigation, kommunicering.
// Every step is checked by the domain's state machine (src/domain/process) with the facts read
// under a row lock; a refusal is a 409 problem with the reason and the paragraph of law.
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker, RequestContext } from '../../access/actor.ts';
import { accessPerson } from '../../access/gate.ts';
import type { CaseAccess } from '../../access/case-access.ts';
import { HttpProblem, badRequest, conflict, forbidden, notFound } from '../../http/problems.ts';
import { DEADLINE_KINDS, addMonths, dateInSweden, isValidIsoDate, type DeadlineKind } from '../../../domain/deadlines.ts';
import { check, machineFor } from '../../../domain/process/engine.ts';
import { CASE_TYPE_LABELS_SV, caseTypeFor, type CaseFacts, type CaseType, type Step } from '../../../domain/process/types.ts';
import { insatsByKey, PROCESS_DECISIONS, type ProcessDecision } from '../../../domain/insatser.ts';
import { authorityFor } from '../../../domain/delegation.ts';
import { CASE_NUMBER_PREFIX, formatCaseNumber } from '../../../domain/case-number.ts';
import type { AssignBody, InvestigationBody, NewCaseBody, StepBody } from '../../../shared/cases-api.ts';
import type { Static } from 'typebox';
import { factsOf, loadCaseRow, loadDecisions, type CaseRow } from './load.ts';
import { loadDelegationRules } from '../delegations/rules.ts';

const ORIGIN_WORDS = { ansokan: 'Ansökan', anmalan: 'Anmälan', ovrigt: 'Information' } as const;

/** A title a handläggare recognises in a list: "Ansökan om hemtjänst, trygghetslarm", "Orosanmälan från skola". */
export function titleFor(body: NewCaseBody, type: CaseType): string {
  if (body.title?.trim()) return body.title.trim();
  const insatser = (body.requestedInsatser ?? []).map((k) => insatsByKey(k)?.labelSv.toLowerCase()).filter(Boolean);
  if (type === 'ekonomiskt_bistand') return `Ansökan om ekonomiskt bistånd${body.period ? ` ${body.period}` : ''}`;
  if (body.origin === 'ansokan') return insatser.length ? `Ansökan om ${insatser.join(', ')}` : `Ansökan (${CASE_TYPE_LABELS_SV[type]})`;
  if (type === 'barn_anmalan' && body.origin === 'anmalan') {
    const role = body.reporter?.anonymous ? 'anonym anmälare' : body.reporter?.role ? REPORTER_WORDS[body.reporter.role] : null;
    return role ? `Orosanmälan från ${role}` : 'Orosanmälan';
  }
  return `${ORIGIN_WORDS[body.origin]} (${CASE_TYPE_LABELS_SV[type]})`;
}

const REPORTER_WORDS: Record<NonNullable<NewCaseBody['reporter']>['role'], string> = {
  polis: 'polisen', halso_sjukvard: 'hälso- och sjukvården', skola: 'skola', forskola: 'förskola', socialtjanst: 'socialtjänsten',
  annan_myndighet: 'annan myndighet', privat_verksamhet: 'privat verksamhet', anhorig: 'anhörig', privatperson: 'privatperson',
  barnet_sjalv: 'barnet självt', anonym: 'anonym anmälare',
};

function validateNewCase(body: NewCaseBody, today: string): void {
  const errors: Array<{ path: string; message: string }> = [];
  if (!isValidIsoDate(body.receivedOn) || body.receivedOn > today) errors.push({ path: 'body/receivedOn', message: 'Datumet då ärendet kom in kan inte ligga i framtiden.' });
  if (body.origin === 'ansokan' && body.area === 'ekonomiskt_bistand' && !body.period) errors.push({ path: 'body/period', message: 'Ange vilken månad ansökan gäller (ÅÅÅÅ-MM).' });
  if (body.origin === 'anmalan' && !body.reporter) errors.push({ path: 'body/reporter', message: 'Ange vem som anmäler (eller att anmälan är anonym).' });
  if (body.reporter?.anonymous && (body.reporter.name || body.reporter.phone)) errors.push({ path: 'body/reporter', message: 'En anonym anmälan har inget namn eller telefonnummer; ta bort dem eller avmarkera anonym.' });
  for (const [i, key] of (body.requestedInsatser ?? []).entries()) {
    const insats = insatsByKey(key);
    if (!insats || !(insats.areas as readonly string[]).includes(body.area)) errors.push({ path: `body/requestedInsatser/${i}`, message: `Insatsen ${key} finns inte för det här området.` });
  }
  if (body.law === 'LSS' && body.area !== 'funktionsstod') errors.push({ path: 'body/law', message: 'Insatser enligt LSS söks inom funktionsstöd.' });
  if (errors.length) throw badRequest(`Rätta uppgifterna och försök igen: ${errors.map((e) => e.message).join(' ')}`, errors);
}

async function nextCaseNumber(tx: TenantTx, prefix: string, year: number): Promise<string> {
  // The row lock on the series row serialises concurrent registrations in the same series; a series
  // starts after any numbers already used (cases imported or seeded before the series existed).
  const row = await tx.one<{ last_no: number }>(
    `INSERT INTO case_number_series (municipality_id, prefix, year, last_no)
     VALUES ($1, $2, $3::int, 1 + coalesce((SELECT max(split_part(case_number, '-', 3)::int) FROM cases
       WHERE municipality_id = $1 AND case_number LIKE $4), 0))
     ON CONFLICT (municipality_id, prefix, year) DO UPDATE SET last_no = case_number_series.last_no + 1
     RETURNING last_no`, [tx.municipalityId, prefix, year, `${year}-${prefix}-%`]);
  return formatCaseNumber(year, prefix, row!.last_no);
}

async function addDeadline(tx: TenantTx, caseId: string, kind: DeadlineKind, from: string): Promise<void> {
  const info = DEADLINE_KINDS[kind];
  await tx.query(
    `INSERT INTO case_deadlines (municipality_id, id, case_id, kind, legal_basis, due_on) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
    [tx.municipalityId, caseId, kind, info.legalBasis, info.due(from)]);
}

async function completeDeadlines(tx: TenantTx, caseId: string, kinds: readonly string[] | 'all', on: string): Promise<void> {
  const params: unknown[] = [tx.municipalityId, caseId, on];
  const filter = kinds === 'all' ? '' : ` AND kind = ANY($${params.push(kinds)}::text[])`;
  await tx.query(`UPDATE case_deadlines SET completed_on = $3 WHERE municipality_id = $1 AND case_id = $2 AND completed_on IS NULL${filter}`, params);
}

export async function registerCase(tx: TenantTx, ctx: RequestContext, actor: CaseWorker, body: NewCaseBody): Promise<{ id: string; caseNumber: string }> {
  const created = await insertCase(tx, body, { unitId: actor.unitId, assignedTo: body.assignToMe ? actor.userId : null });
  // The new case is what gives the relation: read the person through the gate now, as a change.
  await accessPerson(tx, ctx, body.personId, { action: 'update', resource: 'case.register' });
  return created;
}

/**
 * A new case in its machine's first status with its first deadlines, in `unitId`'s inbox (or
 * assigned). Shared by the handläggare's aktualisering and the citizens' e-services; the caller
 * does the access check and audit that fit who is registering.
 */
export async function insertCase(tx: TenantTx, body: NewCaseBody, where: { unitId: string | null; assignedTo: string | null }): Promise<{ id: string; caseNumber: string }> {
  const today = dateInSweden();
  validateNewCase(body, today);
  const person = await tx.one<{ id: string }>('SELECT id FROM persons WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, body.personId]);
  if (!person) throw notFound('Personen');
  const type = caseTypeFor(body.area, body.origin, body.law ?? 'SoL');
  const machine = machineFor(type);
  const caseNumber = await nextCaseNumber(tx, CASE_NUMBER_PREFIX[body.area], Number(body.receivedOn.slice(0, 4)));
  const intake = {
    channel: body.channel, description: body.description, reporter: body.reporter, requestedInsatser: body.requestedInsatser,
    period: body.period, law: body.law,
  };
  const row = await tx.one<{ id: string }>(
    `INSERT INTO cases (municipality_id, id, case_number, person_id, unit_id, area, origin, title, status, received_on, assigned_to, case_type, intake)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [tx.municipalityId, caseNumber, body.personId, where.unitId, body.area, body.origin, titleFor(body, type), machine.initial,
      body.receivedOn, where.assignedTo, type, JSON.stringify(intake)]);
  for (const kind of machine.initialDeadlines) await addDeadline(tx, row!.id, kind, body.receivedOn);
  return { id: row!.id, caseNumber };
}

/** The unit that receives new matters of `area` (org_units.intake_areas), for e-services. */
export async function intakeUnitFor(tx: TenantTx, area: string): Promise<string> {
  const unit = await tx.one<{ id: string }>(
    'SELECT id FROM org_units WHERE municipality_id = $1 AND $2 = ANY(intake_areas) ORDER BY name LIMIT 1', [tx.municipalityId, area]);
  // A municipality that has not said which unit receives the area: a clear answer, not a 500.
  if (!unit) throw new HttpProblem(503, 'Ärendet kan inte tas emot just nu', 'Kommunen har ingen enhet som tar emot nya ärenden inom området. Kontakta kommunen på telefon.', 'no-intake-unit');
  return unit.id;
}

export async function assignCase(tx: TenantTx, actor: CaseWorker, access: CaseAccess, body: Static<typeof AssignBody>): Promise<void> {
  const target = body.staffUserId ?? actor.userId;
  if (target !== actor.userId && actor.role !== 'arbetsledare') {
    throw forbidden('Bara arbetsledaren fördelar ärenden till andra. Du kan ta ärendet själv.', 'not-arbetsledare');
  }
  const staff = await tx.one<{ role: string; unit_id: string | null; active: boolean }>(
    'SELECT role, unit_id, active FROM staff_users WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, target]);
  if (!staff || !staff.active || !['handlaggare', 'arbetsledare'].includes(staff.role) || staff.unit_id !== access.unitId) {
    throw badRequest('Ärendet kan bara fördelas till en aktiv handläggare i ärendets enhet.', [{ path: 'body/staffUserId', message: 'Välj en handläggare i enheten.' }]);
  }
  await tx.query('UPDATE cases SET assigned_to = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, access.caseId, target]);
}

function need<T>(value: T | undefined | null, path: string, message: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    throw badRequest(message, [{ path: `body/${path}`, message }]);
  }
  return value;
}

/** Process decisions (not insatser) that need delegation, by step and case type. */
function processDecisionFor(type: CaseType, step: Step): ProcessDecision | null {
  if (type === 'barn_anmalan' && step === 'besluta_inleda_utredning') return 'inleda_utredning_barn';
  if (type === 'barn_anmalan' && step === 'besluta_inte_inleda_utredning') return 'inte_inleda_utredning_barn';
  if (type === 'vuxen_anmalan' && step === 'besluta_inte_inleda_utredning') return 'inte_inleda_utredning_vuxen';
  return null;
}

async function requireDelegation(tx: TenantTx, actor: CaseWorker, decisionType: ProcessDecision, unitId: string): Promise<void> {
  const authority = authorityFor(await loadDelegationRules(tx), { role: actor.role, unitId: actor.unitId }, decisionType, 'bifall', unitId);
  if (!authority.ok) {
    throw forbidden(`${PROCESS_DECISIONS[decisionType].labelSv}: ${authority.reason}`, 'no-delegation');
  }
}

function refuse(r: { reason: string; legalBasis?: string }): never {
  throw conflict(r.reason, 'step-refused', r.legalBasis ? { legalBasis: r.legalBasis } : {});
}

/**
 * Takes one process step. The fields a step records are applied to the facts first, so the
 * machine judges the step as it would stand (e.g. the förhandsbedömning's outcome).
 */
export async function takeStep(tx: TenantTx, actor: CaseWorker, access: CaseAccess, step: Step, body: StepBody): Promise<void> {
  const today = dateInSweden();
  const row = await loadCaseRow(tx, access.caseId, true);
  const decisions = await loadDecisions(tx, access.caseId);
  const m = tx.municipalityId;
  const id = access.caseId;
  const overrides: Partial<CaseFacts> = {};

  if (step === 'fatta_beslut') throw conflict('Beslut fattas genom att beslutsförslagen signeras ("Fatta beslut"), så att varje insats får sitt eget beslut och beslutsbrev.', 'use-sign');
  if (step === 'besluta_inleda_utredning') overrides.forhandsbedomningOutcome = 'inleda';
  if (step === 'besluta_inte_inleda_utredning') overrides.forhandsbedomningOutcome = 'inte_inleda';
  if (step === 'avsluta') overrides.closingReason = need(body.reason, 'reason', 'Skriv skälet till att ärendet avslutas.');
  if (step === 'avskriv') overrides.closingReason = `Avskrivet: ${need(body.reason, 'reason', 'Skriv varför ärendet avskrivs (t.ex. att ansökan har återkallats).')}`;
  if (step === 'registrera_undantag_kommunicering') need(body.reason, 'reason', 'Skriv skälet till undantaget från kommunicering (25 § andra stycket FL).');

  const result = check(row.case_type, factsOf(row, decisions, today, overrides), step);
  if (!result.ok) refuse(result);
  const processDecision = processDecisionFor(row.case_type, step);
  if (processDecision) await requireDelegation(tx, actor, processDecision, row.unit_id);

  switch (step) {
    case 'registrera_skyddsbedomning': {
      const text = need(body.text, 'text', 'Dokumentera skyddsbedömningen: om barnet är i akut behov av skydd och varför.');
      const acute = need(body.acute, 'acute', 'Ange om barnet är i akut behov av skydd.');
      await tx.query(`UPDATE cases SET skydd_assessed_at = now(), skydd_assessed_by = $3, skydd_acute = $4, skydd_text = $5 WHERE municipality_id = $1 AND id = $2`,
        [m, id, actor.userId, acute, text]);
      await completeDeadlines(tx, id, ['skyddsbedomning'], today);
      break;
    }
    case 'besluta_inleda_utredning':
    case 'besluta_inte_inleda_utredning': {
      const motivation = need(body.motivation, 'motivation', 'Skriv motiveringen till bedömningen.');
      await tx.query(`UPDATE cases SET fhb_outcome = $3, fhb_motivation = $4, fhb_decided_on = $5, fhb_decided_by = $6 WHERE municipality_id = $1 AND id = $2`,
        [m, id, overrides.forhandsbedomningOutcome, motivation, today, actor.userId]);
      await completeDeadlines(tx, id, ['forhandsbedomning', 'skyddsbedomning'], today);
      if (step === 'besluta_inleda_utredning') await tx.query('UPDATE cases SET inv_opened_on = $3 WHERE municipality_id = $1 AND id = $2', [m, id, today]);
      else overrides.closingReason = `Utredning inleds inte. ${motivation}`;
      break;
    }
    case 'inled_utredning':
      await tx.query('UPDATE cases SET inv_opened_on = $3 WHERE municipality_id = $1 AND id = $2', [m, id, today]);
      break;
    case 'kommunicera': {
      const sentOn = need(body.sentOn, 'sentOn', 'Ange när underlaget skickades till parten.');
      const replyBy = need(body.replyBy, 'replyBy', 'Ange sista dag för parten att svara.');
      if (replyBy <= sentOn) throw badRequest('Sista svarsdag måste ligga efter dagen då underlaget skickades.', [{ path: 'body/replyBy', message: 'Välj ett senare datum.' }]);
      if (sentOn > today) throw badRequest('Underlaget kan inte ha skickats i framtiden.', [{ path: 'body/sentOn', message: 'Välj dagens datum eller tidigare.' }]);
      await tx.query('UPDATE cases SET komm_sent_on = $3, komm_reply_by = $4, komm_reply_received_on = NULL WHERE municipality_id = $1 AND id = $2', [m, id, sentOn, replyBy]);
      break;
    }
    case 'registrera_undantag_kommunicering':
      await tx.query('UPDATE cases SET komm_exception_reason = $3 WHERE municipality_id = $1 AND id = $2', [m, id, body.reason!.trim()]);
      break;
    case 'avsluta':
      break;
    default:
      break;
  }

  const to = result.to;
  if (to === 'avslutad') {
    await tx.query(`UPDATE cases SET status = 'avslutad', closed_on = $3, close_reason = $4, closed_by = $5 WHERE municipality_id = $1 AND id = $2`,
      [m, id, today, overrides.closingReason, actor.userId]);
    await completeDeadlines(tx, id, 'all', today);
  } else if (to !== row.status) {
    await tx.query('UPDATE cases SET status = $3 WHERE municipality_id = $1 AND id = $2', [m, id, to]);
  }
  // The appeal period starts at delgivning, recorded with the letter, not here.
  for (const kind of result.startsDeadlines) if (kind !== 'overklagande') await addDeadline(tx, id, kind, today);
  await tx.query('UPDATE cases SET version = version + 1 WHERE municipality_id = $1 AND id = $2', [m, id]);
}

export async function saveInvestigation(tx: TenantTx, access: CaseAccess, body: InvestigationBody): Promise<number> {
  const row = await loadCaseRow(tx, access.caseId, true);
  if (!row.inv_opened_on) throw conflict('Utredningen är inte inledd. Inled utredningen först.', 'no-investigation');
  if (row.status === 'avslutad') throw conflict('Ärendet är avslutat; utredningen kan inte ändras.', 'closed');
  if (row.version !== body.version) {
    throw conflict('Någon annan har sparat ärendet sedan du öppnade det. Din text finns kvar i formuläret; jämför och spara igen.', 'stale-version',
      { current: { version: row.version, content: row.inv_content, ownView: row.inv_own_view, personkrets: row.inv_personkrets } });
  }
  if (body.personkrets !== undefined && body.personkrets !== null && row.case_type !== 'lss_ansokan') {
    throw badRequest('Personkrets bedöms bara i ärenden enligt LSS.', [{ path: 'body/personkrets', message: 'Lämna tomt.' }]);
  }
  const updated = await tx.one<{ version: number }>(
    `UPDATE cases SET inv_content = $3, inv_own_view = COALESCE($4, inv_own_view), inv_personkrets = CASE WHEN $5::boolean THEN $6 ELSE inv_personkrets END,
       version = version + 1
     WHERE municipality_id = $1 AND id = $2 RETURNING version`,
    [tx.municipalityId, access.caseId, JSON.stringify(body.content), body.ownView ?? null, body.personkrets !== undefined, body.personkrets ?? null]);
  return updated!.version;
}

/** 20 kap. 3 § SoL: the nämnd may extend a child investigation for a set time, for särskilda skäl. */
export async function extendInvestigation(tx: TenantTx, actor: CaseWorker, access: CaseAccess, body: { extendTo: string; reason: string }): Promise<void> {
  const row = await loadCaseRow(tx, access.caseId, true);
  if (row.case_type !== 'barn_anmalan') throw conflict('Förlängning enligt 20 kap. 3 § SoL gäller utredningar om barn.', 'not-child', { legalBasis: '20 kap. 3 § SoL' });
  if (row.status !== 'utredning') throw conflict('Utredningen pågår inte; bara en pågående utredning kan förlängas.', 'not-investigating', { legalBasis: '20 kap. 3 § SoL' });
  const deadline = await tx.one<{ id: string; due_on: string }>(
    `SELECT id, due_on FROM case_deadlines WHERE municipality_id = $1 AND case_id = $2 AND kind = 'barnutredning' AND completed_on IS NULL`,
    [tx.municipalityId, access.caseId]);
  if (!deadline) throw conflict('Det finns ingen löpande utredningstid att förlänga.', 'no-deadline');
  if (body.extendTo <= deadline.due_on) throw badRequest(`Den nya sista dagen måste ligga efter nuvarande ${deadline.due_on}.`, [{ path: 'body/extendTo', message: 'Välj ett senare datum.' }]);
  // "för viss tid": Lots caps one extension at four more months; a further need is a new decision.
  if (body.extendTo > addMonths(deadline.due_on, 4)) throw badRequest('En förlängning gäller för viss tid; välj högst fyra månader efter nuvarande sista dag.', [{ path: 'body/extendTo', message: 'Välj ett tidigare datum.' }]);
  await requireDelegation(tx, actor, 'forlanga_barnutredning', row.unit_id);
  await tx.query('UPDATE case_deadlines SET due_on = $3, extended_reason = $4 WHERE municipality_id = $1 AND id = $2',
    [tx.municipalityId, deadline.id, body.extendTo, body.reason]);
  await tx.query('UPDATE cases SET inv_extended_to = $3, inv_extension_reason = $4, inv_extended_by = $5, version = version + 1 WHERE municipality_id = $1 AND id = $2',
    [tx.municipalityId, access.caseId, body.extendTo, body.reason, actor.userId]);
}

export async function recordKommuniceringReply(tx: TenantTx, access: CaseAccess, receivedOn: string): Promise<void> {
  const row: CaseRow = await loadCaseRow(tx, access.caseId, true);
  if (!row.komm_sent_on) throw conflict('Inget underlag har kommunicerats i ärendet.', 'no-kommunicering', { legalBasis: '25 § FL' });
  if (receivedOn < row.komm_sent_on || receivedOn > dateInSweden()) {
    throw badRequest('Svaret kan inte ha kommit in före kommuniceringen eller i framtiden.', [{ path: 'body/receivedOn', message: 'Kontrollera datumet.' }]);
  }
  await tx.query('UPDATE cases SET komm_reply_received_on = $3, version = version + 1 WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, access.caseId, receivedOn]);
}
