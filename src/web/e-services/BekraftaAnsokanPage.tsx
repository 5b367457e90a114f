// '/medborgare/bekrafta/:id' – the co-applicant (make, maka, registrerad partner or sambo) reads the
// ansökan om försörjningsstöd their partner filled in, and confirms it with their own e-ID (which
// sends it and gives the receipt) or says no with an explanation (it goes back to the applicant).
// They are a party to the application, so they see all of it: household, incomes, costs, assets
// and the attachments. The server checks on every request that they are still the named partner.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contentFrom, monthLabel } from '../../domain/forsorjningsstod-application';
import type { Receipt } from '../../shared/e-services-api';
import type { ConfirmationView } from '../../shared/forsorjningsstod-api';
import { ApiError, api } from '../api/client';
import { useI18n } from '../i18n';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { Icon } from '../ui/Icon';
import { Disclosure, Field, ProblemAlert, fieldErrors } from '../cases/form';
import { useFsMessages } from './forsorjningsstod-messages';
import { ApplicationSummary, ReceiptView, fsKeys } from './forsorjningsstod-ui';
import '../cases/cases.css';
import './e-services.css';
import './forsorjningsstod.css';

function DeclineForm({ view, onDone }: { view: ConfirmationView; onDone: () => void }) {
  const m = useFsMessages();
  const client = useQueryClient();
  const first = view.applicantName.split(' ')[0]!;
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const decline = useMutation({
    mutationFn: () => api.post<ConfirmationView>(`/api/citizen/forsorjningsstod/confirmations/${view.id}/decline`, { reason: reason.trim() }),
    onSuccess: (v) => { client.setQueryData(fsKeys.confirmation(view.id), v); void client.invalidateQueries({ queryKey: fsKeys.awaiting }); onDone(); },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setTried(true);
    if (!reason.trim()) { document.getElementById('f-reason')?.focus(); return; }
    decline.mutate();
  };
  const error = fieldErrors(decline.error).reason ?? (tried && !reason.trim() ? m.declineRequired : undefined);
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <Field id="f-reason" label={m.declineLabel} hint={m.declineHint(first)} error={error}>
        {(p) => <textarea {...p} rows={4} maxLength={1000} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </Field>
      <ProblemAlert error={decline.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={decline.isPending}>{m.declineSend(first)}</button>
      </div>
    </form>
  );
}

function Awaiting({ view }: { view: ConfirmationView }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const client = useQueryClient();
  const content = contentFrom(view.content);
  const month = content.month ? monthLabel(content.month, lang) : '';
  const confirm = useMutation({
    mutationFn: () => api.post<Receipt>(`/api/citizen/forsorjningsstod/confirmations/${view.id}/confirm`, { version: view.version }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: fsKeys.confirmation(view.id) });
      await client.invalidateQueries({ queryKey: fsKeys.awaiting });
    },
  });
  return (
    <Page title={m.confirmTitle} lead={<p>{m.confirmLead(view.applicantName, month, m.relationWord[view.relation] ?? view.relation)}</p>} narrow>
      <ApplicationSummary viewer="co_applicant" content={content} applicantName={view.applicantName} coApplicantName={null} attachments={view.attachments} level={2} />
      <section className="section card fs-answer" aria-labelledby="fs-answer-heading">
        <h2 id="fs-answer-heading">{m.confirmQuestion}</h2>
        <p>{m.confirmText}</p>
        <ProblemAlert error={confirm.error} />
        <div className="button-row">
          <button type="button" className="button button--large" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
            <Icon name="check" />{confirm.isPending ? m.confirming : m.confirm}
          </button>
        </div>
        <Disclosure label={m.declineOpen}>{(close) => <DeclineForm view={view} onDone={close} />}</Disclosure>
      </section>
    </Page>
  );
}

export function BekraftaAnsokanPage() {
  const m = useFsMessages();
  const { id = '' } = useParams();
  const view = useQuery({
    queryKey: fsKeys.confirmation(id), queryFn: ({ signal }) => api.get<ConfirmationView>(`/api/citizen/forsorjningsstod/confirmations/${encodeURIComponent(id)}`, signal),
  });
  if (view.isError && view.error instanceof ApiError && view.error.status === 404) {
    return <Page title={m.confirmTitle} narrow><p className="panel">{m.alreadySent} <Link to="/medborgare">{m.casesLink}</Link></p></Page>;
  }
  return (
    <QueryState query={view}>
      {(v) => {
        const first = v.applicantName.split(' ')[0]!;
        if (v.state === 'confirmed' && v.receipt) return <ReceiptView receipt={v.receipt} lead={m.confirmedLead} steps={m.nextStepsCoApplicant(first)} />;
        if (v.state === 'awaiting_co_applicant') return <Awaiting view={v} />;
        return (
          <Page title={m.confirmTitle} narrow>
            <div className="panel" role="status">
              <p>{v.state === 'declined' ? m.declinedDone(first) : m.withdrawnByApplicant(first)}</p>
              {v.declineReason && <p>{m.declinedReason}: <q className="pre-line">{v.declineReason}</q></p>}
            </div>
            <p><Link to="/medborgare">{m.casesLink}</Link></p>
          </Page>
        );
      }}
    </QueryState>
  );
}
