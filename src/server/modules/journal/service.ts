// Journal use cases. Documentation of a case (14 kap. 3 § SoL: decisions, actions and significant
// facts and events; SOSFS 2014:5 4 kap.): drafts are the author's own and autosaved; signing
// makes an entry immutable (the database trigger journal_signed_immutable guards that too); a
// correction is a new entry that points at the signed one, and both stay visible (14 kap. 6 §).
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker, RequestContext } from '../../access/actor.ts';
import { accessCase } from '../../access/case-access.ts';
import { auditRecord, recordListReads, relationSql } from '../../access/gate.ts';
import { HttpProblem, badRequest, conflict, notFound } from '../../http/problems.ts';
import {
  JOURNAL_KIND_LABELS_SV, type CaseJournal, type JournalCurrent, type JournalDraft, type JournalKind, type MyDrafts,
  type NewJournalEntryBody, type NewJournalEntryResult, type SaveResult, type SignResult, type SignedJournalEntry,
  type UpdateJournalEntryBody,
} from '../../../shared/journal-api.ts';

const iso = (d: Date) => d.toISOString();

interface EntryRow {
  id: string; case_id: string; author_id: string; kind: JournalKind; title: string; body: string; occurred_on: string;
  corrects_id: string | null; version: number; created_at: Date; updated_at: Date; signed_at: Date | null; signed_by: string | null;
}
const ENTRY_COLS = `j.id, j.case_id, j.author_id, j.kind, j.title, j.body, j.occurred_on, j.corrects_id, j.version,
  j.created_at, j.updated_at, j.signed_at, j.signed_by`;

async function loadEntry(tx: TenantTx, entryId: string): Promise<EntryRow> {
  const row = await tx.one<EntryRow>(`SELECT ${ENTRY_COLS} FROM journal_entries j WHERE j.municipality_id = $1 AND j.id = $2`,
    [tx.municipalityId, entryId]);
  if (!row) throw notFound('Journalanteckningen');
  return row;
}

function currentOf(row: EntryRow): JournalCurrent {
  return {
    id: row.id, kind: row.kind, title: row.title, body: row.body, occurredOn: row.occurred_on, version: row.version,
    updatedAt: iso(row.updated_at), signedAt: row.signed_at ? iso(row.signed_at) : null,
  };
}

/**
 * A refused save: the answer carries the server's text, so the client keeps both. That text is
 * personal data shown to the user, so its read is logged even though the request is refused.
 */
function refuse(tx: TenantTx, ctx: RequestContext, personId: string, row: EntryRow, detail: string, slug: string): HttpProblem {
  tx.auditRefusal(auditRecord(ctx, {
    action: 'read', resource: 'journal.conflict', subjectPersonId: personId, details: { entryId: row.id, slug },
  }));
  return conflict(detail, slug, { current: currentOf(row) });
}

const signedConflict = (tx: TenantTx, ctx: RequestContext, personId: string, row: EntryRow) => refuse(tx, ctx, personId, row,
  'Anteckningen är redan signerad och kan inte ändras. Din text finns kvar: spara den som en rättelse (en ny anteckning som pekar på den signerade).',
  'journal-signed');

const versionConflict = (tx: TenantTx, ctx: RequestContext, personId: string, row: EntryRow) => refuse(tx, ctx, personId, row,
  'Utkastet har sparats från ett annat fönster eller en annan enhet sedan du började skriva. Ingen text har skrivits över: välj vilken text som ska gälla.',
  'journal-version-conflict');

