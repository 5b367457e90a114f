// Person page: the fullmakter the municipality has registered for the person, with the case areas
// the ombud sees in the e-service; register a new one, end one (never delete: the audit log keeps
// what the ombud saw while it was valid).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../api/client';
import type { CaseArea } from '../../domain/process/types';
import type { FullmaktList, FullmaktView, NewFullmaktBody } from '../../shared/representation-api';
import { Checkbox, Disclosure, Field, ProblemAlert, fieldErrors, useStatusMessage, useToday } from '../cases/form';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { ErrorPanel, Loading } from '../ui/Status';
import { useRepresentationMessages } from './messages';

const AREAS: CaseArea[] = ['aldreomsorg', 'funktionsstod', 'ekonomiskt_bistand', 'vuxen', 'barn_och_unga', 'familjeratt', 'vald_i_nara_relationer'];
const key = (personId: string) => ['fullmakter', personId] as const;
const url = (personId: string) => `/api/staff/persons/${encodeURIComponent(personId)}/fullmakter`;

function useFullmaktChange(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fn: () => Promise<FullmaktList>) => fn(),
    onSuccess: (data) => qc.setQueryData(key(personId), data),
  });
}

export function FullmaktSection({ personId }: { personId: string }) {
  const m = useRepresentationMessages();
  const query = useQuery({ queryKey: key(personId), queryFn: ({ signal }) => api.get<FullmaktList>(url(personId), signal) });
  const status = useStatusMessage();
  return (
    <section aria-labelledby="fullmakter-h" className="section">
      <h2 id="fullmakter-h">{m.fullmakterTitle}</h2>
      <p className="hint">{m.fullmakterIntro}</p>
      {status.node}
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (query.data.fullmakter.length === 0
        ? <p className="muted">{m.none}</p>
        : <FullmaktTable personId={personId} rows={query.data.fullmakter} onDone={status.show} />)}
      <Disclosure label={m.register}>
        {(close) => <NewFullmaktForm personId={personId} onCancel={close} onDone={() => { close(); status.show(m.saved); }} />}
      </Disclosure>
    </section>
  );
}

function FullmaktTable({ personId, rows, onDone }: { personId: string; rows: FullmaktView[]; onDone: (text: string) => void }) {
  const m = useRepresentationMessages();
  const { lang, t } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-label={m.fullmakterTitle} tabIndex={0}>
      <table className="table">
        <thead>
          <tr><th scope="col">{m.colOmbud}</th><th scope="col">{m.colScope}</th><th scope="col">{m.colAreas}</th><th scope="col">{m.colValid}</th><th scope="col"><span className="visually-hidden">{m.endSave}</span></th></tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.ombud.name}<br /><span className="muted nowrap">{f.ombud.idNumber}</span></th>
              <td>{f.scope}</td>
              <td>{f.scopeAreas.length === 0 ? m.allAreas : f.scopeAreas.map((a) => t.caseArea[a]).join(', ')}</td>
              <td>
                {f.validTo ? m.fromTo(formatDate(f.validFrom, lang), formatDate(f.validTo, lang)) : m.from(formatDate(f.validFrom, lang))}
                <br /><span className={f.active ? '' : 'muted'}>{f.active ? m.active : m.ended}</span>
              </td>
              <td>{f.active && <EndFullmakt personId={personId} f={f} onDone={onDone} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EndFullmakt({ personId, f, onDone }: { personId: string; f: FullmaktView; onDone: (text: string) => void }) {
  const m = useRepresentationMessages();
  const today = useToday();
  const [endOn, setEndOn] = useState(today);
  const change = useFullmaktChange(personId);
  const errors = fieldErrors(change.error);
  return (
    <Disclosure label={<><span aria-hidden="true">{m.endSave}</span><span className="visually-hidden">{m.end(f.ombud.name)}</span></>} small>
      {(close) => (
        <form className="stack" onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void change.mutateAsync(() => request<FullmaktList>('POST', `${url(personId)}/${encodeURIComponent(f.id)}/end`, { endOn }))
            .then(() => { close(); onDone(m.endedMsg); }).catch(() => undefined);
        }}>
          <Field label={m.endOn} error={errors.endOn}>
            {(p) => <input {...p} type="date" min={f.validFrom} value={endOn} onChange={(e) => setEndOn(e.target.value)} required />}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button--small" disabled={change.isPending}>{m.endSave}</button>
            <button type="button" className="button button--secondary button--small" onClick={close}>{m.cancel}</button>
          </div>
          <ProblemAlert error={change.error} />
        </form>
      )}
    </Disclosure>
  );
}

function NewFullmaktForm({ personId, onCancel, onDone }: { personId: string; onCancel: () => void; onDone: () => void }) {
  const m = useRepresentationMessages();
  const { t } = useI18n();
  const today = useToday();
  const [form, setForm] = useState<NewFullmaktBody>({ ombudIdNumber: '', scope: '', scopeAreas: [], validFrom: today, validTo: null });
  const change = useFullmaktChange(personId);
  const errors = fieldErrors(change.error);
  const toggle = (a: CaseArea, on: boolean) => setForm((f) => ({ ...f, scopeAreas: on ? [...f.scopeAreas, a] : f.scopeAreas.filter((x) => x !== a) }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void change.mutateAsync(() => request<FullmaktList>('POST', url(personId), form)).then(onDone).catch(() => undefined);
  };
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label={m.ombudIdNumber} hint={m.ombudHint} error={errors.ombudIdNumber}>
        {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" value={form.ombudIdNumber} required
          onChange={(e) => setForm({ ...form, ombudIdNumber: e.target.value })} />}
      </Field>
      <Field label={m.scope} hint={m.scopeHint} error={errors.scope}>
        {(p) => <input {...p} type="text" value={form.scope} maxLength={500} required onChange={(e) => setForm({ ...form, scope: e.target.value })} />}
      </Field>
      <fieldset className="cs-fieldset">
        <legend>{m.areas}</legend>
        <p className="hint">{m.areasHint}</p>
        <div className="cs-choices">
          {AREAS.map((a) => <Checkbox key={a} label={t.caseArea[a]} checked={form.scopeAreas.includes(a)} onChange={(on) => toggle(a, on)} />)}
        </div>
      </fieldset>
      <div className="cs-row">
        <Field label={m.validFrom} error={errors.validFrom}>
          {(p) => <input {...p} type="date" value={form.validFrom} required onChange={(e) => setForm({ ...form, validFrom: e.target.value })} />}
        </Field>
        <Field label={m.validTo} error={errors.validTo}>
          {(p) => <input {...p} type="date" min={form.validFrom} value={form.validTo ?? ''} onChange={(e) => setForm({ ...form, validTo: e.target.value || null })} />}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.save}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}
