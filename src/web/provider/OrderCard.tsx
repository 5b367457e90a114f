import { Link } from 'react-router';
import type { OrderView } from '../../shared/api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { OrderStatusBadge, ProtectionBadge } from '../ui/Badges';

/** One beställning. On the orders page the client links to the client summary; there, info to provider is shown. */
export function OrderCard({ order, showClient, showInfo }: { order: OrderView; showClient: boolean; showInfo: boolean }) {
  const { t, lang } = useI18n();
  const headingId = `order-${order.id}`;
  const period = order.endOn
    ? `${formatDate(order.startOn, lang)} – ${formatDate(order.endOn, lang)}`
    : formatDate(order.startOn, lang);
  return (
    <article className={order.status === 'skickad' ? 'card order-card order-card--new' : 'card order-card'} aria-labelledby={headingId}>
      <header className="order-head">
        <h3 id={headingId}>{order.insats}</h3>
        <OrderStatusBadge status={order.status} />
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
        <div><dt>{t.orderNumber}</dt><dd className="nowrap">{order.orderNumber}</dd></div>
        <div><dt>{t.sentAt}</dt><dd>{formatDateTime(order.sentAt, lang)}</dd></div>
      </dl>
      {showInfo && order.infoToProvider && (
        <div className="info-box">
          <h4>{t.infoToProvider}</h4>
          <p className="pre-line">{order.infoToProvider}</p>
        </div>
      )}
    </article>
  );
}
