// Kommunicering (25 § FL): when the material was sent, the last day to reply, the reply, or the
// documented exception. Sending and the exception are steps (Nästa steg); the reply is recorded here.
import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../shared/cases-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Fact, Section } from './FactsSections';
import { Field, ProblemAlert, Sv, fieldErrors, useStatusMessage, useToday } from './form';
import { useCaseMessages } from './messages';
import { caseApi, useCaseChange } from './queries';

export function needsKommunicering(detail: CaseDetail): boolean {
  return detail.decisions.some((d) => d.status !== 'fattat' && d.outcome !== 'bifall');
}

export function KommuniceringSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const today = useToday();
  const change = useCaseChange(detail.id);
  const status = useStatusMessage();
  const [receivedOn, setReceivedOn] = useState(today);
  const k = detail.kommunicering;
  const errors = fieldErrors(change.error);
  const fmt = (d: string | null) => (d ? formatDate(d, lang) : m.dash);
  const canReply = Boolean(k?.sentOn && !k.replyReceivedOn && detail.status === 'utredning');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(() => caseApi.reply(detail.id, receivedOn), { onSuccess: () => status.show(m.replyDone) });
  };

  return (
    <Section id="kommunicering" title={m.kommunicering}>
      {status.node}
      <p className="hint">{m.kommLead}</p>
      {!k && (
        needsKommunicering(detail)
          ? <p className="cs-pending cs-pending--warn"><Icon name="alert" size={16} />{m.kommNeeded}</p>
          : <p className="muted">{m.kommNotSent}</p>
      )}
      {k && (
        <dl className="facts facts--compact">
          {k.sentOn && <Fact label={m.kommSent}><time dateTime={k.sentOn}>{fmt(k.sentOn)}</time></Fact>}
          {k.replyBy && <Fact label={m.kommReplyBy}><time dateTime={k.replyBy}>{fmt(k.replyBy)}</time></Fact>}
          {k.sentOn && (
            <Fact label={m.kommReply}>
              {k.replyReceivedOn
                ? <span className="cs-ok"><Icon name="check" size={14} />{m.kommReplyReceived(fmt(k.replyReceivedOn))}</span>
                : m.kommNoReply}
            </Fact>
          )}
          {k.exceptionReason && (
            <Fact label={m.kommException} wide><span className="pre-line"><Sv>{k.exceptionReason}</Sv></span></Fact>
          )}
        </dl>
      )}
      {canReply && (
        <form className="cs-inline-form cs-row" onSubmit={onSubmit}>
          <Field label={m.replyReceivedOn} error={errors.receivedOn}>
            {(p) => <input {...p} type="date" min={k?.sentOn ?? undefined} max={today} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} required />}
          </Field>
          <button type="submit" className="button button--secondary" disabled={change.isPending}>{m.replySubmit}</button>
          <ProblemAlert error={change.error} />
        </form>
      )}
    </Section>
  );
}
