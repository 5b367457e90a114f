// Överklagande: register an appeal (lodged with the nämnd), see the rättidsprövning in words
// (45 § FL), and act on it: avvisa when late, otherwise ompröva (39 § FL) or överlämna to
// förvaltningsrätten.
import { useState, type FormEvent } from 'react';
import type { AppealView, CaseDetail } from '../../shared/cases-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Fact, Section } from './FactsSections';
import { Checkbox, Disclosure, Field, ProblemAlert, Sv, fieldErrors, useStatusMessage, useToday } from './form';
import { useCaseMessages } from './messages';
import { caseApi, useCaseChange, type AppealAction } from './queries';

function RegisterForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: (assessment: string) => void; onCancel: () => void }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const today = useToday();
  const change = useCaseChange(detail.id);
  const appealable = detail.decisions.filter((d) => d.status === 'fattat' && d.appealRoute === 'forvaltningsbesvar');
  const preferred = appealable.find((d) => d.outcome !== 'bifall') ?? appealable[0];
  const [decisionId, setDecisionId] = useState(preferred?.id ?? '');
  const [receivedOn, setReceivedOn] = useState(today);
  const [wrongInstruction, setWrongInstruction] = useState(false);
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!decisionId) return;
    change.mutate(() => caseApi.appeal(detail.id, { decisionId, receivedOn, ...(wrongInstruction ? { wrongInstruction } : {}) }), {
      onSuccess: (d) => onDone(d.appeals.find((a) => a.decisionId === decisionId && a.receivedOn === receivedOn)?.assessment ?? ''),
    });
  };
  return (
    <form className="stack" onSubmit={onSubmit}>
      <Field label={m.appealDecision} error={errors.decisionId}>
        {(p) => (
          <select {...p} value={decisionId} onChange={(e) => setDecisionId(e.target.value)} required>
            {appealable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.insats} – {m.outcomeLabel[d.outcome]}{d.decidedOn ? `, ${formatDate(d.decidedOn, lang)}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={m.appealReceived} error={errors.receivedOn} className="cs-narrow">
        {(p) => <input {...p} type="date" max={today} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} required />}
      </Field>
      <Checkbox label={m.wrongInstruction} hint={m.wrongInstructionHint} checked={wrongInstruction} onChange={setWrongInstruction} />
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending || !decisionId}>{m.registerAppeal}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function ActionForm({ detail, appeal, action, onDone, onCancel }: {
  detail: CaseDetail; appeal: AppealView; action: AppealAction; onDone: (a: AppealAction) => void; onCancel: () => void;
}) {
  const m = useCaseMessages();
  const today = useToday();
  const change = useCaseChange(detail.id);
  const [note, setNote] = useState('');
  const [court, setCourt] = useState('Förvaltningsrätten');
  const [forwardedOn, setForwardedOn] = useState(today);
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = action === 'overlamna' ? { action, court: court.trim() || undefined, forwardedOn, ...(note.trim() ? { note: note.trim() } : {}) }
      : action === 'omprova_andra' ? { action, note: note.trim() }
      : { action, ...(note.trim() ? { note: note.trim() } : {}) };
    change.mutate(() => caseApi.appealAction(detail.id, appeal.id, body), { onSuccess: () => onDone(action) });
  };
  const label = action === 'avvisa' ? m.avvisa : action === 'omprova_andra' ? m.omprova : m.overlamna;
  return (
    <form className="stack" onSubmit={onSubmit}>
      <p className="hint">{action === 'avvisa' ? m.avvisaHint : action === 'omprova_andra' ? m.omprovaHint : m.overlamnaHint}</p>
      {action === 'overlamna' && (
        <div className="cs-row">
          <Field label={m.court} error={errors.court}>
            {(p) => <input {...p} type="text" value={court} onChange={(e) => setCourt(e.target.value)} maxLength={200} />}
          </Field>
          <Field label={m.forwardedOn} error={errors.forwardedOn}>
            {(p) => <input {...p} type="date" max={today} value={forwardedOn} onChange={(e) => setForwardedOn(e.target.value)} required />}
          </Field>
        </div>
      )}
      {action === 'omprova_andra' && (
        <Field label={m.omprovaNote} error={errors.note}>
          {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} required />}
        </Field>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{label}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function Appeal({ detail, appeal, announce }: { detail: CaseDetail; appeal: AppealView; announce: (t: string) => void }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const fmt = (d: string | null) => (d ? formatDate(d, lang) : m.dash);
  const open = appeal.status === 'registrerat';
  const done = (a: AppealAction) => announce(m.appealActionDone[a] ?? '');
  return (
    <li className={`cs-appeal ${appeal.timely ? 'cs-appeal--timely' : 'cs-appeal--late'}`}>
      <div className="cs-decision-head">
        <h3>{m.appealFor(appeal.insats)}</h3>
        <span className="cs-badges">
          <span className={appeal.timely ? 'badge badge--signed' : 'badge badge--overdue'}>
            <Icon name={appeal.timely ? 'check' : 'alert'} size={14} />
            {appeal.timely ? m.timely : m.late}
          </span>
          <span className="badge">{m.appealStatus[appeal.status]}</span>
        </span>
      </div>
      <dl className="facts facts--compact">
        <Fact label={m.appealReceived}>{fmt(appeal.receivedOn)}</Fact>
        <Fact label={m.delivery}>{fmt(appeal.deliveredOn)}</Fact>
        <Fact label={m.appealLastDay}>{fmt(appeal.lastDay)}</Fact>
        {appeal.court && <Fact label={m.court}>{m.forwardedTo(appeal.court, fmt(appeal.forwardedOn))}</Fact>}
      </dl>
      <div className="cs-assessment">
        <h4 className="cs-label">{m.rattidsprovning}</h4>
        <p><Sv>{appeal.assessment}</Sv></p>
      </div>
      {appeal.omprovningNote && <p className="pre-line"><Sv>{appeal.omprovningNote}</Sv></p>}
      {open && (
        <div className="cs-decision-actions">
          {appeal.timely ? (
            <>
              <Disclosure label={m.overlamna} variant="primary" small>
                {(close) => <ActionForm detail={detail} appeal={appeal} action="overlamna" onCancel={close} onDone={(a) => { close(); done(a); }} />}
              </Disclosure>
              <Disclosure label={m.omprova} small>
                {(close) => <ActionForm detail={detail} appeal={appeal} action="omprova_andra" onCancel={close} onDone={(a) => { close(); done(a); }} />}
              </Disclosure>
            </>
          ) : (
            <Disclosure label={m.avvisa} variant="primary" small>
              {(close) => <ActionForm detail={detail} appeal={appeal} action="avvisa" onCancel={close} onDone={(a) => { close(); done(a); }} />}
            </Disclosure>
          )}
        </div>
      )}
    </li>
  );
}

export function AppealsSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const status = useStatusMessage();
  const appealable = detail.decisions.some((d) => d.status === 'fattat' && d.appealRoute === 'forvaltningsbesvar');
  if (!appealable && detail.appeals.length === 0) return null;
  return (
    <Section id="overklagande" title={m.appeals}>
      {status.node}
      <p className="hint">{m.appealsLead}</p>
      {detail.appeals.length > 0 && (
        <ul className="cs-appeals">
          {detail.appeals.map((a) => <Appeal key={a.id} detail={detail} appeal={a} announce={(t) => status.show(t)} />)}
        </ul>
      )}
      {appealable && (
        <Disclosure label={m.registerAppeal}>
          {(close) => <RegisterForm detail={detail} onCancel={close} onDone={(assessment) => { close(); status.show(`${m.appealRegistered} ${assessment}`); }} />}
        </Disclosure>
      )}
    </Section>
  );
}
