// The autosave engine of one journal draft, outside React (the editor subscribes to it).
// - The draft is created on the first keystroke (with a client-chosen id, so a repeated create
//   never makes two), then saved ~800 ms after the last keystroke; one request at a time.
// - Every keystroke is mirrored into localStorage; the copy is removed once the server holds it.
// - A stale version (409) keeps both texts and lets the user choose; a 401 keeps the text and
//   asks the user to log in again; without a network it retries with backoff.
// - When the tab is hidden or closed, pending text is flushed with fetch keepalive.
import type { QueryClient } from '@tanstack/react-query';
import type {
  CaseJournal, JournalCurrent, JournalDraft, NewJournalEntryResult, SaveResult, SignResult,
} from '../../shared/journal-api';
import { JournalRequestError, csrfFrom, journalRequest, renewSession } from './api';
import { type DraftFields, type LocalDraft, isIsoDate, newDraftId, removeLocal, sameFields, todayIso, writeLocal } from './localDrafts';

export const AUTOSAVE_DEBOUNCE_MS = 800;
const RETRY_MAX_MS = 30_000;

export type SaveStatus =
  | 'new'              // nothing typed yet: no draft on the server
  | 'saving'           // a change waits for the debounce or is being sent
  | 'saved'
  | 'offline'          // no connection: retried automatically
  | 'unauthenticated'  // session ended: the text waits locally for a new login
  | 'conflict'         // saved elsewhere meanwhile: the user chooses
  | 'signed-elsewhere' // signed elsewhere meanwhile: the text can become a correction
  | 'error';

export interface DraftState {
  id: string;
  correctsId: string | null;
  fields: DraftFields;
  version: number | null;
  status: SaveStatus;
  savedAt: string | null;
  conflict: JournalCurrent | null;
  error: string | null;
  /** The text came back from this computer's copy. */
  restored: boolean;
  /** Signed or deleted: the session is over. */
  finished: boolean;
}

export interface SessionContext {
  caseId: string;
  userId: string;
  queryClient: QueryClient;
  /** Called when the journal list should be read again (created, signed, deleted, closed). */
  onListChanged: () => void;
}

interface Init {
  id: string;
  correctsId: string | null;
  fields: DraftFields;
  version: number | null;
  savedFields: DraftFields | null;
  savedAt?: string | null;
  status?: SaveStatus;
  conflict?: JournalCurrent | null;
  restored?: boolean;
}

const BLOCKED: SaveStatus[] = ['conflict', 'signed-elsewhere', 'unauthenticated'];

export class DraftSession {
  private state: DraftState;
  private readonly listeners = new Set<() => void>();
  private savedFields: DraftFields | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private retryDelay = 2000;
  private editedAt = Date.now();
  private readonly ctx: SessionContext;

  constructor(ctx: SessionContext, init: Init) {
    this.ctx = ctx;
    this.savedFields = init.savedFields;
    this.state = {
      id: init.id, correctsId: init.correctsId, fields: init.fields, version: init.version,
      status: init.status ?? (init.version === null ? 'new' : 'saved'), savedAt: init.savedAt ?? null,
      conflict: init.conflict ?? null, error: null, restored: Boolean(init.restored), finished: false,
    };
  }

  /** A new, empty entry (or a correction of a signed one). Nothing is stored until the first keystroke. */
  static fresh(ctx: SessionContext, fields: Partial<DraftFields> = {}, correctsId: string | null = null): DraftSession {
    return new DraftSession(ctx, {
      id: newDraftId(), correctsId, version: null, savedFields: null,
      fields: { kind: 'anteckning', title: '', body: '', occurredOn: todayIso(), ...fields },
    });
  }

  /** Continues a draft from the server, preferring this computer's unsaved copy of it. */
  static fromServer(ctx: SessionContext, draft: JournalDraft, local: LocalDraft | null, journal: CaseJournal): DraftSession {
    if (local && !sameFields(local.fields, fieldsOf(draft))) {
      const restored = DraftSession.fromLocal(ctx, local, journal);
      if (restored) return restored;
    }
    return new DraftSession(ctx, {
      id: draft.id, correctsId: draft.correctsId, fields: fieldsOf(draft), version: draft.version,
      savedFields: fieldsOf(draft), savedAt: draft.updatedAt,
    });
  }

