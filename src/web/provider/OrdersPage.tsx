// '/utforare' – the inbox: new beställningar (skickad) first, each to accept with a planned start
// date or return with a reason; then the accepted, ongoing and interrupted ones.
import type { ProviderOrder } from '../../shared/provider-api';
import { useStatusMessage } from '../cases/form';
import '../cases/cases.css';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { OrderCard } from './OrderCard';
import { OrderSteps } from './OrderSteps';
import { useProviderMessages } from './messages';
import { useInbox } from './queries';
import { ProviderUnreadList } from '../messages/ProviderUnreadList';
import './provider.css';

function OrderGroup({ id, title, orders, empty, onDone }: { id: string; title: string; orders: ProviderOrder[]; empty: string; onDone: (t: string) => void }) {
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title} <span className="count">({orders.length})</span></h2>
      {orders.length === 0 ? <p className="muted">{empty}</p> : (
        <ul className="card-list">
          {orders.map((o) => (
            <li key={o.id}>
              <OrderCard order={o} showClient showInfo={false}>
                {o.status === 'skickad' && <OrderSteps order={o} onDone={onDone} only={['acceptera', 'returnera']} />}
              </OrderCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OrdersPage() {
  const m = useProviderMessages();
  const query = useInbox();
  const status = useStatusMessage();
  return (
    <Page title={m.inboxTitle} lead={query.data && <p>{m.inboxLead(query.data.providerName)}</p>}>
      {status.node}
      <ProviderUnreadList />
      <QueryState query={query}>
        {({ items }) => {
          const fresh = items.filter((o) => o.status === 'skickad');
          const rest = items.filter((o) => o.status !== 'skickad');
          return (
            <>
              <OrderGroup id="orders-new" title={m.newOrders} orders={fresh} empty={m.newOrdersEmpty} onDone={status.show} />
              <OrderGroup id="orders-active" title={m.activeOrders} orders={rest} empty={m.activeEmpty} onDone={status.show} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
