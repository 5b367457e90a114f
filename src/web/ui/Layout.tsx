// Shared page chrome: skip link, header (product, municipality, language, user menu), per-view nav, main.
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { SessionInfo } from '../../shared/api';
import { useMyCases } from '../api/queries';
import { useT, type Messages } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NavCount } from './NavCount';
import { UserMenu } from './UserMenu';
import { CitizenUnreadCount } from '../messages/UnreadCount';
import { ProviderUnreadCount } from '../messages/ProviderUnreadList';

type Actor = NonNullable<SessionInfo['actor']>;
type View = Actor['view'];

interface NavItem { to: string; label: (t: Messages) => string; show?: (actor: Actor) => boolean; count?: 'inbox' | 'messages' | 'provider-messages' }

const navItems: Record<View, NavItem[]> = {
  handlaggare: [
    { to: '/handlaggare', label: (t) => t.navMyCases },
    { to: '/handlaggare/inkorg', label: (t) => t.navInbox, count: 'inbox' },
    { to: '/handlaggare/enhet', label: (t) => t.navUnitCases },
    { to: '/handlaggare/ny', label: (t) => t.navNewCase },
    { to: '/handlaggare/sok', label: (t) => t.navSearch },
    { to: '/handlaggare/oversikt', label: (t) => t.navDashboard, show: (actor) => actor.role === 'arbetsledare' },
    { to: '/handlaggare/ej-verkstallda', label: (t) => t.navEvb, show: (actor) => actor.role === 'arbetsledare' },
  ],
  utforare: [
    { to: '/utforare', label: (t) => t.navOrders, count: 'provider-messages' },
    { to: '/utforare/kunder', label: (t) => t.navClients },
    { to: '/utforare/mobil', label: (t) => t.navMobileDay },
  ],
  medborgare: [
    { to: '/medborgare', label: (t) => t.navMyCases },
    { to: '/medborgare/insatser', label: (t) => t.navMyServices },
    { to: '/medborgare/meddelanden', label: (t) => t.navMessages, count: 'messages' },
  ],
  systemforvaltare: [
    { to: '/systemforvaltare', label: (t) => t.navOverview },
    { to: '/systemforvaltare/delegation', label: (t) => t.navDelegation },
    { to: '/systemforvaltare/brevmallar', label: (t) => t.navTemplates },
    { to: '/systemforvaltare/utforare', label: (t) => t.navProviders },
  ],
};

/** New, unassigned cases in the user's unit, so the inbox is seen from every page. */
function InboxCount() {
  const t = useT();
  const n = useMyCases('inbox').data?.items.length ?? 0;
  return <NavCount n={n} label={t.navInboxCount(n)} />;
}

export function Layout({ session, children }: { session: SessionInfo | undefined; children: ReactNode }) {
  const t = useT();
  const actor = session?.authenticated ? session.actor : undefined;
  const home = actor ? `/${actor.view}` : '/';
  const items = actor ? navItems[actor.view].filter((item) => !item.show || item.show(actor)) : [];
  const wide = actor?.view === 'handlaggare';

  return (
    <div className={wide ? 'app app--wide' : 'app'}>
      <a className="skip-link" href="#main">{t.skipLink}</a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to={home} className="brand">
            <span className="brand-mark" aria-hidden="true">L</span>
            <span className="brand-text">
              <span className="brand-name">{t.appName}</span>
              <span className="brand-sub">{actor ? actor.municipality.name : t.appTagline}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {actor && <UserMenu actor={actor} />}
          </div>
        </div>
        {items.length > 0 && (
          <nav className="site-nav" aria-label={t.mainNav}>
            <ul className="container">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>{item.label(t)}{item.count === 'inbox' && <InboxCount />}{item.count === 'messages' && <CitizenUnreadCount />}{item.count === 'provider-messages' && <ProviderUnreadCount />}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <span>{t.appName} – {t.appTagline}</span>
        </div>
      </footer>
    </div>
  );
}
