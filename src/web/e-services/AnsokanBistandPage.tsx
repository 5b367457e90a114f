// '/medborgare/ansokan/bistand' – the e-service "Ansök om bistånd" (SoL 11 kap. 1 §, LSS 9 §):
// one question per step, mobile first, saved to the server draft as the citizen types (debounced,
// "Sparat hh:mm"), resumable from the list of my drafts (?utkast=<id>), and after sending a
// receipt with the case number and what happens next. WCAG 2.1 AA: real labels, an error summary
// that takes focus and links to the fields, focus moved to each step's heading.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftList, EServiceSubject, EServiceSubjects, Receipt } from '../../shared/e-services-api';
import { bistandArea, insatserFor, type Insats } from '../../domain/insatser';
import { ApiError, api, request } from '../api/client';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { Field, ProblemAlert, RadioGroup, useStatusMessage } from '../cases/form';
import { useEServiceMessages, type EServiceMessages } from './messages';
import { ErrorSummary, Progress, ReceiptPage, SaveStatus, StepHeading, newKey, useDraftAutosave, type DraftContent } from './draft-form';
import '../cases/cases.css';
import './e-services.css';

const KIND = 'ansokan_bistand';
const keys = {
  subjects: ['citizen', 'e-services', 'subjects'] as const,
  drafts: ['citizen', 'drafts', KIND] as const,
  draft: (id: string) => ['citizen', 'drafts', 'one', id] as const,
};
const TOTAL_STEPS = 5;

type Channel = 'telefon' | 'brev' | 'e_post' | 'meddelande';
/** The form's answers as saved in the draft (with the idempotency key and the step, DraftContent). */
interface Content extends DraftContent {
  law?: 'SoL' | 'LSS'; requestedInsatser?: string[];
  needs?: string; manageToday?: string; helpers?: string;
  contactChannel?: Channel; phone?: string; email?: string; interpreter?: string; contactNotes?: string;
}
type Errors = Partial<Record<'who' | 'law' | 'requestedInsatser' | 'needs' | 'contactChannel' | 'phone' | 'email', string>>;

function optionsFor(subject: EServiceSubject | undefined, law: 'SoL' | 'LSS'): Insats[] {
  if (law === 'LSS') return insatserFor('funktionsstod', 'LSS');
  return insatserFor(bistandArea('SoL', subject?.age ?? 0), 'SoL');
}

function useSubjects() {
  return useQuery({ queryKey: keys.subjects, queryFn: ({ signal }) => api.get<EServiceSubjects>('/api/citizen/e-services/subjects', signal) });
}

/** Client-side check of one step, with the same rules (and words) as the server. */
function validateStep(step: number, c: Content, m: EServiceMessages): Errors {
  const e: Errors = {};
  if (step === 1) {
    if (!c.law) e.law = m.lawLegend;
    if (!c.requestedInsatser?.length) e.requestedInsatser = m.insatserRequired;
  }
  if (step === 2 && !c.needs?.trim()) e.needs = m.needsRequired;
  if (step === 3) {
    if (!c.contactChannel) e.contactChannel = m.contactRequired;
    if (c.contactChannel === 'telefon' && !/^[+\d][\d\s-]{5,}$/.test(c.phone?.trim() ?? '')) e.phone = m.phoneRequired;
    if (c.contactChannel === 'e_post' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email?.trim() ?? '')) e.email = m.emailRequired;
  }
  return e;
}

const FIELD_IDS: Record<keyof Errors, string> = {
  who: 'f-who', law: 'f-law', requestedInsatser: 'f-insats-0', needs: 'f-needs', contactChannel: 'f-contact', phone: 'f-phone', email: 'f-email',
};
const STEP_OF_FIELD: Record<keyof Errors, number> = { who: 0, law: 1, requestedInsatser: 1, needs: 2, contactChannel: 3, phone: 3, email: 3 };

// ---------------------------------------------------------------------------------------------

