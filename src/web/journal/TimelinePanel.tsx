// A person's timeline across every case the user may see: when the matter came in, signed journal
// entries, decisions taken, decision letters and documents. Filters are ordinary form controls;
// the number of events is announced when a filter changes.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Timeline, TimelineEvent, TimelineQuery, TimelineType } from '../../shared/journal-api';
import { formatDate } from '../format';
import { useI18n, type CaseArea } from '../i18n';
import { ErrorPanel, Loading } from '../ui/Status';
import { TYPE_ORDER, useJournalMessages, type JournalMessages } from './messages';
import { useTimeline } from './queries';
import './journal.css';

export function TimelinePanel({ personId }: { personId: string }) {
  const t = useJournalMessages();
  const { t: common, lang } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState<TimelineQuery>({});
  const query = useTimeline(personId, filter);
  const data: Timeline | undefined = query.data;
  // The areas of all the person's cases the user may see (the same whatever the filter).
  const areas: CaseArea[] = data?.areas ?? [];

  return (
    <section className="section jr-timeline" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.timelineHeading}</h2>
      <p className="hint">{t.timelineLead}</p>
      <form className="jr-filters" onSubmit={(e) => e.preventDefault()} aria-label={t.timelineHeading}>
        <div className="field">
          <label htmlFor={`${id}-area`}>{t.filterArea}</label>
          <select id={`${id}-area`} value={filter.area ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, area: (e.target.value || undefined) as TimelineQuery['area'] }))}>
            <option value="">{t.allAreas}</option>
            {areas.map((a) => <option key={a} value={a}>{common.caseArea[a]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t.filterType}</label>
          <select id={`${id}-type`} value={filter.type ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, type: (e.target.value || undefined) as TimelineType | undefined }))}>
            <option value="">{t.allTypes}</option>
            {TYPE_ORDER.map((ty) => <option key={ty} value={ty}>{t.types[ty]}</option>)}
          </select>
        </div>
      </form>

      <p className="jr-count" role="status" aria-live="polite">
        {data && !query.isFetching ? t.timelineCount(data.items.length) : ''}
      </p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {data && (data.items.length === 0 ? <p className="muted jr-empty">{t.timelineEmpty}</p> : (
        <ol className="jr-events" aria-busy={query.isFetching || undefined}>
          {data.items.map((e) => <Event key={e.key} event={e} t={t} lang={lang} areaLabel={common.caseArea[e.area]} />)}
        </ol>
      ))}
      {data?.truncated && <p className="hint">{t.timelineTruncated(data.items.length)}</p>}
    </section>
  );
}

function Event({ event: e, t, lang, areaLabel }: { event: TimelineEvent; t: JournalMessages; lang: 'sv' | 'en'; areaLabel: string }) {
  const detail =
    e.type === 'aktualisering' ? (e.detail ? t.origins[e.detail] ?? e.detail : null)
    : e.type === 'journal' ? (e.detail ? t.kinds[e.detail as keyof JournalMessages['kinds']] ?? e.detail : null)
    : e.type === 'beslut' ? (e.detail ? t.outcomes[e.detail] ?? e.detail : null)
    : e.type === 'beslutsbrev' ? (e.detail ? t.delivered(formatDate(e.detail, lang)) : t.notDelivered)
    : e.detail ? t.fileKinds[e.detail] ?? e.detail : null;
  const summary = e.summary && e.summary.length >= 300 ? `${e.summary}…` : e.summary;
  return (
    <li className={`jr-event jr-event--${e.type}`}>
      <div className="jr-event-when">
        <time dateTime={e.date}>{formatDate(e.date, lang)}</time>
      </div>
      <div className="jr-event-what">
        <p className="jr-event-type">
          <TypeIcon type={e.type} />
          <span>{t.types[e.type]}</span>
          {detail && <span className="badge">{detail}</span>}
        </p>
        <p className="jr-event-title">{e.title}</p>
        {summary && <p className="jr-event-summary pre-line">{summary}</p>}
        <p className="jr-meta">
          <Link to={`/handlaggare/arende/${e.caseId}`}>{t.openCase(e.caseNumber)}</Link>
          {' · '}{areaLabel}
        </p>
      </div>
    </li>
  );
}

// Decorative icons per type (the type is always written out next to it).
const TYPE_PATHS: Record<TimelineType, string> = {
  aktualisering: 'M4 13h4l2 3h4l2-3h4M4 13l3-8h10l3 8v6H4v-6Z',
  journal: 'M4 20h4L19 9l-4-4L4 16v4Z',
  beslut: 'M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6l-8-3Zm-3 9 2 2 4-4',
  beslutsbrev: 'M3 6h18v12H3V6Zm0 0 9 7 9-7',
  fil: 'M6 3h8l4 4v14H6V3Zm8 0v4h4',
};

function TypeIcon({ type }: { type: TimelineType }) {
  return (
    <svg className="icon jr-type-icon" width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={TYPE_PATHS[type]} />
    </svg>
  );
}
