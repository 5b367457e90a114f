// '/utforare/klient/:id' – what the provider needs to know about a client, and the client's orders.
import { useParams } from 'react-router';
import { useProviderClient } from '../api/queries';
import { useT } from '../i18n';
import { AddressBlock } from '../ui/AddressBlock';
import { ProtectionBadge } from '../ui/Badges';
import { Page } from '../ui/Page';
import { ErrorPanel, Loading } from '../ui/Status';
import { OrderCard } from './OrderCard';

export function ClientPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useProviderClient(id);
  const data = query.data;
  return (
    <Page title={t.clientTitle} heading={data ? data.person.name : t.clientTitle}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <section className="card person-card" aria-label={t.clientTitle}>
            {data.person.protection !== 'ingen' && (
              <p className="person-protection"><ProtectionBadge protection={data.person.protection} detailed /></p>
            )}
            <dl className="facts">
              <div><dt>{t.idNumber}</dt><dd className="nowrap">{data.person.idNumber}</dd></div>
              <div><dt>{t.age}</dt><dd>{t.yearsOld(data.person.age)}</dd></div>
              <div><dt>{t.address}</dt><dd><AddressBlock protection={data.person.protection} address={data.person.address} /></dd></div>
              <div>
                <dt>{t.phone}</dt>
                <dd>{data.person.phone ? <a href={`tel:${data.person.phone.replace(/[^\d+]/g, '')}`}>{data.person.phone}</a> : <span className="muted">{t.notSet}</span>}</dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="client-orders-h" className="section">
            <h2 id="client-orders-h">{t.clientOrders}</h2>
            {data.orders.length === 0 ? <p className="muted">{t.ordersEmpty}</p> : (
              <ul className="card-list">
                {data.orders.map((o) => (
                  <li key={o.id}><OrderCard order={o} showClient={false} showInfo /></li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