  /**
   * A copy left on this computer (closed tab, crash, logged out). Returns null when the server
   * already holds exactly that text (the copy can go). The caller starts it with `resume()`.
   */
  static fromLocal(ctx: SessionContext, local: LocalDraft, journal: CaseJournal): DraftSession | null {
    const draft = journal.drafts.find((d) => d.id === local.id);
    const signed = journal.entries.find((e) => e.id === local.id);
    const base = { id: local.id, correctsId: local.correctsId, fields: local.fields, restored: true };
    if (draft) {
      if (sameFields(local.fields, fieldsOf(draft))) return null;
      const localIsNewer = local.baseVersion === draft.version
        || (local.sentVersion !== undefined && local.sentVersion !== null && draft.version === local.sentVersion + 1)
        || local.editedAt > Date.parse(draft.updatedAt);
      return new DraftSession(ctx, {
        ...base, version: draft.version, savedFields: fieldsOf(draft), savedAt: draft.updatedAt,
        ...(localIsNewer ? { status: 'saving' as const } : {
          status: 'conflict' as const,
          conflict: { ...fieldsOf(draft), id: draft.id, version: draft.version, updatedAt: draft.updatedAt, signedAt: null },
        }),
      });
    }
    if (signed) {
      const same = signed.body === local.fields.body && (signed.title === local.fields.title || local.fields.title.trim() === '');
      if (same) return null;
      return new DraftSession(ctx, {
        ...base, version: null, savedFields: null, status: 'signed-elsewhere',
        conflict: {
          id: signed.id, kind: signed.kind, title: signed.title, body: signed.body, occurredOn: signed.occurredOn,
          version: 0, updatedAt: signed.signedAt, signedAt: signed.signedAt,
        },
      });
    }
    // Never reached the server (or was deleted in another window): create it again.
    return new DraftSession(ctx, { ...base, version: null, savedFields: null, status: 'saving' });
  }

  // ---- subscription (useSyncExternalStore) ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  getState = (): DraftState => this.state;

