// The audit log: who did what to whose data, when, why and from where.
// Rows are appended in the same transaction as the read or change they describe, and each
// municipality's rows form a hash chain (seq 1, 2, 3 …): every hash covers the row and the
// previous hash, so altering, removing or inserting a row breaks verification from that row on.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface AuditEntry {
  actorKind: 'staff' | 'citizen' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  subjectPersonId: string | null;
  /** read, search, list, create, update, delete, login, logout, denied, override … */
  action: string;
  /** what was touched, e.g. 'person.overview', 'case.list.mine' */
  resource: string;
  /** the relation or task that justified it, e.g. 'unit_case', 'provider_order' */
  purpose: string | null;
  /** a reason the user typed (need-to-know override) */
  reason: string | null;
  /** marked for the manager's log follow-up */
  flagged: boolean;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK_CLASS = 727_002;

/** JSON with object keys sorted, so jsonb's own key order cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface StoredAuditRow extends AuditEntry {
  municipalityId: number;
  seq: number;
  at: string; // ISO timestamp with milliseconds
  prevHash: string;
}

export function auditHash(row: StoredAuditRow): string {
  const material = canonicalJson([
    row.prevHash, row.municipalityId, row.seq, row.at, row.actorKind, row.actorId, row.actorName,
    row.subjectPersonId, row.action, row.resource, row.purpose, row.reason, row.flagged, row.ip,
    row.userAgent, row.details,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/**
 * Appends entries to the municipality's chain. Call inside the open transaction, last thing
 * before COMMIT: the per-municipality advisory lock is held until commit, so chains never fork.
 */
export async function appendAudit(client: pg.ClientBase, municipalityId: number, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!Number.isInteger(municipalityId)) throw new Error('municipalityId must be an integer');
  // One round trip; each statement takes its own snapshot, so the SELECT sees the last committed row.
  const results = (await client.query(
    `SELECT pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, ${municipalityId});
     SELECT seq, hash FROM audit_log WHERE municipality_id = ${municipalityId} ORDER BY seq DESC LIMIT 1`,
  )) as unknown as pg.QueryResult[];
  const last = results[1]?.rows[0] as { seq: string; hash: string } | undefined;
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last ? last.hash : GENESIS_HASH;
  const at = new Date().toISOString();
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const entry of entries) {
    seq += 1;
    const row: StoredAuditRow = { ...entry, municipalityId, seq, at, prevHash };
    const hash = auditHash(row);
    const cols = [municipalityId, seq, at, entry.actorKind, entry.actorId, entry.actorName, entry.subjectPersonId,
      entry.action, entry.resource, entry.purpose, entry.reason, entry.flagged, entry.ip, entry.userAgent,
      canonicalJson(entry.details), prevHash, hash];
    tuples.push(`(${cols.map((_, i) => `$${values.length + i + 1}`).join(',')})`);
    values.push(...cols);
    prevHash = hash;
  }
  await client.query(
    `INSERT INTO audit_log (municipality_id, seq, at, actor_kind, actor_id, actor_name, subject_person_id, action,
       resource, purpose, reason, flagged, ip, user_agent, details, prev_hash, hash) VALUES ${tuples.join(',')}`,
    values,
  );
}

export interface ChainReport {
  municipalityId: number;
  checked: number;
  ok: boolean;
  brokenAtSeq?: number;
  problem?: string;
}

interface DbAuditRow {
  municipality_id: number; seq: string; at: Date; actor_kind: AuditEntry['actorKind']; actor_id: string | null;
  actor_name: string | null; subject_person_id: string | null; action: string; resource: string;
  purpose: string | null; reason: string | null; flagged: boolean; ip: string | null; user_agent: string | null;
  details: Record<string, unknown>; prev_hash: string; hash: string;
}

/** Walks one municipality's chain from seq 1 and reports the first row that does not verify. */
export async function verifyChain(client: pg.ClientBase | pg.Pool, municipalityId: number, batchSize = 5000): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const { rows } = await client.query<DbAuditRow>(
      'SELECT * FROM audit_log WHERE municipality_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
      [municipalityId, expectedSeq, batchSize],
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      const broken = (problem: string): ChainReport => ({ municipalityId, checked, ok: false, brokenAtSeq: seq, problem });
      if (seq !== expectedSeq) return { ...broken(`post ${expectedSeq} saknas`), brokenAtSeq: expectedSeq };
      if (r.prev_hash !== prevHash) return broken('prev_hash stämmer inte med föregående post');
      const recomputed = auditHash({
        municipalityId: r.municipality_id, seq, at: r.at.toISOString(), prevHash: r.prev_hash,
        actorKind: r.actor_kind, actorId: r.actor_id, actorName: r.actor_name, subjectPersonId: r.subject_person_id,
        action: r.action, resource: r.resource, purpose: r.purpose, reason: r.reason, flagged: r.flagged,
        ip: r.ip, userAgent: r.user_agent, details: r.details,
      });
      if (recomputed !== r.hash) return broken('posten har ändrats: innehållet stämmer inte med dess hash');
      prevHash = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) return { municipalityId, checked, ok: true };
  }
}
