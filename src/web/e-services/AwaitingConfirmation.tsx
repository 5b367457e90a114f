// Applications for försörjningsstöd that wait for me to confirm them as co-applicant (my partner
// applied for our household). Rendered on the citizen start page; shows nothing when none wait.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { monthLabel } from '../../domain/forsorjningsstod-application';
import type { ConfirmationList } from '../../shared/forsorjningsstod-api';
import { api } from '../api/client';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { useFsMessages } from './forsorjningsstod-messages';
import { fsKeys } from './forsorjningsstod-ui';
import './forsorjningsstod.css';

export function AwaitingConfirmation({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const m = useFsMessages();
  const { lang } = useI18n();
  const list = useQuery({
    queryKey: fsKeys.awaiting,
    queryFn: ({ signal }) => api.get<ConfirmationList>('/api/citizen/forsorjningsstod/confirmations', signal),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Item = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="section fs-awaiting" aria-labelledby="fs-awaiting-heading">
      <Heading id="fs-awaiting-heading">{m.awaitingHeading}</Heading>
      <ul className="card-list">
        {items.map((c) => {
          const month = c.month ? monthLabel(c.month, lang) : '';
          return (
            <li key={c.id} className="card fs-awaiting-item">
              <Item className="fs-awaiting-title">{m.awaitingItem(c.applicantName, month)}</Item>
              <p className="muted">{m.awaitingSince(formatDateTime(c.requestedAt, lang))}</p>
              <Link className="button" to={`/medborgare/bekrafta/${c.id}`} aria-label={m.awaitingOpenFor(c.applicantName, month)}>
                <Icon name="arrow" />{m.awaitingOpen}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
