import type { JournalEntryView } from '../../shared/api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';

export function JournalList({ entries }: { entries: JournalEntryView[] }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="muted">{t.journalEmpty}</p>;
  return (
    <ol className="journal">
      {entries.map((e) => (
        <li key={e.id} className={e.signedAt ? 'journal-entry' : 'journal-entry journal-entry--unsigned'}>
          <article aria-labelledby={`journal-${e.id}`}>
            <header className="journal-head">
              <h3 id={`journal-${e.id}`}>{e.title}</h3>
              {e.signedAt ? (
                <span className="badge badge--signed">
                  <Icon name="check" size={14} />
                  {t.signedAt(formatDateTime(e.signedAt, lang))}
                </span>
              ) : (
                <span className="badge badge--unsigned">
                  <Icon name="pen" size={14} />
                  {t.unsigned}
                </span>
              )}
            </header>
            <p className="journal-meta muted">
              <time dateTime={e.occurredOn}>{formatDate(e.occurredOn, lang)}</time>
              {' · '}{t.inCase} {e.caseNumber}{' · '}{t.author} {e.author}
            </p>
            <p className="journal-body">{e.body}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
