// '/medborgare/insatser' – Mina insatser: choose whom I act for (me, a child in my custody, someone
// who gave me a fullmakt), then per insats: the provider and how to reach it, the period and scope,
// the signed genomförandeplan, the visits performed (day, time, who by first name); choose or change
// provider where LOV applies; and the place in the queue to särskilt boende. Mobile first.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { CitizenMe } from '../../shared/citizen-api';
import {
  CHOICE_MESSAGE_MAX, type CitizenService, type CitizenServiceGroup, type CitizenServicesResponse, type ProviderChoiceBody,
  type ProviderChoiceView, type SaboQueueItem,
} from '../../shared/citizen-services-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { Field, ProblemAlert, RadioGroup, Sv, fieldErrors, useStatusMessage } from '../cases/form';
import { citizenMessages } from './messages';
import { ActingForChooser, actingForParams, chosenPerson } from './ActingForChooser';
import { useServicesMessages } from './services-messages';
import '../cases/cases.css';
import './citizen.css';
import './services.css';

const enc = encodeURIComponent;
const servicesKey = (personId: string) => ['citizen', 'services', personId] as const;

const useMe = () => useQuery({ queryKey: ['citizen', 'me'], queryFn: ({ signal }) => api.get<CitizenMe>('/api/citizen/me', signal) });
const useServices = (personId: string) => useQuery({
  queryKey: servicesKey(personId),
  queryFn: ({ signal }) => api.get<CitizenServicesResponse>(`/api/citizen/services?for=${enc(personId)}`, signal),
});

function useDate() {
  const { lang } = useI18n();
  return (iso: string | null | undefined) => formatDate(iso, lang);
}

// ---- the queue to särskilt boende -------------------------------------------------------------

function QueueCard({ item, self, name }: { item: SaboQueueItem; self: boolean; name: string }) {
  const m = useServicesMessages();
  const d = useDate();
  const headingId = `queue-${item.decisionId}`;
  return (
    <article className="card sv-queue" aria-labelledby={headingId}>
      <h3 id={headingId}>{m.queueTitle}</h3>
      <p className="sv-queue-place">
        <span className="sv-queue-number" aria-hidden="true">{item.position}</span>
        <span>
          <strong>{m.queuePlace(item.position, self, name.split(' ')[0] ?? name)}</strong>
          <span className="block">{m.queueAhead(item.ahead)}</span>
        </span>
      </p>
      {item.offered && <div className="notice notice--info" role="status"><Icon name="info" /><p>{m.queueOffered}</p></div>}
      <dl className="facts facts--compact">
        <div><dt>{m.queueDecided}</dt><dd>{d(item.decidedOn)}</dd></div>
        <div><dt>{m.queueWaited}</dt><dd>{m.waited(item.daysWaited)}</dd></div>
      </dl>
      <h4>{m.queueNext}</h4>
      <ol className="sv-next">
        {m.queueSteps(d(item.ivoReportAfter), item.overThreeMonths).map((s) => <li key={s}>{s}</li>)}
      </ol>
      <p>{m.queueContact(item.contact?.firstName ?? null, item.contact?.phone ?? null)}</p>
      <p className="hint">{m.queueLaw}</p>
    </article>
  );
}

// ---- one insats ---------------------------------------------------------------------------------

