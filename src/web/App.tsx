// Routes. Each role's pages sit under its own prefix and are guarded by the session's view.
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import type { SessionInfo } from '../shared/api';
import { AdminPage } from './admin/AdminPage';
import { DelegationPage } from './admin/DelegationPage';
import { TemplatesPage } from './admin/TemplatesPage';
import { CasePage } from './cases/CasePage';
import { DashboardPage } from './cases/DashboardPage';
import { NewCasePage } from './cases/NewCasePage';
import { useSession } from './api/queries';
import { CitizenCasesPage } from './citizen/CitizenCasesPage';
import { useT } from './i18n';
import { ClientPage } from './provider/ClientPage';
import { OrdersPage } from './provider/OrdersPage';
import { StartPage } from './start/StartPage';
import { MyCasesPage } from './staff/MyCasesPage';
import { PersonPage } from './staff/PersonPage';
import { SearchPage } from './staff/SearchPage';
import { MobileDayPage } from './mobile/MobileDayPage';
import { OrderPage } from './provider/OrderPage';
import { ClientsPage } from './provider/ClientsPage';
import { EvbPage } from './orders/EvbPage';
import { ProvidersPage } from './admin/ProvidersPage';
import { OrosanmalanPage } from './public-report/OrosanmalanPage';
import { AnsokanBistandPage } from './e-services/AnsokanBistandPage';
import { AnsokanForsorjningsstodPage } from './e-services/AnsokanForsorjningsstodPage';
import { BekraftaAnsokanPage } from './e-services/BekraftaAnsokanPage';
import { CitizenServicesPage } from './citizen/CitizenServicesPage';
import { CitizenMessagesPage } from './messages/CitizenMessagesPage';
import { Layout } from './ui/Layout';
import { ErrorPanel, Loading, MessagePage } from './ui/Status';

type View = NonNullable<SessionInfo['actor']>['view'];

function RoleLayout({ view }: { view: View }) {
  const session = useSession();
  const location = useLocation();
  const t = useT();
  if (session.isPending) return <Layout session={undefined}><Loading /></Layout>;
  if (session.isError) return <Layout session={undefined}><ErrorPanel error={session.error} onRetry={() => void session.refetch()} /></Layout>;
  const actor = session.data.authenticated ? session.data.actor : undefined;
  if (!actor) return <Navigate to="/" replace state={{ from: location.pathname }} />;
  return (
    <Layout session={session.data}>
      {actor.view === view ? <Outlet /> : <MessagePage title={t.forbiddenTitle} text={t.wrongViewText} home={`/${actor.view}`} />}
    </Layout>
  );
}

function NotFoundPage() {
  const session = useSession();
  const t = useT();
  const actor = session.data?.authenticated ? session.data.actor : undefined;
  return <MessagePage title={t.notFoundTitle} text={t.notFoundText} home={actor ? `/${actor.view}` : '/'} />;
}

function TopLevelNotFound() {
  const session = useSession();
  return <Layout session={session.data}><NotFoundPage /></Layout>;
}

export function App() {
  return (
    <Routes>
      <Route path="/" element={<StartPage />} />
      <Route path="/orosanmalan" element={<OrosanmalanPage />} />
      <Route path="/handlaggare" element={<RoleLayout view="handlaggare" />}>
        <Route index element={<MyCasesPage />} />
        <Route path="enhet" element={<MyCasesPage scope="unit" />} />
        <Route path="sok" element={<SearchPage />} />
        <Route path="person/:id" element={<PersonPage />} />
        <Route path="inkorg" element={<MyCasesPage scope="inbox" />} />
        <Route path="arende/:id" element={<CasePage />} />
        <Route path="ny" element={<NewCasePage />} />
        <Route path="oversikt" element={<DashboardPage />} />
        <Route path="ej-verkstallda" element={<EvbPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* outside RoleLayout: the day view opens offline, when the session cannot be asked */}
      <Route path="/utforare/mobil" element={<MobileDayPage />} />
      <Route path="/utforare" element={<RoleLayout view="utforare" />}>
        <Route index element={<OrdersPage />} />
        <Route path="klient/:id" element={<ClientPage />} />
        <Route path="bestallning/:id" element={<OrderPage />} />
        <Route path="kunder" element={<ClientsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="/medborgare" element={<RoleLayout view="medborgare" />}>
        <Route index element={<CitizenCasesPage />} />
        <Route path="ansokan/bistand" element={<AnsokanBistandPage />} />
        <Route path="ansokan/forsorjningsstod" element={<AnsokanForsorjningsstodPage />} />
        <Route path="bekrafta/:id" element={<BekraftaAnsokanPage />} />
        <Route path="insatser" element={<CitizenServicesPage />} />
        <Route path="meddelanden" element={<CitizenMessagesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="/systemforvaltare" element={<RoleLayout view="systemforvaltare" />}>
        <Route index element={<AdminPage />} />
        <Route path="delegation" element={<DelegationPage />} />
        <Route path="brevmallar" element={<TemplatesPage />} />
        <Route path="utforare" element={<ProvidersPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="*" element={<TopLevelNotFound />} />
    </Routes>
  );
}
