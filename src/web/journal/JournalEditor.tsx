// The journal editor: a docked, non-modal panel, so the case stays readable while writing. It
// shows the autosave state in a live region and never drops text: conflicts show both texts.
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { SignedJournalEntry } from '../../shared/journal-api';
import { JOURNAL_BODY_MAX, JOURNAL_TITLE_MAX } from './limits';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import type { DraftSession, DraftState } from './DraftSession';
import { isIsoDate, todayIso } from './localDrafts';
import { KIND_ORDER, useJournalMessages, type JournalMessages } from './messages';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

export interface EditorProps {
  session: DraftSession;
  caseNumber: string;
  /** The signed entry this draft corrects, if any. */
  correcting: SignedJournalEntry | null;
  focus: 'title' | 'body';
  onClose: () => void;
  onFinished: (what: 'signed' | 'deleted') => void;
}

export function JournalEditor({ session, caseNumber, correcting, focus, onClose, onFinished }: EditorProps) {
  const t = useJournalMessages();
  const { lang } = useI18n();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const id = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const [confirm, setConfirm] = useState<'sign' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    (focus === 'body' ? bodyRef : titleRef).current?.focus();
  }, [focus]);

  useEffect(() => {
    if (confirm) confirmRef.current?.focus();
  }, [confirm]);

  const heading = correcting ? t.editorCorrection : state.version === null ? t.editorNew : t.editorDraft;
  const blocked = state.status === 'conflict' || state.status === 'signed-elsewhere';

  const askSign = () => {
    setFormError(null);
    if (state.fields.body.trim() === '') {
      setFormError(t.bodyRequired);
      bodyRef.current?.focus();
      return;
    }
    if (!isIsoDate(state.fields.occurredOn)) {
      setFormError(t.dateRequired);
      return;
    }
    setConfirm('sign');
  };

  const doSign = async () => {
    setBusy(true);
    const error = await session.sign();
    setBusy(false);
    setConfirm(null);
    if (error === null) onFinished('signed');
    else if (error) setFormError(error);
  };

  const doDelete = async () => {
    setBusy(true);
    const ok = await session.discard();
    setBusy(false);
    setConfirm(null);
    if (ok) onFinished('deleted');
  };

  const errorId = `${id}-error`;
  return (
    <div
      className="jr-dock" role="dialog" aria-modal="false" aria-labelledby={`${id}-h`}
      onKeyDown={(e) => { if (e.key === 'Escape' && !confirm) { e.stopPropagation(); onClose(); } }}
    >
      <div className="jr-dock-head">
        <div>
          <h2 id={`${id}-h`}>{heading}</h2>
          <p className="jr-dock-sub">{t.editorFor(caseNumber)}</p>
        </div>
        <button type="button" className="button button--secondary button--small" onClick={onClose} aria-describedby={`${id}-close-hint`}>
          {t.close}
        </button>
        <span id={`${id}-close-hint`} className="visually-hidden">{t.closeHint}</span>
      </div>

      <div className="jr-dock-body">
        {state.restored && (
          <p className="notice notice--info jr-notice"><Icon name="info" />{t.restored}</p>
        )}
        {correcting && (
          <div className="jr-corrects">
            <p><strong>{t.correctsHeading(formatDate(correcting.occurredOn, lang))}</strong></p>
            <blockquote>
              <p className="jr-quote-title">{correcting.title}</p>
              <p className="pre-line">{correcting.body}</p>
            </blockquote>
            <p className="hint">{t.correctsNote}</p>
          </div>
        )}

        <form className="stack jr-form" onSubmit={(e) => { e.preventDefault(); void session.save(); }} noValidate>
          <div className="jr-row">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t.kind}</label>
              <select id={`${id}-kind`} value={state.fields.kind} onChange={(e) => session.update({ kind: e.target.value as DraftState['fields']['kind'] })}>
                {KIND_ORDER.map((k) => <option key={k} value={k}>{t.kinds[k]}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>{t.occurredOn}</label>
              <input
                id={`${id}-date`} type="date" className="jr-date" max={todayIso()} value={state.fields.occurredOn}
                onChange={(e) => session.update({ occurredOn: e.target.value })}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t.title}</label>
            <p id={`${id}-title-hint`} className="hint">{t.titleHint}</p>
            <input
              ref={titleRef} id={`${id}-title`} type="text" maxLength={JOURNAL_TITLE_MAX} autoComplete="off"
              aria-describedby={`${id}-title-hint`} value={state.fields.title}
              onChange={(e) => session.update({ title: e.target.value })}
            />
          </div>
          <div className={formError === t.bodyRequired ? 'field field--error' : 'field'}>
            <label htmlFor={`${id}-body`}>{t.body}</label>
            <p id={`${id}-body-hint`} className="hint">{t.bodyHint}</p>
            <textarea
              ref={bodyRef} id={`${id}-body`} rows={9} maxLength={JOURNAL_BODY_MAX} spellCheck
              aria-describedby={formError ? `${id}-body-hint ${errorId}` : `${id}-body-hint`}
              aria-invalid={formError === t.bodyRequired ? true : undefined}
              value={state.fields.body}
              onChange={(e) => session.update({ body: e.target.value })}
            />
          </div>
        </form>

        <SaveStatus state={state} t={t} onRetry={() => void session.retry()} />

        {state.status === 'conflict' && state.conflict && (
          <div className="jr-conflict" role="alert">
            <p><Icon name="alert" /> {t.statusConflict}</p>
            <details open>
              <summary>{t.serverText}</summary>
              <p className="jr-quote-title">{state.conflict.title}</p>
              <p className="pre-line">{state.conflict.body}</p>
            </details>
            <div className="button-row">
              <button type="button" className="button" onClick={() => session.keepMine()}>{t.keepMine}</button>
              <button type="button" className="button button--secondary" onClick={() => session.useServer()}>{t.useServer}</button>
            </div>
          </div>
        )}
        {state.status === 'signed-elsewhere' && state.conflict && (
          <div className="jr-conflict" role="alert">
            <p><Icon name="alert" /> {t.statusSignedElsewhere}</p>
            <div className="button-row">
              <button type="button" className="button" onClick={() => session.saveAsCorrection()}>{t.saveAsCorrection}</button>
            </div>
          </div>
        )}

        {formError && (
          <p id={errorId} className="field-error" role="alert"><Icon name="alert" size={16} />{formError}</p>
        )}

        {confirm ? (
          <div className="jr-confirm">
            <h3 ref={confirmRef} tabIndex={-1}>{confirm === 'sign' ? t.signConfirmHeading : t.deleteConfirmHeading}</h3>
            <p>{confirm === 'sign' ? t.signConfirmText : t.deleteConfirmText}</p>
            <div className="button-row">
              <button type="button" className="button" disabled={busy} onClick={() => void (confirm === 'sign' ? doSign() : doDelete())}>
                {busy && confirm === 'sign' ? t.signing : confirm === 'sign' ? t.signConfirm : t.deleteConfirm}
              </button>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirm(null)}>{t.cancel}</button>
            </div>
          </div>
        ) : (
          <div className="button-row jr-actions">
            <button type="button" className="button" onClick={askSign} disabled={blocked || state.status === 'new'}>
              <Icon name="check" />{t.sign}
            </button>
            {state.status !== 'new' && (
              <button type="button" className="button button--secondary" onClick={() => { setFormError(null); setConfirm('delete'); }}>
                {t.deleteDraft}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function SaveStatus({ state, t, onRetry }: { state: DraftState; t: JournalMessages; onRetry: () => void }) {
  const saved = state.savedAt ? t.statusSaved(timeFormat.format(new Date(state.savedAt))) : '';
  const text =
    state.status === 'new' ? t.statusNotStarted
    : state.status === 'saving' ? t.statusSaving
    : state.status === 'saved' ? saved
    : state.status === 'offline' ? t.statusOffline
    : state.status === 'error' ? `${t.statusError} ${state.error ?? ''}`.trim()
    : state.status === 'unauthenticated' ? t.statusUnauthenticated
    : saved;
  const problem = state.status === 'offline' || state.status === 'error' || state.status === 'unauthenticated';
  return (
    <div className={problem ? 'jr-status jr-status--problem' : 'jr-status'}>
      <p role="status" aria-live="polite" aria-atomic="true">
        {state.status === 'saved' && <Icon name="check" size={16} />}
        {problem && <Icon name="alert" size={16} />}
        {text}
      </p>
      {state.status === 'unauthenticated' && (
        <p>
          <a href="/auth/login?as=personal" target="_blank" rel="noopener">{t.loginAgain}</a>{' '}
          {t.loginThenSave}
        </p>
      )}
      {problem && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>{t.saveNow}</button>
      )}
    </div>
  );
}
