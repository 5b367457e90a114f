// My unsigned drafts in every case I may see, so a draft left anywhere is found again. For the
// start page (Mina ärenden) or the dashboard: <MyDraftsPanel />.
import { Link } from 'react-router';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { ErrorPanel, Loading } from '../ui/Status';
import { useJournalMessages } from './messages';
import { useMyDrafts } from './queries';
import './journal.css';

export function MyDraftsPanel({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const t = useJournalMessages();
  const { lang } = useI18n();
  const query = useMyDrafts();
  if (hideWhenEmpty && query.data && query.data.items.length === 0) return null;
  return (
    <section className="section jr-all-drafts" aria-labelledby="jr-all-drafts-h">
      <h2 id="jr-all-drafts-h">{t.allDraftsHeading}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (query.data.items.length === 0 ? <p className="muted">{t.allDraftsEmpty}</p> : (
        <ul className="jr-draft-list">
          {query.data.items.map((d) => (
            <li key={d.id} className="jr-draft">
              <div>
                <p className="jr-draft-title"><Icon name="pen" size={16} /> {d.title.trim() || t.untitled}</p>
                <p className="jr-meta">
                  {t.kinds[d.kind]} · {t.updated(formatDateTime(d.updatedAt, lang))}
                </p>
              </div>
              <Link to={`/handlaggare/arende/${d.caseId}`} className="button button--secondary button--small">
                {t.allDraftsCase(d.caseNumber)}<span className="visually-hidden">: {d.caseTitle}</span>
              </Link>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
