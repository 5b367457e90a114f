// The order page's documentation sections: the provider's journal, avvikelser (lex Sarah),
// messages with the handläggare and performed time per month.
import { useState, type FormEvent } from 'react';
import type { DeviationView, ProviderJournalEntry } from '../../shared/provider-api';
import { Checkbox, Disclosure, Field, ProblemAlert, RadioGroup, fieldErrors, useToday } from '../cases/form';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { QueryState } from '../ui/Status';
import { useProviderMessages } from './messages';
import { providerApi, useDeviations, useJournal, useMessages, useOrderMutation, useOrderTime, useProviderStaff } from './queries';

type Done = (text: string) => void;

/** 'YYYY-MM-DDTHH:mm' in the browser's time (for datetime-local) → ISO instant. */
const localToIso = (v: string) => new Date(v).toISOString();
const nowLocal = () => {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

// ---- Journal ----

function JournalForm({ orderId, corrects, close, onDone }: { orderId: string; corrects?: ProviderJournalEntry; close: () => void; onDone: Done }) {
  const m = useProviderMessages();
  const today = useToday();
  const [occurredOn, setOccurredOn] = useState(today);
  const [title, setTitle] = useState(corrects ? m.correctionOf(corrects.title) : '');
  const [body, setBody] = useState(corrects?.body ?? '');
  const mutation = useOrderMutation(orderId, () => providerApi.writeJournal(orderId, { occurredOn, title, body, ...(corrects ? { correctsId: corrects.id } : {}) }), ['journal']);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => { e.preventDefault(); mutation.mutateAsync().then(() => { close(); onDone(m.saved); }, () => undefined); };
  return (
    <form onSubmit={submit} noValidate className="cs-step-form">
      <Field label={m.occurredOn} error={errors.occurredOn}>{(p) => <input {...p} type="date" max={today} required value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />}</Field>
      <Field label={m.title} error={errors.title}>{(p) => <input {...p} type="text" required value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label={m.body} error={errors.body}>{(p) => <textarea {...p} rows={5} required value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
      <ProblemAlert error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>{mutation.isPending ? m.saving : m.save}</button>
        <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
      </div>
    </form>
  );
}

function JournalItem({ orderId, entry, onDone }: { orderId: string; entry: ProviderJournalEntry; onDone: Done }) {
  const m = useProviderMessages();
  const { lang } = useI18n();
  const sign = useOrderMutation(orderId, () => providerApi.signJournal(orderId, entry.id), ['journal']);
  return (
    <li className={entry.signedAt ? 'journal-entry' : 'journal-entry journal-entry--unsigned'}>
      <article aria-labelledby={`pj-${entry.id}`}>
        <header className="journal-head">
          <h4 id={`pj-${entry.id}`}>{entry.correctsId && <span className="badge">{m.correction}</span>} {entry.title}</h4>
          <p className="journal-meta muted">
            {formatDate(entry.occurredOn, lang)} · {m.by(entry.authorName)} ·{' '}
            {entry.signedAt ? m.signedBy(entry.signedBy ?? '') : <span className="badge badge--unsigned">{m.unsigned}</span>}
          </p>
        </header>
        <p className="journal-body pre-line">{entry.body}</p>
        {entry.correctedById && <p className="muted"><em>{m.correctedBy}</em></p>}
        <div className="button-row">
          {!entry.signedAt && entry.mine && (
            <button type="button" className="button button--small" disabled={sign.isPending} onClick={() => sign.mutateAsync().then(() => onDone(m.signed), () => undefined)}>{m.sign}</button>
          )}
          {entry.signedAt && !entry.correctedById && (
            <Disclosure label={m.correct} small>{(close) => <JournalForm orderId={orderId} corrects={entry} close={close} onDone={onDone} />}</Disclosure>
          )}
        </div>
        <ProblemAlert error={sign.error} />
      </article>
    </li>
  );
}

export function JournalSection({ orderId, onDone }: { orderId: string; onDone: Done }) {
  const m = useProviderMessages();
  const query = useJournal(orderId);
  return (
    <>
      <p>{m.journalLead}</p>
      <Disclosure label={m.journalNew} variant="primary">{(close) => <JournalForm orderId={orderId} close={close} onDone={onDone} />}</Disclosure>
      <QueryState query={query}>
        {({ items }) => items.length === 0 ? <p className="muted">{m.journalNone}</p> : (
          <ul className="journal">{items.map((e) => <JournalItem key={e.id} orderId={orderId} entry={e} onDone={onDone} />)}</ul>
        )}
      </QueryState>
    </>
  );
}

// ---- Avvikelser ----

function DeviationForm({ orderId, close, onDone }: { orderId: string; close: () => void; onDone: Done }) {
  const m = useProviderMessages();
  const [occurredAt, setOccurredAt] = useState(nowLocal);
  const [description, setDescription] = useState('');
  const [immediateAction, setImmediateAction] = useState('');
  const [lexSarah, setLexSarah] = useState(false);
  const mutation = useOrderMutation(orderId, () => providerApi.reportDeviation(orderId, { occurredAt: localToIso(occurredAt), description, immediateAction, lexSarah }), ['deviations']);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => { e.preventDefault(); mutation.mutateAsync().then(() => { close(); onDone(m.deviationSaved); }, () => undefined); };
  return (
    <form onSubmit={submit} noValidate className="cs-step-form">
      <Field label={m.occurredAt} error={errors.occurredAt}>{(p) => <input {...p} type="datetime-local" required max={nowLocal()} value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} />}</Field>
      <Field label={m.description} error={errors.description}>{(p) => <textarea {...p} rows={4} required value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <Field label={m.immediateAction} error={errors.immediateAction}>{(p) => <textarea {...p} rows={3} value={immediateAction} onChange={(e) => setImmediateAction(e.target.value)} />}</Field>
      <Checkbox label={m.lexSarah} hint={m.lexSarahHint} checked={lexSarah} onChange={setLexSarah} />
      <ProblemAlert error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>{mutation.isPending ? m.saving : m.send}</button>
        <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
      </div>
    </form>
  );
}

function DeviationStatusForm({ orderId, d, target, close, onDone }: { orderId: string; d: DeviationView; target: 'utreds' | 'avslutad'; close: () => void; onDone: Done }) {
  const m = useProviderMessages();
  const today = useToday();
  const [serious, setSerious] = useState<'ja' | 'nej' | null>(d.serious === null ? null : d.serious ? 'ja' : 'nej');
  const [ivo, setIvo] = useState(d.ivoReportedOn ?? '');
  const [note, setNote] = useState('');
  const mutation = useOrderMutation(orderId, () => providerApi.deviationStatus(orderId, d.id, {
    status: target,
    ...(d.lexSarah && serious ? { serious: serious === 'ja' } : {}),
    ...(d.lexSarah && serious === 'ja' && ivo ? { ivoReportedOn: ivo } : {}),
    ...(note.trim() ? { closingNote: note.trim() } : {}),
  }), ['deviations']);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => { e.preventDefault(); mutation.mutateAsync().then(() => { close(); onDone(m.statusSaved); }, () => undefined); };
  return (
    <form onSubmit={submit} noValidate className="cs-step-form">
      {d.lexSarah && (
        <RadioGroup legend={m.serious} hint={m.seriousHint} name="serious" value={serious} inline
          options={[{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }]} onChange={setSerious} />
      )}
      {d.lexSarah && serious === 'ja' && (
        <Field label={m.ivoReportedOn} error={errors.ivoReportedOn}>{(p) => <input {...p} type="date" max={today} value={ivo} onChange={(e) => setIvo(e.target.value)} />}</Field>
      )}
      {target === 'avslutad' && (
        <Field label={m.closingNote} error={errors.closingNote}>{(p) => <textarea {...p} rows={4} required value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      )}
      <ProblemAlert error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>{mutation.isPending ? m.saving : target === 'utreds' ? m.investigate : m.close}</button>
        <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
      </div>
    </form>
  );
}

export function DeviationSection({ orderId, onDone }: { orderId: string; onDone: Done }) {
  const m = useProviderMessages();
  const { lang } = useI18n();
  const query = useDeviations(orderId);
  return (
    <>
      <p>{m.deviationsLead}</p>
      <Disclosure label={m.deviationNew} variant="primary">{(close) => <DeviationForm orderId={orderId} close={close} onDone={onDone} />}</Disclosure>
      <QueryState query={query}>
        {({ items, canHandle }) => (
          <>
            {!canHandle && <p className="hint">{m.chefOnly}</p>}
            {items.length === 0 ? <p className="muted">{m.deviationsNone}</p> : (
              <ul className="card-list">
                {items.map((d) => (
                  <li key={d.id}>
                    <article className={d.lexSarah ? 'card pv-deviation pv-deviation--sarah' : 'card pv-deviation'} aria-labelledby={`dev-${d.id}`}>
                      <header className="order-head">
                        <h4 id={`dev-${d.id}`}>{d.lexSarah ? m.lexSarah : m.deviation} – {formatDateTime(d.occurredAt, lang)}</h4>
                        <span className={`badge badge--status pv-dev-${d.status}`}>{m.devStatus[d.status]}</span>
                      </header>
                      <p className="muted">{m.reportedBy(d.reportedBy, formatDateTime(d.createdAt, lang))}</p>
                      <dl className="facts">
                        <div><dt>{m.description}</dt><dd className="pre-line">{d.description}</dd></div>
                        {d.immediateAction && <div><dt>{m.immediateAction}</dt><dd className="pre-line">{d.immediateAction}</dd></div>}
                        {d.lexSarah && <div><dt>{m.serious}</dt><dd>{d.serious === null ? m.notAssessed : d.serious ? 'Ja' : 'Nej'}</dd></div>}
                        {d.ivoReportedOn && <div><dt>{m.ivoReportedOn}</dt><dd>{formatDate(d.ivoReportedOn, lang)}</dd></div>}
                        {d.closingNote && <div><dt>{m.closingNote}</dt><dd className="pre-line">{d.closingNote}</dd></div>}
                      </dl>
                      {canHandle && d.status !== 'avslutad' && (
                        <div className="pv-steps">
                          {d.status === 'ny' && <Disclosure label={m.investigate} small>{(close) => <DeviationStatusForm orderId={orderId} d={d} target="utreds" close={close} onDone={onDone} />}</Disclosure>}
                          <Disclosure label={m.close} small>{(close) => <DeviationStatusForm orderId={orderId} d={d} target="avslutad" close={close} onDone={onDone} />}</Disclosure>
                        </div>
                      )}
                    </article>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

// ---- Messages ----

export function MessagesSection({ orderId, onDone }: { orderId: string; onDone: Done }) {
  const m = useProviderMessages();
  const { lang } = useI18n();
  const query = useMessages(orderId);
  const [body, setBody] = useState('');
  const send = useOrderMutation(orderId, () => providerApi.sendMessage(orderId, body), ['messages']);
  const errors = fieldErrors(send.error);
  const submit = (e: FormEvent) => { e.preventDefault(); send.mutateAsync().then(() => { setBody(''); onDone(m.messageSent); }, () => undefined); };
  return (
    <>
      <p>{m.messagesLead}</p>
      <QueryState query={query}>
        {({ items }) => items.length === 0 ? <p className="muted">{m.messagesNone}</p> : (
          <ol className="pv-messages">
            {items.map((x) => (
              <li key={x.id} className={x.side === 'utforare' ? 'pv-msg pv-msg--own' : 'pv-msg'}>
                <p className="pv-msg-meta">
                  <strong>{x.side === 'utforare' ? m.sideUtforare : m.sideMyndighet}: {x.authorName}</strong>{' '}
                  <span className="muted">{formatDateTime(x.createdAt, lang)}</span>
                </p>
                <p className="pre-line">{x.body}</p>
                {x.side === 'utforare' && <p className="muted pv-msg-read">{x.readAt ? m.readAt(formatDateTime(x.readAt, lang)) : m.notRead}</p>}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
      <form onSubmit={submit} noValidate>
        <Field label={m.message} error={errors.body}>{(p) => <textarea {...p} rows={3} required value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
        <ProblemAlert error={send.error} />
        <button type="submit" className="button" disabled={send.isPending}>{send.isPending ? m.saving : m.send}</button>
      </form>
    </>
  );
}

// ---- Utförd tid ----

function VisitForm({ orderId, close, onDone }: { orderId: string; close: () => void; onDone: Done }) {
  const m = useProviderMessages();
  const [start, setStart] = useState(nowLocal);
  const [minutes, setMinutes] = useState('30');
  const [note, setNote] = useState('');
  const mutation = useOrderMutation(orderId, () => providerApi.registerVisit(orderId, { start: localToIso(start), minutes: Number(minutes), ...(note.trim() ? { note: note.trim() } : {}) }), ['time']);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => { e.preventDefault(); mutation.mutateAsync().then(() => { close(); onDone(m.visitSaved); }, () => undefined); };
  return (
    <form onSubmit={submit} noValidate className="cs-step-form">
      <Field label={m.visitStart} error={errors.start}>{(p) => <input {...p} type="datetime-local" required max={nowLocal()} value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
      <Field label={m.visitMinutes} error={errors.minutes}>{(p) => <input {...p} type="number" inputMode="numeric" min={1} max={1440} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />}</Field>
      <Field label={<>{m.visitNote} <span className="muted">{m.optional}</span></>}>{(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <ProblemAlert error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>{mutation.isPending ? m.saving : m.save}</button>
        <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
      </div>
    </form>
  );
}

/** Tomorrow 08:00 local time, a sensible first visit. */
const tomorrowMorning = () => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function PlanVisitsForm({ orderId, close, onDone }: { orderId: string; close: () => void; onDone: Done }) {
  const m = useProviderMessages();
  const staff = useProviderStaff();
  const [staffUserId, setStaffUserId] = useState('');
  const [start, setStart] = useState(tomorrowMorning);
  const [minutes, setMinutes] = useState('45');
  const [days, setDays] = useState('1');
  const [tasks, setTasks] = useState('');
  const n = Number(days) || 1;
  const mutation = useOrderMutation(orderId, () => providerApi.planVisits(orderId, {
    staffUserId, start: localToIso(start), minutes: Number(minutes), days: n, ...(tasks.trim() ? { tasks: tasks.trim() } : {}),
  }), ['time']);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => { e.preventDefault(); mutation.mutateAsync().then(() => { close(); onDone(m.visitsPlanned(n)); }, () => undefined); };
  return (
    <form onSubmit={submit} noValidate className="cs-step-form">
      <p className="hint">{m.planVisitsLead}</p>
      <Field label={m.planStaff} error={errors.staffUserId}>
        {(p) => (
          <select {...p} required value={staffUserId} onChange={(e) => setStaffUserId(e.target.value)}>
            <option value="">{m.chooseStaff}</option>
            {staff.data?.items.map((s) => <option key={s.id} value={s.id}>{s.name} – {s.title}</option>)}
          </select>
        )}
      </Field>
      <div className="pv-row">
        <Field label={m.planStart} error={errors.start}>{(p) => <input {...p} type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
        <Field label={m.visitMinutes} error={errors.minutes}>{(p) => <input {...p} type="number" inputMode="numeric" min={5} max={720} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />}</Field>
        <Field label={m.planDays} hint={m.planDaysHint} error={errors.days}>{(p) => <input {...p} type="number" inputMode="numeric" min={1} max={31} required value={days} onChange={(e) => setDays(e.target.value)} />}</Field>
      </div>
      <Field label={<>{m.planTasks} <span className="muted">{m.optional}</span></>} error={errors.tasks}>{(p) => <textarea {...p} rows={2} maxLength={500} value={tasks} onChange={(e) => setTasks(e.target.value)} />}</Field>
      <ProblemAlert error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>{mutation.isPending ? m.saving : m.planVisits}</button>
        <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
      </div>
    </form>
  );
}

export function TimeSection({ orderId, isChef, onDone }: { orderId: string; isChef: boolean; onDone: Done }) {
  const m = useProviderMessages();
  const { lang } = useI18n();
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const query = useOrderTime(orderId, month);
  return (
    <>
      <p>{m.timeLead}</p>
      <div className="pv-row">
        <Field label={m.month}>{(p) => <input {...p} type="month" max={today.slice(0, 7)} value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />}</Field>
      </div>
      <QueryState query={query}>
        {(t) => (
          <>
            <p aria-live="polite"><strong>{m.summary(t.performedVisits, m.minutes(t.performedMinutes), m.minutes(t.plannedMinutes))}</strong></p>
            {t.visits.length === 0 ? <p className="muted">{m.visitsNone}</p> : (
              <div className="table-scroll" role="region" aria-label={m.secTime} tabIndex={0}>
                <table className="table table--compact">
                  <caption className="visually-hidden">{m.secTime} {t.month}</caption>
                  <thead><tr>
                    <th scope="col">{m.colDate}</th><th scope="col">{m.colStaff}</th><th scope="col">{m.colStatus}</th>
                    <th scope="col" className="pv-num">{m.colPlanned}</th><th scope="col" className="pv-num">{m.colPerformed}</th><th scope="col">{m.colNote}</th>
                  </tr></thead>
                  <tbody>
                    {t.visits.map((v) => (
                      <tr key={v.id}>
                        <th scope="row" className="nowrap">{formatDateTime(v.plannedStart, lang)}</th>
                        <td>{v.staffName ?? '–'}</td>
                        <td>{m.visitStatus[v.status] ?? v.status}</td>
                        <td className="pv-num">{v.plannedMinutes} min</td>
                        <td className="pv-num">{v.performedMinutes === null ? '–' : `${v.performedMinutes} min`}</td>
                        <td>{v.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot><tr>
                    <th scope="row" colSpan={3}>{m.total}</th>
                    <td className="pv-num">{m.minutes(t.plannedMinutes)}</td><td className="pv-num">{m.minutes(t.performedMinutes)}</td><td />
                  </tr></tfoot>
                </table>
              </div>
            )}
          </>
        )}
      </QueryState>
      {isChef && (
        <div className="button-row">
          <Disclosure label={m.planVisits}>{(close) => <PlanVisitsForm orderId={orderId} close={close} onDone={onDone} />}</Disclosure>
          <Disclosure label={m.registerVisit}>{(close) => <VisitForm orderId={orderId} close={close} onDone={onDone} />}</Disclosure>
        </div>
      )}
    </>
  );
}
