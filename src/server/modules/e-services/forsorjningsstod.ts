// E-tjänst: Ansökan om försörjningsstöd (12 kap. 1 § SoL). The household, its incomes and costs for
// one month, with attachments, saved as the citizen types in the generic draft (./drafts.ts, kind
// 'ansokan_forsorjningsstod') and read with src/domain/forsorjningsstod-application.ts.
//
// Spouses, registered partners and sambos apply together (one household, one riksnorm for the
// couple; see the domain module): the applicant names their partner by personnummer, which must
// match the partner registered for them (person_relations make_maka/sambo). Nothing is said about
// a person who is not the applicant's partner. The partner then confirms with their own e-ID, and
// the confirmation creates the case; or declines with a reason, and the application returns to
// the applicant. Without a partner the applicant sends it directly.
//
// Sending creates the case exactly as the handläggare's aktualisering does (insertCase), in the
// inbox of the unit that receives ekonomiskt bistånd, with every figure in the case's intake
// (intake.forsorjningsstod) and the attachments moved into the personakt. Idempotent: the key made
// when the form was opened gives the same receipt again, never a second case.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { WithActor } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, auditRecord, recordListReads } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../http/problems.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { parseIdNumber } from '../../../domain/personnummer.ts';
import { makeReceiptNumber } from '../../../domain/receipt.ts';
import {
  ASSET_KINDS, contentFrom, describeApplication, isMonth, monthLabel, nextMonthFrom, sums, validateApplication,
  type ApplicationContent, type PartnerRelation,
} from '../../../domain/forsorjningsstod-application.ts';
import { IdParams } from '../../../shared/api.ts';
import { Receipt } from '../../../shared/e-services-api.ts';
import {
  ConfirmBody, ConfirmationList, ConfirmationView, DeclineBody, FsDraft, FsOverview, NewFsDraftBody, SendBody, SendResult,
  type FsIntake, type FsState,
} from '../../../shared/forsorjningsstod-api.ts';
import { insertCase, intakeUnitFor } from '../cases/commands.ts';
import { citizenPersonId, createDraft, loadOwnDraft, markDraftSubmitted, type DraftRow } from './drafts.ts';
import {
  CO_APPLICANT_PURPOSE, KIND, RESOURCE, coApplicantAccess, confirmationOfDraft, loadFsDraft, partnerRelationSql, registeredPartner,
  type ConfirmationRow,
} from './forsorjningsstod-access.ts';
import { attachmentsOf, moveAttachmentsToCase, registerForsorjningsstodAttachmentRoutes } from './forsorjningsstod-attachments.ts';

const tags = ['medborgare'];
const P = { $ref: 'Problem#' };
const problems = { 401: P, 403: P, 404: P } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Advisory lock class for submissions by idempotency key (serialises a double click, a retry, a confirmation). */
const SUBMIT_LOCK = 9;

const NOT_PARTNER = 'Personnumret stämmer inte med den make, maka, registrerade partner eller sambo som kommunen har registrerad för dig. '
  + 'Kontrollera numret. Stämmer det, kontakta kommunen så att uppgiften kan rättas.';

// ---- receipts ------------------------------------------------------------------------------------

interface SubmissionRow { id: string; kind: string; receipt_number: string; case_number: string; submitted_at: Date; submitted_by_person_id: string | null }

async function submission(tx: TenantTx, by: 'id' | 'key', value: string): Promise<SubmissionRow | null> {
  return (await tx.one<SubmissionRow>(
    `SELECT s.id, s.kind, s.receipt_number, c.case_number, s.submitted_at, s.submitted_by_person_id FROM e_service_submissions s
     JOIN cases c ON c.municipality_id = s.municipality_id AND c.id = s.case_id
     WHERE s.municipality_id = $1 AND s.${by === 'id' ? 'id' : 'idempotency_key'} = $2`, [tx.municipalityId, value])) ?? null;
}

