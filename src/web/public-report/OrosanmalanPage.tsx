// '/orosanmalan' – the public e-service "Orosanmälan om barn": no login, mobile first, plain
// Swedish. The form is kept in sessionStorage as the reporter types (never on the server: there is
// no login to tie a draft to), together with an idempotency key made when the form was opened, so
// a retried or double-clicked submit gives the same receipt and never a second case.
// After sending, the reporter sees a receipt number and what happens next — nothing else.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useMunicipalities } from '../api/queries';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Layout } from '../ui/Layout';
import { Page } from '../ui/Page';
import { Checkbox, Field, RadioGroup, Sv, fieldErrors } from '../cases/form';
import { dateInSweden } from '../../domain/deadlines';
import { REPORT_ROLES, isMandatoryReporter, validateReport, type ReportBody, type ReportReceipt, type ReportRole } from '../../shared/report-api';
import { useReportMessages } from './messages';
import '../cases/cases.css';
import './report.css';

const STORAGE_KEY = 'lots.orosanmalan.v1';

interface FormState {
  idempotencyKey: string;
  municipality: string;
  danger: 'ja' | 'nej' | null;
  firstName: string; lastName: string; personnummer: string; birthDate: string; whereabouts: string;
  description: string;
  role: ReportRole | null;
  anonymous: 'ja' | 'nej' | null;
  name: string; phone: string; organisation: string; mayBeNamed: boolean;
}

const emptyForm = (): FormState => ({
  idempotencyKey: crypto.randomUUID(), municipality: '', danger: null,
  firstName: '', lastName: '', personnummer: '', birthDate: '', whereabouts: '', description: '',
  role: null, anonymous: null, name: '', phone: '', organisation: '', mayBeNamed: false,
});

function loadForm(): FormState {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw) return { ...emptyForm(), ...(JSON.parse(raw) as Partial<FormState>) };
  } catch {
    // storage blocked or damaged: start empty
  }
  return emptyForm();
}

/** The body as the server wants it: empty optional fields left out, anonymous means no contact details. */
function toBody(f: FormState): ReportBody {
  const anonymous = f.anonymous === 'ja' && !isMandatoryReporter(f.role);
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    idempotencyKey: f.idempotencyKey,
    municipality: f.municipality,
    child: { firstName: f.firstName, lastName: f.lastName, personnummer: opt(f.personnummer), birthDate: opt(f.personnummer) ? undefined : opt(f.birthDate), whereabouts: opt(f.whereabouts) },
    description: f.description,
    immediateDanger: f.danger === 'ja',
    reporter: anonymous
      ? { role: f.role ?? '', anonymous: true, mayBeNamed: false }
      : { role: f.role ?? '', anonymous: false, mayBeNamed: f.mayBeNamed, name: opt(f.name), phone: opt(f.phone), organisation: opt(f.organisation) },
  };
}

/** Field path (child/firstName) → the id of its control. */
const controlId = (path: string) => `or-${path.replace(/\//g, '-')}`;

function Call112() {
  const m = useReportMessages();
  return (
    <div className="or-112" role="alert">
      <Icon name="alert" size={24} />
      <div>
        <h2>{m.call112Title}</h2>
        <p>{m.call112Text}</p>
        <a className="button button--large or-112-link" href="tel:112">{m.call112Link}</a>
      </div>
    </div>
  );
}

function Receipt({ receipt, danger, anonymous, onNew }: { receipt: ReportReceipt; danger: boolean; anonymous: boolean; onNew: () => void }) {
  const m = useReportMessages();
  const { lang } = useI18n();
  return (
    <Page title={m.receiptTitle} narrow>
      <div className="or-form">
        {danger && <Call112 />}
        <section className="card or-receipt" aria-labelledby="or-receipt-h">
          <h2 id="or-receipt-h">{m.receiptNumber}</h2>
          <p className="or-receipt-number" data-testid="receipt-number">{receipt.receiptNumber}</p>
          <p className="hint">{m.receiptNumberHint}</p>
          <p><strong>{m.receivedAt}:</strong> {formatDateTime(receipt.receivedAt, lang)}</p>
          {anonymous && <p>{m.anonymousReceipt}</p>}
        </section>
        <section className="card" aria-labelledby="or-next-h">
          <h2 id="or-next-h">{m.nextHeading}</h2>
          <ol className="or-next">{m.next.map((t) => <li key={t}>{t}</li>)}</ol>
          <p>{m.secrecy}</p>
        </section>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={onNew}>{m.newReport}</button>
        </div>
      </div>
    </Page>
  );
}

