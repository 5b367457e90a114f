// '/handlaggare/arende/:id' – the whole legal chain on one screen: who and where (header), what
// can be done now (Nästa steg), then the sections in process order, each only when it applies.
// Every change answers with the case as it now stands, so the page updates without reloading and
// focus moves to a status message that says what happened.
import { useParams } from 'react-router';
import type { CaseDetail } from '../../shared/cases-api';
import { useSession } from '../api/queries';
import { FilesPanel } from '../files/FilesPanel';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { JournalPanel } from '../journal/JournalPanel';
import { OverdueTag } from '../ui/Badges';
import { Page } from '../ui/Page';
import { ErrorPanel, Loading } from '../ui/Status';
import { AppealsSection } from './AppealsSection';
import { CaseHeader } from './CaseHeader';
import { DecisionSection } from './DecisionSection';
import { ClosedSection, FhbSection, IntakeSection, SkyddSection } from './FactsSections';
import { InvestigationSection } from './InvestigationSection';
import { KommuniceringSection, needsKommunicering } from './KommuniceringSection';
import { LettersSection } from './LettersSection';
import { useCaseMessages } from './messages';
import { NextSteps } from './NextSteps';
import { OrdersSection } from '../orders/OrdersSection';
import { CaseMessagesSection } from '../messages/CaseMessagesSection';
import { EconomicApplicationSection } from './EconomicApplicationSection';
import { GuardianInsightSection } from '../representation/GuardianInsightSection';
import { useCaseDetail } from './queries';
import { Sv } from './form';
import { isChildCase } from './util';
import './cases.css';

function Deadlines({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  if (detail.deadlines.length === 0) return null;
  return (
    <section className="card cs-aside-card" aria-labelledby="cs-deadlines-h">
      <h2 id="cs-deadlines-h">{m.deadlines}</h2>
      <ul className="cs-deadline-list">
        {detail.deadlines.map((d) => (
          <li key={d.id} className={d.completedOn ? 'cs-dl cs-dl--done' : d.overdue ? 'cs-dl cs-dl--overdue' : 'cs-dl'}>
            <span className="cs-dl-label"><Sv>{d.label}</Sv></span>
            <span className="cs-dl-date">
              {d.completedOn ? m.deadlineDone(formatDate(d.completedOn, lang)) : (
                <>
                  {d.overdue && <OverdueTag />}
                  {m.due} <time dateTime={d.dueOn}>{formatDate(d.dueOn, lang)}</time>
                </>
              )}
            </span>
            <span className="legal">{d.legalBasis}{d.extendedReason ? ` · ${m.deadlineExtended}` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Part { id: string; label: string; show: boolean }

function sections(detail: CaseDetail, m: ReturnType<typeof useCaseMessages>): Part[] {
  const child = isChildCase(detail);
  const investigating = detail.status === 'utredning';
  return [
    { id: 'nasta-steg', label: m.nextSteps, show: true },
    { id: 'aktualisering', label: m.intake, show: true },
    { id: 'skyddsbedomning', label: m.skydd, show: child },
    { id: 'forhandsbedomning', label: m.fhb, show: Boolean(detail.forhandsbedomning) },
    { id: 'utredning', label: m.investigation, show: Boolean(detail.investigation) },
    { id: 'kommunicering', label: m.kommunicering, show: Boolean(detail.kommunicering) || (investigating && needsKommunicering(detail)) },
    { id: 'beslut', label: m.decisions, show: investigating || detail.decisions.length > 0 },
    { id: 'beslutsbrev', label: m.letters, show: detail.letters.length > 0 },
    { id: 'overklagande', label: m.appeals, show: detail.appeals.length > 0 || detail.decisions.some((d) => d.status === 'fattat' && d.appealRoute === 'forvaltningsbesvar') },
    { id: 'verkstallighet', label: m.verkstallighet, show: detail.decisions.some((d) => d.status === 'fattat' && d.outcome !== 'avslag') },
    { id: 'avslut', label: m.closed, show: detail.status === 'avslutad' },
    { id: 'journal', label: 'Journal', show: true },
  ];
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const session = useSession();
  const actor = session.data?.authenticated ? session.data.actor : undefined;
  const parts = sections(detail, m);
  const shown = (id: string) => parts.find((p) => p.id === id)?.show ?? false;
  return (
    <>
      {actor && <CaseHeader detail={detail} actor={actor} />}
      <div className="cs-layout">
        <div className="cs-main">
          <NextSteps detail={detail} />
          <IntakeSection detail={detail} />
          <EconomicApplicationSection detail={detail} />
          {shown('skyddsbedomning') && <SkyddSection detail={detail} />}
          {shown('forhandsbedomning') && <FhbSection detail={detail} />}
          {shown('utredning') && <InvestigationSection detail={detail} />}
          {shown('kommunicering') && <KommuniceringSection detail={detail} />}
          {shown('beslut') && <DecisionSection detail={detail} />}
          <LettersSection detail={detail} />
          <AppealsSection detail={detail} />
          <OrdersSection detail={detail} />
          <CaseMessagesSection detail={detail} />
          <GuardianInsightSection detail={detail} />
          <ClosedSection detail={detail} />
          <div id="journal" className="cs-journal">
            <JournalPanel caseId={detail.id} caseNumber={detail.caseNumber} />
          </div>
        </div>
        <aside className="cs-aside" aria-label={m.caseSections}>
          <nav className="card cs-aside-card cs-toc" aria-labelledby="cs-toc-h">
            <h2 id="cs-toc-h">{m.caseSections}</h2>
            <ul>
              {parts.filter((p) => p.show).map((p) => <li key={p.id}><a href={`#${p.id}`}>{p.label}</a></li>)}
            </ul>
          </nav>
          <Deadlines detail={detail} />
          <FilesPanel caseId={detail.id} area={detail.area} />
        </aside>
      </div>
    </>
  );
}

export function CasePage() {
  const m = useCaseMessages();
  const { t } = useI18n();
  const { id = '' } = useParams();
  const query = useCaseDetail(id);
  const detail = query.data;
  const heading = detail ? (
    <>
      <span className="cs-eyebrow">
        <span className="case-number">{detail.caseNumber}</span>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {m.caseType[detail.caseType]}
      </span>
      <span className="cs-title"><Sv>{detail.title}</Sv></span>
    </>
  ) : m.caseTitle;
  return (
    <Page key={id} title={detail ? `${detail.caseNumber} ${detail.title}` : m.caseTitle} heading={heading}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {detail && <CaseView detail={detail} />}
      {!detail && !query.isPending && !query.isError && <p>{t.missingText}</p>}
    </Page>
  );
}
