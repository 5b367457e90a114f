// The case page's "Verkställighet" section (issue 4, myndighet side): for each signed, granted
// decision without an active order a beställning in one step; for each order its status, events,
// the provider's signed genomförandeplan, performed time, the provider's signed documentation
// (what uppföljning reads), messages with the provider, and the myndighet's steps; and the
// person's requests to choose or change provider (LOV), carried out or refused here.
import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../shared/cases-api';
import type { CaseOrders, StaffOrderView } from '../../shared/orders-api';
import { INFO_TO_PROVIDER_MAX } from '../../shared/orders-api';
import { ORDER_ACTIVE } from '../../domain/verkstallighet';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { QueryState } from '../ui/Status';
import { Fact, Section } from '../cases/FactsSections';
import { Disclosure, Field, ProblemAlert, RadioGroup, Sv, fieldErrors, useStatusMessage, useToday } from '../cases/form';
import { useOrderMessages } from './messages';
import { orderApi, useCaseOrders, useOrderChange, useOrderMessagesQuery, useProviders, useSendOrderMessage, type OrderStep } from './queries';
import { ProviderChoiceRequests } from './ProviderChoiceRequests';
import './orders.css';

type DecisionSummary = CaseOrders['decisions'][number];

function OrderForm({ caseId, decision, onDone, onCancel }: { caseId: string; decision: DecisionSummary; onDone: (orderNumber: string) => void; onCancel: () => void }) {
  const m = useOrderMessages();
  const { lang } = useI18n();
  const today = useToday();
  const providers = useProviders(decision.insatsKey);
  const change = useOrderChange<StaffOrderView>(caseId);
  const [providerId, setProviderId] = useState('');
  const [chosenBy, setChosenBy] = useState<'kommun' | 'enskild'>('kommun');
  // The decision's first day, or today when that has passed (a new order after a change of provider).
  const [startOn, setStartOn] = useState(decision.validFrom && decision.validFrom > today ? decision.validFrom : today);
  const [scopeAmount, setScopeAmount] = useState('');
  const [info, setInfo] = useState('');
  const errors = fieldErrors(change.error);
  const items = providers.data?.items ?? [];
  const provider = items.find((p) => p.id === providerId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!providerId) return;
    change.mutateAsync(() => orderApi.create(caseId, {
      decisionId: decision.decisionId, providerId, chosenBy: provider?.lov ? chosenBy : 'kommun', startOn,
      scopeAmount: scopeAmount.trim() === '' ? null : Number(scopeAmount.replace(',', '.')), infoToProvider: info,
    })).then((o) => onDone(o.orderNumber), () => undefined);
  };
  return (
    <form className="stack" onSubmit={onSubmit} aria-label={m.orderTitle}>
      <Field label={m.provider} hint={m.providerHint} error={errors.providerId}>
        {(p) => (
          <select {...p} value={providerId} onChange={(e) => setProviderId(e.target.value)} required disabled={providers.isLoading}>
            <option value="">{m.chooseProvider}</option>
            {items.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name} ({x.kind === 'kommunal' ? m.kommunal : m.privat}{x.lov ? `, ${m.lov}` : ''})
              </option>
            ))}
          </select>
        )}
      </Field>
      {providers.isSuccess && items.length === 0 && <p className="notice notice--warning">{m.noProviders}</p>}
      {provider?.lov && (
        <RadioGroup legend={m.chosenBy} name="chosenBy" value={chosenBy} onChange={setChosenBy} error={errors.chosenBy}
          options={[{ value: 'enskild', label: m.chosenByEnskild }, { value: 'kommun', label: m.chosenByKommun }]} />
      )}
      <Field label={m.startOn} hint={decision.validFrom ? m.startHint(formatDate(decision.validFrom, lang)) : undefined} error={errors.startOn} className="cs-narrow">
        {(p) => <input {...p} type="date" value={startOn} min={decision.validFrom ?? undefined} max={decision.validTo ?? undefined} onChange={(e) => setStartOn(e.target.value)} required />}
      </Field>
      <Field label={m.scopeAmount} hint={m.scopeAmountHint(decision.scopeUnit, decision.scope)} error={errors.scopeAmount} className="cs-narrow">
        {(p) => <input {...p} type="number" min={0} step="0.5" inputMode="decimal" value={scopeAmount} onChange={(e) => setScopeAmount(e.target.value)} />}
      </Field>
      <Field label={m.info} hint={m.infoHint(INFO_TO_PROVIDER_MAX)} error={errors.infoToProvider}>
        {(p) => <textarea {...p} rows={4} maxLength={INFO_TO_PROVIDER_MAX} value={info} onChange={(e) => setInfo(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending || !providerId}>{change.isPending ? m.sending : m.send}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function StepForm({ caseId, order, step, needs, label, onDone, onCancel }: {
  caseId: string; order: StaffOrderView; step: OrderStep; needs: Array<'date' | 'reason'>; label: string; onDone: () => void; onCancel: () => void;
}) {
  const m = useOrderMessages();
  const today = useToday();
  const change = useOrderChange<StaffOrderView>(caseId);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // mutateAsync: the step may remove this form (an ended order has no steps), and the answer must still be announced
    change.mutateAsync(() => orderApi.step(order.id, step, { date, ...(needs.includes('reason') ? { reason } : {}) })).then(onDone, () => undefined);
  };
  return (
    <form className="stack" onSubmit={onSubmit} aria-label={label}>
      {needs.includes('date') && (
        <Field label={m.date} error={errors.date} className="cs-narrow">
          {(p) => <input {...p} type="date" value={date} max={step === 'avsluta' ? undefined : today} onChange={(e) => setDate(e.target.value)} required />}
        </Field>
      )}
      {needs.includes('reason') && (
        <Field label={m.reason} error={errors.reason}>
          {(p) => <textarea {...p} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} required />}
        </Field>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.confirm}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function Messages({ caseId, order, announce }: { caseId: string; order: StaffOrderView; announce: (t: string) => void }) {
  const m = useOrderMessages();
  const { lang } = useI18n();
  const query = useOrderMessagesQuery(caseId, order.id, true); // listing marks the provider's messages read
  const change = useSendOrderMessage(order.id);
  const [body, setBody] = useState('');
  const active = ORDER_ACTIVE.includes(order.status);
  const items = query.data?.items ?? order.messages;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(body, {
      onSuccess: () => { setBody(''); announce(m.messageSent); },
    });
  };
  return (
    <div className="stack">
      {items.length === 0 ? <p className="muted">{m.noMessages}</p> : (
        <ol className="or-messages">
          {items.map((x) => (
            <li key={x.id} className={`or-message or-message--${x.side}`}>
              <p className="or-message-meta">
                <strong>{x.side === 'utforare' ? m.fromProvider : m.fromMyndighet}</strong>, {x.author}, {formatDateTime(x.createdAt, lang)}
              </p>
              <p className="pre-line"><Sv>{x.body}</Sv></p>
            </li>
          ))}
        </ol>
      )}
      {active && (
        <form className="stack" onSubmit={onSubmit}>
          <Field label={m.newMessage}>
            {(p) => <textarea {...p} rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} required />}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button--small" disabled={change.isPending || !body.trim()}>{m.sendMessage}</button>
          </div>
          <ProblemAlert error={change.error} />
        </form>
      )}
    </div>
  );
}

function OrderCard({ caseId, order, announce }: { caseId: string; order: StaffOrderView; announce: (t: string) => void }) {
  const m = useOrderMessages();
  const { lang } = useI18n();
  const d = (x: string | null) => (x ? formatDate(x, lang) : '–');
  const headingId = `order-${order.id}-h`;
  // An ended or returned order shows only what it holds; an active one shows every part, empty or not.
  const active = ORDER_ACTIVE.includes(order.status);
  return (
    <article className="or-order" aria-labelledby={headingId}>
      <div className="or-order-head">
        <h3 id={headingId}>{m.orderNumber} {order.orderNumber}: {order.provider.name}</h3>
        <span className={`badge badge--order-${order.status}`}>{m.statusLabel[order.status]}</span>
      </div>
      <dl className="facts facts--compact">
        <Fact label={m.insats}><Sv>{order.insats}</Sv></Fact>
        <Fact label={m.scope}><Sv>{order.scope || '–'}</Sv>{order.scopeAmount !== null && ` (${order.scopeAmount} ${order.scopeUnit ?? ''})`}</Fact>
        <Fact label={m.period}>{d(order.startOn)} – {order.endOn ? d(order.endOn) : ''}</Fact>
        <Fact label={m.provider}>
          {order.provider.name} ({order.provider.kind === 'kommunal' ? m.kommunal : m.privat}{order.provider.lov ? `, ${m.lov}` : ''}); {m.chosenByShort[order.chosenBy]}
        </Fact>
        {order.plannedStartOn && <Fact label={m.plannedStart}>{d(order.plannedStartOn)}</Fact>}
        <Fact label={m.startedOn}>{order.startedOn ? d(order.startedOn) : m.notVerkstallt}</Fact>
        {order.interruptedOn && <Fact label={m.interrupted}>{d(order.interruptedOn)}{order.interruptionReason && <>: <Sv>{order.interruptionReason}</Sv></>}</Fact>}
        {order.returnedReason && <Fact label={m.returnedReason}><Sv>{order.returnedReason}</Sv></Fact>}
        {order.endReason && <Fact label={m.endReason}><Sv>{order.endReason}</Sv></Fact>}
        <Fact label={m.infoToProvider} wide><span className="pre-line"><Sv>{order.infoToProvider || '–'}</Sv></span></Fact>
      </dl>

      <h4>{m.events}</h4>
      {order.events.length === 0 && <p className="muted">{m.noEvents}</p>}
      <ol className="or-events">
        {order.events.map((e) => (
          <li key={e.id}>
            <span className="or-event-date">{d(e.onDate)}</span> {m.eventLabel[e.kind]}
            {e.actor && <span className="muted"> {m.by(e.actor)}</span>}
            {e.note && <>: <Sv>{e.note}</Sv></>}
          </li>
        ))}
      </ol>

      {(active || order.plan) && <h4>{m.plan}</h4>}
      {!order.plan ? active && <p className="muted">{m.noPlan}</p> : (
        <div className="stack or-plan">
          <p className="muted">{m.planVersion(order.plan.version, order.plan.signedAt ? formatDate(order.plan.signedAt.slice(0, 10), lang) : '–', order.plan.signedBy)}</p>
          {order.plan.goals.length > 0 && (
            <>
              <h5>{m.goals}</h5>
              <ul>{order.plan.goals.map((g, i) => <li key={i}><Sv>{g.goal}</Sv>{g.fromDecision && <span className="muted"> {m.fromDecision}</span>}</li>)}</ul>
            </>
          )}
          {order.plan.parts.length > 0 && (
            <div className="table-scroll" role="region" aria-label={m.parts} tabIndex={0}>
              <table className="table table--compact">
                <caption>{m.parts}</caption>
                <thead><tr><th scope="col">{m.partWhat}</th><th scope="col">{m.partHow}</th><th scope="col">{m.partWhen}</th><th scope="col">{m.partWho}</th></tr></thead>
                <tbody>
                  {order.plan.parts.map((p, i) => (
                    <tr key={i}><th scope="row"><Sv>{p.what}</Sv></th><td><Sv>{p.how ?? ''}</Sv></td><td><Sv>{p.when ?? ''}</Sv></td><td><Sv>{p.who ?? ''}</Sv></td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {order.plan.participation && <><h5>{m.participation}</h5><p className="pre-line"><Sv>{order.plan.participation}</Sv></p></>}
          {order.plan.followUpOn && <p>{m.followUp}: {d(order.plan.followUpOn)}</p>}
        </div>
      )}

      {(active || order.performed.length > 0) && <h4>{m.performed}</h4>}
      {order.performed.length === 0 ? active && <p className="muted">{m.noPerformed}</p> : (
        <div className="table-scroll" role="region" aria-label={m.performedCaption} tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden">{m.performedCaption}</caption>
            <thead><tr><th scope="col">{m.month}</th><th scope="col" className="num">{m.visits}</th><th scope="col" className="num">{m.hours}</th></tr></thead>
            <tbody>
              {order.performed.map((p) => (
                <tr key={p.month}><th scope="row">{p.month}</th><td className="num">{p.visits}</td><td className="num">{m.hoursValue(p.minutes)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(active || order.journal.length > 0) && <><h4>{m.journal}</h4><p className="hint">{m.journalLead}</p></>}
      {order.journal.length === 0 ? active && <p className="muted">{m.noJournal}</p> : (
        <ol className="journal">
          {order.journal.map((j) => (
            <li key={j.id} className="journal-entry">
              <div className="journal-head">
                <h5>{j.corrects ? `${m.correction}: ` : ''}<Sv>{j.title}</Sv></h5>
                <span className="journal-meta">{d(j.occurredOn)}, {j.author}</span>
              </div>
              <p className="journal-body pre-line"><Sv>{j.body}</Sv></p>
            </li>
          ))}
        </ol>
      )}

      {(active || order.messages.length > 0) && (
        <>
          <h4>
            {m.messages}
            {order.unreadFromProvider > 0 && <span className="badge badge--unsigned or-unread">{m.unread(order.unreadFromProvider)}</span>}
          </h4>
          <Disclosure label={m.showMessages} small>
            {() => <Messages caseId={caseId} order={order} announce={announce} />}
          </Disclosure>
        </>
      )}

      {order.steps.length > 0 && (
        <>
          <h4>{m.stepsTitle}</h4>
          <div className="or-steps">
            {order.steps.filter((s): s is typeof s & { step: OrderStep } => ['avbryt', 'ateruppta', 'avsluta'].includes(s.step)).map((s) => (
              <Disclosure key={s.step} label={m.stepLabel[s.step]} small>
                {(close) => (
                  <StepForm caseId={caseId} order={order} step={s.step} needs={s.needs} label={m.stepLabel[s.step]} onCancel={close}
                    onDone={() => { close(); announce(m.stepDone(m.stepLabel[s.step])); }} />
                )}
              </Disclosure>
            ))}
          </div>
        </>
      )}
    </article>
  );
}

function Content({ detail, data, announce }: { detail: CaseDetail; data: CaseOrders; announce: (t: string) => void }) {
  const m = useOrderMessages();
  const { lang } = useI18n();
  const today = useToday();
  return (
    <div className="stack">
      {/* The person's requests to choose or change provider (LOV), with the step to carry one out. */}
      <ProviderChoiceRequests caseId={detail.id} announce={announce} />
      {data.decisions.length === 0 && <p className="muted">{m.noGranted}</p>}
      {data.decisions.map((dec) => (
        <div key={dec.decisionId} className="or-decision">
          <div className="or-order-head">
            <h3><Sv>{dec.insats}</Sv></h3>
            <span className={dec.verkstalldOn ? 'badge badge--signed' : 'badge badge--unsigned'}>
              {dec.verkstalldOn ? m.verkstallt(formatDate(dec.verkstalldOn, lang)) : m.notVerkstallt}
            </span>
          </div>
          {dec.canOrder ? (
            <Disclosure label={m.order} variant="primary">
              {(close) => <OrderForm caseId={detail.id} decision={dec} onCancel={close} onDone={(n) => { close(); announce(m.sent(n)); }} />}
            </Disclosure>
          ) : (
            <p className="muted">{dec.activeOrderId ? m.hasActiveOrder : dec.validTo && dec.validTo < today ? m.decisionEnded : m.notOrderable}</p>
          )}
        </div>
      ))}
      {data.orders.length > 0 && (
        <>
          <h3 className="visually-hidden">{m.orders}</h3>
          {data.orders.map((o) => <OrderCard key={o.id} caseId={detail.id} order={o} announce={announce} />)}
        </>
      )}
    </div>
  );
}

function Loaded({ detail }: { detail: CaseDetail }) {
  const m = useOrderMessages();
  const status = useStatusMessage();
  const query = useCaseOrders(detail.id);
  return (
    <Section id="verkstallighet" title={m.section}>
      {status.node}
      <p className="hint">{m.lead}</p>
      <QueryState query={query}>{(data) => <Content detail={detail} data={data} announce={(t) => status.show(t)} />}</QueryState>
    </Section>
  );
}

export function OrdersSection({ detail }: { detail: CaseDetail }) {
  const granted = detail.decisions.some((d) => d.status === 'fattat' && d.outcome !== 'avslag');
  if (!granted) return null;
  return <Loaded detail={detail} />;
}
