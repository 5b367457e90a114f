// E-tjänst: Ansökan om bistånd for äldreomsorg and funktionsstöd (SoL 11 kap. 1 §, LSS 9 §).
// What the citizen writes in their own words lands in the case's intake, in the inbox of the unit
// that receives new matters of the area (org_units.intake_areas), exactly as a handläggare's
// aktualisering would. A submission is idempotent: the client's key (made when the form opened)
// again gives the same receipt and case number, never a second case.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, recordListReads, relationSql } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, conflict } from '../../http/problems.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { bistandArea, insatsByKey, insatserFor, type BistandArea } from '../../../domain/insatser.ts';
import {
  BistandAnswers, BistandApplicationBody, EServiceSubjects, Receipt, type ContactChannel,
} from '../../../shared/e-services-api.ts';
import { insertCase, intakeUnitFor } from '../cases/commands.ts';
import { registerDraftRoutes, citizenPersonId, loadOwnDraft, markDraftSubmitted } from './drafts.ts';
import { makeReceiptNumber } from '../../../domain/receipt.ts';

const tags = ['medborgare'];
const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } } as const;

const CONTACT_WORDS: Record<ContactChannel, string> = {
  telefon: 'telefon', brev: 'brev', e_post: 'e-post', meddelande: 'meddelande i Lots e-tjänster',
};

type FieldError = { path: string; message: string };

/** Checks a complete application; every error names the field and says what to fix, in Swedish. */
export function validateBistand(a: BistandAnswers, area: BistandArea): FieldError[] {
  const errors: FieldError[] = [];
  if (!a.law) errors.push({ path: 'body/law', message: 'Välj om du söker enligt socialtjänstlagen (SoL) eller LSS.' });
  const keys = a.requestedInsatser ?? [];
  if (keys.length === 0) errors.push({ path: 'body/requestedInsatser', message: 'Välj minst en sak som du söker, till exempel hemtjänst.' });
  const allowed = new Set(insatserFor(area, a.law).map((i) => i.key));
  for (const [i, key] of keys.entries()) {
    if (!allowed.has(key)) {
      const label = insatsByKey(key)?.labelSv ?? key;
      errors.push({ path: `body/requestedInsatser/${i}`, message: `${label} kan inte sökas ${a.law === 'LSS' ? 'enligt LSS' : 'enligt socialtjänstlagen'} här. Välj bland alternativen i formuläret.` });
    }
  }
  if (new Set(keys).size !== keys.length) errors.push({ path: 'body/requestedInsatser', message: 'Samma insats är vald två gånger.' });
  if (!a.needs?.trim()) errors.push({ path: 'body/needs', message: 'Beskriv med egna ord vad du behöver hjälp med.' });
  if (!a.contactChannel) errors.push({ path: 'body/contactChannel', message: 'Välj hur handläggaren ska kontakta dig.' });
  if (a.contactChannel === 'telefon' && !/^[+\d][\d\s-]{5,}$/.test(a.phone?.trim() ?? '')) {
    errors.push({ path: 'body/phone', message: 'Skriv ett telefonnummer som handläggaren kan ringa, till exempel 070-123 45 67.' });
  }
  if (a.contactChannel === 'e_post' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email?.trim() ?? '')) {
    errors.push({ path: 'body/email', message: 'Skriv en e-postadress, till exempel namn@exempel.se.' });
  }
  return errors;
}

