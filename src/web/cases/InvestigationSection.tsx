// The utredning: BBIC / IBIC / ekonomiskt bistånd / vuxen sections as labelled text fields with
// their hints, the person's (or child's) own view, LSS personkrets, and for children the
// extension of the four-month investigation time (20 kap. 3 § SoL).
//
// Autosave: every edit is saved (debounced) with the case version it was based on. If someone
// else changed the investigation in between, the server answers 409 and the handläggare sees
// both texts side by side and chooses; nothing typed is lost. A 409 caused only by another change
// to the case (a step, a draft) is retried with the new version without bothering anyone.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../shared/cases-api';
import { addMonths, addDays } from '../../domain/deadlines';
import { ApiError } from '../api/client';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { OverdueTag } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Section } from './FactsSections';
import { Disclosure, Field, ProblemAlert, Sv, fieldErrors, useStatusMessage } from './form';
import { useCaseMessages } from './messages';
import { caseApi, caseKeys, useCaseChange } from './queries';
import { clockTime, isChildCase } from './util';

type Investigation = NonNullable<CaseDetail['investigation']>;
interface Draft { content: Record<string, string>; ownView: string; personkrets: string }
interface Snapshot extends Draft { version: number }
type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const DEBOUNCE_MS = 1200;

function draftOf(inv: Investigation): Draft {
  return { content: { ...inv.content }, ownView: inv.ownView ?? '', personkrets: inv.personkrets ?? '' };
}

function sameDraft(a: Draft, b: Draft, keys: string[]): boolean {
  return a.ownView === b.ownView && a.personkrets === b.personkrets && keys.every((k) => (a.content[k] ?? '') === (b.content[k] ?? ''));
}

