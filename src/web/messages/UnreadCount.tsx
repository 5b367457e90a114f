// A count of unread messages for the main menu (the view's "Meddelanden" item), said in words too.
import { NavCount } from '../ui/NavCount';
import { useMessagesText } from './messages-text';
import { useCitizenUnread } from './queries';

export function CitizenUnreadCount() {
  const m = useMessagesText();
  const n = useCitizenUnread().data?.unread ?? 0;
  return <NavCount n={n} label={m.unreadBadge(n)} />;
}
