// '/handlaggare/sok' – search persons by name or personnummer (debounced search-as-you-type; ?q= in the URL).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PersonSearchResult } from '../../shared/api';
import { usePersonSearch } from '../api/queries';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { ProtectionBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { ErrorPanel } from '../ui/Status';

type Hit = PersonSearchResult['items'][number];

function ResultItem({ hit }: { hit: Hit }) {
  const { t, lang } = useI18n();
  const href = `/handlaggare/person/${hit.id}`;
  return (
    <li className="result">
      <div className="result-main">
        {hit.mayOpen ? (
          <Link to={href} className="strong-link result-name">{hit.name}</Link>
        ) : (
          <span className="result-name">{hit.name}</span>
        )}
        <span className="muted nowrap">{hit.idNumber}</span>
        <span className="muted nowrap">
          {t.born} <time dateTime={hit.birthDate}>{formatDate(hit.birthDate, lang)}</time>
        </span>
      </div>
      <div className="result-meta">
        <ProtectionBadge protection={hit.protection} />
        {!hit.mayOpen && (
          <>
            <span className="muted">{t.noRelationShort}</span>
            <Link to={href} className="button button--secondary button--small">
              {t.requestAccess}
              <span className="visually-hidden"> – {hit.name}</span>
            </Link>
          </>
        )}
      </div>
    </li>
  );
}

export function SearchPage() {
  const { t } = useI18n();
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const search = usePersonSearch(q);

  // Debounce: push the typed text to the URL (and so to the query) 300 ms after the last keystroke.
  useEffect(() => {
    const term = text.trim();
    if (term === q) return;
    const timer = setTimeout(() => setParams(term ? { q: term } : {}, { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const term = text.trim();
    if (term !== q) setParams(term ? { q: term } : {}, { replace: true });
  };

  const tooShort = q.length > 0 && q.length < 2;
  const items = q.length >= 2 ? search.data?.items : undefined;
  const busy = q.length >= 2 && search.isFetching;
  const statusText = tooShort ? t.searchTooShort : busy ? t.searching : items ? t.resultCount(items.length) : '';

  return (
    <Page title={t.searchTitle}>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={inputId}>{t.searchLabel}</label>
          <p id={`${inputId}-hint`} className="hint">{t.searchHint}</p>
          <div className="search-row">
            <input
              id={inputId}
              type="search"
              name="q"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${inputId}-hint`}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              <Icon name="search" />
              {t.searchButton}
            </button>
          </div>
        </div>
      </form>
      <p className="search-status" role="status" aria-live="polite" aria-atomic="true">{statusText}</p>
      {search.isError && q.length >= 2 && <ErrorPanel error={search.error} onRetry={() => void search.refetch()} />}
      {items && items.length > 0 && (
        <section aria-labelledby={`${inputId}-results`}>
          <h2 id={`${inputId}-results`} className="visually-hidden">{t.searchResults}</h2>
          <ul className="result-list" aria-busy={busy}>
            {items.map((hit) => <ResultItem key={hit.id} hit={hit} />)}
          </ul>
        </section>
      )}
    </Page>
  );
}