const toReceipt = (s: SubmissionRow): Receipt => ({ receiptNumber: s.receipt_number, caseNumber: s.case_number, receivedAt: s.submitted_at.toISOString() });

// ---- the applicant's view ----------------------------------------------------------------------

function stateOf(draft: Pick<DraftRow, 'submitted_at'>, conf: ConfirmationRow | null): FsState {
  if (draft.submitted_at) return 'submitted';
  if (conf?.state === 'awaiting_co_applicant') return 'awaiting_co_applicant';
  if (conf?.state === 'declined') return 'declined';
  return 'draft';
}

/** The form's answers without the client's own bookkeeping (`_key`, `_step`). */
function publicContent(content: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(content).filter(([k]) => !k.startsWith('_')));
}

async function draftView(tx: TenantTx, row: DraftRow): Promise<FsDraft> {
  const conf = await confirmationOfDraft(tx, row.id);
  const state = stateOf(row, conf);
  let receipt: Receipt | null = null;
  if (row.submitted_at) {
    const key = row.content._key;
    const sub = conf?.submission_id ? await submission(tx, 'id', conf.submission_id)
      : typeof key === 'string' && UUID.test(key) ? await submission(tx, 'key', key) : null;
    receipt = sub && sub.submitted_by_person_id === row.owner_person_id ? toReceipt(sub) : null;
  }
  return {
    id: row.id, version: row.version, content: row.content, state, updatedAt: row.updated_at.toISOString(),
    coApplicant: conf && conf.state !== 'withdrawn' ? { name: conf.co_applicant_name, requestedAt: conf.requested_at.toISOString() } : null,
    declined: state === 'declined' ? { reason: conf!.decline_reason!, at: conf!.decided_at!.toISOString() } : null,
    attachments: await attachmentsOf(tx, row.id),
    receipt,
  };
}

async function previousApplication(tx: TenantTx, me: string): Promise<{ id: string; content: Record<string, unknown>; submitted_at: Date } | null> {
  return (await tx.one<{ id: string; content: Record<string, unknown>; submitted_at: Date }>(
    `SELECT id, content, submitted_at FROM e_service_drafts
     WHERE municipality_id = $1 AND owner_person_id = $2 AND subject_person_id = $2 AND kind = $3 AND submitted_at IS NOT NULL
     ORDER BY submitted_at DESC LIMIT 1`, [tx.municipalityId, me, KIND])) ?? null;
}

async function overview(tx: TenantTx, ctx: RequestContext): Promise<FsOverview> {
  const me = citizenPersonId(ctx);
  await accessPerson(tx, ctx, me, { action: 'read', resource: RESOURCE });
  const rows = await tx.query<{ id: string; month: string | null; updated_at: Date; conf_state: ConfirmationRow['state'] | null }>(
    `SELECT d.id, d.content->>'month' AS month, d.updated_at, c.state AS conf_state
     FROM e_service_drafts d LEFT JOIN e_service_confirmations c ON c.municipality_id = d.municipality_id AND c.draft_id = d.id
     WHERE d.municipality_id = $1 AND d.owner_person_id = $2 AND d.subject_person_id = $2 AND d.kind = $3 AND d.submitted_at IS NULL
     ORDER BY d.updated_at DESC`, [tx.municipalityId, me, KIND]);
  const previous = await previousApplication(tx, me);
  const prevMonth = previous?.content.month;
  return {
    drafts: rows.map((r) => ({
      id: r.id, month: isMonth(r.month) ? r.month : null, updatedAt: r.updated_at.toISOString(),
      state: r.conf_state === 'awaiting_co_applicant' ? 'awaiting_co_applicant' : r.conf_state === 'declined' ? 'declined' : 'draft',
    })),
    previous: previous ? { draftId: previous.id, month: isMonth(prevMonth) ? prevMonth : null, submittedAt: previous.submitted_at.toISOString() } : null,
  };
}

