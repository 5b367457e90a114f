// "Nästa steg": exactly the steps the case's state machine allows now (from CaseDetail.steps),
// each as a primary action with the small form it needs, and the steps that are not allowed yet
// with the reason and the paragraph of law, so the handläggare learns what is missing.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CaseDetail, Step, StepBody, StepOption } from '../../shared/cases-api';
import { addDays } from '../../domain/deadlines';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Disclosure, Field, ProblemAlert, RadioGroup, Sv, fieldErrors, useStatusMessage, useToday } from './form';
import { useCaseMessages, type CaseMessages } from './messages';
import { caseApi, useCaseChange } from './queries';
import { listWords } from './util';

/** Steps that record something, and what they ask for. Steps not listed need no input. */
const FIELDS: Partial<Record<Step, 'skydd' | 'motivation' | 'kommunicera' | 'reason'>> = {
  registrera_skyddsbedomning: 'skydd',
  besluta_inleda_utredning: 'motivation',
  besluta_inte_inleda_utredning: 'motivation',
  kommunicera: 'kommunicera',
  registrera_undantag_kommunicering: 'reason',
  avsluta: 'reason',
  avskriv: 'reason',
};

/** Steps that are decided elsewhere on the page. */
const ELSEWHERE: ReadonlySet<string> = new Set(['fatta_beslut']);

function stepName(m: CaseMessages, option: StepOption): ReactNode {
  return m.stepLabel[option.step] ?? <Sv>{option.label}</Sv>;
}

type Announce = (text: string) => void;

/** After a step: what happened, and what can be done next. */
function doneText(m: CaseMessages, lang: 'sv' | 'en', step: Step, detail: CaseDetail): string {
  const next = detail.steps.filter((s) => s.allowed && !ELSEWHERE.has(s.step)).map((s) => m.stepLabel[s.step] ?? s.label);
  const done = m.stepDone[step] ?? '';
  return next.length ? `${done} ${m.thenNext(listWords(next, lang))}` : done;
}

function useStep(detail: CaseDetail, announce: Announce) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const change = useCaseChange(detail.id);
  const run = (step: Step, body: StepBody = {}, onDone?: () => void) =>
    change.mutate(() => caseApi.step(detail.id, step, body), {
      onSuccess: (d) => {
        onDone?.();
        announce(doneText(m, lang, step, d));
      },
    });
  return { run, change };
}

