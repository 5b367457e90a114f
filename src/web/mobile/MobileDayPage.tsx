// '/utforare/mobil' – the phone-first day view for home-care field staff. Today's visits as
// cards with check-in, check-out and a short note. Every action is first stored on the phone
// (device-store.ts) and then sent; offline, it waits and is sent on the 'online' event or the next
// page load. A conflict from the server stays on its card, with the server's reason and its
// version of the visit, until the user chooses. The page works without /api/session (offline):
// it renders its own Layout from the day saved on the phone.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Navigate } from 'react-router';
import type { SessionInfo } from '../../shared/api';
import type { MobileActionKind, MobileVisit } from '../../shared/mobile-api';
import { clockSv } from '../../domain/visits';
import { ApiError } from '../api/client';
import { useSession } from '../api/queries';
import { useI18n } from '../i18n';
import { Layout } from '../ui/Layout';
import { Page } from '../ui/Page';
import { Loading } from '../ui/Status';
import {
  STORE_EVENT, currentUser, enqueue, loadDay, loadQueue, purgeOldDays, saveDay, saveQueue, type QueuedAction,
} from './device-store';
import { mobileMessages, type MobileMessages } from './messages';
import { enableMobilePwa } from './pwa';
import { fetchToday, syncQueue, withQueued, type SyncOutcome } from './sync';
import './mobile.css';

type Actor = NonNullable<SessionInfo['actor']>;
type LoadState = 'idle' | 'loading' | 'offline' | 'signed-out' | 'failed';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The day and queue on the phone, re-read whenever they change (also from another tab). */
function useDeviceState(userId: string | null) {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const update = () => setVersion((n) => n + 1);
    window.addEventListener(STORE_EVENT, update);
    window.addEventListener('storage', update);
    return () => {
      window.removeEventListener(STORE_EVENT, update);
      window.removeEventListener('storage', update);
    };
  }, []);
  return useMemo(() => ({
    stored: userId && version >= 0 ? loadDay(userId) : null,
    queue: userId ? loadQueue(userId) : [],
  }), [userId, version]);
}