/** The application as one readable text for the handläggare: the questions and the answers. */
export function describeBistand(a: BistandAnswers, who: { applicantName: string; subjectName: string; relation: string }): string {
  const insatser = (a.requestedInsatser ?? []).map((k) => insatsByKey(k)?.labelSv ?? k);
  const sections: string[] = [
    `Ansökan om bistånd via e-tjänst${a.law === 'LSS' ? ' enligt LSS (9 §)' : ' enligt socialtjänstlagen (11 kap. 1 § SoL)'}.`,
    who.relation === 'self' ? `Sökande: ${who.subjectName} (ansöker själv).`
      : `Ansökan gäller ${who.subjectName}. Ifylld av ${who.applicantName} som ${who.relation === 'ombud' ? 'ombud med fullmakt' : 'vårdnadshavare'}.`,
    `Söker: ${insatser.join(', ')}.`,
    `Behov med egna ord:\n${a.needs!.trim()}`,
  ];
  if (a.manageToday?.trim()) sections.push(`Så klarar jag mig i dag:\n${a.manageToday.trim()}`);
  if (a.helpers?.trim()) sections.push(`De som hjälper mig i dag:\n${a.helpers.trim()}`);
  const contact = [`Vill bli kontaktad via ${CONTACT_WORDS[a.contactChannel!]}`];
  if (a.phone?.trim()) contact.push(`telefon ${a.phone.trim()}`);
  if (a.email?.trim()) contact.push(`e-post ${a.email.trim()}`);
  sections.push(`Kontakt: ${contact.join(', ')}.`);
  if (a.interpreter?.trim()) sections.push(`Behöver tolk: ${a.interpreter.trim()}.`);
  if (a.contactNotes?.trim()) sections.push(`Övrigt om kontakt:\n${a.contactNotes.trim()}`);
  return sections.join('\n\n');
}

const ANSWER_KEYS = Object.keys(BistandAnswers.properties) as Array<keyof BistandAnswers>;

/** Only the known answers from a draft's free-form content, with the types the form sends. */
function answersFrom(content: Record<string, unknown>): BistandAnswers {
  const out: Record<string, unknown> = {};
  for (const k of ANSWER_KEYS) {
    const v = content[k];
    if (k === 'requestedInsatser' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === 'string') out[k] = v;
  }
  return out as BistandAnswers;
}

async function existingReceipt(tx: TenantTx, key: string, person: string): Promise<Receipt | null> {
  const row = await tx.one<{ receipt_number: string; case_number: string; submitted_at: Date; submitted_by_person_id: string | null }>(
    `SELECT s.receipt_number, c.case_number, s.submitted_at, s.submitted_by_person_id FROM e_service_submissions s
     JOIN cases c ON c.municipality_id = s.municipality_id AND c.id = s.case_id
     WHERE s.municipality_id = $1 AND s.idempotency_key = $2`, [tx.municipalityId, key]);
  if (!row) return null;
  if (row.submitted_by_person_id !== person) throw conflict('Den här inskickningen tillhör någon annan. Ladda om sidan och försök igen.', 'idempotency-key-used');
  return { receiptNumber: row.receipt_number, caseNumber: row.case_number, receivedAt: row.submitted_at.toISOString() };
}

