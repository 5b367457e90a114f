// '/handlaggare/ej-verkstallda' – ej verkställda beslut and avbrott in the unit (34 kap. 1 § SoL,
// 28 f § LSS): how long each has waited, the quarters already reported, registering this quarter's
// report with the reason, and the IVO individrapport file made from the data (no retyping).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { EvbItem } from '../../shared/orders-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { ProtectionBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { Disclosure, Field, ProblemAlert, Sv, fieldErrors, useStatusMessage } from '../cases/form';
import { useOrderMessages } from './messages';
import { ivoCsvUrl, useEvb, useEvbReport } from './queries';
import '../cases/cases.css';
import './orders.css';

function ReportForm({ item, onDone, onCancel }: { item: EvbItem; onDone: (quarter: string, created: boolean) => void; onCancel: () => void }) {
  const m = useOrderMessages();
  const report = useEvbReport();
  const [reason, setReason] = useState(item.lastReason ?? '');
  const errors = fieldErrors(report.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate({ decisionId: item.decisionId, kind: item.kind, reason }, { onSuccess: (r) => onDone(r.quarter, r.created) });
  };
  return (
    <form className="stack" onSubmit={onSubmit} aria-label={m.registerFor(item.caseNumber)}>
      <Field label={m.delayReason} hint={m.delayReasonHint} error={errors.reason}>
        {(p) => <textarea {...p} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={report.isPending || !reason.trim()}>{m.register}</button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>{m.cancel}</button>
      </div>
      <ProblemAlert error={report.error} />
    </form>
  );
}

export function EvbPage() {
  const m = useOrderMessages();
  const { lang } = useI18n();
  const query = useEvb();
  const status = useStatusMessage();
  return (
    <Page title={m.evbTitle} lead={<p>{m.evbLead}</p>}>
      {status.node}
      <QueryState query={query}>
        {(d) => (
          <div className="stack">
            <section className="card" aria-labelledby="evb-quarter-h">
              <h2 id="evb-quarter-h">{m.quarter} {d.quarter}</h2>
              <p>{m.window(d.quarter, formatDate(d.window.from, lang), formatDate(d.window.to, lang))}</p>
              <p>
                <a className="button button--secondary" href={ivoCsvUrl(d.quarter)} download aria-describedby="evb-csv-desc">
                  {m.download}
                </a>
              </p>
              <p id="evb-csv-desc" className="hint">{m.downloadFor(d.quarter)}</p>
            </section>

            <section className="card" aria-labelledby="evb-list-h">
              <h2 id="evb-list-h">{m.evbTitle} <span className="count">{d.items.length}</span></h2>
              {d.items.length === 0 ? <p>{m.none}</p> : (
                <div className="table-scroll" role="region" aria-labelledby="evb-list-h" tabIndex={0}>
                  <table className="table table--compact or-evb-table">
                    <caption className="visually-hidden">{m.tableCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.colCase}</th>
                        <th scope="col">{m.colInsats}</th>
                        <th scope="col">{m.colKind}</th>
                        <th scope="col">{m.colSince}</th>
                        <th scope="col" className="num">{m.colDays}</th>
                        <th scope="col">{m.colReported}</th>
                        <th scope="col">{m.colAction}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.items.map((i) => (
                        <tr key={`${i.decisionId}-${i.kind}`}>
                          <th scope="row">
                            <Link className="strong-link" to={`/handlaggare/arende/${i.caseId}`}>{i.caseNumber}</Link>
                            <span className="block">{i.personName}</span>
                            {i.protectedIdentity && <ProtectionBadge protection="skyddad_folkbokforing" />}
                            {i.assignedTo && <span className="block muted">{i.assignedTo}</span>}
                          </th>
                          <td><Sv>{i.insats}</Sv> <span className="legal">({i.law})</span></td>
                          <td>{m.kind[i.kind]}</td>
                          <td>{formatDate(i.since, lang)}</td>
                          <td className="num">{i.daysSince}</td>
                          <td>
                            {i.reportedThisQuarter
                              ? <span className="badge badge--signed"><Icon name="check" size={14} /> {m.reportedThisQuarter}</span>
                              : <span className="badge badge--unsigned">{m.notReported}</span>}
                            <span className="block muted">{m.quartersReported(i.reportedQuarters)}</span>
                          </td>
                          <td>
                            <Disclosure label={m.register} small>
                              {(close) => (
                                <ReportForm item={i} onCancel={close}
                                  onDone={(q, created) => { close(); status.show(created ? m.registered(q) : m.alreadyRegistered(q)); }} />
                              )}
                            </Disclosure>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {d.items.some((i) => i.protectedIdentity) && <p className="notice notice--info"><Icon name="info" /> {m.protectedFlag}</p>}
            </section>

            {d.resolved.length > 0 && (
              <section className="card" aria-labelledby="evb-resolved-h">
                <h2 id="evb-resolved-h">{m.resolved}</h2>
                <p className="hint">{m.resolvedLead}</p>
                <ul className="or-resolved">
                  {d.resolved.map((r) => (
                    <li key={r.decisionId}>
                      <Link to={`/handlaggare/arende/${r.caseId}`}>{r.caseNumber}</Link> {r.personName}, <Sv>{r.insats}</Sv>:{' '}
                      <strong>{m.resolvedOutcome[r.outcome]}</strong>{r.on ? ` ${formatDate(r.on, lang)}` : ''}
                      <span className="muted"> ({m.colReported.toLowerCase()} {m.quartersReported(r.reportedQuarters)})</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        )}
      </QueryState>
    </Page>
  );
}
