// '/utforare/kunder' – the provider's clients (persons with an active order) and their orders.
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { ProtectionBadge } from '../ui/Badges';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { ProviderStatusBadge } from './OrderCard';
import { useProviderMessages } from './messages';
import { useClients } from './queries';
import './provider.css';

export function ClientsPage() {
  const m = useProviderMessages();
  const { lang } = useI18n();
  const query = useClients();
  return (
    <Page title={m.clientsTitle} lead={<p>{m.clientsLead}</p>}>
      <QueryState query={query}>
        {({ items }) => items.length === 0 ? <p className="panel">{m.clientsEmpty}</p> : (
          <div className="table-scroll" role="region" aria-label={m.clientsTitle} tabIndex={0}>
            <table className="table" lang={lang}>
              <caption className="visually-hidden">{m.clientsTitle}</caption>
              <thead><tr><th scope="col">{m.person}</th><th scope="col">{m.idNumber}</th><th scope="col">{m.orders}</th></tr></thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.person.id}>
                    <th scope="row">
                      <Link to={`/utforare/klient/${c.person.id}`} className="strong-link">{c.person.name}</Link>
                      {' '}<ProtectionBadge protection={c.person.protection} />
                    </th>
                    <td className="nowrap">{c.person.idNumber}</td>
                    <td>
                      <ul className="pv-plain">
                        {c.orders.map((o) => (
                          <li key={o.id}>
                            <Link to={`/utforare/bestallning/${o.id}`}>{o.insats}</Link>
                            <span className="muted"> – {o.scope} </span>
                            <ProviderStatusBadge status={o.status} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Page>
  );
}