export function MobileDayPage() {
  const { lang } = useI18n();
  const m = mobileMessages[lang];
  const session = useSession();
  const online = useOnline();
  const [userId, setUserId] = useState<string | null>(() => {
    purgeOldDays();
    return currentUser();
  });
  const { stored, queue } = useDeviceState(userId);
  const [load, setLoad] = useState<LoadState>('idle');
  const [sync, setSync] = useState<SyncOutcome | 'sending' | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => { enableMobilePwa(); }, []);

  const liveActor = session.data?.authenticated ? session.data.actor : undefined;
  const isProvider = liveActor?.view === 'utforare';

  const refresh = useCallback(async (actor: Actor): Promise<string | null> => {
    setLoad('loading');
    try {
      const day = await fetchToday();
      saveDay(day, actor);
      setUserId(day.staff.id);
      setLoad('idle');
      return day.staff.id;
    } catch (err) {
      setLoad(err instanceof ApiError && err.status === 401 ? 'signed-out' : err instanceof ApiError && err.status === 0 ? 'offline' : 'failed');
      return null;
    }
  }, []);

  const send = useCallback(async (who: string, actor: Actor | undefined) => {
    setSync('sending');
    const outcome = await syncQueue(who);
    setSync(outcome);
    if (outcome === 'synced' && actor) await refresh(actor);
  }, [refresh]);

  // Online with a session: fetch the day (which also says who I am), then send what the phone
  // holds for that user — never another user's queue. Runs on load and whenever the network returns.
  useEffect(() => {
    if (!online || !liveActor || liveActor.view !== 'utforare') return;
    let cancelled = false;
    void (async () => {
      const who = await refresh(liveActor);
      if (!cancelled && who && loadQueue(who).some((q) => q.state === 'pending')) await send(who, liveActor);
    })();
    return () => { cancelled = true; };
  }, [online, liveActor, refresh, send]);

  const act = (visit: MobileVisit, kind: MobileActionKind, note?: string) => {
    if (!userId) return;
    const at = new Date().toISOString();
    enqueue(userId, { actionId: crypto.randomUUID(), kind, visitId: visit.id, at, ...(note !== undefined ? { note } : {}) });
    const label = kind === 'checkin' ? m.checkedIn(clockSv(at)) : kind === 'checkout' ? m.checkedOut(clockSv(at)) : m.savedNote;
    setAnnouncement(`${label} – ${visit.person.name}. ${navigator.onLine ? '' : m.queued}`);
    if (navigator.onLine) void send(userId, liveActor);
  };

  const settleConflict = (item: QueuedAction, choice: 'accept' | 'retry') => {
    if (!userId) return;
    const rest = loadQueue(userId).flatMap((q) => {
      if (q.action.actionId !== item.action.actionId) return [q];
      return choice === 'accept' ? [] : [{ ...q, state: 'pending' as const, reason: null, code: null, serverVisit: null }];
    });
    saveQueue(userId, rest);
    if (choice === 'retry' && navigator.onLine) void send(userId, liveActor);
  };

  // Which session to show: the live one, or offline the one saved with today's visits.
  const sessionUnavailable = session.isError || session.fetchStatus === 'paused' || (!online && session.isPending);
  const offlineActor = sessionUnavailable && stored ? stored.actor : undefined;
  const actor = liveActor ?? offlineActor;
  const layoutSession: SessionInfo | undefined = actor ? { authenticated: true, actor } : undefined;

  if (session.isSuccess && !session.data.authenticated) {
    if (!queue.some((q) => q.state === 'pending')) return <Navigate to="/" replace state={{ from: '/utforare/mobil' }} />;
    return (
      <Layout session={undefined}>
        <Page title={m.title}>
          <div className="notice notice--warning" role="alert"><p>{m.signedOut} <a href="/">{m.logInAgain}</a></p></div>
        </Page>
      </Layout>
    );
  }
  if (liveActor && !isProvider) {
    return <Layout session={session.data}><Page title={m.title}><p className="panel">{m.wrongView}</p></Page></Layout>;
  }
  if (!actor) {
    return (
      <Layout session={undefined}>
        {sessionUnavailable ? <Page title={m.title}><p className="panel" role="alert">{m.noStoredDay}</p></Page> : <Loading />}
      </Layout>
    );
  }

  const day = stored?.day;
  const pending = queue.filter((q) => q.state === 'pending');
  const showOffline = !online || load === 'offline';

  return (
    <Layout session={layoutSession}>
      <div className="mobile-day">
        <Page title={m.title} lead={day && <p>{m.lead(day.items.length, day.providerName)}</p>}>
          <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
          {showOffline && (
            <div className="notice notice--warning mobile-banner" role="status">
              <p>
                {m.offlineBanner}
                {stored && <span className="block">{m.offlineDayFrom(clockSv(stored.savedAt))}</span>}
              </p>
            </div>
          )}
          {(load === 'signed-out' || sync === 'signed-out') && (
            <div className="notice notice--error" role="alert"><p>{m.signedOut} <a href="/">{m.logInAgain}</a></p></div>
          )}
          {sync === 'failed' && <div className="notice notice--error" role="alert"><p>{m.syncFailed}</p></div>}
          {pending.length > 0 && (
            <div className="mobile-pending">
              <p>{m.pendingCount(pending.length)}</p>
              {online && userId && (
                <button type="button" className="button button--secondary" disabled={sync === 'sending'} onClick={() => void send(userId, liveActor)}>
                  {sync === 'sending' ? m.sending : m.sendNow}
                </button>
              )}
            </div>
          )}
          {!day ? (load === 'loading' || load === 'idle' ? <Loading /> : <p className="panel" role="alert">{m.noStoredDay}</p>) : day.items.length === 0 ? (
            <p className="panel">{m.emptyDay}</p>
          ) : (
            <ol className="visit-list">
              {day.items.map((v) => (
                <li key={v.id}>
                  <VisitCard
                    visit={withQueued(v, queue)}
                    queued={queue.filter((q) => q.action.visitId === v.id)}
                    online={online}
                    m={m}
                    onAct={act}
                    onConflict={settleConflict}
                  />
                </li>
              ))}
            </ol>
          )}
        </Page>
      </div>
    </Layout>
  );
}

interface CardProps {
  visit: MobileVisit;
  queued: QueuedAction[];
  online: boolean;
  m: MobileMessages;
  onAct: (visit: MobileVisit, kind: MobileActionKind, note?: string) => void;
  onConflict: (item: QueuedAction, choice: 'accept' | 'retry') => void;
}

