// '/systemforvaltare' – landing for system administrators. No personal data here.
import { Link } from 'react-router';
import { useHealth } from '../api/queries';
import { useI18n, useT } from '../i18n';
import { Page } from '../ui/Page';
import { Loading } from '../ui/Status';
import { delegationMessages } from './delegation-messages';
import { providersMessages } from './providers-messages';
import { useTemplatesT } from './templates-messages';

export function AdminPage() {
  const t = useT();
  const dm = delegationMessages(useI18n().lang);
  const pm = providersMessages(useI18n().lang);
  const tm = useTemplatesT();
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
      <section className="card section" aria-labelledby="delegation-h">
        <h2 id="delegation-h">{dm.title}</h2>
        <p>{dm.adminCardText}</p>
        <p><Link to="/systemforvaltare/delegation" className="strong-link">{dm.adminCardLink}</Link></p>
      </section>
      <section className="card section" aria-labelledby="providers-h">
        <h2 id="providers-h">{pm.title}</h2>
        <p>{pm.adminCardText}</p>
        <p><Link to="/systemforvaltare/utforare" className="strong-link">{pm.adminCardLink}</Link></p>
      </section>
      <section className="card section" aria-labelledby="templates-h">
        <h2 id="templates-h">{tm.title}</h2>
        <p>{tm.lead}</p>
        <p><Link to="/systemforvaltare/brevmallar" className="strong-link">{tm.title}</Link></p>
      </section>
    </Page>
  );
}