function Plan({ plan }: { plan: NonNullable<CitizenService['plan']> }) {
  const m = useServicesMessages();
  const d = useDate();
  return (
    <details className="sv-plan">
      <summary>{m.planSummary(plan.version, plan.signedOn ? d(plan.signedOn) : null)}</summary>
      <div className="sv-plan-body">
        <p className="hint">{m.planLead}</p>
        {plan.goals.length > 0 && (
          <>
            <h5>{m.goals}</h5>
            <ul>{plan.goals.map((g) => <li key={g}><Sv>{g}</Sv></li>)}</ul>
          </>
        )}
        {plan.parts.length > 0 && (
          <>
            <h5>{m.parts}</h5>
            <ul className="sv-parts">
              {plan.parts.map((p, i) => (
                <li key={i}>
                  <strong><Sv>{p.what}</Sv></strong>
                  <dl>
                    {p.how && <div><dt>{m.partHow}</dt><dd><Sv>{p.how}</Sv></dd></div>}
                    {p.when && <div><dt>{m.partWhen}</dt><dd><Sv>{p.when}</Sv></dd></div>}
                    {p.who && <div><dt>{m.partWho}</dt><dd><Sv>{p.who}</Sv></dd></div>}
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
        {plan.participation && (
          <>
            <h5>{m.participation}</h5>
            <p className="pre-line"><Sv>{plan.participation}</Sv></p>
          </>
        )}
        {plan.followUpOn && <p>{m.followUp(d(plan.followUpOn))}</p>}
      </div>
    </details>
  );
}

/** Insatser delivered as visits in the home: their card lists the visits, even when there are none yet. */
const VISIT_INSATSER = new Set(['hemtjanst', 'avlosning', 'boendestod', 'kontaktperson_sol', 'lss_personlig_assistans', 'lss_ledsagarservice', 'lss_kontaktperson', 'lss_avlosarservice']);

function Visits({ s }: { s: CitizenService }) {
  const m = useServicesMessages();
  const all = s.visitWeeks.flatMap((w) => w.visits);
  const minutes = s.visitWeeks.reduce((n, w) => n + w.minutes, 0);
  return (
    <>
      <h4>{m.visits}</h4>
      <p className="hint">{m.visitsLead(s.visitDays)}</p>
      {all.length === 0 ? <p className="muted">{m.noVisits(s.visitDays)}</p> : (
        <>
          <p>{m.visitsSummary(all.length, minutes)}</p>
          {s.visitWeeks.map((w, i) => (
            <details key={`${w.year}-${w.week}`} className="sv-week" open={i === 0}>
              <summary>
                <span>{m.week(w.week, w.from, w.to)}</span>
                <span className="muted sv-week-sum">{m.weekSummary(w.visits.length, w.minutes)}</span>
              </summary>
              <ul className="sv-visits">
                {w.visits.map((v) => (
                  <li key={`${v.date}-${v.timeIn}`}>
                    <span className="sv-visit-line">{m.visitLine(m.visitDay(v.date), v.timeIn, v.timeOut, v.by)}</span>
                    {v.what && <span className="sv-visit-what"><span className="visually-hidden">{m.visitWhat}: </span><Sv>{v.what}</Sv></span>}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
    </>
  );
}

function ChoiceForm({ s, personId, onDone, onCancel }: { s: CitizenService; personId: string; onDone: (provider: string) => void; onCancel: () => void }) {
  const m = useServicesMessages();
  const d = useDate();
  const client = useQueryClient();
  const choice = s.choice!;
  const [providerId, setProviderId] = useState<string | null>(choice.providers.length === 1 ? choice.providers[0]!.id : null);
  const [date, setDate] = useState(choice.earliest);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: (body: ProviderChoiceBody) => api.post<ProviderChoiceView>(`/api/citizen/services/orders/${enc(s.orderId)}/provider-choice`, body),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: servicesKey(personId) });
      onDone(r.toProvider);
    },
  });
  const errors = fieldErrors(send.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!providerId) { setMissing(true); return; }
    send.mutate({ providerId, wishedStartOn: date, ...(message.trim() ? { message: message.trim() } : {}) });
  };
  return (
    <form className="stack sv-choice-form" onSubmit={onSubmit} noValidate>
      <RadioGroup legend={m.choiceProviders} name="provider" value={providerId} required
        error={errors.providerId ?? (missing && !providerId ? m.chooseProviderFirst : undefined)}
        onChange={(v) => { setProviderId(v); setMissing(false); }}
        options={choice.providers.map((p) => ({ value: p.id, label: p.name, hint: m.choiceProviderHint(p.kind, p.ickeval, p.phone, p.areas) }))} />
      <Field label={m.choiceDate} hint={m.choiceDateHint(d(choice.earliest), choice.latest ? d(choice.latest) : null)} error={errors.wishedStartOn} className="cs-narrow">
        {(p) => <input {...p} type="date" value={date} min={choice.earliest} max={choice.latest ?? undefined} onChange={(e) => setDate(e.target.value)} required />}
      </Field>
      <Field label={m.choiceMessage} error={errors.message}>
        {(p) => <textarea {...p} rows={3} maxLength={CHOICE_MESSAGE_MAX} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={send.isPending}>{send.isPending ? m.choiceSending : m.choiceSend}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.choiceCancel}</button>
      </div>
      <ProblemAlert error={send.error} />
    </form>
  );
}

function Choice({ s, personId, announce }: { s: CitizenService; personId: string; announce: (t: string) => void }) {
  const m = useServicesMessages();
  const d = useDate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const choice = s.choice!;
  const withdraw = useMutation({
    mutationFn: (id: string) => api.post<ProviderChoiceView>(`/api/citizen/provider-choices/${enc(id)}/withdraw`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: servicesKey(personId) });
      announce(m.choiceWithdrawn);
    },
  });
  const formId = `choice-${s.orderId}`;
  return (
    <section className="sv-choice" aria-labelledby={`${formId}-h`}>
      <h4 id={`${formId}-h`}>{m.choiceTitle}</h4>
      {choice.open ? (
        <div className="stack">
          <p className="notice notice--info"><Icon name="clock" /><span>{m.choicePending(choice.open.toProvider, d(choice.open.wishedStartOn))}</span></p>
          <div className="button-row">
            <button type="button" className="button button--secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate(choice.open!.id)}>{m.choiceWithdraw}</button>
          </div>
          <ProblemAlert error={withdraw.error} />
        </div>
      ) : (
        <>
          <p>{m.choiceLead}</p>
          <button type="button" className="button button--secondary" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((v) => !v)}>
            {m.choiceOpen}
            <Icon name="chevron" size={16} />
          </button>
          <div id={formId} hidden={!open}>
            {open && <ChoiceForm s={s} personId={personId} onCancel={() => setOpen(false)} onDone={(p) => { setOpen(false); announce(m.choiceSent(p)); }} />}
          </div>
        </>
      )}
    </section>
  );
}

function ServiceCard({ s, personId, today, announce }: { s: CitizenService; personId: string; today: string; announce: (t: string) => void }) {
  const m = useServicesMessages();
  const d = useDate();
  const { lang } = useI18n();
  const headingId = `service-${s.orderId}`;
  // Ended with a last day still to come (a change of provider from a later date): still delivered until then.
  const ending = s.status === 'avslutad' && s.endOn !== null && s.endOn >= today;
  const ended = s.status === 'avslutad' && !ending;
  const showVisits = s.visitWeeks.length > 0 || (s.insatsKey !== null && VISIT_INSATSER.has(s.insatsKey) && !ended);
  return (
    <article className={`card sv-card${ended ? ' sv-card--ended' : ''}`} aria-labelledby={headingId}>
      <div className="sv-card-head">
        <h3 id={headingId} lang={lang === 'sv' ? undefined : 'sv'}>{s.insats}</h3>
        <span className={`badge badge--order-${ending ? 'pagaende' : s.status}`}>{ending ? m.ending : m.status[s.status]}</span>
      </div>
      <p className="muted">{ending ? m.endingHelp(d(s.endOn)) : m.statusHelp[s.status]}</p>
      <dl className="facts facts--compact sv-facts">
        <div>
          <dt>{m.provider}</dt>
          <dd><strong>{s.provider.name}</strong> <span className="muted">({m.providerKind(s.provider.kind)})</span></dd>
        </div>
        {s.provider.phone && <div><dt>{m.phone}</dt><dd><a href={`tel:${s.provider.phone.replace(/[^\d+]/g, '')}`}>{s.provider.phone}</a></dd></div>}
        {s.provider.email && <div><dt>{m.email}</dt><dd><a href={`mailto:${s.provider.email}`}>{s.provider.email}</a></dd></div>}
        {s.scope && <div><dt>{m.scope}</dt><dd><Sv>{s.scope}</Sv></dd></div>}
        <div><dt>{m.period}</dt><dd>{m.periodText(d(s.startOn), s.endOn ? d(s.endOn) : null)}</dd></div>
        {s.startedOn && <div><dt>{m.started}</dt><dd>{d(s.startedOn)}</dd></div>}
      </dl>

      {(s.plan || s.status !== 'avslutad') && (
        <>
          <h4>{m.plan}</h4>
          {s.plan ? <Plan plan={s.plan} /> : <p className="muted">{m.noPlan}</p>}
        </>
      )}

      {showVisits && <Visits s={s} />}

      {s.choice && <Choice s={s} personId={personId} announce={announce} />}
    </article>
  );
}

function Requests({ items }: { items: ProviderChoiceView[] }) {
  const m = useServicesMessages();
  const d = useDate();
  return (
    <section className="section" aria-labelledby="sv-requests-h">
      <h3 id="sv-requests-h">{m.requests}</h3>
      <ul className="card-list">
        {items.map((r) => (
          <li key={r.id} className="card sv-request">
            <div className="sv-card-head">
              <p className="sv-request-line"><Sv>{r.insats}</Sv>: {m.requestLine(r.fromProvider, r.toProvider, d(r.wishedStartOn))}</p>
              <span className={`badge sv-badge--${r.status}`}>{m.requestStatus[r.status]}</span>
            </div>
            <p className="muted">{m.requestedBy(r.requestedBy.name, r.requestedBy.relation, d(r.requestedAt.slice(0, 10)))}</p>
            {r.status === 'carried_out' && r.startOn && <p>{m.carriedOut(r.toProvider, d(r.startOn))}</p>}
            {r.status === 'refused' && r.refusalReason && (
              <p><strong>{m.refusedBecause}</strong> <span className="pre-line"><Sv>{r.refusalReason}</Sv></span></p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ServicesOf({ personId, name, self, withheld }: { personId: string; name: string; self: boolean; withheld: string | null }) {
  const m = useServicesMessages();
  const query = useServices(personId);
  const status = useStatusMessage();
  return (
    <section className="section" aria-labelledby="sv-heading">
      <h2 id="sv-heading">{m.servicesFor(name, self)}</h2>
      {status.node}
      {withheld && <div className="notice notice--info" role="status"><Icon name="shield" /><p>{withheld}</p></div>}
      <QueryState query={query}>
        {({ persons, today }) => {
          const group: CitizenServiceGroup | undefined = persons[0];
          const empty = !group || (group.services.length === 0 && group.queue.length === 0);
          return (
            <>
              {group?.queue.map((q) => <QueueCard key={q.decisionId} item={q} self={self} name={name} />)}
              {empty && !withheld && (
                <div className="panel"><p>{m.none}</p><p className="muted">{m.noneHelp}</p></div>
              )}
              {group && group.services.length > 0 && (
                <ul className="card-list">
                  {group.services.map((s) => <li key={s.orderId}><ServiceCard s={s} personId={personId} today={today} announce={status.show} /></li>)}
                </ul>
              )}
              {group && group.requests.length > 0 && <Requests items={group.requests} />}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

export function CitizenServicesPage() {
  const m = useServicesMessages();
  const { lang } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  return (
    <Page title={m.title} lead={<p>{m.lead}</p>} narrow>
      <QueryState query={me}>
        {({ actingFor }) => {
          if (actingFor.length === 0) return <div className="panel"><p>{m.none}</p></div>;
          const chosen = chosenPerson(actingFor, params.get('for'))!;
          return (
            <>
              <ActingForChooser legend={m.actingForLegend} people={actingFor} chosenId={chosen.id}
                onChoose={(p) => setParams(actingForParams(p), { replace: true })} />
              <ServicesOf key={chosen.id} personId={chosen.id} name={chosen.name} self={chosen.relation === 'self'}
                withheld={chosen.withheld ? citizenMessages[lang].withheld[chosen.withheld.reason] : null} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
