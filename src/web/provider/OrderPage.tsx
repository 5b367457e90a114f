// '/utforare/bestallning/:id' – one beställning at the provider: what it says and the person's
// minimum for delivering it, the steps (accept, start, interruption), and the sections the
// provider documents within the order: genomförandeplan, journal, avvikelser, meddelanden, utförd tid.
import { Link, useParams } from 'react-router';
import { legalBasisShort } from '../../domain/insatser';
import { useSession } from '../api/queries';
import { useStatusMessage } from '../cases/form';
import '../cases/cases.css';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { AddressBlock } from '../ui/AddressBlock';
import { ProtectionBadge } from '../ui/Badges';
import { Page } from '../ui/Page';
import { ErrorPanel, Loading } from '../ui/Status';
import { ProviderStatusBadge } from './OrderCard';
import { OrderSteps } from './OrderSteps';
import { PlanSection } from './PlanSection';
import { OrderCitizenMessages } from '../messages/OrderCitizenMessages';
import { DeviationSection, JournalSection, MessagesSection, TimeSection } from './RecordSections';
import { useProviderMessages } from './messages';
import { useOrder } from './queries';
import { Section } from './Section';
import './provider.css';

export function OrderPage() {
  const { id = '' } = useParams();
  const m = useProviderMessages();
  const { lang } = useI18n();
  const query = useOrder(id);
  const session = useSession();
  const isChef = session.data?.actor?.role === 'utforare_chef';
  const status = useStatusMessage();
  const data = query.data;
  const o = data?.order;
  const started = o && (o.status === 'pagaende' || o.status === 'avbruten' || o.status === 'accepterad');
  const toc: Array<[string, string]> = [
    ['bestallning', m.secOrder], ['genomforandeplan', m.secPlan], ['journal', m.secJournal],
    ['avvikelser', m.secDeviations], ['meddelanden', m.secMessages], ['utford-tid', m.secTime],
  ];
  return (
    <Page title={o ? `${m.orderTitle} ${o.orderNumber}` : m.orderTitle}
      heading={o ? <>{o.insats} <span className="muted pv-h1-sub">– {data.person.name}</span></> : m.orderTitle}
      lead={<p><Link to="/utforare">← {m.backToInbox}</Link></p>}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {status.node}
      {data && o && (
        <div className="pv-layout">
          <nav aria-label={m.sections} className="cs-toc pv-toc">
            <ul>{toc.map(([a, label]) => <li key={a}><a href={`#${a}`}>{label}</a></li>)}</ul>
          </nav>
          <div className="pv-main">
            <Section id="bestallning" title={m.secOrder}>
              <p><ProviderStatusBadge status={o.status} /></p>
              <div className="pv-two">
                <dl className="facts">
                  <div><dt>{m.insats}</dt><dd>{o.insats}</dd></div>
                  <div><dt>{m.scope}</dt><dd>{o.scope || data.decision.scope || '–'}</dd></div>
                  <div><dt>{o.endOn ? m.period : m.from}</dt><dd>{formatDate(o.startOn, lang)}{o.endOn && ` – ${formatDate(o.endOn, lang)}`}</dd></div>
                  {o.plannedStartOn && <div><dt>{m.plannedStart}</dt><dd>{formatDate(o.plannedStartOn, lang)}</dd></div>}
                  {o.startedOn && <div><dt>{m.started}</dt><dd>{formatDate(o.startedOn, lang)}</dd></div>}
                  {o.interruptedOn && <div><dt>{m.interrupted}</dt><dd>{formatDate(o.interruptedOn, lang)}{o.interruptionReason && ` – ${o.interruptionReason}`}</dd></div>}
                  <div><dt>{m.legalBasis}</dt><dd>{data.decision.legalBasis ? legalBasisShort(data.decision.legalBasis) : '–'}</dd></div>
                  <div><dt>{m.orderNumber}</dt><dd className="nowrap">{o.orderNumber}</dd></div>
                  <div><dt>{m.sentAt}</dt><dd>{formatDateTime(o.sentAt, lang)}</dd></div>
                  <div><dt>{m.handlaggare}</dt><dd>{data.handlaggare ?? '–'}</dd></div>
                </dl>
                <div className="card pv-person" aria-label={m.person}>
                  <h3><Link to={`/utforare/klient/${data.person.id}`}>{data.person.name}</Link></h3>
                  {data.person.protection !== 'ingen' && <p><ProtectionBadge protection={data.person.protection} detailed /></p>}
                  <dl className="facts facts--compact">
                    <div><dt>{m.idNumber}</dt><dd className="nowrap">{data.person.idNumber}</dd></div>
                    <div><dt>{m.address}</dt><dd><AddressBlock protection={data.person.protection} address={data.person.address} /></dd></div>
                    <div><dt>{m.phone}</dt><dd>{data.person.phone
                      ? <a href={`tel:${data.person.phone.replace(/[^\d+]/g, '')}`}>{data.person.phone}</a>
                      : <span className="muted">{data.person.protection === 'ingen' ? m.notSet : '–'}</span>}</dd></div>
                  </dl>
                  {data.person.protection !== 'ingen' && <p className="hint">{m.protectedNote}</p>}
                </div>
              </div>
              {o.infoToProvider && (
                <div className="info-box"><h3>{m.infoToProvider}</h3><p className="pre-line">{o.infoToProvider}</p></div>
              )}
              <OrderSteps order={o} onDone={status.show} />
              {data.events.length > 0 && (
                <details className="pv-older">
                  <summary>{m.history} ({data.events.length})</summary>
                  <ol className="pv-plain">
                    {data.events.map((e, i) => (
                      <li key={i}>{formatDate(e.onDate, lang)} – {m.event[e.kind] ?? e.kind}{e.note && `: ${e.note}`}{e.actorName && <span className="muted"> ({e.actorName})</span>}</li>
                    ))}
                  </ol>
                </details>
              )}
            </Section>
            <Section id="genomforandeplan" title={m.secPlan}>
              <PlanSection orderId={o.id} canWrite={Boolean(started)} onDone={status.show} />
            </Section>
            <Section id="journal" title={m.secJournal}><JournalSection orderId={o.id} onDone={status.show} /></Section>
            <Section id="avvikelser" title={m.secDeviations}><DeviationSection orderId={o.id} onDone={status.show} /></Section>
            <Section id="meddelanden" title={m.secMessages}><MessagesSection orderId={o.id} onDone={status.show} /></Section>
            <OrderCitizenMessages orderId={o.id} onDone={status.show} />
            <Section id="utford-tid" title={m.secTime}><TimeSection orderId={o.id} isChef={isChef} onDone={status.show} /></Section>
          </div>
        </div>
      )}
    </Page>
  );
}
