// The start page's way in to the public orosanmälan (no login needed).
import { Link } from 'react-router';
import { Icon } from '../ui/Icon';
import { useReportMessages } from './messages';

export function ReportLink() {
  const m = useReportMessages();
  return (
    <section className="card" aria-labelledby="report-link-h">
      <h2 id="report-link-h">{m.startLink}</h2>
      <p>{m.startLinkText}</p>
      <Link className="button button--secondary" to="/orosanmalan">
        <Icon name="arrow" />
        {m.startLink}
      </Link>
    </section>
  );
}
