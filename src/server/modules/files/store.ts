// Case files in the database: one insert (documents in the personakt are never changed; the
// application role may only SELECT and INSERT) and the row → API mapping.
import { createHash, randomUUID } from 'node:crypto';
import type { TenantTx } from '../../db/database.ts';
import type { CaseFileKind, CaseFileView } from '../../../shared/files-api.ts';
import { FILE_TYPES, mediaTypeOf, previewKind } from '../../../domain/files/sniff.ts';

export interface NewCaseFile {
  caseId: string;
  kind: CaseFileKind;
  fileName: string;
  contentType: string;
  content: Buffer;
  description: string | null;
  uploadedBy: string;
}

export interface CaseFileRow {
  id: string; case_id: string; kind: CaseFileKind; file_name: string; content_type: string; size_bytes: number;
  sha256: string; uploaded_at: Date; description: string | null; uploaded_by_name: string;
}

export const CASE_FILE_COLS = `f.id, f.case_id, f.kind, f.file_name, f.content_type, f.size_bytes, f.sha256, f.uploaded_at,
  f.description, COALESCE(su.name, up.first_name || ' ' || up.last_name || ' (e-tjänst)') AS uploaded_by_name`;
// A file comes from staff (uploaded_by) or from the citizen through an e-service (uploaded_by_person_id).
export const CASE_FILE_JOIN = `LEFT JOIN staff_users su ON su.municipality_id = f.municipality_id AND su.id = f.uploaded_by
  LEFT JOIN persons up ON up.municipality_id = f.municipality_id AND up.id = f.uploaded_by_person_id`;

const LABELS = new Map<string, string>(Object.values(FILE_TYPES).map((t) => [mediaTypeOf(t.mime), t.labelSv]));

export function typeLabel(contentType: string): string {
  return LABELS.get(mediaTypeOf(contentType)) ?? contentType;
}

export const contentUrl = (fileId: string) => `/api/staff/files/${fileId}/content`;

export function toView(r: CaseFileRow): CaseFileView {
  return {
    id: r.id, caseId: r.case_id, kind: r.kind, name: r.file_name, contentType: r.content_type, typeLabel: typeLabel(r.content_type),
    size: r.size_bytes, sha256: r.sha256, uploadedAt: r.uploaded_at.toISOString(), uploadedBy: r.uploaded_by_name,
    description: r.description, preview: previewKind(r.content_type), contentUrl: contentUrl(r.id),
  };
}

/** Stores a file in the case's personakt with its SHA-256; returns the new file as listed. */
export async function insertCaseFile(tx: TenantTx, f: NewCaseFile): Promise<CaseFileView> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(f.content).digest('hex');
  await tx.query(
    `INSERT INTO case_files (municipality_id, id, case_id, kind, file_name, content_type, size_bytes, sha256, content, description, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [tx.municipalityId, id, f.caseId, f.kind, f.fileName, f.contentType, f.content.length, sha256, f.content, f.description, f.uploadedBy]);
  const row = await tx.one<CaseFileRow>(
    `SELECT ${CASE_FILE_COLS} FROM case_files f ${CASE_FILE_JOIN} WHERE f.municipality_id = $1 AND f.id = $2`, [tx.municipalityId, id]);
  if (!row) throw new Error('the stored file vanished inside the transaction');
  return toView(row);
}
