// '/medborgare' – my cases and those of persons I act for, in plain Swedish (klarspråk). Mobile first.
import type { CitizenCases } from '../../shared/api';
import { useCitizenCases } from '../api/queries';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { OutcomeBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';

type Group = CitizenCases['persons'][number];
type CitizenCase = Group['cases'][number];

function CaseItem({ item }: { item: CitizenCase }) {
  const { t, lang } = useI18n();
  const headingId = `ccase-${item.id}`;
  return (
    <article className="card citizen-case" aria-labelledby={headingId}>
      <h3 id={headingId}>{item.title}</h3>
      <p className={`citizen-status citizen-status--${item.status}`}>
        <span className="citizen-status-label">{t.citizenStatus[item.status]}</span>
        <span className="citizen-status-help">{t.citizenStatusHelp[item.status]}</span>
      </p>
      <dl className="facts facts--compact">
        <div><dt>{t.colArea}</dt><dd>{t.caseArea[item.area]}</dd></div>
        <div><dt>{t.citizenStarted}</dt><dd>{formatDate(item.receivedOn, lang)}</dd></div>
        {item.closedOn && <div><dt>{t.citizenClosed}</dt><dd>{formatDate(item.closedOn, lang)}</dd></div>}
        <div><dt>{t.caseNumber}</dt><dd className="nowrap">{item.caseNumber}</dd></div>
      </dl>
      {item.decisions.length > 0 && (
        <>
          <h4>{t.decisions}</h4>
          <ul className="decision-list">
            {item.decisions.map((d) => (
              <li key={d.id} className="decision">
                <div className="decision-head">
                  <strong>{d.insats}</strong>
                  <OutcomeBadge outcome={d.outcome} citizen />
                </div>
                <p className="muted">
                  {formatDate(d.decidedOn, lang)}
                  {(d.validFrom || d.validTo) && (
                    <> · {t.citizenDecisionValid} {d.validFrom ? formatDate(d.validFrom, lang) : ''} – {d.validTo ? formatDate(d.validTo, lang) : ''}</>
                  )}
                </p>
                {d.scope && <p>{d.scope}</p>}
                <details className="motivation" open>
                  <summary>{t.citizenWhy}</summary>
                  <p className="pre-line">{d.motivation}</p>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function PersonGroup({ group, index }: { group: Group; index: number }) {
  const { t } = useI18n();
  const headingId = `cperson-${index}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.citizenRelationHeading(group.relation, group.person.name)}</h2>
      {group.cases.length === 0 ? <p className="muted">{t.personCasesEmpty}</p> : (
        <ul className="card-list">
          {group.cases.map((c) => <li key={c.id}><CaseItem item={c} /></li>)}
        </ul>
      )}
    </section>
  );
}

export function CitizenCasesPage() {
  const { t } = useI18n();
  const query = useCitizenCases();
  return (
    <Page title={t.citizenTitle} lead={<p>{t.citizenLead}</p>} narrow>
      <QueryState query={query}>
        {({ persons }) => {
          const hasDecision = persons.some((p) => p.cases.some((c) => c.decisions.length > 0));
          if (persons.every((p) => p.cases.length === 0)) return <p className="panel">{t.citizenEmpty}</p>;
          return (
            <>
              {persons.map((g, i) => <PersonGroup key={`${g.relation}-${g.person.id}`} group={g} index={i} />)}
              {hasDecision && (
                <div className="notice notice--info">
                  <Icon name="info" />
                  <p>{t.citizenAppealInfo}</p>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
