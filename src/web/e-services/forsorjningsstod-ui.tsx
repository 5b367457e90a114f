// Pieces shared by the försörjningsstöd e-service pages: the applicant's wizard
// (AnsokanForsorjningsstodPage), the co-applicant's confirmation (BekraftaAnsokanPage) and the list
// of applications awaiting my confirmation (AwaitingConfirmation). The application is read with
// the same domain functions the server uses (src/domain/forsorjningsstod-application.ts).
import { useState, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import {
  ASSET_KINDS, ASSET_LABELS, ATTACHMENT_LABELS, COST_LABELS, INCOME_LABELS, PARTNER_LABELS, formatKronor, monthLabel, parseKronor, sums,
  type ApplicationContent, type AttachmentKind,
} from '../../domain/forsorjningsstod-application';
import type { FsAttachment } from '../../shared/forsorjningsstod-api';
import type { Problem } from '../../shared/api';
import type { Receipt } from '../../shared/e-services-api';
import { ApiError } from '../api/client';
import { keys as appKeys } from '../api/queries';
import { useI18n } from '../i18n';
import { Field } from '../cases/form';
import { useFsMessages } from './forsorjningsstod-messages';
import { ReceiptPage, type DraftContent } from './draft-form';

export const fsKeys = {
  overview: ['citizen', 'forsorjningsstod', 'overview'] as const,
  draft: (id: string) => ['citizen', 'forsorjningsstod', 'draft', id] as const,
  awaiting: ['citizen', 'forsorjningsstod', 'awaiting'] as const,
  confirmation: (id: string) => ['citizen', 'forsorjningsstod', 'confirmation', id] as const,
};

/** What the draft holds besides the answers: the idempotency key and the step (DraftContent), where it was copied from. */
export type FormContent = ApplicationContent & DraftContent & { _fromMonth?: string };
export type Errors = Record<string, string>;

export const TOTAL_STEPS = 7;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Whole kronor, Swedish style in both languages ('12 500 kr'). */
export const kronor = (n: number) => formatKronor(n);

/** The id of the control for an error path: 'body/incomes/2/amount' → 'f-incomes-2-amount'. */
export function fieldId(path: string): string {
  return `f-${path.replace(/^\/?body\/?/, '').replaceAll('/', '-')}`;
}

/** Which step asks the question an error path is about. */
export function stepOfPath(path: string): number {
  const p = path.replace(/^\/?body\/?/, '');
  if (p.startsWith('household') || p.startsWith('month')) return 1;
  if (p.startsWith('incomes')) return 2;
  if (p.startsWith('costs')) return 3;
  if (p.startsWith('assets') || p.startsWith('otherInfo')) return 4;
  return 6;
}

/** Errors keyed by their path without 'body/'. */
export function errorsByPath(list: Array<{ path: string; message: string }>): Errors {
  const out: Errors = {};
  for (const e of list) out[e.path.replace(/^\/?body\/?/, '')] ??= e.message;
  return out;
}

/** Focus the control an error path is about (for the error summary's links). */
export function focusField(path: string) {
  const exact = document.getElementById(fieldId(path));
  if (exact) { exact.focus(); return; }
  // An error on a row (a duplicate, a partner's income) is shown at the row's amount.
  const row = document.getElementById(fieldId(path.replace(/\/[^/]+$/, '/amount')));
  row?.focus();
}

const GROUPED = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/**
 * An amount in whole kronor. The text stays as typed (spaces and all); the number is what is
 * saved. Something that is not an amount says so at once.
 */
export function AmountInput({ id, label, value, error, onChange }: {
  id: string; label: ReactNode; value: number | null | undefined; error?: string; onChange: (value: number | null) => void;
}) {
  const m = useFsMessages();
  const [text, setText] = useState(() => (typeof value === 'number' ? GROUPED.format(value) : ''));
  const [invalid, setInvalid] = useState(false);
  return (
    <Field id={id} label={label} error={invalid ? m.amountInvalid : error} className="fs-amount-field">
      {(p) => (
        <span className="fs-amount">
          <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={15} value={text}
            onChange={(ev) => {
              setText(ev.target.value);
              const v = parseKronor(ev.target.value);
              setInvalid(v === 'invalid');
              onChange(v === 'invalid' ? null : v);
            }}
            onBlur={() => { const v = parseKronor(text); if (typeof v === 'number') setText(GROUPED.format(v)); }} />
          <span className="fs-amount-unit" aria-hidden="true">{m.kr}</span>
        </span>
      )}
    </Field>
  );
}

/**
 * A small whole number (an age, a percentage) typed as text: shown as typed; saved as the number,
 * or as -1 when it is not a whole number, so the check says what to fix.
 */
export function WholeNumberInput({ id, value, maxLength, onChange, ...rest }: {
  id: string; value: number | null | undefined; maxLength: number; onChange: (value: number | null) => void;
  'aria-describedby'?: string; 'aria-invalid'?: true;
}) {
  const [text, setText] = useState(() => (typeof value === 'number' && value >= 0 ? String(value) : ''));
  return (
    <input {...rest} id={id} type="text" inputMode="numeric" autoComplete="off" maxLength={maxLength} value={text}
      onChange={(ev) => {
        setText(ev.target.value);
        const t = ev.target.value.trim();
        onChange(t === '' ? null : /^\d+$/.test(t) ? Number(t) : -1);
      }} />
  );
}

/** Uploads one attachment (the raw file); resolves with it as stored or rejects with an ApiError. */
export async function uploadAttachment(queryClient: QueryClient, draftId: string, file: File, kind: AttachmentKind): Promise<FsAttachment> {
  const params = new URLSearchParams({ name: file.name, kind });
  const headers: Record<string, string> = { 'content-type': file.type || 'application/octet-stream', accept: 'application/json, application/problem+json' };
  const token = queryClient.getQueryData<{ csrfToken?: string }>(appKeys.session)?.csrfToken;
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(`/api/citizen/forsorjningsstod/drafts/${encodeURIComponent(draftId)}/attachments?${params}`, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch (err) {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: String(err) });
  }
  const body = await res.json().catch(() => null) as (FsAttachment & Partial<Problem>) | null;
  if (res.status !== 201 || !body) {
    throw new ApiError({ type: body?.type ?? 'about:blank', title: body?.title ?? res.statusText, status: res.status, detail: body?.detail, errors: body?.errors });
  }
  return body;
}

