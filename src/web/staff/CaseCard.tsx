import { Link } from 'react-router';
import { legalBasisShort } from '../../domain/insatser';
import type { CaseSummary, DecisionView } from '../../shared/api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { CaseStatusBadge, DeadlineInfo, OutcomeBadge } from '../ui/Badges';
import { StatusSteps } from '../ui/StatusSteps';

function period(d: DecisionView, fmt: (iso: string) => string): string {
  if (!d.validFrom && !d.validTo) return '–';
  return `${d.validFrom ? fmt(d.validFrom) : ''} – ${d.validTo ? fmt(d.validTo) : ''}`.trim();
}

function DecisionsTable({ caseNumber, decisions }: { caseNumber: string; decisions: DecisionView[] }) {
  const { t, lang } = useI18n();
  const fmt = (iso: string) => formatDate(iso, lang);
  if (decisions.length === 0) return <p className="muted">{t.decisionsEmpty}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={t.decisionsCaption(caseNumber)} tabIndex={0}>
      <table className="table table--compact">
        <caption className="visually-hidden">{t.decisionsCaption(caseNumber)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colInsats}</th>
            <th scope="col">{t.colOutcome}</th>
            <th scope="col">{t.colLegalBasis}</th>
            <th scope="col">{t.colDecidedOn}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colScope}</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.insats}
                <details className="motivation">
                  <summary>{t.showMotivation}</summary>
                  <p>{d.motivation}</p>
                </details>
              </th>
              <td><OutcomeBadge outcome={d.outcome} /></td>
              <td className="nowrap">{legalBasisShort(d.legalBasis)}</td>
              <td className="nowrap">{fmt(d.decidedOn)}</td>
              <td className="nowrap">{period(d, fmt)}</td>
              <td>{d.scope ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaseCard({ item }: { item: CaseSummary }) {
  const { t, lang } = useI18n();
  const headingId = `case-${item.id}`;
  return (
    <article className="card case-card" aria-labelledby={headingId}>
      <header className="case-head">
        <h3 id={headingId}>
          <Link to={`/handlaggare/arende/${item.id}`} className="case-card-link">
            <span className="case-number">{item.caseNumber}</span> {item.title}
          </Link>
        </h3>
        <CaseStatusBadge status={item.status} />
      </header>
      <StatusSteps status={item.status} origin={item.origin} />
      <dl className="facts facts--compact">
        <div><dt>{t.colArea}</dt><dd>{t.caseArea[item.area]}</dd></div>
        <div><dt>{t.origin}</dt><dd>{t.caseOrigin[item.origin]}</dd></div>
        <div><dt>{t.receivedOn}</dt><dd>{formatDate(item.receivedOn, lang)}</dd></div>
        {item.closedOn && <div><dt>{t.closedOn}</dt><dd>{formatDate(item.closedOn, lang)}</dd></div>}
        <div><dt>{t.unit}</dt><dd>{item.unitName}</dd></div>
        <div><dt>{t.assignedTo}</dt><dd>{item.assignedTo ?? <span className="muted">{t.unassigned}</span>}</dd></div>
        {item.status !== 'avslutad' && (
          <div className="facts-wide"><dt>{t.colDeadline}</dt><dd><DeadlineInfo deadline={item.nextDeadline} /></dd></div>
        )}
      </dl>
      <h4>{t.decisions}</h4>
      <DecisionsTable caseNumber={item.caseNumber} decisions={item.decisions} />
    </article>
  );
}
