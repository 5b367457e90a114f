// '/medborgare' – Mina ärenden: choose whom I act for (me, a child in my custody, someone who gave
// me a fullmakt), then follow their cases as a simple step list in plain Swedish (klarspråk), read
// the decisions, why, and how to appeal, and open the letters as PDF. Mobile first.
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { CitizenCase, CitizenCasesResponse, CitizenDecision, CitizenMe } from '../../shared/citizen-api';
import { formatDate } from '../format';
import { formatMoneySek } from '../../domain/format';
import { useI18n } from '../i18n';
import { OutcomeBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { citizenMessages } from './messages';
import { AwaitingConfirmation } from '../e-services/AwaitingConfirmation';
import { ActingForChooser, actingForParams, chosenPerson } from './ActingForChooser';
import './citizen.css';

function useCitizen() {
  const { lang } = useI18n();
  return { lang, m: citizenMessages[lang] };
}

const useMe = () => useQuery({ queryKey: ['citizen', 'me'], queryFn: ({ signal }) => api.get<CitizenMe>('/api/citizen/me', signal) });
const useCases = (personId: string | null) => useQuery({
  queryKey: ['citizen', 'cases', personId],
  enabled: personId !== null,
  queryFn: ({ signal }) => api.get<CitizenCasesResponse>(`/api/citizen/cases?for=${encodeURIComponent(personId ?? '')}`, signal),
});

function Steps({ item }: { item: CitizenCase }) {
  const { m } = useCitizen();
  // The state is said in words too (no colour-only meaning, WCAG 1.4.1).
  return (
    <ol className="csteps">
      {item.statusText.steps.map((s) => (
        <li key={s.key} className={`cstep cstep--${s.state}`} aria-current={s.state === 'pagar' ? 'step' : undefined}>
          <span className="cstep-mark" aria-hidden="true">{s.state === 'klar' ? <Icon name="check" size={14} /> : null}</span>
          <span className="cstep-label">{m.status[s.key]}</span>
          <span className="cstep-state">{m.stepState[s.state]}</span>
        </li>
      ))}
    </ol>
  );
}

function Decision({ d }: { d: CitizenDecision }) {
  const { m, lang } = useCitizen();
  const sv = lang === 'sv' ? undefined : 'sv';
  return (
    <li className="decision">
      <div className="decision-head">
        <strong lang={sv}>{d.insats}</strong>
        <OutcomeBadge outcome={d.outcome} citizen />
      </div>
      <p className="muted">
        {m.decidedOn} {formatDate(d.decidedOn, lang)}
        {(d.validFrom || d.validTo) && <> · {m.valid} {formatDate(d.validFrom, lang)} – {formatDate(d.validTo, lang)}</>}
      </p>
      {d.amountSek !== null && <p><strong>{m.amount}: {formatMoneySek(d.amountSek)}</strong></p>}
      {d.scope && <p lang={sv}>{d.scope}</p>}
      <details className="motivation" open>
        <summary>{m.why}</summary>
        <p className="pre-line" lang={sv}>{d.motivation}</p>
      </details>
      {d.appeal && (
        <details className="cappeal">
          <summary>{lang === 'sv' ? d.appeal.title : 'How to appeal'}</summary>
          {m.appealInSwedish && <p>{m.appealInSwedish}</p>}
          <div lang="sv">
            <AppealText paragraphs={d.appeal.paragraphs} />
          </div>
        </details>
      )}
    </li>
  );
}

/** Paragraphs, with the "• " items of the instruction as a real list. */
function AppealText({ paragraphs }: { paragraphs: string[] }) {
  const blocks: Array<string | string[]> = [];
  for (const p of paragraphs) {
    if (p.startsWith('• ')) {
      const last = blocks[blocks.length - 1];
      if (Array.isArray(last)) last.push(p.slice(2)); else blocks.push([p.slice(2)]);
    } else blocks.push(p);
  }
  return (
    <>
      {blocks.map((b, i) => (Array.isArray(b)
        ? <ul key={i}>{b.map((x) => <li key={x}>{x}</li>)}</ul>
        : <p key={i}>{b}</p>))}
    </>
  );
}

function CaseCard({ item }: { item: CitizenCase }) {
  const { m, lang } = useCitizen();
  const headingId = `ccase-${item.id}`;
  const explain = m.explain ? m.explain[item.status] : item.statusText.explanation;
  const refused = item.status === 'beslut' && item.decisions.length > 0 && item.decisions.every((d) => d.outcome === 'avslag');
  const next = !m.next ? item.statusText.next : refused ? m.nextAfterRefusal : m.next[item.status];
  return (
    <article className="card citizen-case" aria-labelledby={headingId}>
      <h3 id={headingId} lang={lang === 'sv' ? undefined : 'sv'}>{item.title}</h3>
      <p className={`citizen-status citizen-status--${item.status}`}>
        <span className="citizen-status-label">{m.status[item.status]}</span>
        <span className="citizen-status-help">{explain}</span>
      </p>
      <h4 className="visually-hidden">{m.stepsHeading}</h4>
      <Steps item={item} />
      {next && <p className="cnext"><Icon name="arrow" /> {next}</p>}
      {item.contact && <p>{m.contact(item.contact.firstName, item.contact.phone)}</p>}
      <dl className="facts facts--compact">
        <div><dt>{m.caseNumber}</dt><dd className="nowrap">{item.caseNumber}</dd></div>
        <div><dt>{m.started}</dt><dd>{formatDate(item.receivedOn, lang)}</dd></div>
        {item.closedOn && <div><dt>{m.closed}</dt><dd>{formatDate(item.closedOn, lang)}</dd></div>}
      </dl>
      {item.decisions.length > 0 && (
        <>
          <h4>{m.decisions}</h4>
          <ul className="decision-list">{item.decisions.map((d) => <Decision key={d.id} d={d} />)}</ul>
        </>
      )}
      {item.letters.length > 0 && (
        <>
          <h4>{m.letters}</h4>
          <ul className="cletters">
            {item.letters.map((l) => (
              <li key={l.fileId}><a href={l.url}><Icon name="pen" /> {m.letterLink(formatDate(l.createdOn, lang))}</a></li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function CasesOf({ personId, name, self }: { personId: string; name: string; self: boolean }) {
  const { m } = useCitizen();
  const query = useCases(personId);
  return (
    <section className="section" aria-labelledby="ccases-heading">
      <h2 id="ccases-heading">{m.casesFor(name, self)}</h2>
      <QueryState query={query}>
        {({ persons }) => {
          const group = persons[0];
          if (!group) return <p className="panel">{m.noCases}</p>;
          return (
            <>
              {group.withheld && (
                <div className="notice notice--info" role="status"><Icon name="shield" /><p>{m.withheld[group.withheld.reason]}</p></div>
              )}
              {group.cases.length === 0 ? (!group.withheld && <p className="panel">{m.noCases}</p>) : (
                <ul className="card-list">{group.cases.map((c) => <li key={c.id}><CaseCard item={c} /></li>)}</ul>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

export function CitizenCasesPage() {
  const { m } = useCitizen();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  return (
    <Page title={m.title} lead={<p>{m.lead}</p>} narrow>
      <AwaitingConfirmation />
      <nav className="ce-services" aria-labelledby="ce-services-h">
        <h2 id="ce-services-h">{m.eServices}</h2>
        <ul>
          <li><Link to="/medborgare/ansokan/bistand"><Icon name="pen" />{m.applyLink}</Link></li>
          <li><Link to="/medborgare/ansokan/forsorjningsstod"><Icon name="pen" />{m.applyFsLink}</Link></li>
          <li><Link to="/orosanmalan"><Icon name="alert" />{m.reportLink}</Link></li>
        </ul>
      </nav>
      <QueryState query={me}>
        {({ actingFor }) => {
          if (actingFor.length === 0) return <p className="panel">{m.noCases}</p>;
          const chosen = chosenPerson(actingFor, params.get('for'))!;
          return (
            <>
              <ActingForChooser legend={m.actingForLegend} people={actingFor} chosenId={chosen.id} details
                onChoose={(p) => setParams(actingForParams(p), { replace: true })} />
              <CasesOf key={chosen.id} personId={chosen.id} name={chosen.name} self={chosen.relation === 'self'} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
