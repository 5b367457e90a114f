// The recorded facts of the early process: aktualisering (intake), skyddsbedömning and
// förhandsbedömning for children, and the closing of the case.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../shared/cases-api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Sv } from './form';
import { useCaseMessages } from './messages';
import { useCatalogue } from './queries';
import { insatsLabel } from './util';

export function Section({ id, title, children, aside }: { id: string; title: ReactNode; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="card cs-section" aria-labelledby={`${id}-h`} id={id}>
      <div className="cs-section-head">
        <h2 id={`${id}-h`} tabIndex={-1}>{title}</h2>
        {aside && <div className="cs-section-aside">{aside}</div>}
      </div>
      {children}
    </section>
  );
}

export function Fact({ label, children, wide }: { label: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'facts-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function IntakeSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const catalogue = useCatalogue();
  const { intake } = detail;
  const r = intake.reporter;
  return (
    <Section id="aktualisering" title={m.intake} aside={<span className="badge">{m.originLabel[detail.origin] ?? detail.origin}</span>}>
      {intake.immediateDanger && (
        <div className="cs-alert" role="note">
          <Icon name="alert" />
          <p><strong>{m.immediateDanger}</strong> {m.immediateDangerHint}</p>
        </div>
      )}
      {intake.childIdentityVerified === false && intake.childAsReported && (
        <div className="cs-alert cs-alert--warning" role="note">
          <Icon name="info" />
          <p>
            <strong>{m.identityUnverified}</strong>{' '}
            {m.childAsReported(`${intake.childAsReported.firstName} ${intake.childAsReported.lastName}`, intake.childAsReported.whereabouts)}
          </p>
        </div>
      )}
      <dl className="facts facts--compact">
        <Fact label={m.received}><time dateTime={detail.receivedOn}>{formatDate(detail.receivedOn, lang)}</time></Fact>
        {intake.channel && <Fact label={m.channel}>{m.channelLabel[intake.channel] ?? intake.channel}</Fact>}
        {intake.law && <Fact label={m.law}>{intake.law}</Fact>}
        {intake.period && <Fact label={m.periodMonth}>{intake.period}</Fact>}
        {intake.receiptNumber && <Fact label={m.receiptNumber}><span className="nowrap">{intake.receiptNumber}</span></Fact>}
        {r && (
          <Fact label={m.reporter} wide>
            <span className="cs-reporter">
              <span>{m.reporterRole[r.role] ?? r.role}</span>
              {r.anonymous && <span className="badge"><Icon name="shield" size={14} />{m.anonymous}</span>}
              {!r.anonymous && [r.name, r.organisation, r.phone].filter(Boolean).length > 0 && (
                <span>{[r.name, r.organisation, r.phone].filter(Boolean).join(', ')}</span>
              )}
              {!r.anonymous && (
                <span className={r.mayBeNamed ? 'muted' : 'cs-warn-text'}>
                  {!r.mayBeNamed && <Icon name="lock" size={14} />}
                  {r.mayBeNamed ? m.mayBeNamed : m.mayNotBeNamed}
                </span>
              )}
            </span>
          </Fact>
        )}
        {intake.requestedInsatser && intake.requestedInsatser.length > 0 && (
          <Fact label={m.requestedInsatser} wide>
            {intake.requestedInsatser.map((k) => insatsLabel(catalogue.data, k, lang)).join(', ')}
          </Fact>
        )}
      </dl>
      {intake.description && (
        <div className="cs-text-block">
          <h3 className="cs-label">{m.description}</h3>
          <p className="pre-line"><Sv>{intake.description}</Sv></p>
        </div>
      )}
    </Section>
  );
}

export function SkyddSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const s = detail.skyddsbedomning;
  return (
    <Section
      id="skyddsbedomning"
      title={m.skydd}
      aside={s ? (
        <span className={s.acute ? 'badge badge--overdue' : 'badge badge--signed'}>
          <Icon name={s.acute ? 'alert' : 'check'} size={14} />
          {s.acute ? m.skyddAcute : m.skyddNotAcute}
        </span>
      ) : undefined}
    >
      {s ? (
        <>
          <p className="muted cs-meta">{m.assessedBy(formatDateTime(s.assessedAt, lang), s.assessedBy)}</p>
          <p className="pre-line"><Sv>{s.text}</Sv></p>
        </>
      ) : (
        <p className="cs-pending"><Icon name="clock" size={16} />{m.skyddMissing}</p>
      )}
    </Section>
  );
}

export function FhbSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const f = detail.forhandsbedomning;
  if (!f) return null;
  return (
    <Section id="forhandsbedomning" title={m.fhb} aside={f.outcome ? <span className="badge badge--status">{m.fhbOutcome[f.outcome]}</span> : undefined}>
      {f.outcome ? (
        <>
          {f.decidedOn && <p className="muted cs-meta">{m.decidedBy(formatDate(f.decidedOn, lang), f.decidedBy ?? '')}</p>}
          {f.motivation && <p className="pre-line"><Sv>{f.motivation}</Sv></p>}
        </>
      ) : (
        <p className="cs-pending"><Icon name="clock" size={16} />{m.fhbPending}</p>
      )}
    </Section>
  );
}

export function ClosedSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  if (detail.status !== 'avslutad') return null;
  return (
    <Section id="avslut" title={m.closed}>
      {detail.closedOn && <p><strong>{m.closedOn(formatDate(detail.closedOn, lang))}</strong></p>}
      {detail.closingReason && <p className="pre-line"><Sv>{detail.closingReason}</Sv></p>}
      <p className="hint">{m.closedFinal}</p>
      <Link className="button button--secondary" to={`/handlaggare/ny?person=${encodeURIComponent(detail.person.id)}`}>
        <Icon name="pen" size={16} />{m.newCaseFor(detail.person.name)}
      </Link>
    </Section>
  );
}