/** Signed entries of the case (newest first) and the reader's own drafts. */
export async function caseJournal(tx: TenantTx, ctx: RequestContext, actor: CaseWorker, caseId: string): Promise<CaseJournal> {
  await accessCase(tx, ctx, caseId, { action: 'read', resource: 'journal.list' });
  const rows = await tx.query<EntryRow & { author_name: string; signer_name: string | null }>(
    `SELECT ${ENTRY_COLS}, a.name AS author_name, s.name AS signer_name
     FROM journal_entries j
     JOIN staff_users a ON a.municipality_id = j.municipality_id AND a.id = j.author_id
     LEFT JOIN staff_users s ON s.municipality_id = j.municipality_id AND s.id = COALESCE(j.signed_by, j.author_id)
     WHERE j.municipality_id = $1 AND j.case_id = $2 AND (j.signed_at IS NOT NULL OR j.author_id = $3)
     ORDER BY j.occurred_on DESC, j.signed_at DESC NULLS FIRST, j.created_at DESC`,
    [tx.municipalityId, caseId, actor.userId]);
  const correctedBy = new Map<string, Array<{ id: string; at: number }>>();
  for (const r of rows) {
    if (r.signed_at && r.corrects_id) {
      const list = correctedBy.get(r.corrects_id) ?? [];
      list.push({ id: r.id, at: r.signed_at.getTime() });
      correctedBy.set(r.corrects_id, list);
    }
  }
  const entries: SignedJournalEntry[] = [];
  const drafts: JournalDraft[] = [];
  for (const r of rows) {
    if (r.signed_at) {
      entries.push({
        id: r.id, kind: r.kind, title: r.title, body: r.body, occurredOn: r.occurred_on,
        author: { id: r.author_id, name: r.author_name },
        signedBy: { id: r.signed_by ?? r.author_id, name: r.signer_name ?? r.author_name },
        signedAt: iso(r.signed_at), correctsId: r.corrects_id,
        correctedBy: (correctedBy.get(r.id) ?? []).sort((x, y) => x.at - y.at).map((c) => c.id),
      });
    } else {
      drafts.push({
        id: r.id, kind: r.kind, title: r.title, body: r.body, occurredOn: r.occurred_on, correctsId: r.corrects_id,
        version: r.version, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
      });
    }
  }
  drafts.sort((x, y) => y.updatedAt.localeCompare(x.updatedAt));
  return { caseId, viewerId: actor.userId, entries, drafts };
}

/** Creates a draft. Idempotent on a client-chosen id: a repeated request answers the draft that exists. */
export async function createEntry(
  tx: TenantTx, ctx: RequestContext, actor: CaseWorker, caseId: string, body: NewJournalEntryBody,
): Promise<NewJournalEntryResult> {
  const access = await accessCase(tx, ctx, caseId, { action: 'update', resource: 'journal.create' });
  const correctsId = body.correctsId ?? null;
  if (correctsId) {
    const target = await tx.one<{ case_id: string; signed_at: Date | null }>(
      'SELECT case_id, signed_at FROM journal_entries WHERE municipality_id = $1 AND id = $2', [tx.municipalityId, correctsId]);
    if (!target || target.case_id !== caseId || !target.signed_at) {
      throw badRequest('En rättelse kan bara peka på en signerad anteckning i samma ärende.',
        [{ path: 'body/correctsId', message: 'ingen signerad anteckning i ärendet med detta id' }]);
    }
  }
  const id = body.id ?? crypto.randomUUID();
  const inserted = await tx.one<{ version: number; updated_at: Date }>(
    `INSERT INTO journal_entries (municipality_id, id, case_id, author_id, occurred_on, title, body, kind, corrects_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (municipality_id, id) DO NOTHING
     RETURNING version, updated_at`,
    [tx.municipalityId, id, caseId, actor.userId, body.occurredOn, body.title, body.body, body.kind, correctsId]);
  if (inserted) return { id, version: inserted.version, created: true, updatedAt: iso(inserted.updated_at) };

  const existing = await loadEntry(tx, id);
  if (existing.author_id !== actor.userId || existing.case_id !== caseId) {
    throw conflict('Id:t används redan av en annan anteckning. Skapa anteckningen utan id.', 'journal-id-taken');
  }
  if (existing.signed_at) throw signedConflict(tx, ctx, access.personId, existing);
  return { id, version: existing.version, created: false, updatedAt: iso(existing.updated_at) };
}

/** Loads an entry the actor may change: the case through the gate, then only the author's own draft. */
async function ownDraft(tx: TenantTx, ctx: RequestContext, actor: CaseWorker, entryId: string, resource: string) {
  const row = await loadEntry(tx, entryId);
  const access = await accessCase(tx, ctx, row.case_id, { action: 'update', resource });
  if (row.signed_at) throw signedConflict(tx, ctx, access.personId, row);
  // Drafts are personal: someone else's draft does not exist for you.
  if (row.author_id !== actor.userId) throw notFound('Journalanteckningen');
  return { row, personId: access.personId };
}

