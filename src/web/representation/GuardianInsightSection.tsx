// Case page, for a child's case: whether the guardians see it in the e-service, and hiding it
// after a secrecy review (OSL 12 kap. 3 §) — the guardian is the one reported, LVU, or harm.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../api/client';
import type { CaseDetail } from '../../shared/cases-api';
import type { GuardianInsight, GuardianInsightBody } from '../../shared/representation-api';
import { Section } from '../cases/FactsSections';
import { Disclosure, Field, ProblemAlert, RadioGroup, fieldErrors, useStatusMessage } from '../cases/form';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { useRepresentationMessages } from './messages';

type Reason = NonNullable<GuardianInsight['withheld']>;
const REASONS: Reason[] = ['vardnadshavare_anmald', 'lvu', 'menprovning'];
const CUSTODY_ENDS_AT_AGE = 18;

export function GuardianInsightSection({ detail }: { detail: CaseDetail }) {
  // Only a child has guardians; from 18 there is nobody to withhold from.
  if (detail.person.age >= CUSTODY_ENDS_AT_AGE) return null;
  return <Insight caseId={detail.id} />;
}

function Insight({ caseId }: { caseId: string }) {
  const m = useRepresentationMessages();
  const { lang } = useI18n();
  const url = `/api/staff/cases/${encodeURIComponent(caseId)}/guardian-insight`;
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ['guardian-insight', caseId], queryFn: ({ signal }) => api.get<GuardianInsight>(url, signal) });
  const change = useMutation({
    mutationFn: (body: GuardianInsightBody) => request<GuardianInsight>('PUT', url, body),
    onSuccess: (data) => qc.setQueryData(['guardian-insight', caseId], data),
  });
  const status = useStatusMessage();
  const data = query.data;
  if (!data || !data.applies) return null;
  return (
    <Section id="vardnadshavare-insyn" title={m.insightTitle}>
      {status.node}
      {data.withheld ? (
        <>
          <p><Icon name="alert" size={16} /> <strong>{m.insightHidden}</strong> {m.reason[data.withheld]}.</p>
          {data.note && <p className="pre-line">{data.note}</p>}
          {data.setBy && data.setAt && <p className="hint">{m.insightSetBy(data.setBy, formatDateTime(data.setAt, lang))}</p>}
          <button type="button" className="button button--secondary button--small" disabled={change.isPending}
            onClick={() => void change.mutateAsync({ withheld: null, note: null }).then(() => status.show(m.insightSavedShown)).catch(() => undefined)}>
            {m.insightShow}
          </button>
          <ProblemAlert error={change.error} />
        </>
      ) : (
        <>
          <p>{m.insightShown}</p>
          <Disclosure label={m.insightHide} small>
            {(close) => <HideForm onCancel={close} pending={change.isPending} error={change.error}
              onSubmit={(body) => void change.mutateAsync(body).then(() => { close(); status.show(m.insightSavedHidden); }).catch(() => undefined)} />}
          </Disclosure>
        </>
      )}
    </Section>
  );
}

function HideForm({ onSubmit, onCancel, pending, error }: {
  onSubmit: (body: GuardianInsightBody) => void; onCancel: () => void; pending: boolean; error: unknown;
}) {
  const m = useRepresentationMessages();
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const errors = fieldErrors(error);
  return (
    <form className="stack" onSubmit={(e: FormEvent) => { e.preventDefault(); if (reason) onSubmit({ withheld: reason, note }); }}>
      <RadioGroup legend={m.insightReason} name="reason" value={reason} required error={errors.withheld}
        options={REASONS.map((r) => ({ value: r, label: m.reason[r] }))} onChange={setReason} />
      <Field label={m.insightNote} hint={m.insightNoteHint} error={errors.note}>
        {(p) => <textarea {...p} rows={2} value={note} maxLength={1000} required onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={pending}>{m.insightSave}</button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={error} />
    </form>
  );
}