  private set(patch: Partial<DraftState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ---- editing ----
  update(patch: Partial<DraftFields>): void {
    if (this.state.finished) return;
    this.editedAt = Date.now();
    this.set({ fields: { ...this.state.fields, ...patch } });
    this.mirror();
    if (BLOCKED.includes(this.state.status)) return; // kept locally until the user decides or logs in
    if (this.state.version === null && !this.inFlight) {
      void this.save(); // the first keystroke creates the draft
      return;
    }
    this.set({ status: 'saving', error: null });
    this.schedule(AUTOSAVE_DEBOUNCE_MS);
  }

  /** Starts saving a restored copy. */
  resume(): void {
    if (this.state.status === 'saving') void this.save();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.save(); }, ms);
  }

  /** What the server is sent: a date being typed (empty, half) keeps the last saved date. */
  private serverFields(): DraftFields {
    const f = this.state.fields;
    return isIsoDate(f.occurredOn) ? { ...f } : { ...f, occurredOn: this.savedFields?.occurredOn ?? todayIso() };
  }

  private get dirty(): boolean {
    return this.state.version === null || !sameFields(this.serverFields(), this.savedFields);
  }

  private mirror(sentVersion?: number | null): void {
    const s = this.state;
    writeLocal({
      v: 1, id: s.id, caseId: this.ctx.caseId, userId: this.ctx.userId, correctsId: s.correctsId, fields: s.fields,
      baseVersion: s.version, editedAt: this.editedAt, ...(sentVersion !== undefined ? { sentVersion } : {}),
    });
  }

  private forget(): void {
    removeLocal(this.ctx.userId, this.ctx.caseId, this.state.id);
  }

  /** Saves now (cancelling the debounce). With keepalive, the request outlives a closing tab. */
  save(keepalive = false): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.inFlight) { this.again = true; return this.inFlight; }
    if (this.state.finished || BLOCKED.includes(this.state.status)) return Promise.resolve();
    if (!this.dirty) {
      this.forget();
      if (this.state.version !== null) this.set({ status: 'saved' });
      return Promise.resolve();
    }
    const sent = this.serverFields();
    const { id, version, correctsId } = this.state;
    const csrf = csrfFrom(this.ctx.queryClient);
    this.set({ status: 'saving', error: null });
    this.mirror(version ?? 0);
    this.inFlight = (async () => {
      try {
        if (version === null) {
          const r = await journalRequest<NewJournalEntryResult>('POST', `/api/staff/cases/${encodeURIComponent(this.ctx.caseId)}/journal`,
            csrf, { id, ...sent, correctsId }, { keepalive });
          if (r.created) {
            this.savedFields = sent;
          } else {
            this.savedFields = null; // it existed (a repeated create): our newer text follows as an update
            this.again = true;
          }
          this.set({ version: r.version, savedAt: r.updatedAt });
          if (r.created) this.ctx.onListChanged();
        } else {
          const r = await journalRequest<SaveResult>('PUT', `/api/staff/journal/${encodeURIComponent(id)}`, csrf, { ...sent, version }, { keepalive });
          this.savedFields = sent;
          this.set({ version: r.version, savedAt: r.updatedAt });
        }
        this.retryDelay = 2000;
        if (this.dirty) {
          this.set({ status: 'saving' });
          this.mirror();
        } else {
          this.forget();
          this.set({ status: 'saved' });
        }
      } catch (err) {
        this.fail(err, version);
      } finally {
        this.inFlight = null;
        if (this.again) {
          this.again = false;
          if (!BLOCKED.includes(this.state.status) && this.state.status !== 'error' && this.state.status !== 'offline') this.schedule(0);
        }
      }
    })();
    return this.inFlight;
  }

  private fail(err: unknown, triedVersion: number | null): void {
    this.mirror(); // whatever happened, the text stays on this computer
    const e = err instanceof JournalRequestError ? err : new JournalRequestError(0, null);
    if (e.status === 0 || e.status >= 500) {
      this.set({ status: e.status === 0 ? 'offline' : 'error', error: e.status === 0 ? null : (e.detail ?? null) });
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      this.schedule(this.retryDelay);
    } else if (e.status === 401) {
      this.set({ status: 'unauthenticated' });
    } else if (e.status === 409 && e.slug === 'journal-version-conflict' && e.current) {
      this.set({ status: 'conflict', conflict: e.current });
    } else if (e.status === 409 && e.slug === 'journal-signed' && e.current) {
      this.set({ status: 'signed-elsewhere', conflict: e.current });
    } else if (e.status === 404 && triedVersion !== null) {
      // deleted in another window: create it again with this text
      this.savedFields = null;
      this.set({ version: null, status: 'saving' });
      this.again = true;
    } else if (e.status === 403 && e.slug === 'csrf') {
      // logged in again elsewhere: a new session has a new token
      void renewSession(this.ctx.queryClient).then((ok) => {
        if (ok) { this.set({ status: 'saving' }); this.schedule(0); } else this.set({ status: 'unauthenticated' });
      });
    } else {
      this.set({ status: 'error', error: e.detail ?? e.message });
    }
  }

  /** "Spara nu": after logging in again, or after an error. */
  async retry(): Promise<void> {
    if (this.state.status === 'unauthenticated' && !(await renewSession(this.ctx.queryClient))) {
      this.set({ status: 'unauthenticated' });
      return;
    }
    this.set({ status: 'saving', error: null });
    await this.save();
  }

  /** Retry quietly when the tab comes back or the network returns. */
  wake(): void {
    const s = this.state.status;
    if (s === 'offline' || s === 'error') this.schedule(0);
    if (s === 'unauthenticated') {
      void renewSession(this.ctx.queryClient).then((ok) => {
        if (ok && this.state.status === 'unauthenticated') { this.set({ status: 'saving' }); this.schedule(0); }
      });
    }
  }

  /** The tab is being hidden or closed: send what is pending, with keepalive. */
  flushOnHide(): void {
    if (this.state.finished || BLOCKED.includes(this.state.status) || this.inFlight) return;
    if (this.timer || this.dirty) void this.save(true);
  }

  // ---- conflicts ----
  keepMine(): void {
    const c = this.state.conflict;
    if (!c) return;
    this.savedFields = fieldsOf(c);
    this.set({ version: c.version, conflict: null, status: 'saving' });
    void this.save();
  }

  useServer(): void {
    const c = this.state.conflict;
    if (!c) return;
    this.savedFields = fieldsOf(c);
    this.forget();
    this.set({ fields: fieldsOf(c), version: c.version, conflict: null, status: 'saved', savedAt: c.updatedAt });
  }

  /** The draft was signed elsewhere: keep my text as a new entry that corrects the signed one. */
  saveAsCorrection(): void {
    const c = this.state.conflict;
    if (!c) return;
    this.forget();
    this.savedFields = null;
    this.set({ id: newDraftId(), correctsId: c.id, version: null, conflict: null, status: 'saving' });
    this.mirror();
    void this.save();
  }

  // ---- finishing ----
  /** Saves what is pending, then signs exactly that version. Returns an error text, or null. */
  async sign(): Promise<string | null> {
    for (let i = 0; i < 5 && (this.dirty || this.inFlight); i++) {
      if (BLOCKED.includes(this.state.status) || this.state.status === 'error' || this.state.status === 'offline') break;
      await this.save();
    }
    if (this.dirty || this.state.version === null) return this.state.error ?? '';
    try {
      await journalRequest<SignResult>('POST', `/api/staff/journal/${encodeURIComponent(this.state.id)}/sign`,
        csrfFrom(this.ctx.queryClient), { version: this.state.version });
    } catch (err) {
      const e = err instanceof JournalRequestError ? err : new JournalRequestError(0, null);
      if (e.status === 400) return e.detail ?? e.message;
      this.fail(e, this.state.version);
      return '';
    }
    this.forget();
    this.set({ finished: true, status: 'saved' });
    this.ctx.onListChanged();
    return null;
  }

  async discard(): Promise<boolean> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.state.version !== null) {
      try {
        await journalRequest<void>('DELETE', `/api/staff/journal/${encodeURIComponent(this.state.id)}`, csrfFrom(this.ctx.queryClient));
      } catch (err) {
        if (!(err instanceof JournalRequestError && err.status === 404)) {
          this.fail(err, this.state.version);
          return false;
        }
      }
    }
    this.forget();
    this.set({ finished: true });
    this.ctx.onListChanged();
    return true;
  }

  /** The editor closes: save what is pending (in the background), then refresh the list. */
  close(): void {
    if (this.state.finished) return;
    if (this.state.version === null && this.state.status === 'new') {
      this.forget(); // nothing was typed
      return;
    }
    void this.save().finally(() => this.ctx.onListChanged());
  }
}

export function fieldsOf(x: { kind: DraftFields['kind']; title: string; body: string; occurredOn: string }): DraftFields {
  return { kind: x.kind, title: x.title, body: x.body, occurredOn: x.occurredOn };
}