export function OrosanmalanPage() {
  const m = useReportMessages();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<FormState>(loadForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summaryShown, setSummaryShown] = useState(0);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<{ receipt: ReportReceipt; danger: boolean; anonymous: boolean } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Saved as you go, in this tab only.
  useEffect(() => {
    if (receipt) return;
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(form)); } catch { /* storage full or blocked: keep going */ }
  }, [form, receipt]);
  useEffect(() => {
    if (summaryShown) summaryRef.current?.focus();
  }, [summaryShown]);
  const items = municipalities.data?.items ?? [];
  // Only one municipality: it is chosen for the reporter.
  const chosen: FormState = { ...form, municipality: form.municipality || (items.length === 1 ? items[0]!.code : '') };

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const mandatory = isMandatoryReporter(form.role);
  const anonymous = form.anonymous === 'ja' && !mandatory;
  const err = (path: string) => errors[path];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setFailure(null);
    const found: Record<string, string> = {};
    if (!form.danger) found.immediateDanger = m.dangerRequired;
    for (const fe of validateReport(toBody(chosen), dateInSweden())) found[fe.path.replace(/^body\//, '')] ??= fe.message;
    if (!form.role) found['reporter/role'] = m.roleRequired;
    if (!mandatory && !form.anonymous && form.role) found['reporter/anonymous'] = m.anonymousLegend;
    setErrors(found);
    if (Object.keys(found).length) { setSummaryShown((n) => n + 1); return; }
    setSending(true);
    try {
      const res = await api.post<ReportReceipt>('/api/public/reports', toBody(chosen));
      try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* ignore */ }
      setReceipt({ receipt: res, danger: form.danger === 'ja', anonymous });
      window.scrollTo(0, 0);
    } catch (error) {
      setFailure(error);
      const server = fieldErrors(error);
      const byPath: Record<string, string> = {};
      if (error instanceof ApiError) for (const fe of error.errors) byPath[fe.path.replace(/^\/?body\//, '')] ??= fe.message;
      if (Object.keys(byPath).length || Object.keys(server).length) { setErrors(byPath); setSummaryShown((n) => n + 1); }
    } finally {
      setSending(false);
    }
  };

  const startOver = () => {
    try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* ignore */ }
    setForm(emptyForm());
    setErrors({});
    setFailure(null);
    setReceipt(null);
  };

  if (receipt) {
    return (
      <Layout session={undefined}>
        <Receipt {...receipt} onNew={startOver} />
      </Layout>
    );
  }

  const summary = Object.entries(errors);
  const hasPnr = form.personnummer.trim() !== '';

  return (
    <Layout session={undefined}>
      <Page title={m.docTitle} heading={m.heading} lead={<p>{m.lead}</p>} narrow>
        <form className="or-form cs-new" onSubmit={(e) => void onSubmit(e)} noValidate>
          {summaryShown > 0 && summary.length > 0 && (
            <div className="cs-error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
              <h2>{m.fixErrors}</h2>
              <ul>
                {summary.map(([k, v]) => (
                  <li key={k}>
                    <a href={`#${controlId(k)}`} onClick={(e) => { e.preventDefault(); document.getElementById(controlId(k))?.focus(); }}><Sv>{v}</Sv></a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {failure != null && !(failure instanceof ApiError && failure.errors.length) && (
            <div className="cs-alert" role="alert">
              <Icon name="alert" />
              <div>
                <strong>{m.errorTitle}</strong>
                <p>{failure instanceof ApiError && failure.status >= 400 && failure.status < 500 && failure.detail ? <Sv>{failure.detail}</Sv> : m.errorGeneric}</p>
              </div>
            </div>
          )}
          <p className="notice notice--info"><Icon name="lock" /><span>{m.savedHint}</span></p>

          <section className="card">
            <RadioGroup id={controlId('immediateDanger')} legend={m.dangerLegend} name="danger" value={form.danger} error={err('immediateDanger')}
              options={[{ value: 'ja', label: m.dangerYes }, { value: 'nej', label: m.dangerNo }]} onChange={(v) => set('danger', v)} />
            {form.danger === 'ja' && <Call112 />}
          </section>

          <section className="card" aria-labelledby="or-child-h">
            <h2 id="or-child-h">{m.childHeading}</h2>
            <Field id={controlId('municipality')} label={m.municipality} hint={m.municipalityHint} error={err('municipality')}>
              {(p) => (
                <select {...p} value={chosen.municipality} onChange={(e) => set('municipality', e.target.value)} disabled={municipalities.isPending}>
                  <option value="">{municipalities.isPending ? m.loading : m.chooseMunicipality}</option>
                  {items.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
                </select>
              )}
            </Field>
            {municipalities.isError && <p className="notice notice--error" role="alert">{m.municipalitiesError}</p>}
            <Field id={controlId('child/firstName')} label={m.firstName} error={err('child/firstName')}>
              {(p) => <input {...p} type="text" autoComplete="off" maxLength={100} value={form.firstName} onChange={(e) => set('firstName', e.target.value)} />}
            </Field>
            <Field id={controlId('child/lastName')} label={m.lastName} error={err('child/lastName')}>
              {(p) => <input {...p} type="text" autoComplete="off" maxLength={100} value={form.lastName} onChange={(e) => set('lastName', e.target.value)} />}
            </Field>
            <Field id={controlId('child/personnummer')} label={<>{m.personnummer} <span className="muted">{m.optional}</span></>} hint={m.personnummerHint} error={err('child/personnummer')}>
              {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={20} value={form.personnummer} onChange={(e) => set('personnummer', e.target.value)} />}
            </Field>
            {hasPnr ? (
              <p className="hint">{m.birthDateNotNeeded}</p>
            ) : (
              <Field id={controlId('child/birthDate')} label={m.birthDate} hint={m.birthDateHint} error={err('child/birthDate')}>
                {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" placeholder="ÅÅÅÅ-MM-DD" maxLength={10} value={form.birthDate} onChange={(e) => set('birthDate', e.target.value)} />}
              </Field>
            )}
            <Field id={controlId('child/whereabouts')} label={<>{m.whereabouts} <span className="muted">{m.optional}</span></>}>
              {(p) => <input {...p} type="text" autoComplete="off" maxLength={300} value={form.whereabouts} onChange={(e) => set('whereabouts', e.target.value)} />}
            </Field>
          </section>

          <section className="card" aria-labelledby="or-what-h">
            <h2 id="or-what-h">{m.whatHeading}</h2>
            <Field id={controlId('description')} label={m.description} hint={m.descriptionHint} error={err('description')}>
              {(p) => <textarea {...p} rows={7} maxLength={10000} value={form.description} onChange={(e) => set('description', e.target.value)} />}
            </Field>
          </section>

          <section className="card" aria-labelledby="or-you-h">
            <h2 id="or-you-h">{m.youHeading}</h2>
            <RadioGroup id={controlId('reporter/role')} legend={m.roleLegend} name="role" value={form.role} error={err('reporter/role')}
              options={REPORT_ROLES.map((r) => ({ value: r, label: m.role[r] }))} onChange={(v) => set('role', v)} />
            {mandatory ? (
              <p className="notice notice--info" id={controlId('reporter/anonymous')} tabIndex={-1}>
                <Icon name="info" /><span>{m.mandatoryNotice}</span>
              </p>
            ) : form.role && (
              <RadioGroup id={controlId('reporter/anonymous')} legend={m.anonymousLegend} name="anonymous" value={form.anonymous} error={err('reporter/anonymous')}
                options={[{ value: 'ja', label: m.anonymousYes, hint: m.anonymousYesHint }, { value: 'nej', label: m.anonymousNo, hint: m.anonymousNoHint }]}
                onChange={(v) => set('anonymous', v)} />
            )}
            {mandatory && err('reporter/anonymous') && <p className="field-error"><Icon name="alert" size={16} /><Sv>{err('reporter/anonymous')}</Sv></p>}
            {form.role && !anonymous && (mandatory || form.anonymous === 'nej') && (
              <>
                <Field id={controlId('reporter/name')} label={m.name} error={err('reporter/name')}>
                  {(p) => <input {...p} type="text" autoComplete="name" maxLength={200} value={form.name} onChange={(e) => set('name', e.target.value)} />}
                </Field>
                <Field id={controlId('reporter/phone')} label={m.phone} error={err('reporter/phone')}>
                  {(p) => <input {...p} type="tel" autoComplete="tel" maxLength={50} value={form.phone} onChange={(e) => set('phone', e.target.value)} />}
                </Field>
                <Field id={controlId('reporter/organisation')} label={mandatory ? m.organisation : <>{m.organisation} <span className="muted">{m.optional}</span></>}
                  hint={m.organisationHint} error={err('reporter/organisation')}>
                  {(p) => <input {...p} type="text" autoComplete="organization" maxLength={200} value={form.organisation} onChange={(e) => set('organisation', e.target.value)} />}
                </Field>
                <Checkbox label={m.mayBeNamed} hint={m.mayBeNamedHint} checked={form.mayBeNamed} onChange={(v) => set('mayBeNamed', v)} />
              </>
            )}
          </section>

          <div className="button-row">
            <button type="submit" className="button button--large" disabled={sending} aria-disabled={sending}>
              {sending ? m.sending : m.submit}
            </button>
            <button type="button" className="button button--secondary" onClick={() => { if (window.confirm(m.clearConfirm)) startOver(); }}>{m.clear}</button>
          </div>
        </form>
      </Page>
    </Layout>
  );
}