function VisitCard({ visit, queued, online, m, onAct, onConflict }: CardProps) {
  const id = useId();
  const headingId = `${id}-name`;
  const noteId = `${id}-note`;
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const end = new Date(new Date(visit.plannedStart).getTime() + visit.plannedMinutes * 60_000);
  const pending = queued.filter((q) => q.state === 'pending');
  const conflicts = queued.filter((q) => q.state === 'conflict');
  const cancelled = visit.status === 'installt';
  const next: MobileActionKind | null = cancelled ? null : !visit.checkedInAt ? 'checkin' : !visit.checkedOutAt ? 'checkout' : null;

  const saveNote = () => {
    const text = note.trim();
    if (!text) {
      setNoteError(true);
      noteRef.current?.focus();
      return;
    }
    setNoteError(false);
    onAct(visit, 'note', text);
    setNote('');
    if (detailsRef.current) detailsRef.current.open = false;
    summaryRef.current?.focus();
  };

  return (
    <article className={`visit-card visit-card--${visit.status}`} aria-labelledby={headingId}>
      <div className="visit-top">
        <p className="visit-time">
          <span className="visually-hidden">{m.plannedTime}: </span>
          {clockSv(visit.plannedStart)}–{clockSv(end)}
          <span className="visit-minutes"> · {m.minutes(visit.plannedMinutes)}</span>
        </p>
        <span className={`visit-status visit-status--${visit.status}`}>{m.status[visit.status]}</span>
      </div>
      <h2 id={headingId} className="visit-name">{visit.person.name}</h2>
      {visit.person.address ? (
        <p className="visit-address">
          <span className="visually-hidden">{m.address}: </span>
          {visit.person.address.street}, {visit.person.address.postalCode} {visit.person.address.city}
        </p>
      ) : (
        <p className="visit-withheld"><span className="visually-hidden">{m.withheld}: </span>{visit.person.addressWithheld}</p>
      )}
      <dl className="visit-facts">
        <div><dt>{m.info}</dt><dd>{visit.order.info}</dd></div>
        <div><dt>{m.tasks}</dt><dd>{visit.tasks}</dd></div>
        <div><dt>{m.insats}</dt><dd>{visit.order.insats}{visit.order.scope && <span className="muted"> · {visit.order.scope}</span>}</dd></div>
      </dl>

      {(visit.checkedInAt || visit.note) && (
        <p className="visit-done">
          {visit.checkedInAt && <span>{m.checkedIn(clockSv(visit.checkedInAt))}</span>}
          {visit.checkedOutAt && <span>{m.checkedOut(clockSv(visit.checkedOutAt))}</span>}
          {visit.performedMinutes !== null && <strong>{m.performed(visit.performedMinutes)}</strong>}
          {visit.note && <span className="visit-note">{m.savedNote}: {visit.note}</span>}
        </p>
      )}

      {pending.length > 0 && (
        <p className="visit-queued" role="status">
          <span aria-hidden="true" className="visit-queued-mark" /> {online ? m.queuedSending : m.queued}
        </p>
      )}

      {conflicts.map((c) => (
        <div key={c.action.actionId} className="visit-conflict" role="alert">
          <p className="visit-conflict-title">{m.conflictTitle}: {m.conflictKind[c.action.kind]} {clockSv(c.action.at)}</p>
          <p lang="sv">{c.reason}</p>
          {c.serverVisit ? (
            <p className="muted">
              {m.serverHas} {m.status[c.serverVisit.status]}
              {c.serverVisit.checkedInAt ? `, ${m.checkedIn(clockSv(c.serverVisit.checkedInAt))}` : `, ${m.notCheckedIn}`}
              {c.serverVisit.checkedOutAt && `, ${m.checkedOut(clockSv(c.serverVisit.checkedOutAt))}`}
            </p>
          ) : <p className="muted">{m.serverNothing}</p>}
          <div className="visit-conflict-actions">
            <button type="button" className="button" onClick={() => onConflict(c, 'accept')}>{m.accept}</button>
            <button type="button" className="button button--secondary" onClick={() => onConflict(c, 'retry')}>{m.retry}</button>
          </div>
        </div>
      ))}

      {cancelled ? <p className="visit-cancelled">{m.cancelledNote}</p> : next && (
        <button
          type="button"
          className={next === 'checkin' ? 'button visit-action' : 'button visit-action visit-action--out'}
          aria-label={next === 'checkin' ? m.checkInOn(visit.person.name) : m.checkOutOn(visit.person.name)}
          onClick={() => onAct(visit, next)}
        >
          {next === 'checkin' ? m.checkIn : m.checkOut}
        </button>
      )}

      {!cancelled && (
        <details className="visit-note-form" ref={detailsRef}>
          <summary ref={summaryRef}><span>{visit.note ? m.changeNote : m.writeNote}</span></summary>
          <div className="visit-note-body">
            <label htmlFor={noteId}>{m.note}</label>
            <p className="hint" id={`${noteId}-hint`}>{m.noteHint}</p>
            <textarea
              ref={noteRef}
              id={noteId}
              rows={3}
              maxLength={1000}
              value={note}
              aria-describedby={noteError ? `${noteId}-hint ${noteId}-error` : `${noteId}-hint`}
              aria-invalid={noteError || undefined}
              onChange={(e) => setNote(e.target.value)}
            />
            {noteError && <p className="field-error" id={`${noteId}-error`} role="alert">{m.noteEmpty}</p>}
            <button type="button" className="button visit-note-save" onClick={saveNote}>
              {m.saveNote}<span className="visually-hidden"> – {visit.person.name}</span>
            </button>
          </div>
        </details>
      )}
    </article>
  );
}
