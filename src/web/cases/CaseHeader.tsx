// The top of the case page: who the case is about, where it stands, who handles it, and the next
// deadline (overdue shown with icon and the word "Försenad", never by colour alone).
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../shared/cases-api';
import type { SessionInfo } from '../../shared/api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { OverdueTag, ProtectionBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { StatusSteps } from '../ui/StatusSteps';
import { Disclosure, Field, ProblemAlert, Sv, useStatusMessage, useToday } from './form';
import { useCaseMessages } from './messages';
import { caseApi, useCaseChange, useUnitStaff } from './queries';
import { daysBetween, nextOpenDeadline, statusChain } from './util';

type Actor = NonNullable<SessionInfo['actor']>;

function AssignForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: (name: string) => void; onCancel: () => void }) {
  const m = useCaseMessages();
  const staff = useUnitStaff();
  const change = useCaseChange(detail.id);
  const [staffId, setStaffId] = useState(detail.assignedTo?.id ?? '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!staffId) return;
    change.mutate(() => caseApi.assign(detail.id, staffId), { onSuccess: (d) => onDone(d.assignedTo?.name ?? '') });
  };
  return (
    <form className="cs-inline-form" onSubmit={onSubmit}>
      <Field label={m.assignTo}>
        {(p) => (
          <select {...p} value={staffId} onChange={(e) => setStaffId(e.target.value)} required>
            <option value="">{m.chooseStaff}</option>
            {staff.data?.items.map((s) => <option key={s.id} value={s.id}>{s.name} – {s.title}</option>)}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={change.isPending || !staffId}>{m.assignSubmit}</button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function Handlaggare({ detail, actor }: { detail: CaseDetail; actor: Actor }) {
  const m = useCaseMessages();
  const take = useCaseChange(detail.id);
  const status = useStatusMessage();
  const mine = detail.assignedTo?.name === actor.name;
  const closed = detail.status === 'avslutad';
  return (
    <div className="cs-fact">
      <span className="cs-fact-label">{m.handlaggare}</span>
      <span className="cs-fact-value">
        {detail.assignedTo ? detail.assignedTo.name : <span className="cs-unassigned">{m.unassigned}</span>}
      </span>
      {!closed && (
        <div className="cs-fact-actions">
          {!mine && (
            <button
              type="button"
              className={`button button--small${detail.assignedTo ? ' button--secondary' : ''}`}
              disabled={take.isPending}
              onClick={() => take.mutate(() => caseApi.assign(detail.id), { onSuccess: () => status.show(m.takenByMe) })}
            >
              {m.takeCase}
            </button>
          )}
          {actor.role === 'arbetsledare' && (
            <Disclosure label={m.assign} small>
              {(close) => (
                <AssignForm
                  detail={detail}
                  onCancel={close}
                  onDone={(name) => {
                    close();
                    status.show(m.assignedTo(name));
                  }}
                />
              )}
            </Disclosure>
          )}
        </div>
      )}
      <ProblemAlert error={take.error} />
      {status.node}
    </div>
  );
}

export function NextDeadline({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const today = useToday();
  const next = nextOpenDeadline(detail.deadlines);
  if (!next) return <span className="muted">{m.noOpenDeadline}</span>;
  return (
    <span className={next.overdue ? 'cs-deadline cs-deadline--overdue' : 'cs-deadline'}>
      <span className="cs-deadline-date">
        {next.overdue ? <OverdueTag /> : <Icon name="clock" size={16} />}
        <span>
          {m.due} <time dateTime={next.dueOn}>{formatDate(next.dueOn, lang)}</time>
          <span className="cs-deadline-rel"> ({m.daysLeft(daysBetween(today, next.dueOn))})</span>
        </span>
      </span>
      <span className="cs-deadline-kind">
        <Sv>{next.label}</Sv> <span className="legal">{next.legalBasis}</span>
      </span>
    </span>
  );
}

export function CaseHeader({ detail, actor }: { detail: CaseDetail; actor: Actor }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const personId = useId();
  return (
    <section className="card cs-header" aria-labelledby={personId}>
      <div className="cs-person">
        <h2 id={personId} className="cs-person-name">
          <Link to={`/handlaggare/person/${detail.person.id}`}>{detail.person.name}</Link>
        </h2>
        <span className="cs-person-meta nowrap">{detail.person.idNumber}</span>
        <span className="cs-person-meta">{m.age(detail.person.age)}</span>
        <ProtectionBadge protection={detail.person.protection} detailed />
      </div>
      <StatusSteps status={detail.status} chain={statusChain(detail.caseType)} />
      <div className="cs-facts">
        <Handlaggare detail={detail} actor={actor} />
        <div className="cs-fact">
          <span className="cs-fact-label">{m.nextDeadline}</span>
          <span className="cs-fact-value"><NextDeadline detail={detail} /></span>
        </div>
        <div className="cs-fact">
          <span className="cs-fact-label">{m.received}</span>
          <span className="cs-fact-value"><time dateTime={detail.receivedOn}>{formatDate(detail.receivedOn, lang)}</time></span>
        </div>
        <div className="cs-fact">
          <span className="cs-fact-label">{m.unit}</span>
          <span className="cs-fact-value">{detail.unit.name}</span>
        </div>
      </div>
    </section>
  );
}