function StartView({ onOpen }: { onOpen: (draftId: string) => void }) {
  const m = useEServiceMessages();
  const { lang } = useI18n();
  const subjects = useSubjects();
  const drafts = useQuery({ queryKey: keys.drafts, queryFn: ({ signal }) => api.get<DraftList>(`/api/citizen/drafts?kind=${KIND}`, signal) });
  const client = useQueryClient();
  const status = useStatusMessage();
  const [who, setWho] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [focusKey, setFocusKey] = useState(0);
  const create = useMutation({
    mutationFn: (subjectPersonId: string) => api.post<Draft>('/api/citizen/drafts', { kind: KIND, subjectPersonId, content: { _key: newKey(), _step: 1, law: 'SoL' } }),
    onSuccess: (d) => { void client.invalidateQueries({ queryKey: keys.drafts }); onOpen(d.id); },
  });
  const remove = useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/api/citizen/drafts/${id}`),
    onSuccess: async () => { await client.invalidateQueries({ queryKey: keys.drafts }); status.show(m.removed); },
  });
  const list = subjects.data?.subjects ?? [];
  const chosen = who ?? (list.length === 1 ? list[0]!.id : null);

  const start = (ev: FormEvent) => {
    ev.preventDefault();
    if (!chosen) { setErrors({ who: m.whoRequired }); setFocusKey((n) => n + 1); return; }
    setErrors({});
    create.mutate(chosen);
  };

  return (
    <Page title={m.title} lead={<p>{m.lead}</p>} narrow>
      {status.node}
      {(drafts.data?.drafts.length ?? 0) > 0 && (
        <section className="section" aria-labelledby="es-drafts-heading">
          <h2 id="es-drafts-heading">{m.draftsHeading}</h2>
          <p>{m.draftsLead}</p>
          <ul className="card-list">
            {drafts.data!.drafts.map((d) => (
              <li key={d.id} className="card es-draft">
                <h3>{m.draftAbout(d.subjectName)}</h3>
                <p className="muted">{m.draftSaved(formatDateTime(d.updatedAt, lang))}</p>
                <div className="button-row">
                  <button type="button" className="button" aria-label={m.resumeFor(d.subjectName)} onClick={() => onOpen(d.id)}>{m.resume}</button>
                  <button type="button" className="button button--secondary" aria-label={m.removeFor(d.subjectName)} disabled={remove.isPending}
                    onClick={() => remove.mutate(d.id)}>{m.remove}</button>
                </div>
              </li>
            ))}
          </ul>
          <ProblemAlert error={remove.error} />
        </section>
      )}
      <section className="section" aria-labelledby="es-new-heading">
        <h2 id="es-new-heading" className="visually-hidden">{m.newHeading}</h2>
        <Progress steps={m.steps} step={0} />
        <QueryState query={subjects}>
          {({ subjects: found }) => found.length === 0 ? <p className="panel">{m.noSubjects}</p> : (
            <form className="es-form" noValidate onSubmit={start}>
              <ErrorSummary errors={errors} focusKey={focusKey} fieldIdOf={(k) => FIELD_IDS[k]} />
              <p className="es-step-of">{m.stepOf(1, TOTAL_STEPS)}</p>
              <RadioGroup id="f-who" name="who" legend={<span className="es-legend">{m.whoLegend}</span>} hint={m.whoHint} error={errors.who} value={chosen}
                options={found.map((s) => ({ value: s.id, label: s.relation === 'self' ? m.whoMe(s.name) : m.whoOther(s.name, s.relation) }))}
                onChange={setWho} />
              <ProblemAlert error={create.error} />
              <div className="button-row">
                <button type="submit" className="button button--large" disabled={create.isPending}>{m.start}</button>
              </div>
            </form>
          )}
        </QueryState>
      </section>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------

function Wizard({ draft, subject, onSent }: { draft: Draft; subject: EServiceSubject | undefined; onSent: (r: Receipt) => void }) {
  const m = useEServiceMessages();
  const { lang } = useI18n();
  const client = useQueryClient();
  const { content, latest, saved, saveState, update, flush } = useDraftAutosave<Content>(draft, { reloadUrl: `/api/citizen/drafts/${draft.id}` });
  const [errors, setErrors] = useState<Errors>({});
  const [focusKey, setFocusKey] = useState(0);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const step = Math.min(Math.max(content._step ?? 1, 1), TOTAL_STEPS - 1);

  const goTo = (n: number) => {
    setErrors({});
    update({ _step: n }, true);
  };
  const next = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validateStep(step, latest.current, m);
    if (Object.keys(e).length) { setErrors(e); setFocusKey((k) => k + 1); return; }
    goTo(step + 1);
  };

  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    for (const s of [1, 2, 3]) {
      const e = validateStep(s, latest.current, m);
      if (Object.keys(e).length) { update({ _step: s }, true); setErrors(e); setFocusKey((k) => k + 1); return; }
    }
    setSending(true);
    setSendError(null);
    try {
      await flush();
      const receipt = await api.post<Receipt>('/api/citizen/applications/bistand', { draftId: draft.id, idempotencyKey: latest.current._key });
      await client.invalidateQueries({ queryKey: ['citizen'] });
      onSent(receipt);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.errors.length) {
        const e: Errors = {};
        for (const fe of err.errors) {
          const k = fe.path.replace(/^body\//, '').split('/')[0] as keyof Errors;
          if (k in FIELD_IDS) e[k] ??= fe.message;
        }
        const first = (Object.keys(e) as Array<keyof Errors>)[0];
        if (first) { update({ _step: STEP_OF_FIELD[first] }, true); setErrors(e); setFocusKey((k) => k + 1); }
        else setSendError(err);
      } else setSendError(err);
    } finally {
      setSending(false);
    }
  };

  const law = content.law ?? 'SoL';
  const options = optionsFor(subject, law);
  const chosen = content.requestedInsatser ?? [];
  const label = (i: Insats) => (lang === 'sv' ? i.labelSv : i.labelEn);

  return (
    <Page title={m.title} narrow>
      <p className="es-applies-for"><span className="muted">{m.appliesFor}:</span> <strong>{draft.subjectName}</strong></p>
      <Progress steps={m.steps} step={step} />
      <SaveStatus state={saveState} saved={saved} />
      <form className="es-form" noValidate onSubmit={step === TOTAL_STEPS - 1 ? send : next}>
        <StepHeading steps={m.steps} step={step} />
        <ErrorSummary errors={errors} focusKey={focusKey} fieldIdOf={(k) => FIELD_IDS[k]} />

        {step === 1 && (
          <>
            <RadioGroup id="f-law" name="law" legend={m.lawLegend} hint={m.lawHint} error={errors.law} value={law}
              options={[{ value: 'SoL', label: m.lawSoL, hint: m.lawSoLHint }, { value: 'LSS', label: m.lawLSS, hint: m.lawLSSHint }]}
              onChange={(v) => {
                const allowed = new Set(optionsFor(subject, v).map((i) => i.key));
                update({ law: v, requestedInsatser: chosen.filter((k) => allowed.has(k)) }, true);
              }} />
            <fieldset className={`cs-fieldset${errors.requestedInsatser ? ' field--error' : ''}`} aria-describedby={`f-insatser-hint${errors.requestedInsatser ? ' f-insatser-error' : ''}`}>
              <legend>{m.insatserLegend}</legend>
              <p id="f-insatser-hint" className="hint">{m.insatserHint}</p>
              {errors.requestedInsatser && <p id="f-insatser-error" className="field-error">{errors.requestedInsatser}</p>}
              <div className="cs-choices">
                {options.map((i, n) => (
                  <label key={i.key} className="cs-choice">
                    <input type="checkbox" id={`f-insats-${n}`} checked={chosen.includes(i.key)}
                      onChange={(ev) => update({ requestedInsatser: ev.target.checked ? [...chosen, i.key] : chosen.filter((k) => k !== i.key) }, true)} />
                    <span>
                      <span className="cs-choice-label">{label(i)}</span>
                      {m.insatsHelp[i.key] && <span className="cs-choice-hint">{m.insatsHelp[i.key]}</span>}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        )}

        {step === 2 && (
          <>
            <Field id="f-needs" label={m.needsLabel} hint={m.needsHint} error={errors.needs}>
              {(p) => <textarea {...p} rows={7} maxLength={5000} value={content.needs ?? ''} onChange={(ev) => update({ needs: ev.target.value })} />}
            </Field>
            <Field id="f-manage" label={<>{m.manageLabel} <span className="muted">{m.optional}</span></>} hint={m.manageHint}>
              {(p) => <textarea {...p} rows={4} maxLength={3000} value={content.manageToday ?? ''} onChange={(ev) => update({ manageToday: ev.target.value })} />}
            </Field>
            <Field id="f-helpers" label={<>{m.helpersLabel} <span className="muted">{m.optional}</span></>} hint={m.helpersHint}>
              {(p) => <textarea {...p} rows={3} maxLength={2000} value={content.helpers ?? ''} onChange={(ev) => update({ helpers: ev.target.value })} />}
            </Field>
          </>
        )}

        {step === 3 && (
          <>
            <RadioGroup id="f-contact" name="contact" legend={m.contactLegend} error={errors.contactChannel} value={content.contactChannel ?? null}
              options={(['telefon', 'e_post', 'brev', 'meddelande'] as Channel[]).map((c) => ({ value: c, label: m.channels[c] }))}
              onChange={(v) => update({ contactChannel: v }, true)} />
            {content.contactChannel === 'telefon' && (
              <Field id="f-phone" label={m.phoneLabel} error={errors.phone}>
                {(p) => <input {...p} type="tel" autoComplete="tel" maxLength={50} value={content.phone ?? ''} onChange={(ev) => update({ phone: ev.target.value })} />}
              </Field>
            )}
            {content.contactChannel === 'e_post' && (
              <Field id="f-email" label={m.emailLabel} error={errors.email}>
                {(p) => <input {...p} type="email" autoComplete="email" maxLength={200} value={content.email ?? ''} onChange={(ev) => update({ email: ev.target.value })} />}
              </Field>
            )}
            <Field id="f-interpreter" label={<>{m.interpreterLabel} <span className="muted">{m.optional}</span></>}>
              {(p) => <input {...p} type="text" maxLength={100} value={content.interpreter ?? ''} onChange={(ev) => update({ interpreter: ev.target.value })} />}
            </Field>
            <Field id="f-notes" label={<>{m.notesLabel} <span className="muted">{m.optional}</span></>} hint={m.notesHint}>
              {(p) => <textarea {...p} rows={3} maxLength={1000} value={content.contactNotes ?? ''} onChange={(ev) => update({ contactNotes: ev.target.value })} />}
            </Field>
          </>
        )}

        {step === 4 && (
          <>
            <p>{m.reviewLead}</p>
            <dl className="es-review">
              <ReviewRow term={m.appliesFor} value={draft.subjectName} />
              <ReviewRow term={m.law} value={law === 'LSS' ? m.lawLSS : m.lawSoL} onChange={() => goTo(1)} />
              <ReviewRow term={m.insatser} value={chosen.map((k) => options.find((i) => i.key === k)).filter(Boolean).map((i) => label(i!)).join(', ')} onChange={() => goTo(1)} />
              <ReviewRow term={m.needs} value={content.needs} onChange={() => goTo(2)} />
              <ReviewRow term={m.manage} value={content.manageToday} onChange={() => goTo(2)} />
              <ReviewRow term={m.helpers} value={content.helpers} onChange={() => goTo(2)} />
              <ReviewRow term={m.contact} value={[content.contactChannel ? m.channels[content.contactChannel] : '',
                content.contactChannel === 'telefon' ? content.phone : '', content.contactChannel === 'e_post' ? content.email : ''].filter(Boolean).join(', ')}
                onChange={() => goTo(3)} />
              {content.interpreter?.trim() && <ReviewRow term={m.interpreter} value={content.interpreter} onChange={() => goTo(3)} />}
              {content.contactNotes?.trim() && <ReviewRow term={m.notes} value={content.contactNotes} onChange={() => goTo(3)} />}
            </dl>
            <ProblemAlert error={sendError} />
          </>
        )}

        <div className="button-row es-nav">
          {step > 1 && <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)}>{m.back}</button>}
          {step < TOTAL_STEPS - 1
            ? <button type="submit" className="button button--large">{m.next}</button>
            : <button type="submit" className="button button--large" disabled={sending}>{sending ? m.sending : m.send}</button>}
        </div>
      </form>
    </Page>
  );
}

function ReviewRow({ term, value, onChange }: { term: string; value: string | undefined; onChange?: () => void }) {
  const m = useEServiceMessages();
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <span className="pre-line">{value?.trim() ? value : <span className="muted">{m.notAnswered}</span>}</span>
        {onChange && <button type="button" className="button button--small button--secondary es-change" onClick={onChange}
          aria-label={`${m.change}: ${term}`}>{m.change}</button>}
      </dd>
    </div>
  );
}

function DraftView({ id, onSent }: { id: string; onSent: (r: Receipt) => void }) {
  const m = useEServiceMessages();
  const subjects = useSubjects();
  const draft = useQuery({ queryKey: keys.draft(id), queryFn: ({ signal }) => api.get<Draft>(`/api/citizen/drafts/${id}`, signal), staleTime: Infinity, gcTime: 0 });
  if (draft.isError && draft.error instanceof ApiError && draft.error.status === 404) {
    return (
      <Page title={m.title} narrow>
        <p className="panel">{m.alreadySent} <Link to="/medborgare">{m.receiptCasesLink}</Link></p>
      </Page>
    );
  }
  return (
    <QueryState query={draft}>
      {(d) => subjects.isPending ? null : <Wizard draft={d} subject={subjects.data?.subjects.find((s) => s.id === d.subjectPersonId)} onSent={onSent} />}
    </QueryState>
  );
}

function ReceiptView({ receipt }: { receipt: Receipt }) {
  const m = useEServiceMessages();
  return (
    <ReceiptPage receipt={receipt} texts={{
      title: m.receiptTitle, lead: m.receiptLead, caseNumber: m.caseNumber, receiptNumber: m.receiptNumber, receivedAt: m.receivedAt,
      nextHeading: m.nextHeading, nextSteps: m.nextSteps, questions: m.receiptQuestions, casesLink: m.receiptCasesLink,
    }} />
  );
}

export function AnsokanBistandPage() {
  const [params, setParams] = useSearchParams();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const draftId = params.get('utkast');
  if (receipt) return <ReceiptView receipt={receipt} />;
  if (draftId) {
    return <DraftView key={draftId} id={draftId} onSent={(r) => { setReceipt(r); setParams({}, { replace: true }); }} />;
  }
  return <StartView onOpen={(id) => setParams({ utkast: id })} />;
}
