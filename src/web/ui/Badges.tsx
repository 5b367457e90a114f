// Small status indicators. Each carries its meaning in text (and an icon), never in colour alone.
import type { Deadline } from '../../shared/api';
import { deadlineLabel, formatDate } from '../format';
import { useI18n, type CaseStatus, type OrderStatus, type Outcome, type Protection } from '../i18n';
import { Icon } from './Icon';

export function ProtectionBadge({ protection, detailed = false }: { protection: Protection; detailed?: boolean }) {
  const { t } = useI18n();
  if (protection === 'ingen') return null;
  return (
    <span className="badge badge--protected">
      <Icon name="lock" size={14} />
      {t.protectedPersonalData}
      {detailed && <span className="badge-detail">({t.protection[protection]})</span>}
    </span>
  );
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--status badge--${status}`}>{t.caseStatus[status]}</span>;
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--order-${status}`}>{t.orderStatus[status]}</span>;
}

export function OutcomeBadge({ outcome, citizen = false }: { outcome: Outcome; citizen?: boolean }) {
  const { t } = useI18n();
  return <span className={`badge badge--${outcome}`}>{citizen ? t.citizenOutcome[outcome] : t.outcome[outcome]}</span>;
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <span className="badge badge--overdue">
      <Icon name="alert" size={14} />
      {t.overdue}
    </span>
  );
}

/** "Förhandsbedömning · 20 kap. 2 § SoL · Senast 22 nov. 2026", with Försenad when overdue. */
export function DeadlineInfo({ deadline }: { deadline: Deadline | null }) {
  const { t, lang } = useI18n();
  if (!deadline) return <span className="muted">{t.noDeadline}</span>;
  return (
    <div className={deadline.overdue ? 'deadline deadline--overdue' : 'deadline'}>
      <div className="deadline-date">
        {deadline.overdue && <OverdueTag />}
        <span>
          {t.due} <time dateTime={deadline.dueOn}>{formatDate(deadline.dueOn, lang)}</time>
        </span>
      </div>
      <div className="deadline-kind">
        {deadlineLabel(deadline, lang)} <span className="legal">{deadline.legalBasis}</span>
      </div>
    </div>
  );
}