async function startMonth(tx: TenantTx, ctx: RequestContext, body: NewFsDraftBody): Promise<{ created: boolean; draft: FsDraft }> {
  const me = citizenPersonId(ctx);
  const monthErrors = validateApplication({ month: body.month }).filter((e) => e.path === 'body/month');
  if (monthErrors.length) throw badRequest(monthErrors[0]!.message, monthErrors);
  // One application per month at a time: the one already begun is opened again.
  const existing = await tx.one<{ id: string }>(
    `SELECT id FROM e_service_drafts WHERE municipality_id = $1 AND owner_person_id = $2 AND subject_person_id = $2 AND kind = $3
       AND submitted_at IS NULL AND content->>'month' = $4 ORDER BY updated_at DESC LIMIT 1`, [tx.municipalityId, me, KIND, body.month]);
  if (existing) return { created: false, draft: await draftView(tx, await loadFsDraft(tx, ctx, existing.id, { action: 'read' })) };

  let content: ApplicationContent & { _fromMonth?: string } = { month: body.month };
  if (body.fromPrevious) {
    const previous = await previousApplication(tx, me);
    if (!previous) {
      const message = 'Det finns ingen tidigare ansökan att börja från. Börja med en tom ansökan.';
      throw badRequest(message, [{ path: 'body/fromPrevious', message }]);
    }
    const from = contentFrom(previous.content);
    content = { ...nextMonthFrom(from, body.month), ...(from.month ? { _fromMonth: from.month } : {}) };
  }
  const created = await createDraft(tx, ctx, { kind: KIND, subjectPersonId: me, content: { ...content, _key: randomUUID(), _step: 1 } });
  return { created: true, draft: await draftView(tx, await loadOwnDraft(tx, ctx, created.id)) };
}

// ---- sending -------------------------------------------------------------------------------------

interface CoApplicant { personId: string; name: string; relation: PartnerRelation }

function intakeFrom(content: ApplicationContent, parts: {
  applicant: { personId: string; name: string }; coApplicant: (CoApplicant & { confirmedAt: string }) | null;
  attachments: FsIntake['attachments']; receiptNumber: string; submittedAt: string;
}): FsIntake {
  const s = sums(content);
  const note = (t: string | undefined) => t?.trim() || null;
  return {
    month: content.month!,
    applicant: parts.applicant,
    coApplicant: parts.coApplicant,
    children: (content.household?.children ?? []).map((ch) => ({ firstName: ch.firstName!.trim(), age: ch.age!, livesHerePercent: ch.livesHerePercent! })),
    incomes: (content.incomes ?? []).map((r) => ({ who: r.who, kind: r.kind, amount: r.amount!, note: note(r.note) })),
    costs: (content.costs ?? []).map((r) => ({ kind: r.kind, amount: r.amount!, note: note(r.note) })),
    assets: ASSET_KINDS.map((k) => {
      const a = content.assets![k]!;
      return { kind: k, has: a.has!, text: a.has ? note(a.text) : null };
    }),
    otherInfo: note(content.otherInfo),
    sums: { incomeApplicant: s.income.applicant, incomeCoApplicant: s.income.co_applicant, incomeTotal: s.incomeTotal, costTotal: s.costTotal },
    attachments: parts.attachments,
    receiptNumber: parts.receiptNumber,
    submittedAt: parts.submittedAt,
  };
}

/**
 * The case, from a complete application: in the ekonomiskt bistånd intake unit's inbox, with the
 * figures in intake.forsorjningsstod, the attachments in the personakt and a receipt. The caller
 * has checked access, completeness and the co-applicant's confirmation, and holds the key's lock.
 */