function SkyddForm({ detail, announce, onCancel }: { detail: CaseDetail; announce: Announce; onCancel?: () => void }) {
  const m = useCaseMessages();
  const { run, change } = useStep(detail, announce);
  const [acute, setAcute] = useState<'ja' | 'nej' | null>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!acute || !text.trim()) return;
    run('registrera_skyddsbedomning', { acute: acute === 'ja', text: text.trim() });
  };
  return (
    <form className="cs-step-form stack" onSubmit={onSubmit} noValidate>
      <RadioGroup
        legend={m.acuteLegend}
        name="acute"
        value={acute}
        inline
        required
        error={errors.acute ?? (tried && !acute ? m.acuteLegend : undefined)}
        onChange={setAcute}
        options={[
          { value: 'nej', label: m.acuteNo },
          { value: 'ja', label: m.acuteYes, hint: m.acuteYesHint },
        ]}
      />
      <Field label={m.skyddText} hint={m.skyddTextHint} error={errors.text ?? (tried && !text.trim() ? m.skyddText : undefined)}>
        {(p) => <textarea {...p} rows={4} value={text} onChange={(e) => setText(e.target.value)} required />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.stepLabel.registrera_skyddsbedomning}</button>
        {onCancel && <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>}
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

/** Förhandsbedömning: one motivation, and the decision it supports (inleda / inte inleda). */
function FhbForm({ detail, announce, steps }: { detail: CaseDetail; announce: Announce; steps: StepOption[] }) {
  const m = useCaseMessages();
  const { run, change } = useStep(detail, announce);
  const [motivation, setMotivation] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(change.error);
  const submit = (step: Step) => {
    setTried(true);
    if (!motivation.trim()) return;
    run(step, { motivation: motivation.trim() });
  };
  return (
    <form className="cs-step-form stack" onSubmit={(e) => e.preventDefault()} noValidate>
      <Field label={m.fhbMotivation} hint={m.fhbMotivationHint} error={errors.motivation ?? (tried && !motivation.trim() ? m.fhbMotivation : undefined)}>
        {(p) => <textarea {...p} rows={4} value={motivation} onChange={(e) => setMotivation(e.target.value)} required />}
      </Field>
      <div className="button-row">
        {steps.map((s, i) => (
          <button
            key={s.step}
            type="button"
            className={i === 0 ? 'button' : 'button button--secondary'}
            disabled={change.isPending}
            onClick={() => submit(s.step)}
          >
            {stepName(m, s)}
          </button>
        ))}
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function KommuniceraForm({ detail, announce, onCancel }: { detail: CaseDetail; announce: Announce; onCancel: () => void }) {
  const m = useCaseMessages();
  const today = useToday();
  const { run, change } = useStep(detail, announce);
  const [sentOn, setSentOn] = useState(today);
  const [replyBy, setReplyBy] = useState(() => addDays(today, 14));
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run('kommunicera', { sentOn, replyBy }, onCancel);
  };
  return (
    <form className="cs-step-form" onSubmit={onSubmit}>
      <div className="cs-row">
        <Field label={m.sentOn} error={errors.sentOn}>
          {(p) => <input {...p} type="date" max={today} value={sentOn} onChange={(e) => setSentOn(e.target.value)} required />}
        </Field>
        <Field label={m.replyBy} error={errors.replyBy}>
          {(p) => <input {...p} type="date" min={sentOn} value={replyBy} onChange={(e) => setReplyBy(e.target.value)} required />}
        </Field>
      </div>
      <p className="hint">{m.replyByHint}</p>
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.stepLabel.kommunicera}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function ReasonForm({ detail, step, announce, onCancel }: { detail: CaseDetail; step: Step; announce: Announce; onCancel: () => void }) {
  const m = useCaseMessages();
  const { run, change } = useStep(detail, announce);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const errors = fieldErrors(change.error);
  const [label, hint] = step === 'registrera_undantag_kommunicering' ? [m.exceptionReason, m.exceptionHint]
    : step === 'avskriv' ? [m.avskrivReason, m.avskrivReasonHint]
    : [m.closeReason, m.closeReasonHint];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    run(step, { reason: reason.trim() }, onCancel);
  };
  return (
    <form className="cs-step-form stack" onSubmit={onSubmit} noValidate>
      <Field label={label} hint={hint} error={errors.reason ?? (tried && !reason.trim() ? label : undefined)}>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.stepLabel[step] ?? step}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function ImmediateStep({ detail, option, announce, primary }: { detail: CaseDetail; option: StepOption; announce: Announce; primary: boolean }) {
  const m = useCaseMessages();
  const { run, change } = useStep(detail, announce);
  return (
    <div className="cs-step">
      <button type="button" className={primary ? 'button' : 'button button--secondary'} disabled={change.isPending} onClick={() => run(option.step)}>
        {stepName(m, option)}
        <Icon name="arrow" size={16} />
      </button>
      <ProblemAlert error={change.error} />
    </div>
  );
}

export function NextSteps({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const status = useStatusMessage();
  const announce: Announce = (text) => status.show(text);
  const allowed = detail.steps.filter((s) => s.allowed && !ELSEWHERE.has(s.step));
  const refused = detail.steps.filter((s) => !s.allowed);
  const decideHere = detail.steps.some((s) => s.step === 'fatta_beslut' && s.allowed) || (detail.status === 'utredning' && detail.signing.draftCount === 0);
  const fhb = allowed.filter((s) => s.step === 'besluta_inleda_utredning' || s.step === 'besluta_inte_inleda_utredning');
  const others = allowed.filter((s) => !fhb.includes(s));
  const closed = detail.status === 'avslutad';

  return (
    <section className="card cs-next" aria-labelledby="cs-next-h" id="nasta-steg">
      <h2 id="cs-next-h">{m.nextSteps}</h2>
      {status.node}
      {!closed && (allowed.length > 0 || decideHere) && <p className="hint">{m.nextStepsLead}</p>}
      {allowed.length === 0 && !decideHere && <p className="muted">{m.noStepsNow}</p>}
      <div className="cs-steps">
        {others.map((s, i) => {
          const kind = FIELDS[s.step];
          if (!kind) return <ImmediateStep key={s.step} detail={detail} option={s} announce={announce} primary={i === 0} />;
          if (kind === 'skydd') return <SkyddForm key={s.step} detail={detail} announce={announce} />;
          return (
            <Disclosure key={s.step} label={stepName(m, s)} variant={i === 0 && s.step !== 'avsluta' ? 'primary' : 'secondary'}>
              {(close) =>
                kind === 'kommunicera' ? <KommuniceraForm detail={detail} announce={announce} onCancel={close} />
                : kind === 'reason' ? <ReasonForm detail={detail} step={s.step} announce={announce} onCancel={close} />
                : <FhbForm detail={detail} announce={announce} steps={[s]} />}
            </Disclosure>
          );
        })}
        {fhb.length > 0 && <FhbForm detail={detail} announce={announce} steps={fhb} />}
        {decideHere && (
          <a className="button button--secondary cs-step-link" href="#beslut">
            {m.goToDecision}
            <Icon name="arrow" size={16} />
          </a>
        )}
      </div>
      {refused.length > 0 && !closed && (
        <details className="cs-why">
          <summary>{m.whyNot(refused.length)}</summary>
          <p className="hint">{m.whyNotLead}</p>
          <ul className="cs-why-list">
            {refused.map((s) => (
              <li key={s.step}>
                <strong>{stepName(m, s)}</strong>
                {s.reason && <span> <Sv>{s.reason}</Sv></span>}
                {s.legalBasis && <span className="legal"> ({s.legalBasis})</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