// ---- the application, read back -------------------------------------------------------------

function Heading({ level, id, children }: { level: 2 | 3; id: string; children: ReactNode }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

function ChangeButton({ label, onClick }: { label: string; onClick: () => void }) {
  const m = useFsMessages();
  return <button type="button" className="button button--small button--secondary" onClick={onClick} aria-label={`${m.change}: ${label}`}>{m.change}</button>;
}

function Part({ id, title, level, onChange, children }: { id: string; title: string; level: 2 | 3; onChange?: () => void; children: ReactNode }) {
  return (
    <section className="fs-part" aria-labelledby={id}>
      <div className="fs-part-head">
        <Heading level={level} id={id}>{title}</Heading>
        {onChange && <ChangeButton label={title} onClick={onChange} />}
      </div>
      {children}
    </section>
  );
}

/**
 * The whole application as the applicant sees it before sending and the co-applicant before
 * confirming: household, incomes and costs in tables with sums, assets, övrigt and attachments.
 */
export function ApplicationSummary({ content, viewer, applicantName, coApplicantName, attachments, level, onChange }: {
  content: ApplicationContent;
  /** Who reads it: the one who is "Du" in the tables. */
  viewer: 'applicant' | 'co_applicant';
  applicantName: string; coApplicantName: string | null; attachments: FsAttachment[]; level: 2 | 3;
  onChange?: (step: number) => void;
}) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const s = sums(content);
  const h = content.household ?? {};
  const partner = h.livesWithPartner === true;
  const children = h.children ?? [];
  const incomes = content.incomes ?? [];
  const costs = content.costs ?? [];
  const amount = (v: number | null | undefined) => (typeof v === 'number' ? kronor(v) : <span className="fs-missing">{m.amountMissing}</span>);
  const go = (step: number) => (onChange ? () => onChange(step) : undefined);
  const relation = h.coApplicant?.relation ? PARTNER_LABELS[h.coApplicant.relation][lang] : '';
  const who = { applicant: viewer === 'applicant' ? m.you : applicantName, co_applicant: viewer === 'co_applicant' ? m.you : coApplicantName ?? m.whoCoApplicant };
  const sumFor = { applicant: viewer === 'applicant' ? m.sumForYou : m.sumFor(applicantName), co_applicant: viewer === 'co_applicant' ? m.sumForYou : m.sumFor(coApplicantName ?? m.whoCoApplicant.toLowerCase()) };
  return (
    <div className="fs-summary">
      <Part id="fs-sum-household" title={m.summaryHousehold} level={level} onChange={go(1)}>
        <dl className="facts facts--compact">
          <div><dt>{m.summaryMonth}</dt><dd>{content.month ? monthLabel(content.month, lang) : m.notAnswered}</dd></div>
          <div><dt>{m.summaryApplicant}</dt><dd>{who.applicant}</dd></div>
          <div>
            <dt>{m.summaryCoApplicant}</dt>
            <dd>{h.livesWithPartner === false ? m.livesAlone : partner
              ? [viewer === 'co_applicant' ? m.you : coApplicantName, relation, h.coApplicant?.personnummer].filter(Boolean).join(', ') : m.notAnswered}</dd>
          </div>
        </dl>
        {children.length > 0 ? (
          <div className="table-scroll fs-table-wrap">
            <table className="table table--compact fs-table">
              <caption>{m.summaryChildren}</caption>
              <thead><tr><th scope="col">{m.colName}</th><th scope="col">{m.colAge}</th><th scope="col">{m.colShare}</th></tr></thead>
              <tbody>
                {children.map((ch) => (
                  <tr key={ch.id}>
                    <th scope="row">{ch.firstName?.trim() || m.notAnswered}</th>
                    <td>{typeof ch.age === 'number' ? m.years(ch.age) : m.notAnswered}</td>
                    <td>{typeof ch.livesHerePercent === 'number' ? m.percentOfTime(ch.livesHerePercent) : m.notAnswered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="muted">{m.noChildren}</p>}
      </Part>

      <Part id="fs-sum-incomes" title={m.summaryIncomes} level={level} onChange={go(2)}>
        {incomes.length === 0 ? <p>{m.noIncomes}</p> : (
          <div className="table-scroll fs-table-wrap">
            <table className="table table--compact fs-table">
              <caption className="visually-hidden">{m.summaryIncomes}</caption>
              <thead><tr>{partner && <th scope="col">{m.colWho}</th>}<th scope="col">{m.colWhat}</th><th scope="col" className="fs-num">{m.colAmount}</th></tr></thead>
              <tbody>
                {incomes.map((r) => (
                  <tr key={`${r.who}-${r.kind}`}>
                    {partner && <td>{who[r.who]}</td>}
                    <th scope="row">{INCOME_LABELS[r.kind][lang]}{r.note?.trim() ? ` (${r.note.trim()})` : ''}</th>
                    <td className="fs-num">{amount(r.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {partner && (
                  <>
                    <tr><th scope="row" colSpan={2}>{sumFor.applicant}</th><td className="fs-num">{kronor(s.income.applicant)}</td></tr>
                    <tr><th scope="row" colSpan={2}>{sumFor.co_applicant}</th><td className="fs-num">{kronor(s.income.co_applicant)}</td></tr>
                  </>
                )}
                <tr className="fs-total"><th scope="row" colSpan={partner ? 2 : 1}>{m.sumIncomes}</th><td className="fs-num">{kronor(s.incomeTotal)}</td></tr>
              </tfoot>
            </table>
          </div>
        )}
      </Part>

      <Part id="fs-sum-costs" title={m.summaryCosts} level={level} onChange={go(3)}>
        {costs.length === 0 ? <p>{m.noCosts}</p> : (
          <div className="table-scroll fs-table-wrap">
            <table className="table table--compact fs-table">
              <caption className="visually-hidden">{m.summaryCosts}</caption>
              <thead><tr><th scope="col">{m.colWhat}</th><th scope="col" className="fs-num">{m.colAmount}</th></tr></thead>
              <tbody>
                {costs.map((r) => (
                  <tr key={r.kind}>
                    <th scope="row">{COST_LABELS[r.kind][lang]}{r.note?.trim() ? ` (${r.note.trim()})` : ''}</th>
                    <td className="fs-num">{amount(r.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot><tr className="fs-total"><th scope="row">{m.sumCosts}</th><td className="fs-num">{kronor(s.costTotal)}</td></tr></tfoot>
            </table>
          </div>
        )}
      </Part>

      <Part id="fs-sum-assets" title={m.summaryAssets} level={level} onChange={go(4)}>
        <dl className="facts facts--compact fs-assets">
          {ASSET_KINDS.map((k) => {
            const a = content.assets?.[k];
            return (
              <div key={k} className="facts-wide">
                <dt>{ASSET_LABELS[k][lang]}</dt>
                <dd>{a?.has === true ? `${m.yes}: ${a.text?.trim() ?? ''}` : a?.has === false ? m.no : m.notAnswered}</dd>
              </div>
            );
          })}
          {content.otherInfo?.trim() && <div className="facts-wide"><dt>{m.summaryOther}</dt><dd className="pre-line">{content.otherInfo.trim()}</dd></div>}
        </dl>
      </Part>

      <Part id="fs-sum-attachments" title={m.summaryAttachments} level={level} onChange={go(5)}>
        {attachments.length === 0 ? <p className="muted">{m.noAttachments}</p> : (
          <ul className="fs-files">
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} target="_blank" rel="noreferrer" aria-label={m.openAttachment(a.name)}>{a.name}</a>
                <span className="muted"> – {ATTACHMENT_LABELS[a.kind][lang]}, {a.typeLabel}</span>
              </li>
            ))}
          </ul>
        )}
      </Part>
    </div>
  );
}

/** The receipt: case number, receipt number, when received, and what happens next. */
export function ReceiptView({ receipt, title, lead, steps }: { receipt: Receipt; title?: string; lead?: string; steps?: string[] }) {
  const m = useFsMessages();
  return (
    <ReceiptPage receipt={receipt} texts={{
      title: title ?? m.receiptTitle, lead: lead ?? m.receiptLead, caseNumber: m.caseNumber, receiptNumber: m.receiptNumber, receivedAt: m.receivedAt,
      nextHeading: m.nextHeading, nextSteps: steps ?? m.nextSteps, casesLink: m.casesLink,
    }} />
  );
}