async function createCase(tx: TenantTx, ctx: RequestContext, draft: DraftRow, content: ApplicationContent, opts: { key: string; coApplicant: CoApplicant | null }): Promise<{ receipt: Receipt; submissionId: string }> {
  const today = dateInSweden();
  const month = content.month!;
  const applicantName = draft.subject_name;
  const created = await insertCase(tx, {
    personId: draft.subject_person_id, area: 'ekonomiskt_bistand', origin: 'ansokan', channel: 'e_tjanst', receivedOn: today, period: month,
    requestedInsatser: ['forsorjningsstod'], title: `Ansökan om försörjningsstöd ${monthLabel(month)}${opts.coApplicant ? ' (med medsökande)' : ''}`,
    description: describeApplication(content, { applicantName, coApplicantName: opts.coApplicant?.name ?? null }),
  }, { unitId: await intakeUnitFor(tx, 'ekonomiskt_bistand'), assignedTo: null });
  const receiptNumber = makeReceiptNumber('ansokan_forsorjningsstod', Number(today.slice(0, 4)), () => randomBytes(1)[0]!);
  const sub = await tx.one<{ id: string; submitted_at: Date }>(
    `INSERT INTO e_service_submissions (municipality_id, id, kind, idempotency_key, receipt_number, case_id, submitted_by_person_id)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6) RETURNING id, submitted_at`,
    [tx.municipalityId, KIND, opts.key, receiptNumber, created.id, draft.owner_person_id]);
  const files = await moveAttachmentsToCase(tx, draft.id, created.id);
  const submittedAt = sub!.submitted_at.toISOString();
  const intake = intakeFrom(content, {
    applicant: { personId: draft.subject_person_id, name: applicantName },
    coApplicant: opts.coApplicant ? { ...opts.coApplicant, confirmedAt: submittedAt } : null,
    attachments: files, receiptNumber, submittedAt,
  });
  await tx.query('UPDATE cases SET intake = intake || $3::jsonb WHERE municipality_id = $1 AND id = $2',
    [tx.municipalityId, created.id, JSON.stringify({ receiptNumber, forsorjningsstod: intake })]);
  await markDraftSubmitted(tx, draft.id);
  // The key stays with the draft, so its receipt can be shown again.
  await tx.query(`UPDATE e_service_drafts SET content = jsonb_set(content, '{_key}', to_jsonb($3::text)) WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, draft.id, opts.key]);
  const byCoApplicant = ctx.actor.kind === 'citizen' && ctx.actor.personId !== draft.owner_person_id;
  tx.audit(auditRecord(ctx, {
    action: 'create', resource: 'case.e_service.forsorjningsstod', subjectPersonId: draft.subject_person_id,
    purpose: byCoApplicant ? CO_APPLICANT_PURPOSE : 'self',
    details: { caseId: created.id, caseNumber: created.caseNumber, draftId: draft.id, receiptNumber, attachments: files.length, coApplicant: opts.coApplicant?.personId ?? null },
  }));
  return { receipt: { receiptNumber, caseNumber: created.caseNumber, receivedAt: submittedAt }, submissionId: sub!.id };
}

async function lockSubmitKey(tx: TenantTx, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [key, SUBMIT_LOCK]);
}

async function send(tx: TenantTx, ctx: RequestContext, id: string, body: SendBody): Promise<{ created: boolean; result: SendResult }> {
  const me = citizenPersonId(ctx);
  await lockSubmitKey(tx, body.idempotencyKey);
  const earlier = await submission(tx, 'key', body.idempotencyKey);
  if (earlier) {
    if (earlier.submitted_by_person_id !== me || earlier.kind !== KIND) {
      throw conflict('Den här inskickningen tillhör något annat. Ladda om sidan och försök igen.', 'idempotency-key-used');
    }
    await loadFsDraft(tx, ctx, id, { action: 'read' });
    return { created: false, result: { state: 'submitted', receipt: toReceipt(earlier), coApplicantName: null } };
  }
  const draft = await loadFsDraft(tx, ctx, id, { action: 'update', lock: true });
  if (draft.submitted_at) throw conflict('Ansökan är redan skickad. Du hittar den under Mina ärenden.', 'already-submitted');
  const conf = await confirmationOfDraft(tx, draft.id, true);
  if (conf?.state === 'awaiting_co_applicant') {
    if (conf.idempotency_key === body.idempotencyKey) {
      return { created: false, result: { state: 'awaiting_co_applicant', receipt: null, coApplicantName: conf.co_applicant_name } };
    }
    throw conflict(`Ansökan väntar redan på att ${conf.co_applicant_name} bekräftar den.`, 'awaiting-co-applicant');
  }
  if (draft.version !== body.version) {
    throw conflict('Ansökan har ändrats sedan du granskade den, kanske i ett annat fönster. Granska den igen och skicka sedan.', 'draft-changed',
      { current: { version: draft.version } });
  }
  const content = contentFrom(draft.content);
  const applicant = await tx.one<{ id_number: string }>('SELECT id_number FROM persons WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, me]);
  const errors = validateApplication(content, { applicantIdNumber: applicant?.id_number });
  if (errors.length) throw badRequest(`Ansökan är inte komplett: ${errors.map((e) => e.message).join(' ')}`, errors);

  if (content.household?.livesWithPartner) {
    const typed = parseIdNumber(content.household.coApplicant!.personnummer!);
    const canonical = typed.ok ? typed.value.canonical : '';
    const partner = await registeredPartner(tx, me, canonical);
    if (!partner) {
      // Said the same way whether or not the number belongs to someone; the attempt is logged.
      const someone = await tx.one<{ id: string }>('SELECT id FROM persons WHERE municipality_id = $1 AND id_number = $2', [tx.municipalityId, canonical]);
      tx.auditRefusal(auditRecord(ctx, {
        action: 'denied', resource: 'e_service.forsorjningsstod.co_applicant', subjectPersonId: someone?.id ?? null, flagged: true,
        details: { draftId: draft.id, reason: 'not-registered-partner' },
      }));
      throw badRequest(NOT_PARTNER, [{ path: 'body/household/coApplicant/personnummer', message: NOT_PARTNER }]);
    }
    await tx.query(
      `INSERT INTO e_service_confirmations (municipality_id, id, draft_id, applicant_person_id, co_applicant_person_id, relation, state, draft_version, idempotency_key)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, 'awaiting_co_applicant', $6, $7)
       ON CONFLICT (municipality_id, draft_id) DO UPDATE SET co_applicant_person_id = EXCLUDED.co_applicant_person_id, relation = EXCLUDED.relation,
         state = 'awaiting_co_applicant', draft_version = EXCLUDED.draft_version, idempotency_key = EXCLUDED.idempotency_key,
         requested_at = now(), decided_at = NULL, decline_reason = NULL`,
      [tx.municipalityId, draft.id, me, partner.id, content.household.coApplicant!.relation, draft.version, body.idempotencyKey]);
    tx.audit(auditRecord(ctx, {
      action: 'update', resource: 'e_service.forsorjningsstod.co_applicant', subjectPersonId: partner.id, purpose: CO_APPLICANT_PURPOSE,
      details: { draftId: draft.id },
    }));
    return { created: false, result: { state: 'awaiting_co_applicant', receipt: null, coApplicantName: partner.name } };
  }
  const { receipt } = await createCase(tx, ctx, draft, content, { key: body.idempotencyKey, coApplicant: null });
  return { created: true, result: { state: 'submitted', receipt, coApplicantName: null } };
}

async function withdraw(tx: TenantTx, ctx: RequestContext, id: string): Promise<FsDraft> {
  const draft = await loadFsDraft(tx, ctx, id, { action: 'update', lock: true, unsubmitted: true });
  const conf = await confirmationOfDraft(tx, draft.id, true);
  if (conf?.state !== 'awaiting_co_applicant') throw conflict('Ansökan väntar inte på någon bekräftelse. Du kan ändra den direkt.', 'not-awaiting');
  await tx.query(`UPDATE e_service_confirmations SET state = 'withdrawn', decided_at = now() WHERE municipality_id = $1 AND id = $2`, [tx.municipalityId, conf.id]);
  return draftView(tx, await loadOwnDraft(tx, ctx, draft.id));
}

// ---- the co-applicant ----------------------------------------------------------------------------

async function awaitingMe(tx: TenantTx, ctx: RequestContext): Promise<ConfirmationList> {
  const me = citizenPersonId(ctx);
  const rows = await tx.query<{ id: string; applicant_person_id: string; applicant_name: string; month: string | null; requested_at: Date }>(
    `SELECT c.id, c.applicant_person_id, ap.first_name || ' ' || ap.last_name AS applicant_name, d.content->>'month' AS month, c.requested_at
     FROM e_service_confirmations c
     JOIN persons ap ON ap.municipality_id = c.municipality_id AND ap.id = c.applicant_person_id
     JOIN e_service_drafts d ON d.municipality_id = c.municipality_id AND d.id = c.draft_id
     WHERE c.municipality_id = $1 AND c.co_applicant_person_id = $2 AND c.state = 'awaiting_co_applicant' AND d.submitted_at IS NULL
       AND ${partnerRelationSql('c.applicant_person_id', 'c.co_applicant_person_id')}
     ORDER BY c.requested_at DESC`, [tx.municipalityId, me]);
  recordListReads(tx, ctx, rows.map((r) => r.applicant_person_id), 'e_service.forsorjningsstod.awaiting', { purpose: CO_APPLICANT_PURPOSE });
  return { items: rows.map((r) => ({ id: r.id, applicantName: r.applicant_name, month: isMonth(r.month) ? r.month : null, requestedAt: r.requested_at.toISOString() })) };
}

async function confirmationView(tx: TenantTx, conf: ConfirmationRow): Promise<ConfirmationView> {
  const draft = await tx.one<{ content: Record<string, unknown> }>('SELECT content FROM e_service_drafts WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, conf.draft_id]);
  // The co-applicant sees what they are asked to confirm, or what they confirmed; not later edits.
  const shown = conf.state === 'awaiting_co_applicant' || conf.state === 'confirmed';
  const sub = conf.submission_id ? await submission(tx, 'id', conf.submission_id) : null;
  return {
    id: conf.id, state: conf.state, applicantName: conf.applicant_name, relation: conf.relation, requestedAt: conf.requested_at.toISOString(),
    version: conf.draft_version, content: shown ? publicContent(draft!.content) : {},
    attachments: conf.state === 'awaiting_co_applicant' ? await attachmentsOf(tx, conf.draft_id) : [],
    receipt: sub ? toReceipt(sub) : null,
    declineReason: conf.state === 'declined' ? conf.decline_reason : null,
  };
}

/**
 * The co-applicant's answer, in a fixed lock order shared with the applicant's send (submission
 * key, then draft, then confirmation), so a confirmation and a send at the same moment cannot deadlock.
 */
async function lockForAnswer(tx: TenantTx, ctx: RequestContext, id: string, resource: string): Promise<{ conf: ConfirmationRow; draft: DraftRow }> {
  const first = await coApplicantAccess(tx, ctx, { id }, { action: 'update', resource });
  await lockSubmitKey(tx, first.idempotency_key);
  const draft = await tx.one<DraftRow>(
    `SELECT d.id, d.kind, d.owner_person_id, d.subject_person_id, p.first_name || ' ' || p.last_name AS subject_name, d.content, d.version,
       d.created_at, d.updated_at, d.submitted_at
     FROM e_service_drafts d JOIN persons p ON p.municipality_id = d.municipality_id AND p.id = d.subject_person_id
     WHERE d.municipality_id = $1 AND d.id = $2 FOR UPDATE OF d`, [tx.municipalityId, first.draft_id]);
  if (!draft) throw notFound('Ansökan');
  const conf = await confirmationOfDraft(tx, first.draft_id, true);
  if (!conf || conf.co_applicant_person_id !== first.co_applicant_person_id) throw notFound('Ansökan');
  return { conf, draft };
}

function notAwaiting(conf: ConfirmationRow): never {
  const first = conf.applicant_name.split(' ')[0];
  throw conflict(conf.state === 'declined'
    ? `Du har redan svarat nej. Ansökan är tillbaka hos ${first}.`
    : `${first} har tagit tillbaka ansökan för att ändra den. Du får frågan igen när den skickas på nytt.`, 'not-awaiting');
}

async function confirm(tx: TenantTx, ctx: RequestContext, id: string, body: ConfirmBody): Promise<{ created: boolean; receipt: Receipt }> {
  const { conf, draft } = await lockForAnswer(tx, ctx, id, 'e_service.forsorjningsstod.confirm');
  if (conf.state === 'confirmed') return { created: false, receipt: toReceipt((await submission(tx, 'id', conf.submission_id!))!) };
  if (conf.state !== 'awaiting_co_applicant') notAwaiting(conf);
  if (body.version !== conf.draft_version || draft.version !== conf.draft_version || draft.submitted_at) {
    throw conflict('Ansökan har ändrats sedan du öppnade den. Ladda om sidan och läs den igen innan du bekräftar.', 'draft-changed');
  }
  const content = contentFrom(draft.content);
  const applicant = await tx.one<{ id_number: string }>('SELECT id_number FROM persons WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, draft.owner_person_id]);
  const errors = validateApplication(content, { applicantIdNumber: applicant?.id_number });
  if (errors.length) {
    throw conflict(`Ansökan kan inte skickas som den är: ${errors.map((e) => e.message).join(' ')} Svara nej och skriv varför, så kommer den tillbaka till ${conf.applicant_name.split(' ')[0]}.`, 'application-incomplete');
  }
  const { receipt, submissionId } = await createCase(tx, ctx, draft, content, {
    key: conf.idempotency_key,
    coApplicant: { personId: conf.co_applicant_person_id, name: conf.co_applicant_name, relation: conf.relation },
  });
  await tx.query(`UPDATE e_service_confirmations SET state = 'confirmed', decided_at = now(), submission_id = $3 WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, conf.id, submissionId]);
  return { created: true, receipt };
}

