// '/handlaggare' – Mina ärenden, and '/handlaggare/enhet' – the unit's open cases (incl. the
// unassigned inbox): nearest deadline first.
import { Link } from 'react-router';
import type { CaseListItem } from '../../shared/api';
import { useMyCases } from '../api/queries';
import { useI18n } from '../i18n';
import { CaseStatusBadge, DeadlineInfo, ProtectionBadge } from '../ui/Badges';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';

function byDeadline(a: CaseListItem, b: CaseListItem): number {
  const da = a.nextDeadline?.dueOn;
  const db = b.nextDeadline?.dueOn;
  if (da && db) return da < db ? -1 : da > db ? 1 : a.caseNumber.localeCompare(b.caseNumber);
  if (da) return -1;
  if (db) return 1;
  return a.receivedOn.localeCompare(b.receivedOn);
}

function CaseRow({ item, showAssigned }: { item: CaseListItem; showAssigned: boolean }) {
  const { t } = useI18n();
  return (
    <tr className={item.nextDeadline?.overdue ? 'row--overdue' : undefined}>
      <th scope="row">
        <Link to={`/handlaggare/person/${item.person.id}`} className="strong-link">{item.person.name}</Link>
        <div className="muted nowrap">{item.person.idNumber}</div>
        <ProtectionBadge protection={item.person.protection} />
      </th>
      <td className="col-case" data-label={t.colCase}>
        <div className="nowrap case-number">{item.caseNumber}</div>
        <div>{item.title}</div>
      </td>
      <td data-label={t.colArea}>{t.caseArea[item.area]}</td>
      {showAssigned && <td data-label={t.assignedTo}>{item.assignedTo ?? <span className="muted">{t.unassigned}</span>}</td>}
      <td data-label={t.colStatus}><CaseStatusBadge status={item.status} /></td>
      <td data-label={t.colDeadline} className="col-deadline"><DeadlineInfo deadline={item.nextDeadline} /></td>
    </tr>
  );
}

export function MyCasesPage({ scope = 'mine' }: { scope?: 'mine' | 'unit' | 'inbox' }) {
  const { t } = useI18n();
  const query = useMyCases(scope);
  const unit = scope !== 'mine';
  return (
    <Page title={unit ? t.unitCasesTitle : t.myCasesTitle}>
      <QueryState query={query}>
        {({ items }) => {
          if (items.length === 0) return <p className="panel">{unit ? t.unitCasesEmpty : t.myCasesEmpty}</p>;
          const sorted = [...items].sort(byDeadline);
          const overdue = items.filter((i) => i.nextDeadline?.overdue).length;
          return (
            <>
              <p className="summary-line">
                <span>{t.myCasesCount(items.length)}</span>
                {overdue > 0 && <span className="summary-overdue">{t.overdueCount(overdue)}</span>}
              </p>
              <div className="table-scroll" role="region" aria-label={unit ? t.unitCasesTitle : t.myCasesTitle} tabIndex={0}>
                <table className="table table--stack">
                  <caption>{unit ? t.unitCasesCaption : t.myCasesCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.colPerson}</th>
                      <th scope="col">{t.colCase}</th>
                      <th scope="col">{t.colArea}</th>
                      {unit && <th scope="col">{t.assignedTo}</th>}
                      <th scope="col">{t.colStatus}</th>
                      <th scope="col">{t.colDeadline}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((item) => <CaseRow key={item.id} item={item} showAssigned={unit} />)}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
