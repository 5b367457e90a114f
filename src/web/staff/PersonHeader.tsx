import type { PersonDetails } from '../../shared/api';
import { useT } from '../i18n';
import { AddressBlock } from '../ui/AddressBlock';
import { ProtectionBadge } from '../ui/Badges';

export function PersonHeader({ person }: { person: PersonDetails }) {
  const t = useT();
  return (
    <section className="card person-card" aria-label={t.personOverviewFor}>
      {person.protection !== 'ingen' && (
        <p className="person-protection"><ProtectionBadge protection={person.protection} detailed /></p>
      )}
      <dl className="facts">
        <div>
          <dt>{t.idKind[person.idKind]}</dt>
          <dd className="nowrap">{person.idNumber}</dd>
        </div>
        <div>
          <dt>{t.age}</dt>
          <dd>{t.yearsOld(person.age)}</dd>
        </div>
        <div>
          <dt>{t.address}</dt>
          <dd><AddressBlock protection={person.protection} address={person.address} /></dd>
        </div>
        <div>
          <dt>{t.phone}</dt>
          <dd>{person.phone ? <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</a> : <span className="muted">{t.notSet}</span>}</dd>
        </div>
      </dl>
    </section>
  );
}
