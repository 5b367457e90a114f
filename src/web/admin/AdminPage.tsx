// '/systemforvaltare' – landing for system administrators. No personal data here.
import { useHealth } from '../api/queries';
import { useT } from '../i18n';
import { Page } from '../ui/Page';
import { Loading } from '../ui/Status';

export function AdminPage() {
  const t = useT();
  const health = useHealth();
  const data = health.data;
  const ok = data?.status === 'ok';
  return (
    <Page title={t.adminTitle} lead={<p>{t.adminLead}</p>} narrow>
      <section className="card" aria-labelledby="system-status-h">
        <h2 id="system-status-h">{t.systemStatus}</h2>
        {health.isPending ? <Loading /> : (
          <dl className="facts">
            <div>
              <dt>{t.systemStatus}</dt>
              <dd><span className={ok ? 'badge badge--signed' : 'badge badge--overdue'}>{ok ? t.statusOk : t.statusDegraded}</span></dd>
            </div>
            <div><dt>{t.database}</dt><dd>{data?.database.reachable ? t.reachable : t.unreachable}</dd></div>
            {data?.database.migrations !== undefined && <div><dt>{t.migrations}</dt><dd>{data.database.migrations}</dd></div>}
            {data?.version && <div><dt>{t.version}</dt><dd>{data.version}</dd></div>}
          </dl>
        )}
      </section>
    </Page>
  );
}
