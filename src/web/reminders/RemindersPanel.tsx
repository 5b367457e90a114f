// Påminnelser: my unread reminders from the deadline sweep (frister, uppföljning, kommunicering,
// ofördelade ärenden), each linking to its case, with "mark as read"; the last read ones fold
// away below. The unread count is a polite live region, so a change is announced.
import { useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyReminders, ReminderView } from '../../shared/reminders-api';
import { api } from '../api/client';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Loading } from '../ui/Status';
import { remindersMessages, type RemindersMessages } from './messages';
import './reminders.css';

export const remindersKey = ['staff', 'reminders'] as const;

export function useMyReminders() {
  return useQuery({
    queryKey: remindersKey,
    queryFn: ({ signal }) => api.get<MyReminders>('/api/staff/reminders', signal),
    // The sweep runs every 15 minutes; look for new reminders now and then while the page is open.
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
}

function KindTag({ kind, m }: { kind: ReminderView['kind']; m: RemindersMessages }) {
  const urgent = kind === 'deadline_overdue';
  return (
    <span className={urgent ? 'badge badge--overdue' : 'badge reminder-kind'}>
      {urgent ? <Icon name="alert" size={14} /> : <Icon name="clock" size={14} />}
      {m.kind[kind]}
    </span>
  );
}

export function RemindersPanel() {
  const { lang } = useI18n();
  const m = remindersMessages(lang);
  const query = useMyReminders();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const markRead = useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/staff/reminders/${id}/read`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: remindersKey });
      // The button is gone with its item: keep keyboard focus in the panel.
      headingRef.current?.focus();
    },
  });

  const unread = query.data?.items.filter((i) => i.readAt === null) ?? [];
  const read = query.data?.items.filter((i) => i.readAt !== null) ?? [];
  const count = query.data?.unreadCount;
  // Server texts are Swedish; mark them so in the English UI.
  const svText = lang === 'sv' ? undefined : 'sv';

  return (
    <section className="panel reminders" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" ref={headingRef} tabIndex={-1}>
        {m.title}{' '}
        <span className="count" aria-live="polite" aria-atomic="true">
          {count !== undefined && `(${m.unreadCount(count)})`}
        </span>
      </h2>

      {query.isPending && <Loading />}
      {query.isError && (
        <div className="notice notice--error" role="alert">
          <p>{m.loadFailed}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>{m.retry}</button>
        </div>
      )}
      {markRead.isError && <p className="notice notice--error" role="alert">{m.markFailed}</p>}

      {query.data && (
        unread.length === 0
          ? <p className="muted">{m.empty}</p>
          : (
            <ul className="reminder-list" aria-label={m.listLabel}>
              {unread.map((r) => (
                <li key={r.id} className={r.kind === 'deadline_overdue' ? 'reminder reminder--overdue' : 'reminder'}>
                  <div className="reminder-main">
                    <KindTag kind={r.kind} m={m} />
                    <Link to={`/handlaggare/arende/${r.caseId}`} className="reminder-link" lang={svText}>{r.message}</Link>
                    <span className="muted reminder-meta">
                      {m.dateLabel[r.kind]} <time dateTime={r.dueOn}>{formatDate(r.dueOn, lang)}</time>
                    </span>
                  </div>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={m.markReadFor(r.caseNumber)}
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate(r.id)}
                  >
                    <Icon name="check" size={14} />
                    {markRead.isPending && markRead.variables === r.id ? m.marking : m.markRead}
                  </button>
                </li>
              ))}
            </ul>
          )
      )}
      {query.data && count !== undefined && count > unread.length && (
        <p className="muted">{m.moreUnread(unread.length, count)}</p>
      )}

      {read.length > 0 && (
        <details className="reminders-read">
          <summary>{m.readHeading(read.length)}</summary>
          <ul className="reminder-list">
            {read.map((r) => (
              <li key={r.id} className="reminder reminder--read">
                <div className="reminder-main">
                  <span className="reminder-kind-text">{m.kind[r.kind]}</span>
                  <Link to={`/handlaggare/arende/${r.caseId}`} className="reminder-link" lang={svText}>{r.message}</Link>
                  <span className="muted reminder-meta">{m.readAt(formatDateTime(r.readAt, lang))}</span>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
