// '/handlaggare/person/:id' – read-only person overview, or the need-to-know form on 403 no-relation.
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { usePersonOverview } from '../api/queries';
import { useCaseMessages } from '../cases/messages';
import { TimelinePanel } from '../journal/TimelinePanel';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { ErrorPanel, Loading } from '../ui/Status';
import { AccessOverrideForm } from './AccessOverrideForm';
import { CaseCard } from './CaseCard';
import { JournalList } from './JournalList';
import { PersonHeader } from './PersonHeader';
import { RelationsTable } from './RelationsTable';
import { FullmaktSection } from '../representation/FullmaktSection';

export function PersonPage() {
  const t = useT();
  const m = useCaseMessages();
  const { id = '' } = useParams();
  const query = usePersonOverview(id);
  const noRelation = query.error instanceof ApiError && query.error.status === 403 && query.error.is('no-relation');

  if (noRelation) {
    return (
      <Page key="no-relation" title={t.personTitle} heading={t.noRelationTitle} narrow>
        <AccessOverrideForm personId={id} />
      </Page>
    );
  }
  const data = query.data;
  const heading = data ? `${data.person.firstName} ${data.person.lastName}` : t.personTitle;

  return (
    <Page
      key="overview"
      title={t.personTitle}
      heading={heading}
      actions={data ? <Link to={`/handlaggare/ny?person=${encodeURIComponent(id)}`} className="button"><Icon name="pen" />{m.newCase}</Link> : undefined}
    >
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          {data.access === 'override' && (
            <div className="notice notice--warning" role="note">
              <Icon name="alert" />
              <p>
                <strong>{t.overrideBanner}</strong> {t.overrideLogged}
              </p>
            </div>
          )}
          <PersonHeader person={data.person} />
          <section aria-labelledby="relations-h" className="section">
            <h2 id="relations-h">{t.relations}</h2>
            <RelationsTable relations={data.relations} />
          </section>
          <FullmaktSection personId={id} />
          <section aria-labelledby="cases-h" className="section">
            <h2 id="cases-h">{t.cases}</h2>
            {data.cases.length === 0 ? <p className="muted">{t.casesEmpty}</p> : (
              <div className="stack">
                {data.cases.map((c) => <CaseCard key={c.id} item={c} />)}
              </div>
            )}
          </section>
          <section aria-labelledby="journal-h" className="section">
            <h2 id="journal-h">{t.journal}</h2>
            <JournalList entries={data.journal} />
          </section>
          <div className="section">
            <TimelinePanel personId={id} />
          </div>
        </>
      )}
    </Page>
  );
}
