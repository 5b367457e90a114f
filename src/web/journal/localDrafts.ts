// A copy in localStorage of every keystroke in a journal draft, so a closed tab, a crash or a
// session timeout loses nothing. A copy lives only while the text is not yet saved in Lots: it is
// removed as soon as the server holds the same text (personal data should not linger in a browser).
// Keys are per user, case and draft, so another user of the same computer is never offered it.
import type { JournalKind } from '../../shared/journal-api';
import { newUuid } from '../api/ids';

export interface DraftFields {
  kind: JournalKind;
  title: string;
  body: string;
  occurredOn: string;
}

export interface LocalDraft {
  v: 1;
  id: string;
  caseId: string;
  userId: string;
  correctsId: string | null;
  fields: DraftFields;
  /** The server version the text was based on; null when the draft never reached the server. */
  baseVersion: number | null;
  /**
   * A save was under way from this version (0: the create) when the copy was last written: if the
   * server is one version further, it got that save, and this copy is still the newer text.
   */
  sentVersion?: number | null;
  /** When the text was last changed here (ms since epoch). */
  editedAt: number;
}

const PREFIX = 'lots.journal.v1';
const keyOf = (userId: string, caseId: string, id: string) => `${PREFIX}:${userId}:${caseId}:${id}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): the server copy is all there is
  }
}

export function writeLocal(draft: LocalDraft): void {
  try {
    storage()?.setItem(keyOf(draft.userId, draft.caseId, draft.id), JSON.stringify(draft));
  } catch {
    // quota exceeded: the autosave to the server still runs
  }
}

/**
 * Which draft the editor showed, so a tab closed with the editor open reopens it (ids only, no
 * text). Cleared when the user closes the editor, signs or deletes.
 */
const markerKey = (userId: string, caseId: string) => `${PREFIX}.open:${userId}:${caseId}`;
export function setOpenMarker(userId: string, caseId: string, id: string): void {
  try {
    storage()?.setItem(markerKey(userId, caseId), id);
  } catch {
    // ignore
  }
}
export function clearOpenMarker(userId: string, caseId: string): void {
  storage()?.removeItem(markerKey(userId, caseId));
}
export function readOpenMarker(userId: string, caseId: string): string | null {
  return storage()?.getItem(markerKey(userId, caseId)) ?? null;
}

export function removeLocal(userId: string, caseId: string, id: string): void {
  storage()?.removeItem(keyOf(userId, caseId, id));
}

export function readLocal(userId: string, caseId: string, id: string): LocalDraft | null {
  return parse(storage()?.getItem(keyOf(userId, caseId, id)) ?? null);
}

/** The user's unsaved copies in one case, newest first. */
export function listLocal(userId: string, caseId: string): LocalDraft[] {
  const s = storage();
  if (!s) return [];
  const prefix = `${PREFIX}:${userId}:${caseId}:`;
  const found: LocalDraft[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(prefix)) {
      const d = parse(s.getItem(key));
      if (d) found.push(d);
    }
  }
  return found.sort((a, b) => b.editedAt - a.editedAt);
}

function parse(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as LocalDraft;
    return d && d.v === 1 && typeof d.id === 'string' && d.fields && typeof d.fields.body === 'string' ? d : null;
  } catch {
    return null;
  }
}

export const sameFields = (a: DraftFields | null | undefined, b: DraftFields | null | undefined): boolean =>
  Boolean(a && b) && a!.kind === b!.kind && a!.title === b!.title && a!.body === b!.body && a!.occurredOn === b!.occurredOn;

/** Today in Swedish time, as the date input wants it (ÅÅÅÅ-MM-DD). */
export function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export const newDraftId = newUuid;
