// The machinery of the citizen's step-by-step e-service forms ("Ansök om bistånd",
// AnsokanBistandPage, and "Ansök om försörjningsstöd", AnsokanForsorjningsstodPage): the server
// draft saved as the citizen types, the step list, the step heading, the error summary and the
// "Sparat hh:mm" line. Written once so both forms save, recover from a conflict and announce errors
// the same way (WCAG 2.1 AA: the summary takes focus and links to the fields, focus moves to each
// step's heading), and the receipt shown after sending; what differs between the forms (where to reload a draft from, the steps, how
// an error finds its field) comes in as parameters.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Receipt } from '../../shared/e-services-api';
import { ApiError, api, request } from '../api/client';
import { formatDateTime } from '../format';
import { useI18n, type Lang } from '../i18n';
import { Page } from '../ui/Page';
import { useDraftFormMessages } from './messages';
import { newUuid } from '../api/ids';

/** How long typing may pause before the draft is saved. */
const SAVE_DELAY_MS = 800;

/** The idempotency key of a form, made when it opens. */
export const newKey = newUuid;

export function timeOf(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

/** What every draft holds besides the answers: the idempotency key of the sending, the step the citizen is on. */
export interface DraftContent { _key?: string; _step?: number }
export type SaveState = 'idle' | 'saving' | 'failed' | 'conflict';
interface StoredDraft { id: string; version: number; content: unknown; updatedAt: string }

/**
 * The form's answers, kept in a server draft (PUT /api/citizen/drafts/:id with the version it was
 * read at). `update(patch)` saves after a pause in typing, `update(patch, true)` at once (choices,
 * moving between steps); leaving the page saves what is unsaved. When the draft was saved from
 * another window (409 draft-changed) the form shows what the server holds, read again from
 * `reloadUrl`, and carries on from there.
 */
export function useDraftAutosave<C extends DraftContent>(draft: Pick<StoredDraft, 'id' | 'version' | 'content'>, { reloadUrl }: { reloadUrl: string }) {
  const [content, setContent] = useState<C>(() => ({ ...(draft.content as C), _key: (draft.content as C)._key ?? newKey() }));
  const [saved, setSaved] = useState<{ at: string } | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const version = useRef(draft.version);
  const latest = useRef(content);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return;
    dirty.current = false;
    setSaveState('saving');
    const run = (async () => {
      try {
        const res = await request<StoredDraft>('PUT', `/api/citizen/drafts/${draft.id}`, { version: version.current, content: latest.current });
        version.current = res.version;
        setSaved({ at: res.updatedAt });
        if (!dirty.current) setSaveState('idle');
      } catch (err) {
        if (err instanceof ApiError && err.status === 409 && err.is('draft-changed')) {
          // Saved from another window: show what the server holds and carry on from there.
          const fresh = await api.get<StoredDraft>(reloadUrl);
          version.current = fresh.version;
          latest.current = { ...(fresh.content as C), _key: (fresh.content as C)._key ?? latest.current._key };
          setContent(latest.current);
          setSaved({ at: fresh.updatedAt });
          setSaveState('conflict');
        } else {
          dirty.current = true;
          setSaveState('failed');
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [draft.id, reloadUrl]);

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  // Leaving the page with unsaved typing: save at once.
  useEffect(() => () => { if (dirty.current) void save(); }, [save]);

  const update = (patch: Partial<C>, immediately = false) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    dirty.current = true;
    setContent(next);
    // Until the save is done the status says "Sparar…", so "Sparat hh:mm" always means everything is saved.
    setSaveState('saving');
    if (timer.current) clearTimeout(timer.current);
    if (immediately) void save();
    else timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  /** Saves what is waiting now (before sending), instead of after the pause. */
  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    await save();
  };

  return { content, latest, version, saved, saveState, update, flush };
}

/** The "Sparar… / Sparat hh:mm" line, announced politely (role=status). */
export function SaveStatus({ state, saved }: { state: SaveState; saved: { at: string } | null }) {
  const m = useDraftFormMessages();
  const { lang } = useI18n();
  const text = state === 'saving' ? m.saving : state === 'failed' ? m.saveFailed : state === 'conflict' ? m.savedElsewhere
    : saved ? m.savedAt(timeOf(saved.at, lang)) : '';
  return <p className={`es-saved${state === 'failed' ? ' es-saved--failed' : ''}`} role="status">{text}</p>;
}

/** The list of steps, the current one marked (aria-current) and said in words, not by colour only. */
export function Progress({ steps, step }: { steps: readonly string[]; step: number }) {
  const m = useDraftFormMessages();
  return (
    <ol className="es-progress" aria-label={m.progressLabel}>
      {steps.map((label, i) => (
        <li key={label} className={i < step ? 'es-progress-done' : i === step ? 'es-progress-current' : undefined} aria-current={i === step ? 'step' : undefined}>
          <span className="es-progress-n" aria-hidden="true">{i + 1}</span>
          <span className="es-progress-label">{label}</span>
          {i < step && <span className="visually-hidden"> ({m.stepDone})</span>}
          {i === step && <span className="visually-hidden"> ({m.stepCurrent})</span>}
        </li>
      ))}
    </ol>
  );
}

/** "Steg n av N" and the step's heading, which takes focus when the citizen moves to another step. */
export function StepHeading({ steps, step }: { steps: readonly string[]; step: number }) {
  const m = useDraftFormMessages();
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Moving between steps puts focus on the new step's heading (not on the first load).
    if (first.current) { first.current = false; return; }
    ref.current?.focus();
  }, [step]);
  return (
    <>
      <p className="es-step-of">{m.stepOf(step + 1, steps.length)}</p>
      <h2 ref={ref} tabIndex={-1} className="es-step-heading">{steps[step]}</h2>
    </>
  );
}

/**
 * What to fix, with a link to each field; takes focus each time `focusKey` changes (after a failed
 * "Nästa" or "Skicka"), so a screen reader user hears it at once.
 */
export function ErrorSummary<K extends string>({ errors, focusKey, fieldIdOf, focusField, lang }: {
  errors: Partial<Record<K, string>>;
  focusKey: number;
  /** The id of the control an error is about (the link's target). */
  fieldIdOf: (key: K) => string;
  /** Where following the link puts focus, when that is not simply the element with `fieldIdOf(key)`. */
  focusField?: (key: K) => void;
  /** The language of the error texts, when they are not in the page's language (the server's are Swedish). */
  lang?: Lang;
}) {
  const m = useDraftFormMessages();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors) as Array<[K, string]>;
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  if (!entries.length) return null;
  const focus = focusField ?? ((k: K) => document.getElementById(fieldIdOf(k))?.focus());
  return (
    <div className="es-error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="es-error-summary-title">
      <h3 id="es-error-summary-title">{m.errorSummaryTitle}</h3>
      <p>{m.errorSummaryText}</p>
      <ul>
        {entries.map(([k, msg]) => (
          <li key={k}>
            <a href={`#${fieldIdOf(k)}`} lang={lang} onClick={(ev) => { ev.preventDefault(); focus(k); }}>{msg}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The words of a receipt page: each e-service says them its own way. */
export interface ReceiptTexts {
  title: string; lead: string; caseNumber: string; receiptNumber: string; receivedAt: string;
  nextHeading: string; nextSteps: string[]; questions?: string; casesLink: string;
}

/** The receipt after sending: case number, receipt number, when received, what happens next. */
export function ReceiptPage({ receipt, texts: t }: { receipt: Receipt; texts: ReceiptTexts }) {
  const { lang } = useI18n();
  return (
    <Page title={t.title} lead={<p>{t.lead}</p>} narrow>
      <div className="card es-receipt">
        <dl className="facts">
          <div><dt>{t.caseNumber}</dt><dd className="nowrap es-big">{receipt.caseNumber}</dd></div>
          <div><dt>{t.receiptNumber}</dt><dd className="nowrap">{receipt.receiptNumber}</dd></div>
          <div><dt>{t.receivedAt}</dt><dd>{formatDateTime(receipt.receivedAt, lang)}</dd></div>
        </dl>
      </div>
      <section className="section" aria-labelledby="es-next-heading">
        <h2 id="es-next-heading">{t.nextHeading}</h2>
        <ol className="es-next">{t.nextSteps.map((s) => <li key={s}>{s}</li>)}</ol>
        {t.questions && <p>{t.questions}</p>}
        <p><Link className="button" to="/medborgare">{t.casesLink}</Link></p>
      </section>
    </Page>
  );
}
