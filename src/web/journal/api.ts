// Requests of the journal. Saves go through here rather than the shared client because they need
// the whole problem body (a 409 carries the server's text in `current`), `keepalive` for the flush
// when the tab closes, and must not log the whole app out on a 401: the editor keeps the text and
// asks the user to log in again in another tab.
import type { QueryClient } from '@tanstack/react-query';
import type { Problem, SessionInfo } from '../../shared/api';
import type { JournalCurrent } from '../../shared/journal-api';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/queries';

export class JournalRequestError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly detail: string | undefined;
  readonly current: JournalCurrent | undefined;
  constructor(status: number, problem: Partial<Problem> | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'JournalRequestError';
    this.status = status;
    this.slug = (problem?.type ?? '').split('/').pop() ?? '';
    this.detail = problem?.detail;
    this.current = problem?.current as JournalCurrent | undefined;
  }
}

/** Keepalive requests may carry at most 64 kB in flight; above that, a normal request is sent. */
const KEEPALIVE_MAX = 60_000;

/**
 * The CSRF token of the session, as the shared client got it from /api/session. Read from the
 * query cache, because the client keeps its own copy private.
 */
export function csrfFrom(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData<SessionInfo>(keys.session)?.csrfToken;
}

export async function journalRequest<T>(
  method: 'POST' | 'PUT' | 'DELETE', path: string, csrf: string | undefined, body?: unknown, opts: { keepalive?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin', headers, body: payload,
      keepalive: Boolean(opts.keepalive) && (payload?.length ?? 0) < KEEPALIVE_MAX,
    });
  } catch {
    throw new JournalRequestError(0, { title: 'Network error' });
  }
  if (!res.ok) {
    let problem: Partial<Problem> | null = null;
    try {
      problem = (await res.json()) as Partial<Problem>;
    } catch {
      // not JSON (a proxy's error page)
    }
    throw new JournalRequestError(res.status, problem);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * After the user logged in again (in another tab), the session cookie is new and so is its CSRF
 * token: read it, and tell the shared client and the session query. Returns false if still logged out.
 */
export async function renewSession(queryClient: QueryClient): Promise<boolean> {
  try {
    const res = await fetch('/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return false;
    const session = (await res.json()) as SessionInfo;
    if (!session.authenticated) return false;
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(keys.session, session);
    return true;
  } catch {
    return false;
  }
}
