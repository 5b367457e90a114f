// The provider's inbox: orders with unread messages from citizens, so a message is not found only
// by opening the right order. Each row links to the conversation on the order page.
import { Link } from 'react-router';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { NavCount } from '../ui/NavCount';
import { useMessagesText } from './messages-text';
import { useProviderUnread } from './queries';

export function ProviderUnreadList() {
  const m = useMessagesText();
  const { lang } = useI18n();
  const items = useProviderUnread().data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="unread-citizen-messages-h" className="section notice notice--info">
      <Icon name="alert" />
      <div>
        <h2 id="unread-citizen-messages-h">{m.providerUnreadTitle}</h2>
        <ul>
          {items.map((i) => (
            <li key={i.orderId}>
              <Link to={`/utforare/bestallning/${encodeURIComponent(i.orderId)}#meddelanden-medborgare`}>
                {m.providerUnreadItem(i.personName, i.orderNumber)}
              </Link>{' '}
              <span className="muted">{m.unreadBadge(i.unread)}, {formatDateTime(i.lastMessageAt, lang)}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function ProviderUnreadCount() {
  const m = useMessagesText();
  const n = useProviderUnread().data?.total ?? 0;
  return <NavCount n={n} label={m.unreadBadge(n)} />;
}