async function decline(tx: TenantTx, ctx: RequestContext, id: string, body: DeclineBody): Promise<ConfirmationView> {
  const reason = body.reason.trim();
  if (!reason) {
    const message = 'Skriv varför du inte vill bekräfta ansökan, så att den som sökte vet vad som behöver ändras.';
    throw badRequest(message, [{ path: 'body/reason', message }]);
  }
  const { conf } = await lockForAnswer(tx, ctx, id, 'e_service.forsorjningsstod.decline');
  if (conf.state !== 'awaiting_co_applicant') notAwaiting(conf);
  await tx.query(`UPDATE e_service_confirmations SET state = 'declined', decline_reason = $3, decided_at = now() WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, conf.id, reason]);
  return confirmationView(tx, (await confirmationOfDraft(tx, conf.draft_id))!);
}

// ---- routes --------------------------------------------------------------------------------------

export function registerForsorjningsstodRoutes(app: FastifyInstance, withActor: WithActor): void {
  const VIEWS = ['medborgare' as const];
  registerForsorjningsstodAttachmentRoutes(app, withActor);

  app.get('/api/citizen/forsorjningsstod', {
    schema: { tags, summary: 'Mina ansökningar om försörjningsstöd som inte är skickade, och den senast skickade', response: { 200: FsOverview, ...problems } },
  }, (req) => withActor(req, VIEWS, overview));

  app.post('/api/citizen/forsorjningsstod/drafts', {
    schema: {
      tags, summary: 'Börja en ansökan om försörjningsstöd för en månad (tom, eller från förra ansökan). En påbörjad ansökan för samma månad öppnas igen.',
      body: NewFsDraftBody, response: { 200: FsDraft, 201: FsDraft, 400: P, ...problems },
    },
  }, async (req, reply) => {
    const { created, draft } = await withActor(req, VIEWS, (tx, ctx) => startMonth(tx, ctx, req.body as NewFsDraftBody));
    return reply.status(created ? 201 : 200).send(draft);
  });

  app.get('/api/citizen/forsorjningsstod/drafts/:id', {
    schema: { tags, summary: 'Min ansökan om försörjningsstöd: svaren, läget (hos medsökande, nekad, skickad), bilagor och kvittens', params: IdParams, response: { 200: FsDraft, ...problems } },
  }, (req) => withActor(req, VIEWS, async (tx, ctx) => draftView(tx, await loadFsDraft(tx, ctx, (req.params as { id: string }).id, { action: 'read' }))));

  app.post('/api/citizen/forsorjningsstod/drafts/:id/send', {
    schema: {
      tags, summary: 'Skicka ansökan: till medsökande för bekräftelse, eller (utan medsökande) som ett ärende med kvittens. Samma idempotencyKey igen ger samma svar.',
      params: IdParams, body: SendBody, response: { 200: SendResult, 201: SendResult, 400: P, 409: P, ...problems },
    },
  }, async (req, reply) => {
    const { created, result } = await withActor(req, VIEWS, (tx, ctx) => send(tx, ctx, (req.params as { id: string }).id, req.body as SendBody));
    return reply.status(created ? 201 : 200).send(result);
  });

  app.post('/api/citizen/forsorjningsstod/drafts/:id/withdraw', {
    schema: { tags, summary: 'Ta tillbaka ansökan från medsökande för att ändra den', params: IdParams, response: { 200: FsDraft, 409: P, ...problems } },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => withdraw(tx, ctx, (req.params as { id: string }).id)));

  app.get('/api/citizen/forsorjningsstod/confirmations', {
    schema: { tags, summary: 'Ansökningar om försörjningsstöd som väntar på att jag bekräftar dem som medsökande', response: { 200: ConfirmationList, ...problems } },
  }, (req) => withActor(req, VIEWS, awaitingMe));

  app.get('/api/citizen/forsorjningsstod/confirmations/:id', {
    schema: { tags, summary: 'En ansökan jag som medsökande ska bekräfta (eller har bekräftat, med kvittens)', params: IdParams, response: { 200: ConfirmationView, ...problems } },
  }, (req) => withActor(req, VIEWS, async (tx, ctx) => confirmationView(tx,
    await coApplicantAccess(tx, ctx, { id: (req.params as { id: string }).id }, { action: 'read', resource: 'e_service.forsorjningsstod.medsokande' }))));

  app.post('/api/citizen/forsorjningsstod/confirmations/:id/confirm', {
    schema: {
      tags, summary: 'Bekräfta ansökan som medsökande: ansökan skickas och blir ett ärende (samma svar om det redan är gjort)',
      params: IdParams, body: ConfirmBody, response: { 200: Receipt, 201: Receipt, 400: P, 409: P, ...problems },
    },
  }, async (req, reply) => {
    const { created, receipt } = await withActor(req, VIEWS, (tx, ctx) => confirm(tx, ctx, (req.params as { id: string }).id, req.body as ConfirmBody));
    return reply.status(created ? 201 : 200).send(receipt);
  });

  app.post('/api/citizen/forsorjningsstod/confirmations/:id/decline', {
    schema: {
      tags, summary: 'Säg nej till ansökan som medsökande, med en förklaring; ansökan går tillbaka till den som sökte',
      params: IdParams, body: DeclineBody, response: { 200: ConfirmationView, 400: P, 409: P, ...problems },
    },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => decline(tx, ctx, (req.params as { id: string }).id, req.body as DeclineBody)));
}