function Extension({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const change = useCaseChange(detail.id);
  const status = useStatusMessage();
  const deadline = detail.deadlines.find((d) => d.kind === 'barnutredning' && !d.completedOn);
  const [extendTo, setExtendTo] = useState(() => (deadline ? addMonths(deadline.dueOn, 2) : ''));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  if (!deadline || detail.status !== 'utredning') return status.node;
  const errors = fieldErrors(change.error);
  const tooShort = reason.trim().length < 10;
  const onSubmit = (e: FormEvent, close: () => void) => {
    e.preventDefault();
    setTried(true);
    if (tooShort || !extendTo) return;
    change.mutate(() => caseApi.extend(detail.id, extendTo, reason.trim()), {
      onSuccess: () => {
        close();
        status.show(m.extendedDone(formatDate(extendTo, lang)));
      },
    });
  };
  return (
    <div className="cs-subsection">
      <h3>{m.extension}</h3>
      {status.node}
      <Disclosure label={m.extendButton}>
        {(close) => (
          <form className="stack" onSubmit={(e) => onSubmit(e, close)} noValidate>
            <Field label={m.extendTo} hint={m.extendToHint(formatDate(deadline.dueOn, lang))} error={errors.extendTo}>
              {(p) => (
                <input {...p} type="date" min={addDays(deadline.dueOn, 1)} max={addMonths(deadline.dueOn, 4)} value={extendTo}
                  onChange={(e) => setExtendTo(e.target.value)} required />
              )}
            </Field>
            <Field label={m.extendReason} hint={m.extendReasonHint} error={errors.reason ?? (tried && tooShort ? m.extendReasonHint : undefined)}>
              {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={10} />}
            </Field>
            <div className="button-row">
              <button type="submit" className="button" disabled={change.isPending}>{m.extendSubmit}</button>
              <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
            </div>
            <ProblemAlert error={change.error} />
          </form>
        )}
      </Disclosure>
    </div>
  );
}

export function InvestigationSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const queryClient = useQueryClient();
  const inv = detail.investigation!;
  const child = isChildCase(detail);
  const lss = detail.caseType === 'lss_ansokan';
  const readOnly = detail.status === 'avslutad';
  const keys = inv.sections.map((s) => s.key);

  const [draft, setDraft] = useState<Draft>(() => draftOf(inv));
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<Snapshot | null>(null);

  // Logic lives in refs (read only in handlers and effects): what the server holds that my text is
  // based on, the latest text, and the timer.
  const base = useRef<Snapshot>({ ...draftOf(inv), version: detail.version });
  const latest = useRef<Draft>(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const dirty = useRef(false);

  const caseId = detail.id;

  const save = async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const sent = latest.current;
    inFlight.current = true;
    setState('saving');
    try {
      const res = await caseApi.saveInvestigation(caseId, {
        version: base.current.version,
        content: sent.content,
        ownView: sent.ownView,
        ...(lss ? { personkrets: (sent.personkrets || null) as '1' | '2' | '3' | 'ingen' | null } : {}),
      });
      base.current = { ...sent, version: res.version };
      queryClient.setQueryData<CaseDetail>(caseKeys.detail(caseId), (old) => old && old.investigation ? {
        ...old, version: res.version,
        investigation: { ...old.investigation, content: sent.content, ownView: sent.ownView, personkrets: lss ? sent.personkrets || null : old.investigation.personkrets },
      } : old);
      setSavedAt(clockTime(new Date()));
      setError(null);
      dirty.current = latest.current !== sent;
      setState(dirty.current ? 'dirty' : 'saved');
      if (dirty.current) again.current = true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.is('stale-version')) {
        const now = await caseApi.get(caseId).catch(() => null);
        if (now?.investigation) {
          queryClient.setQueryData(caseKeys.detail(caseId), now);
          const server = draftOf(now.investigation);
          if (sameDraft(server, base.current, keys)) {
            // Only something else in the case changed (a step, a draft): save again on the new version.
            base.current = { ...base.current, version: now.version };
            again.current = true;
          } else {
            setTheirs({ ...server, version: now.version });
            setState('conflict');
          }
        } else {
          setError(err);
          setState('error');
        }
      } else {
        setError(err);
        setState('error');
      }
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  };

  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  };

  const edit = (next: Draft) => {
    latest.current = next;
    dirty.current = true;
    setDraft(next);
    if (state !== 'conflict') {
      setState('dirty');
      schedule();
    }
  };

  const flush = () => {
    if (dirty.current && timer.current) void save();
  };

  // Leaving the page: save what is pending, and warn while a save has not gone through.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timer.current) {
        clearTimeout(timer.current);
        const sent = latest.current;
        void caseApi.saveInvestigation(caseId, {
          version: base.current.version, content: sent.content, ownView: sent.ownView,
          ...(lss ? { personkrets: (sent.personkrets || null) as '1' | '2' | '3' | 'ingen' | null } : {}),
        }).then(() => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) })).catch(() => {});
      }
    };
  }, [caseId, lss, queryClient]);

  const keepMine = () => {
    if (!theirs) return;
    base.current = { ...theirs };
    setTheirs(null);
    void save();
  };
  const useTheirsVersion = () => {
    if (!theirs) return;
    const { version, ...rest } = theirs;
    base.current = { ...rest, version };
    latest.current = rest;
    dirty.current = false;
    setDraft(rest);
    setTheirs(null);
    setState('saved');
  };

  const deadline = detail.deadlines.find((d) => (d.kind === 'barnutredning' || d.kind === 'utredning') && !d.completedOn);
  const labelOf = (key: string) => {
    const s = inv.sections.find((x) => x.key === key);
    return s ? (lang === 'sv' ? s.labelSv : s.labelEn) : key;
  };
  const differs = theirs ? keys.filter((k) => (theirs.content[k] ?? '') !== (draft.content[k] ?? '')) : [];

  const indicator = readOnly ? null : (
    <span className={`cs-save cs-save--${state}`}>
      <span aria-hidden="true">
        {state === 'saving' ? <><span className="spinner spinner--small" />{m.autosaveSaving}</>
          : state === 'dirty' ? <><Icon name="pen" size={14} />{m.autosaveDirty}</>
          : state === 'saved' && savedAt ? <><Icon name="check" size={14} />{m.autosaveSaved(savedAt)}</>
          : state === 'idle' ? m.autosaveIdle : null}
      </span>
      <span role="status" className="visually-hidden">{state === 'saved' && savedAt ? m.autosaveSaved(savedAt) : ''}</span>
    </span>
  );

  return (
    <Section id="utredning" title={m.investigation} aside={indicator}>
      <p className="cs-meta">
        <span>{m.openedOn(formatDate(inv.openedOn, lang))}</span>
        {deadline && (
          <span className={deadline.overdue ? 'cs-deadline--overdue' : undefined}>
            {' · '}{m.investigationDeadline}: <time dateTime={deadline.dueOn}>{formatDate(deadline.dueOn, lang)}</time>
            {' '}<span className="legal">{deadline.legalBasis}</span>
            {deadline.overdue && <> <OverdueTag /></>}
          </span>
        )}
        {inv.extendedTo && <span>{' · '}{m.extended(formatDate(inv.extendedTo, lang))}</span>}
      </p>
      {inv.extensionReason && <p className="muted pre-line"><Sv>{inv.extensionReason}</Sv></p>}

      {state === 'error' && (
        <div className="cs-alert" role="alert">
          <Icon name="alert" />
          <div>
            <strong>{m.autosaveFailed}</strong>
            {error instanceof ApiError && error.detail && <p><Sv>{error.detail}</Sv></p>}
            <button type="button" className="button button--small" onClick={() => void save()}>{m.retrySave}</button>
          </div>
        </div>
      )}
      {theirs && (
        <div className="cs-alert cs-alert--warning" role="alert">
          <Icon name="alert" />
          <div className="stack">
            <div>
              <strong>{m.conflictTitle}</strong>
              <p>{m.conflictText}</p>
            </div>
            {differs.map((k) => (
              <details key={k} className="cs-theirs">
                <summary>{m.conflictShowTheirs(labelOf(k))}</summary>
                <p className="pre-line"><Sv>{theirs.content[k] || m.dash}</Sv></p>
              </details>
            ))}
            {theirs.ownView !== draft.ownView && (
              <details className="cs-theirs">
                <summary>{m.conflictShowTheirs(child ? m.ownViewChild : m.ownViewAdult)}</summary>
                <p className="pre-line"><Sv>{theirs.ownView || m.dash}</Sv></p>
              </details>
            )}
            <div className="button-row">
              <button type="button" className="button" onClick={keepMine}>{m.keepMine}</button>
              <button type="button" className="button button--secondary" onClick={useTheirsVersion}>{m.useTheirs}</button>
            </div>
          </div>
        </div>
      )}

      <div className="stack cs-investigation">
        {lss && (
          <Field label={m.personkrets} hint={m.personkretsHint}>
            {(p) => (
              <select {...p} value={draft.personkrets} disabled={readOnly}
                onChange={(e) => { edit({ ...draft, personkrets: e.target.value }); }} onBlur={flush}>
                <option value="">{m.personkretsNone}</option>
                {(['1', '2', '3', 'ingen'] as const).map((k) => <option key={k} value={k}>{m.personkretsLabel[k]}</option>)}
              </select>
            )}
          </Field>
        )}
        {inv.sections.map((s) => (
          <Field key={s.key} label={lang === 'sv' ? s.labelSv : s.labelEn} hint={<Sv>{s.hintSv}</Sv>}>
            {(p) => readOnly ? <p className="pre-line cs-readonly" id={p.id}><Sv>{draft.content[s.key] || m.dash}</Sv></p> : (
              <textarea {...p} className="cs-grow" rows={3} value={draft.content[s.key] ?? ''}
                onChange={(e) => edit({ ...draft, content: { ...draft.content, [s.key]: e.target.value } })} onBlur={flush} />
            )}
          </Field>
        ))}
        <Field label={child ? m.ownViewChild : m.ownViewAdult} hint={child ? m.ownViewChildHint : m.ownViewAdultHint} className="cs-own-view">
          {(p) => readOnly ? <p className="pre-line cs-readonly" id={p.id}><Sv>{draft.ownView || m.dash}</Sv></p> : (
            <textarea {...p} className="cs-grow" rows={3} value={draft.ownView}
              onChange={(e) => edit({ ...draft, ownView: e.target.value })} onBlur={flush} />
          )}
        </Field>
      </div>
      {child && <Extension detail={detail} />}
    </Section>
  );
}
