// '/handlaggare/oversikt' – the arbetsledare's overview of the unit: caseload per handläggare,
// cases without a handläggare, deadlines at risk, and decision proposals waiting for them.
import { Link } from 'react-router';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { DeadlineInfo, OutcomeBadge, ProtectionBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { useCaseMessages } from './messages';
import { useDashboard } from './queries';
import './cases.css';

export function DashboardPage() {
  const m = useCaseMessages();
  const { t, lang } = useI18n();
  const query = useDashboard();
  return (
    <Page title={m.dashTitle} lead={query.data ? <p>{m.dashLead(query.data.unitName)}</p> : undefined}>
      <QueryState query={query}>
        {(d) => (
          <div className="cs-dash">
            <div className="cs-kpis cs-dash-wide">
              <div className={d.unassigned > 0 ? 'cs-kpi cs-kpi--warn' : 'cs-kpi'}>
                <Icon name="user" />
                <span>{m.unassignedCount(d.unassigned)}</span>
                {d.unassigned > 0 && <Link to="/handlaggare/inkorg" className="button button--small">{m.toInbox}</Link>}
              </div>
            </div>

            <section className="card" aria-labelledby="dash-load-h">
              <h2 id="dash-load-h">{m.caseload}</h2>
              <div className="table-scroll" role="region" aria-label={m.caseloadCaption} tabIndex={0}>
                <table className="table table--compact">
                  <caption className="visually-hidden">{m.caseloadCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m.colStaff}</th>
                      <th scope="col" className="num">{m.colOpen}</th>
                      <th scope="col" className="num">{m.colOverdue}</th>
                      <th scope="col" className="num">{m.colDueSoon}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.caseload.map((c) => (
                      <tr key={c.staff.id} className={c.overdue > 0 ? 'row--overdue' : undefined}>
                        <th scope="row">{c.staff.name}</th>
                        <td className="num">{c.open}</td>
                        <td className="num">
                          {c.overdue > 0
                            ? <span className="cs-num-overdue"><Icon name="alert" size={14} /> {c.overdue}<span className="visually-hidden"> ({t.overdue})</span></span>
                            : c.overdue}
                        </td>
                        <td className="num">{c.dueWithin7Days}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section className="card" aria-labelledby="dash-prop-h">
              <h2 id="dash-prop-h">{m.proposals}</h2>
              {d.proposals.length === 0 ? <p className="muted">{m.proposalsEmpty}</p> : (
                <ul className="cs-plain-list">
                  {d.proposals.map((p, i) => (
                    <li key={`${p.caseId}-${i}`}>
                      <div className="cs-list-top">
                        <Link to={`/handlaggare/arende/${p.caseId}`} className="strong-link">
                          <span className="case-number">{p.caseNumber}</span> {p.person.name}
                        </Link>
                        <OutcomeBadge outcome={p.outcome} />
                      </div>
                      <span>{p.insats}{p.proposedTo === 'namnd' ? ` (${m.toNamnd})` : ''}</span>
                      <span className="muted">{m.proposalBy(p.proposedBy, formatDateTime(p.proposedAt, lang))}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section className="card cs-dash-wide" aria-labelledby="dash-risk-h">
              <h2 id="dash-risk-h">{m.atRisk}</h2>
              <p className="hint">{m.atRiskLead}</p>
              {d.atRisk.length === 0 ? <p className="muted">{m.atRiskEmpty}</p> : (
                <div className="table-scroll" role="region" aria-label={m.atRiskCaption} tabIndex={0}>
                  <table className="table table--compact table--stack">
                    <caption className="visually-hidden">{m.atRiskCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.colCase}</th>
                        <th scope="col">{t.colPerson}</th>
                        <th scope="col">{t.assignedTo}</th>
                        <th scope="col">{t.colDeadline}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.atRisk.map((c) => (
                        <tr key={c.id} className={c.nextDeadline?.overdue ? 'row--overdue' : undefined}>
                          <th scope="row">
                            <Link to={`/handlaggare/arende/${c.id}`} className="strong-link nowrap">{c.caseNumber}</Link>
                            <div>{c.title}</div>
                          </th>
                          <td data-label={t.colPerson}>
                            {c.person.name}
                            <div className="muted nowrap">{c.person.idNumber}</div>
                            <ProtectionBadge protection={c.person.protection} />
                          </td>
                          <td data-label={t.assignedTo}>{c.assignedTo ?? <span className="muted">{t.unassigned}</span>}</td>
                          <td data-label={t.colDeadline} className="col-deadline"><DeadlineInfo deadline={c.nextDeadline} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>
        )}
      </QueryState>
    </Page>
  );
}
