// '/medborgare/ansokan/forsorjningsstod' – the e-service "Ansök om försörjningsstöd" (12 kap. 1 § SoL):
// choose the month (optionally starting from last month's application), then household, incomes,
// costs, assets and attachments, one step at a time, mobile first, saved to the server draft as the
// citizen types (debounced, "Sparat hh:mm") and resumable (?utkast=<id>). With a partner it is sent
// to them to confirm with their own e-ID (and can be taken back); without, it is sent directly and
// the receipt with the case number is shown. WCAG 2.1 AA: real labels, an error summary that takes
// focus and links to the fields, focus moved to each step's heading, tables with headers for sums.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ASSET_KINDS, ATTACHMENT_KINDS, ATTACHMENT_LABELS, COST_KINDS, COST_LABELS, INCOME_KINDS, INCOME_LABELS, PARTNER_LABELS, PARTNER_RELATIONS,
  contentFrom, monthLabel, monthsOpenFor, sums, validateApplication,
  type AssetKind, type AttachmentKind, type Child, type CostKind, type CostRow, type IncomeKind, type IncomeRow, type PartnerRelation, type Who,
} from '../../domain/forsorjningsstod-application';
import type { Receipt } from '../../shared/e-services-api';
import type { FsAttachment, FsDraft, FsOverview, SendResult } from '../../shared/forsorjningsstod-api';
import { ApiError, api, request } from '../api/client';
import { useI18n } from '../i18n';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { Icon } from '../ui/Icon';
import { Field, ProblemAlert, RadioGroup, useStatusMessage, useToday } from '../cases/form';
import { useFsMessages } from './forsorjningsstod-messages';
import { AwaitingConfirmation } from './AwaitingConfirmation';
import {
  AmountInput, ApplicationSummary, MAX_UPLOAD_BYTES, TOTAL_STEPS, errorsByPath, fieldId, focusField, fsKeys, kronor,
  ReceiptView, WholeNumberInput, stepOfPath, uploadAttachment, type Errors, type FormContent,
} from './forsorjningsstod-ui';
import { ErrorSummary, Progress, SaveStatus, StepHeading, newKey, useDraftAutosave } from './draft-form';
import '../cases/cases.css';
import './e-services.css';
import './forsorjningsstod.css';

const LAST = TOTAL_STEPS - 1;

// ---------------------------------------------------------------------------------------------
// Start: which month, from the previous application or empty; my unsent applications.

