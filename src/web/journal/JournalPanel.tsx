// The case's journal: "Ny journalanteckning" is always one click (or Alt+J) away on the case page,
// my drafts come first ("Fortsätt skriva"), then the signed entries with their corrections. Text
// left on this computer (closed tab, crash, logged out) is restored and saved when the panel mounts.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseJournal, JournalDraft, SignedJournalEntry } from '../../shared/journal-api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { ErrorPanel, Loading } from '../ui/Status';
import { DraftSession, fieldsOf, type SessionContext } from './DraftSession';
import { JournalEditor } from './JournalEditor';
import {
  type LocalDraft, clearOpenMarker, listLocal, readLocal, readOpenMarker, removeLocal, sameFields, setOpenMarker,
} from './localDrafts';
import { useJournalMessages } from './messages';
import { journalKeys, useCaseJournal } from './queries';
import './journal.css';

interface OpenEditor {
  session: DraftSession;
  correcting: SignedJournalEntry | null;
  focus: 'title' | 'body';
}

export function JournalPanel({ caseId, caseNumber }: { caseId: string; caseNumber: string }) {
  const t = useJournalMessages();
  const { lang } = useI18n();
  const queryClient = useQueryClient();
  const query = useCaseJournal(caseId);
  const journal = query.data;
  const viewerId = journal?.viewerId;
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [localTick, setLocalTick] = useState(0);
  const newButton = useRef<HTMLButtonElement>(null);
  const restoredFor = useRef<string | null>(null);

  const ctx = useMemo<SessionContext | null>(() => (viewerId ? {
    caseId, userId: viewerId, queryClient,
    onListChanged: () => {
      setLocalTick((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: journalKeys.caseJournal(caseId) });
      void queryClient.invalidateQueries({ queryKey: journalKeys.myDrafts });
    },
  } : null), [caseId, viewerId, queryClient]);

  const correctingOf = useCallback((correctsId: string | null) =>
    (correctsId ? journal?.entries.find((e) => e.id === correctsId) ?? null : null), [journal]);

  // Text left on this computer: drop copies the server already holds; open the newest other one and save it.
  useEffect(() => {
    if (!ctx || !journal || restoredFor.current === `${ctx.userId}:${caseId}`) return;
    restoredFor.current = `${ctx.userId}:${caseId}`;
    let target: OpenEditor | null = null;
    for (const local of listLocal(ctx.userId, caseId)) {
      const session = DraftSession.fromLocal(ctx, local, journal);
      if (!session) removeLocal(ctx.userId, caseId, local.id);
      else if (!target) target = { session, correcting: correctingOf(local.correctsId), focus: 'body' };
    }
    // The tab was closed with the editor open and everything reached the server: open it again.
    const marked = readOpenMarker(ctx.userId, caseId);
    const draft = marked ? journal.drafts.find((d) => d.id === marked) : undefined;
    if (!target && draft) {
      target = { session: DraftSession.fromServer(ctx, draft, null, journal), correcting: correctingOf(draft.correctsId), focus: 'body' };
    } else if (marked && !draft) {
      clearOpenMarker(ctx.userId, caseId);
    }
    if (target) {
      target.session.resume();
      setEditor(target);
    }
  }, [ctx, journal, caseId, correctingOf]);

  // Remember which draft is open (ids only), until the user closes, signs or deletes it.
  const openDraftId = editor?.session.getState().id;
  useEffect(() => {
    if (ctx && openDraftId) setOpenMarker(ctx.userId, caseId, openDraftId);
  }, [ctx, caseId, openDraftId]);

  const closeEditor = useCallback((message = '') => {
    if (ctx) clearOpenMarker(ctx.userId, caseId);
    setEditor(null);
    setAnnouncement(message);
    setLocalTick((n) => n + 1);
    requestAnimationFrame(() => newButton.current?.focus());
  }, [ctx, caseId]);

  // The editor being replaced saves in the background (the effect below closes it).
  const open = useCallback((next: OpenEditor) => setEditor(next), []);

  const openNew = useCallback(() => {
    if (!ctx) return;
    if (editor && editor.session.getState().status === 'new' && !editor.correcting) {
      document.querySelector<HTMLInputElement>('.jr-dock input[type="text"]')?.focus();
      return;
    }
    open({ session: DraftSession.fresh(ctx), correcting: null, focus: 'title' });
  }, [ctx, editor, open]);

  const openCorrection = (entry: SignedJournalEntry) => {
    if (!ctx) return;
    open({ session: DraftSession.fresh(ctx, { kind: entry.kind, title: t.correctionTitle(entry.title) }, entry.id), correcting: entry, focus: 'body' });
  };

  const openDraft = (draft: JournalDraft) => {
    if (!ctx || !journal) return;
    const session = DraftSession.fromServer(ctx, draft, readLocal(ctx.userId, caseId, draft.id), journal);
    session.resume();
    open({ session, correcting: correctingOf(draft.correctsId), focus: 'body' });
  };

  const openLocal = (local: LocalDraft) => {
    if (!ctx || !journal) return;
    const session = DraftSession.fromLocal(ctx, local, journal);
    if (!session) {
      removeLocal(ctx.userId, caseId, local.id);
      setLocalTick((n) => n + 1);
      return;
    }
    session.resume();
    open({ session, correcting: correctingOf(local.correctsId), focus: 'body' });
  };

  // One click from anywhere on the case page: Alt+J (by key position, so it works on every layout).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyJ') {
        e.preventDefault();
        openNew();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openNew]);

  // Closing or hiding the tab flushes pending text with keepalive; coming back retries.
  useEffect(() => {
    const session = editor?.session;
    if (!session) return;
    const onHide = () => session.flushOnHide();
    const onVisibility = () => (document.visibilityState === 'hidden' ? session.flushOnHide() : session.wake());
    const onOnline = () => session.wake();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
    };
  }, [editor]);

  // An editor that closes, is replaced, or leaves with the case page: save it in the background.
  const openSession = editor?.session;
  useEffect(() => () => openSession?.close(), [openSession]);

  const openId = openDraftId;
  const { drafts, localOnly, unsavedIds } = useMemo(() => {
    void localTick; // re-read this computer's copies after changes
    return splitDrafts(journal, viewerId, caseId, openId);
  }, [journal, viewerId, caseId, openId, localTick]);

  const headingId = `journal-h-${caseId}`;
  return (
    <section className="jr-panel section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.journalHeading}</h2>
      <p className="hint">{t.journalLead}</p>
      <p className="visually-hidden" role="status">{announcement}</p>

      {journal && !editor && (
        <button
          ref={newButton} type="button" className="button jr-fab" onClick={openNew}
          aria-keyshortcuts="Alt+J" title={t.newEntryTitle}
        >
          <Icon name="pen" />{t.newEntry}<span className="jr-kbd" aria-hidden="true">{t.newEntryShortcut}</span>
        </button>
      )}

      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}

      {journal && (drafts.length > 0 || localOnly.length > 0) && (
        <div className="jr-drafts">
          <h3>{t.myDrafts}</h3>
          <p className="hint">{t.myDraftsHint}</p>
          <ul className="jr-draft-list">
            {localOnly.map((d) => (
              <li key={d.id} className="jr-draft">
                <div>
                  <p className="jr-draft-title">{d.fields.title.trim() || t.untitled}</p>
                  <p className="jr-meta">
                    <span className="badge badge--unsigned"><Icon name="alert" size={14} />{t.localOnly}</span>{' '}
                    {t.kinds[d.fields.kind]}
                  </p>
                </div>
                <button type="button" className="button button--secondary button--small" onClick={() => openLocal(d)}
                  aria-label={t.continueWritingLabel(d.fields.title.trim() || t.untitled)}>
                  {t.continueWriting}
                </button>
              </li>
            ))}
            {drafts.map((d) => (
              <li key={d.id} className="jr-draft">
                <div>
                  <p className="jr-draft-title">{d.title.trim() || t.untitled}</p>
                  <p className="jr-meta">
                    {t.kinds[d.kind]} · <time dateTime={d.occurredOn}>{formatDate(d.occurredOn, lang)}</time> · {t.updated(formatDateTime(d.updatedAt, lang))}
                    {unsavedIds.has(d.id) && <> · <span className="badge badge--unsigned">{t.localOnly}</span></>}
                  </p>
                  {d.correctsId && (
                    <p className="jr-meta">{t.correcting(formatDate(correctingOf(d.correctsId)?.occurredOn ?? '', lang))}</p>
                  )}
                </div>
                <button type="button" className="button button--secondary button--small" onClick={() => openDraft(d)}
                  aria-label={t.continueWritingLabel(d.title.trim() || t.untitled)}>
                  {t.continueWriting}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {journal && (
        <div className="jr-entries">
          <h3>{t.signedEntries}</h3>
          {journal.entries.length === 0 ? <p className="muted">{t.noEntries}</p> : (
            <ol className="journal">
              {journal.entries.map((e) => <SignedEntry key={e.id} entry={e} all={journal.entries} onCorrect={openCorrection} />)}
            </ol>
          )}
        </div>
      )}

      {editor && (
        <JournalEditor
          key={editor.session.getState().id}
          session={editor.session}
          caseNumber={caseNumber}
          correcting={editor.correcting}
          focus={editor.focus}
          onClose={() => closeEditor()}
          onFinished={(what) => closeEditor(what === 'signed' ? t.signed : t.deleted)}
        />
      )}
    </section>
  );
}

function SignedEntry({ entry, all, onCorrect }: { entry: SignedJournalEntry; all: SignedJournalEntry[]; onCorrect: (e: SignedJournalEntry) => void }) {
  const t = useJournalMessages();
  const { lang } = useI18n();
  const corrects = entry.correctsId ? all.find((x) => x.id === entry.correctsId) : undefined;
  const correctedBy = entry.correctedBy.map((id) => all.find((x) => x.id === id)).filter((x): x is SignedJournalEntry => Boolean(x));
  const hId = `journal-entry-${entry.id}`;
  return (
    <li className={correctedBy.length ? 'journal-entry jr-entry jr-entry--corrected' : 'journal-entry jr-entry'} id={`entry-${entry.id}`}>
      <article aria-labelledby={hId}>
        <header className="journal-head">
          <h4 id={hId} tabIndex={-1}>{entry.title}</h4>
          <span className="jr-badges">
            {corrects && <span className="badge">{t.correctionBadge}</span>}
            {correctedBy.length > 0 && <span className="badge badge--unsigned">{t.correctedBadge}</span>}
            <span className="badge badge--signed"><Icon name="check" size={14} />{t.kinds[entry.kind]}</span>
          </span>
        </header>
        <p className="journal-meta muted">
          <time dateTime={entry.occurredOn}>{formatDate(entry.occurredOn, lang)}</time>
          {' · '}{t.writtenBy(entry.author.name)}
          {' · '}{t.signedByAt(entry.signedBy.name, formatDateTime(entry.signedAt, lang))}
        </p>
        {entry.correctsId && (
          <p className="jr-link-note">
            <Icon name="arrow" size={16} />
            {corrects ? (
              <a href={`#entry-${corrects.id}`} onClick={(ev) => jumpTo(ev, corrects.id)}>{t.correcting(formatDate(corrects.occurredOn, lang))}</a>
            ) : t.correcting('')}
          </p>
        )}
        <p className="journal-body">{entry.body}</p>
        {correctedBy.length > 0 && (
          <div className="jr-corrected-by">
            {correctedBy.map((c) => (
              <p key={c.id}>
                <Icon name="alert" size={16} />
                {t.correctedBy}{' '}
                <a href={`#entry-${c.id}`} onClick={(ev) => jumpTo(ev, c.id)}>{c.title}</a>{' '}
                {t.correctedByFrom(formatDate(c.occurredOn, lang))}
              </p>
            ))}
          </div>
        )}
        <div className="jr-entry-actions">
          <button type="button" className="button button--secondary button--small" onClick={() => onCorrect(entry)} aria-label={t.correctLabel(entry.title)}>
            <Icon name="pen" size={16} />{t.correct}
          </button>
        </div>
      </article>
    </li>
  );
}

/** In-page links to another entry: scroll and move focus to its heading (hash routing is the router's). */
function jumpTo(ev: MouseEvent, id: string) {
  ev.preventDefault();
  const target = document.getElementById(`journal-entry-${id}`);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/** My server drafts (except the open one), and copies on this computer that the server lacks or holds older. */
function splitDrafts(journal: CaseJournal | undefined, viewerId: string | undefined, caseId: string, openId: string | undefined) {
  if (!journal || !viewerId) return { drafts: [], localOnly: [], unsavedIds: new Set<string>() };
  const locals = listLocal(viewerId, caseId).filter((l) => l.id !== openId);
  const serverIds = new Set(journal.drafts.map((d) => d.id));
  const signedIds = new Set(journal.entries.map((e) => e.id));
  const unsavedIds = new Set(locals.filter((l) => {
    const d = journal.drafts.find((x) => x.id === l.id);
    return d && !sameFields(l.fields, fieldsOf(d));
  }).map((l) => l.id));
  return {
    drafts: journal.drafts.filter((d) => d.id !== openId),
    localOnly: locals.filter((l) => !serverIds.has(l.id) && !signedIds.has(l.id)),
    unsavedIds,
  };
}
