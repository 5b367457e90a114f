// '/' – what Lots is, and the two ways to log in. Authenticated users go straight to their view.
import { useId } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useMunicipalities, useSession } from '../api/queries';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';
import { Layout } from '../ui/Layout';
import { Page } from '../ui/Page';
import { ErrorPanel, Loading } from '../ui/Status';
import { ReportLink } from '../public-report/ReportLink';

function CitizenLogin() {
  const t = useT();
  const municipalities = useMunicipalities();
  const selectId = useId();
  const items = municipalities.data?.items ?? [];
  return (
    <section className="card login-card" aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>{t.citizenHeading}</h2>
      <p>{t.citizenText}</p>
      {municipalities.isError ? (
        <p className="notice notice--error" role="alert">{t.municipalitiesError}</p>
      ) : (
        <form method="get" action="/auth/login" className="stack">
          <input type="hidden" name="as" value="medborgare" />
          <div className="field">
            <label htmlFor={selectId}>{t.municipality}</label>
            <select id={selectId} name="kommun" required disabled={municipalities.isPending} defaultValue="">
              <option value="" disabled>{municipalities.isPending ? t.loading : t.chooseMunicipality}</option>
              {items.map((m) => (
                <option key={m.code} value={m.code}>{m.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--large">
            <Icon name="shield" />
            {t.citizenLogin}
          </button>
        </form>
      )}
    </section>
  );
}

export function StartPage() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const redirected = (location.state as { from?: string } | null)?.from;
  const [params] = useSearchParams();
  const loginError = params.get('inloggning');

  if (session.data?.authenticated && session.data.actor) return <Navigate to={`/${session.data.actor.view}`} replace />;

  return (
    <Layout session={undefined}>
      {session.isPending ? (
        <Loading />
      ) : (
        <Page title={t.startDocTitle} heading={t.startTitle} lead={<p>{t.startLead}</p>}>
          {session.isError && <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />}
          {loginError && (
            <div className="notice notice--error" role="alert">
              <Icon name="alert" />
              <p>
                <strong>{t.loginFailedTitle}.</strong> {t.loginFailed[loginError] ?? t.loginFailedGeneric}
              </p>
            </div>
          )}
          {redirected && !loginError && <p className="notice notice--info" role="status">{t.loginRequired}</p>}
          <div className="login-grid">
            <section className="card login-card" aria-labelledby="staff-login-h">
              <h2 id="staff-login-h">{t.staffHeading}</h2>
              <p>{t.staffText}</p>
              <a className="button button--large" href="/auth/login?as=personal">
                <Icon name="user" />
                {t.staffLogin}
              </a>
            </section>
            <CitizenLogin />
          </div>
          <ReportLink />
        </Page>
      )}
    </Layout>
  );
}
