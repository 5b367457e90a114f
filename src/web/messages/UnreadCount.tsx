// A count of unread messages for the main menu (the view's "Meddelanden" item), said in words too.
import { useMessagesText } from './messages-text';
import { useCitizenUnread } from './queries';

export function CitizenUnreadCount() {
  const m = useMessagesText();
  const n = useCitizenUnread().data?.unread ?? 0;
  if (n === 0) return null;
  return <span className="nav-count"><span aria-hidden="true">{n}</span><span className="visually-hidden">, {m.unreadBadge(n)}</span></span>;
}