function StartView({ onOpen }: { onOpen: (draftId: string) => void }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const today = useToday();
  const client = useQueryClient();
  const overview = useQuery({ queryKey: fsKeys.overview, queryFn: ({ signal }) => api.get<FsOverview>('/api/citizen/forsorjningsstod', signal) });
  const [month, setMonth] = useState<string | null>(null);
  const [from, setFrom] = useState<'previous' | 'empty' | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [focusKey, setFocusKey] = useState(0);
  const create = useMutation({
    mutationFn: (body: { month: string; fromPrevious: boolean }) => api.post<FsDraft>('/api/citizen/forsorjningsstod/drafts', body),
    onSuccess: (d) => { void client.invalidateQueries({ queryKey: fsKeys.overview }); onOpen(d.id); },
  });
  const months = monthsOpenFor(today);

  return (
    <Page title={m.title} lead={<p>{m.lead}</p>} narrow>
      {/* My partner's application waiting for me: here too, where a co-applicant may look for it. */}
      <AwaitingConfirmation />
      <QueryState query={overview}>
        {(o) => {
          const chosenFrom = from ?? (o.previous ? 'previous' : 'empty');
          const start = (ev: FormEvent) => {
            ev.preventDefault();
            if (!month) { setErrors({ month: m.monthRequired }); setFocusKey((n) => n + 1); return; }
            setErrors({});
            create.mutate({ month, fromPrevious: chosenFrom === 'previous' });
          };
          return (
            <>
              {o.drafts.length > 0 && (
                <section className="section" aria-labelledby="fs-drafts-heading">
                  <h2 id="fs-drafts-heading">{m.draftsHeading}</h2>
                  <ul className="card-list">
                    {o.drafts.map((d) => {
                      const label = d.month ? monthLabel(d.month, lang) : '–';
                      return (
                        <li key={d.id} className="card es-draft">
                          <h3>{m.draftFor(label)}</h3>
                          <p className={d.state === 'declined' ? 'fs-state fs-state--declined' : 'fs-state'}>{m.draftState[d.state]}</p>
                          <div className="button-row">
                            <button type="button" className="button" aria-label={m.resumeFor(label)} onClick={() => onOpen(d.id)}>{m.resume}</button>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              )}
              <section className="section" aria-labelledby="fs-new-heading">
                <h2 id="fs-new-heading">{m.newHeading}</h2>
                <Progress steps={m.steps} step={0} />
                <form className="es-form" noValidate onSubmit={start}>
                  <ErrorSummary errors={errors} focusKey={focusKey} fieldIdOf={fieldId} focusField={focusField} lang="sv" />
                  <p className="es-step-of">{m.stepOf(1, TOTAL_STEPS)}</p>
                  <RadioGroup id="f-month" name="month" legend={<span className="es-legend">{m.monthLegend}</span>} hint={m.monthHint} error={errors.month}
                    value={month} options={months.map((x) => ({ value: x, label: monthLabel(x, lang) }))} onChange={setMonth} />
                  {o.previous?.month && (
                    <RadioGroup id="f-from" name="from" legend={m.startLegend} value={chosenFrom}
                      options={[
                        { value: 'previous' as const, label: m.fromPrevious(monthLabel(o.previous.month, lang)), hint: m.fromPreviousHint },
                        { value: 'empty' as const, label: m.fromEmpty },
                      ]}
                      onChange={setFrom} />
                  )}
                  <ProblemAlert error={create.error} />
                  <div className="button-row">
                    <button type="submit" className="button button--large" disabled={create.isPending}>{m.start}</button>
                  </div>
                </form>
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// The steps.

function HouseholdStep({ content, errors, update }: { content: FormContent; errors: Errors; update: (patch: Partial<FormContent>, now?: boolean) => void }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const today = useToday();
  const h = content.household ?? {};
  const children = h.children ?? [];
  const setHousehold = (patch: Partial<NonNullable<FormContent['household']>>, now = false) => update({ household: { ...h, ...patch } }, now);
  const setChild = (i: number, patch: Partial<Child>, now = false) => setHousehold({ children: children.map((c, n) => (n === i ? { ...c, ...patch } : c)) }, now);
  const [otherShare, setOtherShare] = useState<Record<string, boolean>>({});
  const months = monthsOpenFor(today);
  const addedChild = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (addedChild.current !== null) { document.getElementById(fieldId(`body/household/children/${addedChild.current}/firstName`))?.focus(); addedChild.current = null; }
  });

  return (
    <>
      {content.month && !months.includes(content.month) && (
        <Field id={fieldId('body/month')} label={m.monthLegend} hint={m.monthHint} error={errors.month}>
          {(p) => (
            <select {...p} value={content.month} onChange={(ev) => update({ month: ev.target.value }, true)}>
              <option value={content.month}>{monthLabel(content.month!, lang)}</option>
              {months.map((x) => <option key={x} value={x}>{monthLabel(x, lang)}</option>)}
            </select>
          )}
        </Field>
      )}
      <RadioGroup id={fieldId('body/household/livesWithPartner')} name="partner" legend={<span className="es-legend">{m.partnerLegend}</span>} hint={m.partnerHint}
        error={errors['household/livesWithPartner']} value={h.livesWithPartner === true ? 'ja' : h.livesWithPartner === false ? 'nej' : null} inline
        options={[{ value: 'ja' as const, label: m.yes }, { value: 'nej' as const, label: m.no }]}
        onChange={(v) => update({
          household: { ...h, livesWithPartner: v === 'ja' },
          // Without a partner there is no partner income to report.
          ...(v === 'nej' ? { incomes: (content.incomes ?? []).filter((r) => r.who === 'applicant') } : {}),
        }, true)} />
      {h.livesWithPartner === true && (
        <div className="fs-indent">
          <RadioGroup id={fieldId('body/household/coApplicant/relation')} name="relation" legend={m.relationLegend} error={errors['household/coApplicant/relation']}
            value={h.coApplicant?.relation ?? null}
            options={PARTNER_RELATIONS.map((r) => ({ value: r, label: PARTNER_LABELS[r][lang] }))}
            onChange={(v: PartnerRelation) => setHousehold({ coApplicant: { ...h.coApplicant, relation: v } }, true)} />
          <Field id={fieldId('body/household/coApplicant/personnummer')} label={m.partnerPnrLabel} hint={m.partnerPnrHint} error={errors['household/coApplicant/personnummer']} className="cs-narrow">
            {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={13} value={h.coApplicant?.personnummer ?? ''}
              onChange={(ev) => setHousehold({ coApplicant: { ...h.coApplicant, personnummer: ev.target.value } })} />}
          </Field>
        </div>
      )}

      <fieldset className="cs-fieldset fs-children">
        <legend className="es-legend">{m.childrenHeading}</legend>
        <p className="hint">{m.childrenHint}</p>
        {children.length === 0 && <p className="muted">{m.noChildren}</p>}
        {children.map((c, i) => {
          const base = `body/household/children/${i}`;
          const share = typeof c.livesHerePercent === 'number'
            ? (otherShare[c.id] || ![100, 50].includes(c.livesHerePercent) ? 'annan' : c.livesHerePercent === 100 ? 'alla' : 'halva')
            : (otherShare[c.id] ? 'annan' : null);
          const name = c.firstName?.trim() || m.childHeading(i + 1);
          return (
            <div key={c.id} className="fs-child">
              <h3 className="fs-child-heading">{m.childHeading(i + 1)}</h3>
              <div className="cs-row">
                <Field id={fieldId(`${base}/firstName`)} label={m.childFirstName} error={errors[`household/children/${i}/firstName`]}>
                  {(p) => <input {...p} type="text" autoComplete="off" maxLength={60} value={c.firstName ?? ''}
                    onChange={(ev) => setChild(i, { firstName: ev.target.value })} />}
                </Field>
                <Field id={fieldId(`${base}/age`)} label={m.childAge} error={errors[`household/children/${i}/age`]}>
                  {(p) => <WholeNumberInput {...p} maxLength={2} value={c.age} onChange={(v) => setChild(i, { age: v })} />}
                </Field>
              </div>
              <RadioGroup id={fieldId(`${base}/livesHerePercent`)} name={`share-${c.id}`} legend={m.shareLegend} error={errors[`household/children/${i}/livesHerePercent`]}
                value={share} inline
                options={[{ value: 'alla' as const, label: m.shareAll }, { value: 'halva' as const, label: m.shareHalf }, { value: 'annan' as const, label: m.shareOther }]}
                onChange={(v) => {
                  setOtherShare((o) => ({ ...o, [c.id]: v === 'annan' }));
                  setChild(i, { livesHerePercent: v === 'alla' ? 100 : v === 'halva' ? 50 : null }, true);
                }} />
              {share === 'annan' && (
                <Field id={`f-child-${c.id}-percent`} label={m.sharePercent} className="cs-narrow">
                  {(p) => <WholeNumberInput {...p} maxLength={3} value={c.livesHerePercent} onChange={(v) => setChild(i, { livesHerePercent: v })} />}
                </Field>
              )}
              <button type="button" className="button button--small button--secondary"
                onClick={() => { setHousehold({ children: children.filter((_, n) => n !== i) }, true); addButton.current?.focus(); }}>{m.removeChild(name)}</button>
            </div>
          );
        })}
        <div>
          <button ref={addButton} type="button" className="button button--secondary" onClick={() => {
            const id = newKey().slice(0, 8);
            addedChild.current = children.length;
            setHousehold({ children: [...children, { id, firstName: '', age: null, livesHerePercent: null }] }, true);
          }}>{m.addChild}</button>
        </div>
      </fieldset>
    </>
  );
}

function IncomeStep({ content, errors, update }: { content: FormContent; errors: Errors; update: (patch: Partial<FormContent>, now?: boolean) => void }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const rows = content.incomes ?? [];
  const s = sums(content);
  const people: Who[] = content.household?.livesWithPartner ? ['applicant', 'co_applicant'] : ['applicant'];
  const set = (next: IncomeRow[], now = false) => update({ incomes: next }, now);
  return (
    <>
      <p>{m.incomesLead(content.month ? monthLabel(content.month, lang) : '')}</p>
      {people.map((who) => (
        <fieldset key={who} className="cs-fieldset fs-group">
          <legend className="es-legend">{who === 'applicant' ? m.incomesApplicant : m.incomesCoApplicant}</legend>
          <div className="cs-choices">
            {INCOME_KINDS.map((kind: IncomeKind) => {
              const i = rows.findIndex((r) => r.who === who && r.kind === kind);
              const row = rows[i];
              const label = INCOME_LABELS[kind][lang];
              return (
                <div key={kind} className="fs-line">
                  <label className="cs-choice">
                    <input type="checkbox" id={`f-income-${who}-${kind}`} checked={i >= 0}
                      onChange={(ev) => set(ev.target.checked ? [...rows, { who, kind, amount: null }] : rows.filter((_, n) => n !== i), true)} />
                    <span className="cs-choice-label">{label}</span>
                  </label>
                  {row && (
                    <div className="fs-indent">
                      <AmountInput id={fieldId(`body/incomes/${i}/amount`)} label={m.amountLabel(label)} value={row.amount}
                        error={errors[`incomes/${i}/amount`] ?? errors[`incomes/${i}/kind`] ?? errors[`incomes/${i}/who`]}
                        onChange={(v) => set(rows.map((r, n) => (n === i ? { ...r, amount: v } : r)))} />
                      {kind === 'ovrigt' && (
                        <Field id={fieldId(`body/incomes/${i}/note`)} label={m.noteIncome} error={errors[`incomes/${i}/note`]}>
                          {(p) => <input {...p} type="text" maxLength={200} value={row.note ?? ''} onChange={(ev) => set(rows.map((r, n) => (n === i ? { ...r, note: ev.target.value } : r)))} />}
                        </Field>
                      )}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          <p className="fs-sum">{who === 'applicant' ? (people.length > 1 ? m.sumYourIncomes : m.sumIncomes) : m.sumPartnerIncomes}: <strong>{kronor(s.income[who])}</strong></p>
        </fieldset>
      ))}
      {people.length > 1 && <p className="fs-sum fs-sum--total">{m.sumIncomes}: <strong>{kronor(s.incomeTotal)}</strong></p>}
    </>
  );
}

function CostStep({ content, errors, update }: { content: FormContent; errors: Errors; update: (patch: Partial<FormContent>, now?: boolean) => void }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const rows = content.costs ?? [];
  const set = (next: CostRow[], now = false) => update({ costs: next }, now);
  return (
    <>
      <p>{m.costsLead(content.month ? monthLabel(content.month, lang) : '')}</p>
      <fieldset className="cs-fieldset fs-group">
        <legend className="es-legend">{m.costsLegend}</legend>
        <div className="cs-choices">
          {COST_KINDS.map((kind: CostKind) => {
            const i = rows.findIndex((r) => r.kind === kind);
            const row = rows[i];
            const label = COST_LABELS[kind][lang];
            return (
              <div key={kind} className="fs-line">
                <label className="cs-choice">
                  <input type="checkbox" id={`f-cost-${kind}`} checked={i >= 0}
                    onChange={(ev) => set(ev.target.checked ? [...rows, { kind, amount: null }] : rows.filter((_, n) => n !== i), true)} />
                  <span className="cs-choice-label">{label}</span>
                </label>
                {row && (
                  <div className="fs-indent">
                    <AmountInput id={fieldId(`body/costs/${i}/amount`)} label={m.amountLabel(label)} value={row.amount}
                      error={errors[`costs/${i}/amount`] ?? errors[`costs/${i}/kind`]}
                      onChange={(v) => set(rows.map((r, n) => (n === i ? { ...r, amount: v } : r)))} />
                    {kind === 'ovrigt' && (
                      <Field id={fieldId(`body/costs/${i}/note`)} label={m.noteCost} error={errors[`costs/${i}/note`]}>
                        {(p) => <input {...p} type="text" maxLength={200} value={row.note ?? ''} onChange={(ev) => set(rows.map((r, n) => (n === i ? { ...r, note: ev.target.value } : r)))} />}
                      </Field>
                    )}
                  </div>
                )}
              </div>
            );
          })}
        </div>
        <p className="fs-sum">{m.sumCosts}: <strong>{kronor(sums(content).costTotal)}</strong></p>
      </fieldset>
    </>
  );
}

function AssetStep({ content, errors, update }: { content: FormContent; errors: Errors; update: (patch: Partial<FormContent>, now?: boolean) => void }) {
  const m = useFsMessages();
  const assets = content.assets ?? {};
  const set = (k: AssetKind, patch: { has?: boolean; text?: string }, now = false) => update({ assets: { ...assets, [k]: { ...assets[k], ...patch } } }, now);
  return (
    <>
      <p>{m.assetsLead}</p>
      {ASSET_KINDS.map((k) => {
        const a = assets[k];
        return (
          <div key={k} className="fs-asset">
            <RadioGroup id={fieldId(`body/assets/${k}/has`)} name={`asset-${k}`} legend={m.assetQuestion[k]} error={errors[`assets/${k}/has`]} inline
              value={a?.has === true ? 'ja' : a?.has === false ? 'nej' : null}
              options={[{ value: 'ja' as const, label: m.yes }, { value: 'nej' as const, label: m.no }]}
              onChange={(v) => set(k, { has: v === 'ja' }, true)} />
            {a?.has === true && (
              <Field id={fieldId(`body/assets/${k}/text`)} label={m.assetDescribe[k]} error={errors[`assets/${k}/text`]} className="fs-indent">
                {(p) => <textarea {...p} rows={2} maxLength={500} value={a.text ?? ''} onChange={(ev) => set(k, { text: ev.target.value })} />}
              </Field>
            )}
          </div>
        );
      })}
      <Field id={fieldId('body/otherInfo')} label={<>{m.otherInfoLabel} <span className="muted">{m.optional}</span></>} hint={m.otherInfoHint} error={errors.otherInfo}>
        {(p) => <textarea {...p} rows={4} maxLength={3000} value={content.otherInfo ?? ''} onChange={(ev) => update({ otherInfo: ev.target.value })} />}
      </Field>
    </>
  );
}

function AttachmentStep({ draftId, attachments, onChanged }: { draftId: string; attachments: FsAttachment[]; onChanged: (list: FsAttachment[]) => void }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const client = useQueryClient();
  const status = useStatusMessage();
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [inputKey, setInputKey] = useState(0);
  const upload = useMutation({
    mutationFn: ({ f, k }: { f: File; k: AttachmentKind }) => uploadAttachment(client, draftId, f, k),
    onSuccess: (a) => {
      onChanged([...attachments, a]);
      setFile(null); setKind(''); setInputKey((n) => n + 1);
      status.show(m.uploaded(a.name));
    },
  });
  const remove = useMutation({
    mutationFn: (a: FsAttachment) => request<void>('DELETE', `/api/citizen/forsorjningsstod/drafts/${draftId}/attachments/${a.id}`),
    onSuccess: (_v, a) => { onChanged(attachments.filter((x) => x.id !== a.id)); status.show(m.removedAttachment(a.name)); },
  });
  const add = () => {
    const e: Errors = {};
    if (!kind) e.kind = m.kindRequired;
    if (!file) e.file = m.fileRequired;
    else if (file.size > MAX_UPLOAD_BYTES) e.file = m.fileTooLarge;
    setErrors(e);
    if (Object.keys(e).length) { document.getElementById(e.kind ? 'f-attachment-kind' : 'f-attachment-file')?.focus(); return; }
    upload.mutate({ f: file!, k: kind as AttachmentKind });
  };
  return (
    <>
      {status.node}
      <p>{m.attachmentsLead}</p>
      <div className="fs-upload">
        <Field id="f-attachment-kind" label={m.attachmentKindLabel} error={errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(ev) => setKind(ev.target.value as AttachmentKind | '')}>
              <option value="">{m.chooseKind}</option>
              {ATTACHMENT_KINDS.map((k) => <option key={k} value={k}>{ATTACHMENT_LABELS[k][lang]}</option>)}
            </select>
          )}
        </Field>
        <Field id="f-attachment-file" label={m.fileLabel} hint={m.attachmentsFormats} error={errors.file}>
          {(p) => <input {...p} key={inputKey} type="file" accept="application/pdf,image/*,.pdf,.jpg,.jpeg,.png,.heic,.doc,.docx,.odt,.txt"
            onChange={(ev: ChangeEvent<HTMLInputElement>) => setFile(ev.target.files?.[0] ?? null)} />}
        </Field>
        <ProblemAlert error={upload.error} />
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={add} disabled={upload.isPending}>
            {upload.isPending ? m.uploading : m.addAttachment}
          </button>
        </div>
      </div>
      <section aria-labelledby="fs-files-heading">
        <h3 id="fs-files-heading">{m.attachmentsHeading}</h3>
        {attachments.length === 0 ? <p className="muted">{m.noAttachments}</p> : (
          <ul className="fs-files fs-files--edit">
            {attachments.map((a) => (
              <li key={a.id}>
                <span>
                  <a href={a.url} target="_blank" rel="noreferrer" aria-label={m.openAttachment(a.name)}>{a.name}</a>
                  <span className="muted"> – {ATTACHMENT_LABELS[a.kind][lang]}, {a.typeLabel}</span>
                </span>
                <button type="button" className="button button--small button--secondary" aria-label={m.removeAttachment(a.name)}
                  disabled={remove.isPending} onClick={() => remove.mutate(a)}>{m.remove}</button>
              </li>
            ))}
          </ul>
        )}
        <ProblemAlert error={remove.error} />
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The wizard: one draft, saved as the citizen types.

function Wizard({ draft, onSent, onAwaiting, status }: { draft: FsDraft; onSent: (r: Receipt) => void; onAwaiting: () => void; status?: ReactNode }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const client = useQueryClient();
  const { content, latest, version, saved, saveState, update, flush } = useDraftAutosave<FormContent>(draft, { reloadUrl: `/api/citizen/forsorjningsstod/drafts/${draft.id}` });
  const [attachments, setAttachments] = useState(draft.attachments);
  const [errors, setErrors] = useState<Errors>({});
  const [focusKey, setFocusKey] = useState(0);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const today = useToday();
  const step = Math.min(Math.max(content._step ?? 1, 1), LAST);
  const partner = content.household?.livesWithPartner === true;

  const stepErrors = (s: number) => errorsByPath(validateApplication(contentFrom(latest.current), { today })
    .filter((e) => stepOfPath(e.path) === s && s < LAST));
  const goTo = (n: number) => { setErrors({}); update({ _step: n }, true); };
  const next = (ev: FormEvent) => {
    ev.preventDefault();
    const e = stepErrors(step);
    if (Object.keys(e).length) { setErrors(e); setFocusKey((k) => k + 1); return; }
    goTo(step + 1);
  };

  const showServerErrors = (list: Array<{ path: string; message: string }>) => {
    const first = Math.min(...list.map((x) => stepOfPath(x.path)));
    const e = errorsByPath(list.filter((x) => stepOfPath(x.path) === first));
    if (first < LAST) update({ _step: first }, true);
    setErrors(e);
    setFocusKey((k) => k + 1);
  };

  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    const all = validateApplication(contentFrom(latest.current), { today });
    if (all.length) { showServerErrors(all); return; }
    setSending(true);
    setSendError(null);
    try {
      await flush();
      const r = await api.post<SendResult>(`/api/citizen/forsorjningsstod/drafts/${draft.id}/send`, { version: version.current, idempotencyKey: latest.current._key });
      await client.invalidateQueries({ queryKey: ['citizen'] });
      if (r.state === 'submitted' && r.receipt) onSent(r.receipt);
      else onAwaiting();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.errors.length) showServerErrors(err.errors);
      else setSendError(err);
    } finally {
      setSending(false);
    }
  };

  const stepProps = { content, errors, update };

  return (
    <Page title={m.title} narrow>
      {status}
      <p className="es-applies-for"><span className="muted">{m.appliesForMonth}:</span> <strong>{content.month ? monthLabel(content.month, lang) : '–'}</strong></p>
      {draft.declined && (
        <div className="notice notice--warning fs-declined">
          <Icon name="alert" />
          <div>
            <p><strong>{m.declinedTitle(draft.coApplicant?.name ?? m.whoCoApplicant)}</strong></p>
            <p>{m.declinedReason}: <q className="pre-line">{draft.declined.reason}</q></p>
            <p>{m.declinedText}</p>
          </div>
        </div>
      )}
      {content._fromMonth && step === 1 && (
        <div className="notice notice--info"><Icon name="info" /><p>{m.fromMonthNote(monthLabel(content._fromMonth, lang))}</p></div>
      )}
      <Progress steps={m.steps} step={step} />
      <SaveStatus state={saveState} saved={saved} />
      <form className="es-form" noValidate onSubmit={step === LAST ? send : next}>
        <StepHeading steps={m.steps} step={step} />
        <ErrorSummary errors={errors} focusKey={focusKey} fieldIdOf={fieldId} focusField={focusField} lang="sv" />
        {step === 1 && <HouseholdStep {...stepProps} />}
        {step === 2 && <IncomeStep {...stepProps} />}
        {step === 3 && <CostStep {...stepProps} />}
        {step === 4 && <AssetStep {...stepProps} />}
        {step === 5 && <AttachmentStep draftId={draft.id} attachments={attachments} onChanged={setAttachments} />}
        {step === LAST && (
          <>
            <p>{m.reviewLead}</p>
            <ApplicationSummary viewer="applicant" content={contentFrom(content)} applicantName={m.you} coApplicantName={draft.coApplicant?.name ?? null}
              attachments={attachments} level={3} onChange={goTo} />
            <p className="fs-honesty">{m.honesty}</p>
            {partner && <p>{m.sendToPartnerHint}</p>}
            <ProblemAlert error={sendError} />
          </>
        )}
        <div className="button-row es-nav">
          {step > 1 && <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)}>{m.back}</button>}
          {step < LAST
            ? <button type="submit" className="button button--large">{m.next}</button>
            : <button type="submit" className="button button--large" disabled={sending}>{sending ? m.sending : partner ? m.sendToPartner : m.send}</button>}
        </div>
      </form>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------

function WaitingView({ draft, onWithdrawn }: { draft: FsDraft; onWithdrawn: () => void }) {
  const m = useFsMessages();
  const client = useQueryClient();
  const name = draft.coApplicant?.name ?? m.whoCoApplicant;
  const withdraw = useMutation({
    mutationFn: () => api.post<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${draft.id}/withdraw`),
    onSuccess: async (d) => { client.setQueryData(fsKeys.draft(draft.id), d); await client.invalidateQueries({ queryKey: fsKeys.overview }); onWithdrawn(); },
  });
  const content = contentFrom(draft.content);
  return (
    <Page title={m.waitingTitle(name)} lead={<p>{m.waitingText(name)}</p>} narrow>
      <section className="section fs-waiting-actions" aria-labelledby="fs-waiting-change">
        <h2 id="fs-waiting-change" className="visually-hidden">{m.withdraw}</h2>
        <p>{m.waitingChange}</p>
        <ProblemAlert error={withdraw.error} />
        <div className="button-row">
          <button type="button" className="button button--secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>{m.withdraw}</button>
        </div>
      </section>
      <ApplicationSummary viewer="applicant" content={content} applicantName={m.you} coApplicantName={name} attachments={draft.attachments} level={2} />
    </Page>
  );
}

function DraftView({ id, onSent }: { id: string; onSent: (r: Receipt) => void }) {
  const m = useFsMessages();
  const client = useQueryClient();
  // Waiting for the co-applicant: look again now and then, so a confirmation or an answer shows.
  const draft = useQuery({
    queryKey: fsKeys.draft(id), queryFn: ({ signal }) => api.get<FsDraft>(`/api/citizen/forsorjningsstod/drafts/${id}`, signal),
    staleTime: Infinity, gcTime: 0,
    refetchInterval: (q) => (q.state.data?.state === 'awaiting_co_applicant' ? 15_000 : false),
  });
  const [wizardKey, setWizardKey] = useState(0);
  // Lives here, not in the wizard: after "Ta tillbaka och ändra" the waiting view is replaced by the wizard.
  const status = useStatusMessage();
  if (draft.isError && draft.error instanceof ApiError && draft.error.status === 404) {
    return (
      <Page title={m.title} narrow>
        <p className="panel">{m.alreadySent} <Link to="/medborgare">{m.casesLink}</Link></p>
      </Page>
    );
  }
  const reload = async () => { await client.invalidateQueries({ queryKey: fsKeys.draft(id) }); await draft.refetch(); setWizardKey((n) => n + 1); };
  return (
    <QueryState query={draft}>
      {(d) => d.state === 'submitted' && d.receipt ? <ReceiptView receipt={d.receipt} />
        : d.state === 'awaiting_co_applicant' ? <WaitingView draft={d} onWithdrawn={() => { setWizardKey((n) => n + 1); status.show(m.withdrawn); }} />
        : <Wizard key={`${d.id}-${wizardKey}`} draft={d} onSent={onSent} onAwaiting={() => { status.clear(); void reload(); }} status={status.node} />}
    </QueryState>
  );
}

export function AnsokanForsorjningsstodPage() {
  const [params, setParams] = useSearchParams();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const draftId = params.get('utkast');
  if (receipt) return <ReceiptView receipt={receipt} />;
  if (draftId) return <DraftView key={draftId} id={draftId} onSent={(r) => { setReceipt(r); setParams({}, { replace: true }); }} />;
  return <StartView onOpen={(id) => setParams({ utkast: id })} />;
}
