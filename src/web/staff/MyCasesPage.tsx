// '/handlaggare' – Mina ärenden, '/handlaggare/inkorg' – the unit's new, unassigned cases, and
// '/handlaggare/enhet' – all open cases of the unit. Nearest deadline first (the inbox: oldest
// first); overdue rows carry an icon, the word "Försenad" and a red edge.
import { Link } from 'react-router';
import type { CaseListItem } from '../../shared/api';
import { useMyCases } from '../api/queries';
import { useCaseMessages } from '../cases/messages';
import { useAssign } from '../cases/queries';
import { useI18n } from '../i18n';
import { MyDraftsPanel } from '../journal/MyDraftsPanel';
import { RemindersPanel } from '../reminders/RemindersPanel';
import { CaseStatusBadge, DeadlineInfo, ProtectionBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import '../cases/cases.css';

type Scope = 'mine' | 'unit' | 'inbox';

function byDeadline(a: CaseListItem, b: CaseListItem): number {
  const da = a.nextDeadline?.dueOn;
  const db = b.nextDeadline?.dueOn;
  if (da && db) return da < db ? -1 : da > db ? 1 : a.caseNumber.localeCompare(b.caseNumber);
  if (da) return -1;
  if (db) return 1;
  return a.receivedOn.localeCompare(b.receivedOn);
}

function TakeButton({ item }: { item: CaseListItem }) {
  const m = useCaseMessages();
  const assign = useAssign();
  return (
    <>
      <button type="button" className="button button--small" disabled={assign.isPending || assign.isSuccess} onClick={() => assign.mutate({ caseId: item.id })}>
        {m.takeCase}
        <span className="visually-hidden"> {item.caseNumber}</span>
      </button>
      {assign.isError && <p className="field-error" role="alert"><Icon name="alert" size={14} />{assign.error.message}</p>}
    </>
  );
}

function CaseRow({ item, scope }: { item: CaseListItem; scope: Scope }) {
  const { t } = useI18n();
  const m = useCaseMessages();
  return (
    <tr className={item.nextDeadline?.overdue ? 'row--overdue' : undefined}>
      <th scope="row">
        <Link to={`/handlaggare/person/${item.person.id}`} className="strong-link">{item.person.name}</Link>
        <div className="muted nowrap">{item.person.idNumber}</div>
        <ProtectionBadge protection={item.person.protection} />
      </th>
      <td className="col-case" data-label={t.colCase}>
        <Link to={`/handlaggare/arende/${item.id}`} className="nowrap case-link">{item.caseNumber}</Link>
        <div>{item.title}</div>
      </td>
      <td data-label={t.colArea}>{t.caseArea[item.area]}</td>
      {scope === 'unit' && <td data-label={t.assignedTo}>{item.assignedTo ?? <span className="muted">{t.unassigned}</span>}</td>}
      <td data-label={t.colStatus}><CaseStatusBadge status={item.status} /></td>
      <td data-label={t.colDeadline} className="col-deadline"><DeadlineInfo deadline={item.nextDeadline} /></td>
      {scope === 'inbox' && <td data-label={m.colAction}><TakeButton item={item} /></td>}
    </tr>
  );
}

export function MyCasesPage({ scope = 'mine' }: { scope?: Scope }) {
  const { t } = useI18n();
  const m = useCaseMessages();
  const query = useMyCases(scope);
  const title = scope === 'mine' ? t.myCasesTitle : scope === 'inbox' ? m.inboxTitle : t.unitCasesTitle;
  const caption = scope === 'mine' ? t.myCasesCaption : scope === 'inbox' ? m.inboxCaption : t.unitCasesCaption;
  const empty = scope === 'mine' ? t.myCasesEmpty : scope === 'inbox' ? m.inboxEmpty : t.unitCasesEmpty;
  return (
    <Page
      title={title}
      actions={<Link to="/handlaggare/ny" className="button"><Icon name="pen" />{m.newCase}</Link>}
    >
      <QueryState query={query}>
        {({ items }) => {
          if (items.length === 0) return <p className="panel">{empty}</p>;
          const sorted = scope === 'inbox' ? [...items].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn)) : [...items].sort(byDeadline);
          const overdue = items.filter((i) => i.nextDeadline?.overdue).length;
          return (
            <>
              <p className="summary-line">
                <span>{t.myCasesCount(items.length)}</span>
                {overdue > 0 && <span className="summary-overdue"><Icon name="alert" size={16} /> {t.overdueCount(overdue)}</span>}
              </p>
              <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
                <table className="table table--stack">
                  <caption>{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.colPerson}</th>
                      <th scope="col">{t.colCase}</th>
                      <th scope="col">{t.colArea}</th>
                      {scope === 'unit' && <th scope="col">{t.assignedTo}</th>}
                      <th scope="col">{t.colStatus}</th>
                      <th scope="col">{t.colDeadline}</th>
                      {scope === 'inbox' && <th scope="col"><span className="visually-hidden">{m.colAction}</span></th>}
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((item) => <CaseRow key={item.id} item={item} scope={scope} />)}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryState>
      {scope === 'mine' && (
        <div className="section">
          <RemindersPanel />
          <MyDraftsPanel hideWhenEmpty />
        </div>
      )}
    </Page>
  );
}