export async function submitBistand(tx: TenantTx, ctx: RequestContext, body: BistandApplicationBody): Promise<{ created: boolean; receipt: Receipt }> {
  const me = citizenPersonId(ctx);
  // Serialise submissions with the same key: a double click waits for the first and gets its receipt.
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 5))', [body.idempotencyKey]);
  const before = await existingReceipt(tx, body.idempotencyKey, me);
  if (before) return { created: false, receipt: before };

  let answers: BistandAnswers = answersFrom(body as Record<string, unknown>);
  let subject = body.subjectPersonId;
  if (body.draftId) {
    const draft = await loadOwnDraft(tx, ctx, body.draftId, { lock: true });
    if (draft.kind !== 'ansokan_bistand') throw badRequest('Utkastet är inte en ansökan om bistånd.', [{ path: 'body/draftId', message: 'Fel sorts utkast.' }]);
    if (draft.submitted_at) throw conflict('Ansökan är redan skickad. Du hittar den under Mina ärenden.', 'already-submitted');
    if (subject && subject !== draft.subject_person_id) {
      throw badRequest('Utkastet gäller en annan person än den du angett.', [{ path: 'body/subjectPersonId', message: 'Personen stämmer inte med utkastet.' }]);
    }
    subject = draft.subject_person_id;
    answers = { ...answersFrom(draft.content), ...answers };
  }
  if (!subject) throw badRequest('Ange vem ansökan gäller.', [{ path: 'body/subjectPersonId', message: 'Välj vem ansökan gäller.' }]);

  // Applying for someone is a change of their data: the gate checks the relation and audits it.
  const relation = await accessPerson(tx, ctx, subject, { action: 'update', resource: 'e_service.ansokan' });
  const person = await tx.one<{ name: string; age: number }>(
    `SELECT first_name || ' ' || last_name AS name, date_part('year', age(current_date, birth_date))::int AS age
     FROM persons WHERE municipality_id = $1 AND id = $2`, [tx.municipalityId, subject]);
  const area = bistandArea(answers.law ?? 'SoL', person!.age);
  const errors = validateBistand(answers, area);
  if (errors.length) throw badRequest(`Ansökan är inte komplett: ${errors.map((e) => e.message).join(' ')}`, errors);

  const today = dateInSweden();
  const description = describeBistand(answers, { applicantName: ctx.actor.name, subjectName: person!.name, relation });
  const created = await insertCase(tx, {
    personId: subject, area, origin: 'ansokan', channel: 'e_tjanst', law: answers.law, receivedOn: today,
    requestedInsatser: answers.requestedInsatser, description,
  }, { unitId: await intakeUnitFor(tx, area), assignedTo: null });
  const receipt = makeReceiptNumber('ansokan_bistand', Number(today.slice(0, 4)), () => randomBytes(1)[0]!);
  const row = await tx.one<{ submitted_at: Date }>(
    `INSERT INTO e_service_submissions (municipality_id, id, kind, idempotency_key, receipt_number, case_id, submitted_by_person_id)
     VALUES ($1, gen_random_uuid(), 'ansokan_bistand', $2, $3, $4, $5) RETURNING submitted_at`,
    [tx.municipalityId, body.idempotencyKey, receipt, created.id, me]);
  if (body.draftId) await markDraftSubmitted(tx, body.draftId);
  return { created: true, receipt: { receiptNumber: receipt, caseNumber: created.caseNumber, receivedAt: row!.submitted_at.toISOString() } };
}

/** Whom the citizen may apply for: themself, children in custody, those whose fullmakt they hold. */
async function subjects(tx: TenantTx, ctx: RequestContext): Promise<EServiceSubjects> {
  const me = citizenPersonId(ctx);
  const params: unknown[] = [tx.municipalityId, me];
  const rows = await tx.query<{ id: string; name: string; relation: 'self' | 'vardnadshavare' | 'ombud'; age: number }>(
    `SELECT * FROM (
       SELECT p.id, p.first_name || ' ' || p.last_name AS name, date_part('year', age(current_date, p.birth_date))::int AS age,
              (${relationSql(ctx.actor, 'p.id', params)}) AS relation
       FROM persons p
       WHERE p.municipality_id = $1 AND (p.id = $2 OR p.id IN (
         SELECT r.person_id FROM person_relations r WHERE r.municipality_id = $1 AND r.related_person_id = $2))
     ) s WHERE s.relation IS NOT NULL ORDER BY (s.relation <> 'self'), s.name`, params);
  recordListReads(tx, ctx, rows.map((r) => r.id), 'e_service.subjects');
  return { subjects: rows.map((r) => ({ id: r.id, name: r.name, relation: r.relation, age: r.age })) };
}

export function registerApplicationRoutes(app: FastifyInstance, withActor: WithActor) {
  registerDraftRoutes(app, withActor);

  app.get('/api/citizen/e-services/subjects', {
    schema: { tags, summary: 'Vem jag kan ansöka för: mig själv, barn jag är vårdnadshavare för, personer jag är ombud för', response: { 200: EServiceSubjects, ...problems } },
  }, (req) => withActor(req, ['medborgare'], subjects));

  app.post('/api/citizen/applications/bistand', {
    schema: {
      tags, summary: 'Skicka ansökan om bistånd (äldreomsorg, funktionsstöd). Samma idempotencyKey igen ger samma kvittens.',
      body: BistandApplicationBody,
      response: { 200: Receipt, 201: Receipt, 400: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' }, ...problems },
    },
  }, async (req, reply) => {
    const { created, receipt } = await withActor(req, ['medborgare'], (tx, ctx) => submitBistand(tx, ctx, req.body as BistandApplicationBody));
    return reply.status(created ? 201 : 200).send(receipt);
  });
}