export async function updateEntry(
  tx: TenantTx, ctx: RequestContext, actor: CaseWorker, entryId: string, body: UpdateJournalEntryBody,
): Promise<SaveResult> {
  const { row, personId } = await ownDraft(tx, ctx, actor, entryId, 'journal.update');
  if (row.version !== body.version) throw versionConflict(tx, ctx, personId, row);
  const saved = await tx.one<{ version: number; updated_at: Date }>(
    `UPDATE journal_entries SET kind = $3, title = $4, body = $5, occurred_on = $6, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $7 AND signed_at IS NULL AND author_id = $8
     RETURNING version, updated_at`,
    [tx.municipalityId, entryId, body.kind, body.title, body.body, body.occurredOn, body.version, actor.userId]);
  if (!saved) {
    // Changed between the read and the write (another tab, the same second): answer what is there now.
    const now = await loadEntry(tx, entryId);
    throw now.signed_at ? signedConflict(tx, ctx, personId, now) : versionConflict(tx, ctx, personId, now);
  }
  return { version: saved.version, updatedAt: iso(saved.updated_at) };
}

export async function signEntry(
  tx: TenantTx, ctx: RequestContext, actor: CaseWorker, entryId: string, version: number | undefined,
): Promise<SignResult> {
  const { row, personId } = await ownDraft(tx, ctx, actor, entryId, 'journal.sign');
  if (version !== undefined && row.version !== version) throw versionConflict(tx, ctx, personId, row);
  if (row.body.trim() === '') {
    throw badRequest('Anteckningen är tom. Skriv vad som hänt innan du signerar.', [{ path: 'body', message: 'får inte vara tom' }]);
  }
  const today = await tx.one<{ today: string }>(`SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date AS today`);
  if (today && row.occurred_on > today.today) {
    throw badRequest('Datumet för händelsen ligger i framtiden. Ändra datumet innan du signerar.',
      [{ path: 'occurredOn', message: 'får inte vara senare än i dag' }]);
  }
  const signed = await tx.one<{ signed_at: Date; title: string }>(
    `UPDATE journal_entries
       SET signed_at = now(), signed_by = $3, version = version + 1, updated_at = now(),
           title = CASE WHEN btrim(title) = '' THEN $4 ELSE btrim(title) END
     WHERE municipality_id = $1 AND id = $2 AND signed_at IS NULL AND author_id = $3 AND version = $5
     RETURNING signed_at, title`,
    [tx.municipalityId, entryId, actor.userId, JOURNAL_KIND_LABELS_SV[row.kind] ?? 'Anteckning', row.version]);
  if (!signed) {
    const now = await loadEntry(tx, entryId);
    throw now.signed_at ? signedConflict(tx, ctx, personId, now) : versionConflict(tx, ctx, personId, now);
  }
  return { id: entryId, signedAt: iso(signed.signed_at), title: signed.title };
}

export async function deleteEntry(tx: TenantTx, ctx: RequestContext, actor: CaseWorker, entryId: string): Promise<void> {
  await ownDraft(tx, ctx, actor, entryId, 'journal.delete');
  await tx.query('DELETE FROM journal_entries WHERE municipality_id = $1 AND id = $2 AND signed_at IS NULL AND author_id = $3',
    [tx.municipalityId, entryId, actor.userId]);
}

/** My unsigned drafts in every case I may still see, so a draft left anywhere is found again. */
export async function myDrafts(tx: TenantTx, ctx: RequestContext, actor: CaseWorker): Promise<MyDrafts> {
  const params: unknown[] = [tx.municipalityId, actor.userId];
  const relation = relationSql(actor, 'c.person_id', params);
  const unit = params.push(actor.unitId);
  const rows = await tx.query<{
    id: string; case_id: string; case_number: string; case_title: string; kind: JournalKind; title: string;
    occurred_on: string; updated_at: Date; person_id: string;
  }>(
    `SELECT * FROM (
       SELECT j.id, j.case_id, c.case_number, c.title AS case_title, j.kind, j.title, j.occurred_on, j.updated_at, c.person_id,
              c.unit_id, (${relation}) AS relation
       FROM journal_entries j JOIN cases c ON c.municipality_id = j.municipality_id AND c.id = j.case_id
       WHERE j.municipality_id = $1 AND j.author_id = $2 AND j.signed_at IS NULL) d
     -- the same visibility as accessCase: the own unit's cases, or any case through an override
     WHERE d.relation = 'override' OR (d.relation = 'unit_case' AND d.unit_id = $${unit})
     ORDER BY d.updated_at DESC LIMIT 100`, params);
  recordListReads(tx, ctx, rows.map((r) => r.person_id), 'journal.drafts');
  return {
    items: rows.map((r) => ({
      id: r.id, caseId: r.case_id, caseNumber: r.case_number, caseTitle: r.case_title, kind: r.kind, title: r.title,
      occurredOn: r.occurred_on, updatedAt: iso(r.updated_at),
    })),
  };
}
