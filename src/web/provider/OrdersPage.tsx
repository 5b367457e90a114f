// '/utforare' – beställningar to my provider; new ('skickad') first.
import type { OrderView } from '../../shared/api';
import { useProviderOrders } from '../api/queries';
import { useT } from '../i18n';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { OrderCard } from './OrderCard';

const newestFirst = (a: OrderView, b: OrderView) => b.sentAt.localeCompare(a.sentAt);

function OrderGroup({ id, title, orders, empty }: { id: string; title: string; orders: OrderView[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>
        {title} <span className="count">({orders.length})</span>
      </h2>
      {orders.length === 0 ? <p className="muted">{empty}</p> : (
        <ul className="card-list">
          {orders.map((o) => (
            <li key={o.id}><OrderCard order={o} showClient showInfo={false} /></li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OrdersPage() {
  const t = useT();
  const query = useProviderOrders();
  return (
    <Page title={t.ordersTitle} lead={query.data && <p>{t.ordersLead(query.data.providerName)}</p>}>
      <QueryState query={query}>
        {({ items }) => {
          if (items.length === 0) return <p className="panel">{t.ordersEmpty}</p>;
          const fresh = items.filter((o) => o.status === 'skickad').sort(newestFirst);
          const rest = items.filter((o) => o.status !== 'skickad').sort(newestFirst);
          return (
            <>
              <OrderGroup id="orders-new" title={t.newOrders} orders={fresh} empty={t.newOrdersEmpty} />
              {rest.length > 0 && <OrderGroup id="orders-other" title={t.otherOrders} orders={rest} empty={t.ordersEmpty} />}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
