// One beställning as a card: the inbox links it to the order page; on the client page the info
// to the provider is shown.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FullOrderStatus, ProviderOrder } from '../../shared/provider-api';
import type { OrderView } from '../../shared/api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ProtectionBadge } from '../ui/Badges';
import { useProviderMessages } from './messages';

type CardOrder = OrderView | ProviderOrder;

export function ProviderStatusBadge({ status }: { status: FullOrderStatus }) {
  const m = useProviderMessages();
  return <span className={`badge badge--status badge--order-${status}`}>{m.status[status]}</span>;
}

export function OrderCard({ order, showClient, showInfo, children }: { order: CardOrder; showClient: boolean; showInfo: boolean; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const m = useProviderMessages();
  const headingId = `order-${order.id}`;
  const full = 'steps' in order ? order : null;
  const period = order.endOn
    ? `${formatDate(order.startOn, lang)} – ${formatDate(order.endOn, lang)}`
    : formatDate(order.startOn, lang);
  return (
    <article className={order.status === 'skickad' ? 'card order-card order-card--new' : 'card order-card'} aria-labelledby={headingId}>
      <header className="order-head">
        <h3 id={headingId}>{order.insats}</h3>
        <ProviderStatusBadge status={order.status} />
      </header>
      {showClient && (
        <p className="order-client">
          <Link to={`/utforare/klient/${order.person.id}`} className="strong-link">{order.person.name}</Link>
          <span className="muted nowrap"> {order.person.idNumber}</span>
          {' '}<ProtectionBadge protection={order.person.protection} />
        </p>
      )}
      <dl className="facts facts--compact">
        <div><dt>{t.scope}</dt><dd>{order.scope}</dd></div>
        <div><dt>{order.endOn ? t.period : t.startOn}</dt><dd>{period}</dd></div>
        {full?.plannedStartOn && !full.startedOn && <div><dt>{m.plannedStart}</dt><dd>{formatDate(full.plannedStartOn, lang)}</dd></div>}
        {full?.startedOn && <div><dt>{m.started}</dt><dd>{formatDate(full.startedOn, lang)}</dd></div>}
        {full?.interruptedOn && <div><dt>{m.interrupted}</dt><dd>{formatDate(full.interruptedOn, lang)}</dd></div>}
        <div><dt>{t.orderNumber}</dt><dd className="nowrap">{order.orderNumber}</dd></div>
        <div><dt>{t.sentAt}</dt><dd>{formatDateTime(order.sentAt, lang)}</dd></div>
      </dl>
      {full && full.unreadMessages > 0 && (
        <p><Link to={`/utforare/bestallning/${order.id}#meddelanden`} className="badge badge--unsigned">{m.unread(full.unreadMessages)}</Link></p>
      )}
      {(showInfo || order.status === 'skickad') && order.infoToProvider && (
        <div className="info-box">
          <h4>{t.infoToProvider}</h4>
          <p className="pre-line">{order.infoToProvider}</p>
        </div>
      )}
      <p className="pv-open">
        <Link to={`/utforare/bestallning/${order.id}`}>{m.openOrder}<span className="visually-hidden"> {order.insats}, {order.orderNumber}</span></Link>
      </p>
      {children}
    </article>
  );
}
