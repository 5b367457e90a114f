// The person's requests to choose or change provider (LOV, lag 2008:962), in the case page's
// Verkställighet section: carry one out in one click (the current beställning ends the day before,
// a new one goes to the chosen provider) or refuse it with an explanation the person reads.
// Renders nothing when the case has no requests.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CarryOutBody, StaffProviderChoice, StaffProviderChoices } from '../../shared/citizen-services-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { Disclosure, Field, ProblemAlert, Sv, fieldErrors } from '../cases/form';
import { useProviderChoiceStaffMessages } from '../citizen/services-messages';
import { orderKeys } from './queries';
import '../citizen/services.css';

const enc = encodeURIComponent;
export const providerChoiceKey = (caseId: string) => ['staff', 'case', caseId, 'provider-choices'] as const;

function useChoiceChange(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fn: () => Promise<StaffProviderChoices>) => fn(),
    onSuccess: (data) => {
      qc.setQueryData(providerChoiceKey(caseId), data);
      void qc.invalidateQueries({ queryKey: orderKeys.caseOrders(caseId) });
      void qc.invalidateQueries({ queryKey: orderKeys.evb });
    },
  });
}

function RefuseForm({ caseId, item, onDone, onCancel }: { caseId: string; item: StaffProviderChoice; onDone: () => void; onCancel: () => void }) {
  const m = useProviderChoiceStaffMessages();
  const change = useChoiceChange(caseId);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutateAsync(() => api.post<StaffProviderChoices>(`/api/staff/provider-choices/${enc(item.id)}/refuse`, { reason }))
      .then(onDone, () => undefined);
  };
  return (
    <form className="stack" onSubmit={onSubmit} aria-label={m.refuse}>
      <Field label={m.refuseReason} error={errors.reason}>
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.refuseSend}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function Item({ caseId, item, announce }: { caseId: string; item: StaffProviderChoice; announce: (t: string) => void }) {
  const m = useProviderChoiceStaffMessages();
  const { lang } = useI18n();
  const d = (x: string | null) => (x ? formatDate(x, lang) : '');
  const carry = useChoiceChange(caseId);
  const startOn = item.wishedStartOn;
  const onCarryOut = () => {
    const body: CarryOutBody = {};
    carry.mutateAsync(() => api.post<StaffProviderChoices>(`/api/staff/provider-choices/${enc(item.id)}/carry-out`, body)).then((r) => {
      const done = r.items.find((x) => x.id === item.id);
      announce(m.carriedOut(done?.newOrderNumber ?? null, item.toProvider, done?.startOn ? d(done.startOn) : null));
    }, () => undefined);
  };
  return (
    <li className="or-order sv-staff-choice">
      <div className="or-order-head">
        <p className="sv-request-line">{m.line(m.by(item.requestedBy.name, item.requestedBy.relation), item.fromProvider, item.toProvider, d(item.wishedStartOn))}</p>
        <span className={`badge sv-badge--${item.status}`}>{m.status[item.status]}</span>
      </div>
      <p className="muted">{m.received(d(item.requestedAt.slice(0, 10)))} · <Sv>{item.insats}</Sv></p>
      {item.message && <p><strong>{m.message}:</strong> <span className="pre-line"><Sv>{item.message}</Sv></span></p>}
      {item.status === 'carried_out' && <p>{m.carriedOut(item.newOrderNumber, item.toProvider, d(item.startOn))}</p>}
      {item.status === 'refused' && item.refusalReason && <p><strong>{m.reason}:</strong> <Sv>{item.refusalReason}</Sv></p>}
      {item.handledAt && <p className="muted">{m.handled(item.handledBy, d(item.handledAt.slice(0, 10)))}</p>}
      {item.status === 'requested' && (
        <div className="stack">
          {item.blockedReason && <p className="notice notice--warning"><Sv>{item.blockedReason}</Sv></p>}
          {item.canCarryOut && (
            <>
              <p className="hint">{m.carryOutHint(d(startOn))}</p>
              <div className="button-row">
                <button type="button" className="button" onClick={onCarryOut} disabled={carry.isPending}>{carry.isPending ? m.carrying : m.carryOut}</button>
              </div>
            </>
          )}
          <ProblemAlert error={carry.error} />
          <Disclosure label={m.refuse} small>
            {(close) => <RefuseForm caseId={caseId} item={item} onCancel={close} onDone={() => { close(); announce(m.refused); }} />}
          </Disclosure>
        </div>
      )}
    </li>
  );
}

export function ProviderChoiceRequests({ caseId, announce }: { caseId: string; announce: (t: string) => void }) {
  const m = useProviderChoiceStaffMessages();
  const query = useQuery({
    queryKey: providerChoiceKey(caseId),
    queryFn: ({ signal }) => api.get<StaffProviderChoices>(`/api/staff/cases/${enc(caseId)}/provider-choices`, signal),
    staleTime: 0,
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div className="sv-staff-block">
      <h3>{m.title}</h3>
      <p className="hint">{m.lead}</p>
      <ul className="sv-staff-choices">
        {items.map((x) => <Item key={x.id} caseId={caseId} item={x} announce={announce} />)}
      </ul>
    </div>
  );
}
