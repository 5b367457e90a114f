// Sends the phone's queue to the server, oldest first, and settles each action by the answer:
// 'applied' and 'duplicate' leave the queue (the server has it exactly once); a 'conflict' stays,
// with the server's reason and its version of the visit, until the user decides. A network
// failure leaves everything as it was, to be sent on the next 'online' event or page load.
import type { MobileActionsResult, MobileDay, MobileVisit } from '../../shared/mobile-api';
import { ApiError, api } from '../api/client';
import { loadQueue, saveQueue, updateStoredVisit, type QueuedAction } from './device-store';

export type SyncOutcome = 'synced' | 'nothing' | 'offline' | 'signed-out' | 'failed';

let running: Promise<SyncOutcome> | null = null;

/** One sync at a time: a second call while one runs waits for it and then runs again. */
export function syncQueue(userId: string): Promise<SyncOutcome> {
  const next = (running ?? Promise.resolve('nothing' as SyncOutcome)).then(() => runSync(userId), () => runSync(userId));
  running = next;
  return next;
}

async function runSync(userId: string): Promise<SyncOutcome> {
  const pending = loadQueue(userId).filter((q) => q.state === 'pending');
  if (pending.length === 0) return 'nothing';
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  let answer: MobileActionsResult;
  try {
    answer = await api.post<MobileActionsResult>('/api/mobile/actions', { actions: pending.map((q) => q.action) });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return 'signed-out';
    if (err instanceof ApiError && err.status === 0) return 'offline';
    return 'failed';
  }
  const byId = new Map(answer.results.map((r) => [r.actionId, r]));
  // Re-read: the user may have queued more while the request was out.
  const settled: QueuedAction[] = [];
  for (const q of loadQueue(userId)) {
    const r = byId.get(q.action.actionId);
    if (!r) { settled.push(q); continue; }
    if (r.visit) updateStoredVisit(userId, r.visit);
    if (r.result === 'conflict') settled.push({ ...q, state: 'conflict', reason: r.reason, code: r.code, serverVisit: r.visit });
  }
  saveQueue(userId, settled);
  return 'synced';
}

/** The visit as the phone shows it: the server's version with my unsent actions laid over it. */
export function withQueued(visit: MobileVisit, queue: QueuedAction[]): MobileVisit {
  let v = visit;
  for (const q of queue) {
    if (q.state !== 'pending' || q.action.visitId !== visit.id) continue;
    if (q.action.kind === 'checkin' && !v.checkedInAt) v = { ...v, checkedInAt: q.action.at, status: 'pagaende' };
    if (q.action.kind === 'checkout' && !v.checkedOutAt) v = { ...v, checkedOutAt: q.action.at, status: 'utford' };
    if (q.action.kind === 'note') v = { ...v, note: q.action.note ?? null };
  }
  if (v.checkedInAt && v.checkedOutAt && v !== visit) {
    v = { ...v, performedMinutes: Math.round((new Date(v.checkedOutAt).getTime() - new Date(v.checkedInAt).getTime()) / 60_000) };
  }
  return v;
}

export async function fetchToday(signal?: AbortSignal): Promise<MobileDay> {
  return api.get<MobileDay>('/api/mobile/today', signal);
}
