// Loading and error states for data-driven pages.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n';
import { Page } from './Page';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t.loading}
    </p>
  );
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  const [title, text] =
    status === 403 ? [t.forbiddenTitle, t.forbiddenText]
    : status === 404 || status === 400 ? [t.missingTitle, t.missingText]
    : [t.errorTitle, t.errorText];
  const detail = error instanceof ApiError && status === 403 ? error.detail : undefined;
  return (
    <div className="panel panel--error" role="alert">
      <h2>{title}</h2>
      <p>{text}</p>
      {/* Server messages are in Swedish. */}
      {detail && detail !== text && <p className="muted" lang="sv">{detail}</p>}
      {(status === 0 || status >= 500) && onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>{t.retry}</button>
      )}
    </div>
  );
}

/** Renders loading / error / data for a query. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function MessagePage({ title, text, home }: { title: string; text: string; home: string }) {
  const t = useT();
  return (
    <Page title={title} narrow>
      <div className="panel">
        <p>{text}</p>
        <p>
          <Link to={home}>{home === '/' ? t.backToStart : t.goToMyView}</Link>
        </p>
      </div>
    </Page>
  );
}
