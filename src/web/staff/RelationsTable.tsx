import { Link } from 'react-router';
import type { RelationView } from '../../shared/api';
import { formatDate } from '../format';
import { relationKindLabel, useI18n } from '../i18n';
import { ProtectionBadge } from '../ui/Badges';

export function RelationsTable({ relations }: { relations: RelationView[] }) {
  const { t, lang } = useI18n();
  if (relations.length === 0) return <p className="muted">{t.relationsEmpty}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={t.relations} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t.relationsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colRelation}</th>
            <th scope="col">{t.colPerson}</th>
            <th scope="col">{t.colScope}</th>
            <th scope="col">{t.colValid}</th>
          </tr>
        </thead>
        <tbody>
          {relations.map((r) => {
            const kind = relationKindLabel(t, r.kind);
            return (
              <tr key={`${r.kind}-${r.direction}-${r.person.id}-${r.validFrom}`}>
                <th scope="row">{r.direction === 'has' ? kind : t.relationIs(kind)}</th>
                <td>
                  <Link to={`/handlaggare/person/${r.person.id}`}>{r.person.name}</Link>
                  <div className="muted nowrap">{r.person.idNumber}</div>
                  <ProtectionBadge protection={r.person.protection} />
                </td>
                <td>{r.scope ?? <span className="muted">–</span>}</td>
                <td className="nowrap">{t.validFromTo(formatDate(r.validFrom, lang), r.validTo ? formatDate(r.validTo, lang) : null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
