// Handläggarens vy av ansökan om försörjningsstöd (12 kap. 1 § SoL) från e-tjänsten: hushållet,
// inkomster per person, utgifter och tillgångar med summor, och bilagorna (nu filer i personakten).
// The figures are the applicant's own, as sent (intake.forsorjningsstod); the riksnorm and the
// calculation belong to the investigation. Nothing to show for other cases: null.
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../shared/cases-api';
import {
  ASSET_LABELS, ATTACHMENT_LABELS, COST_LABELS, INCOME_LABELS, PARTNER_LABELS, monthLabel,
} from '../../domain/forsorjningsstod-application';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useFsMessages } from '../e-services/forsorjningsstod-messages';
import { kronor } from '../e-services/forsorjningsstod-ui';
import { Fact, Section } from './FactsSections';
import { Sv } from './form';
import '../e-services/forsorjningsstod.css';

/** A kind's label, or the stored key itself if the catalogue has changed since the application was sent. */
const label = (table: Record<string, { sv: string; en: string }>, key: string, lang: 'sv' | 'en') => table[key]?.[lang] ?? key;

export function EconomicApplicationSection({ detail }: { detail: CaseDetail }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const fs = detail.intake.forsorjningsstod;
  if (!fs) return null;
  const partner = fs.coApplicant !== null;
  const name = (who: 'applicant' | 'co_applicant') => (who === 'co_applicant' ? fs.coApplicant?.name ?? m.staffCoApplicant : fs.applicant.name);
  const note = (n: string | null): ReactNode => (n ? <> (<Sv>{n}</Sv>)</> : null);
  return (
    <Section id="forsorjningsstod" title={m.staffTitle} aside={<span className="badge">{monthLabel(fs.month, lang)}</span>}>
      <dl className="facts facts--compact">
        <Fact label={m.staffMonth}>{monthLabel(fs.month, lang)}</Fact>
        <Fact label={m.staffSubmitted}>{formatDateTime(fs.submittedAt, lang)}</Fact>
        <Fact label={m.staffApplicant}>{fs.applicant.name}</Fact>
        <Fact label={m.staffCoApplicant} wide>
          {fs.coApplicant
            ? <>{fs.coApplicant.name} ({PARTNER_LABELS[fs.coApplicant.relation][lang].toLowerCase()}), {m.staffConfirmed(formatDateTime(fs.coApplicant.confirmedAt, lang))}</>
            : m.staffNoPartner}
        </Fact>
      </dl>

      <div className="fs-staff-grid">
        <div className="table-scroll fs-table-wrap">
          <table className="table table--compact fs-table">
            <caption>{m.summaryIncomes}</caption>
            <thead><tr><th scope="col">{m.colWho}</th><th scope="col">{m.colWhat}</th><th scope="col" className="fs-num">{m.colAmount}</th></tr></thead>
            <tbody>
              {fs.incomes.length === 0
                ? <tr><td colSpan={3} className="muted">{m.noIncomes}</td></tr>
                : fs.incomes.map((r, i) => (
                  <tr key={i}>
                    <td>{name(r.who)}</td>
                    <th scope="row">{label(INCOME_LABELS, r.kind, lang)}{note(r.note)}</th>
                    <td className="fs-num">{kronor(r.amount)}</td>
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr><th scope="row" colSpan={2}>{m.sumFor(fs.applicant.name)}</th><td className="fs-num">{kronor(fs.sums.incomeApplicant)}</td></tr>
              {partner && <tr><th scope="row" colSpan={2}>{m.sumFor(fs.coApplicant!.name)}</th><td className="fs-num">{kronor(fs.sums.incomeCoApplicant)}</td></tr>}
              <tr className="fs-total"><th scope="row" colSpan={2}>{m.sumIncomes}</th><td className="fs-num">{kronor(fs.sums.incomeTotal)}</td></tr>
            </tfoot>
          </table>
        </div>

        <div className="table-scroll fs-table-wrap">
          <table className="table table--compact fs-table">
            <caption>{m.summaryCosts}</caption>
            <thead><tr><th scope="col">{m.colWhat}</th><th scope="col" className="fs-num">{m.colAmount}</th></tr></thead>
            <tbody>
              {fs.costs.length === 0
                ? <tr><td colSpan={2} className="muted">{m.noCosts}</td></tr>
                : fs.costs.map((r, i) => (
                  <tr key={i}><th scope="row">{label(COST_LABELS, r.kind, lang)}{note(r.note)}</th><td className="fs-num">{kronor(r.amount)}</td></tr>
                ))}
            </tbody>
            <tfoot><tr className="fs-total"><th scope="row">{m.sumCosts}</th><td className="fs-num">{kronor(fs.sums.costTotal)}</td></tr></tfoot>
          </table>
        </div>
        <div className="table-scroll fs-table-wrap">
          <table className="table table--compact fs-table">
            <caption>{m.summaryChildren}</caption>
            <thead><tr><th scope="col">{m.colName}</th><th scope="col">{m.colAge}</th><th scope="col">{m.colShare}</th></tr></thead>
            <tbody>
              {fs.children.length === 0
                ? <tr><td colSpan={3} className="muted">{m.noChildren}</td></tr>
                : fs.children.map((c, i) => (
                  <tr key={i}><th scope="row"><Sv>{c.firstName}</Sv></th><td>{m.years(c.age)}</td><td>{m.percentOfTime(c.livesHerePercent)}</td></tr>
                ))}
            </tbody>
          </table>
        </div>
      </div>

      <h3 className="cs-label">{m.summaryAssets}</h3>
      <dl className="facts facts--compact">
        {fs.assets.map((a) => (
          <Fact key={a.kind} label={label(ASSET_LABELS, a.kind, lang)} wide>
            {a.has ? <>{m.yes}: <Sv>{a.text ?? ''}</Sv></> : m.no}
          </Fact>
        ))}
        {fs.otherInfo && <Fact label={m.summaryOther} wide><span className="pre-line"><Sv>{fs.otherInfo}</Sv></span></Fact>}
      </dl>

      <h3 className="cs-label">{m.summaryAttachments}</h3>
      {fs.attachments.length === 0 ? <p className="muted">{m.staffAttachmentsNone}</p> : (
        <ul className="fs-files">
          {fs.attachments.map((a) => (
            <li key={a.fileId}>
              <a href={`/api/staff/files/${a.fileId}/content`} target="_blank" rel="noreferrer">{a.name}</a>
              <span className="muted"> – {label(ATTACHMENT_LABELS, a.kind, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted fs-staff-note">{m.staffNote}</p>
    </Section>
  );
}
