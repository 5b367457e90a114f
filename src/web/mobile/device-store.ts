// What the mobile view keeps on the phone, in localStorage, keyed per user:
//   - the day: today's visits (the minimum the visits need) and who is logged in, so the view
//     opens without a network; replaced on every successful fetch, deleted when the day is over;
//   - the queue: check-ins, check-outs and notes made on the phone, each with an id made on the
//     device, kept until the server has answered 'applied' or 'duplicate', or the user has seen and
//     dismissed a conflict. Nothing is dropped silently.
// Everything is removed at logout (the 'lots:logout' event that the user menu dispatches).
import type { SessionInfo } from '../../shared/api';
import type { MobileAction, MobileDay, VisitState } from '../../shared/mobile-api';
import { swedishDay } from '../../domain/visits';

const PREFIX = 'lots.mobile.';
const USER_KEY = `${PREFIX}user`;
const dayKey = (userId: string) => `${PREFIX}day.${userId}`;
const queueKey = (userId: string) => `${PREFIX}queue.${userId}`;
export const LOGOUT_EVENT = 'lots:logout';
/** Dispatched on window whenever the stored queue or day changes, so every open view re-reads it. */
export const STORE_EVENT = 'lots:mobile-store';

type Actor = NonNullable<SessionInfo['actor']>;

export interface StoredDay { day: MobileDay; actor: Actor; savedAt: string }

export interface QueuedAction {
  action: MobileAction;
  state: 'pending' | 'conflict';
  reason?: string | null;
  code?: string | null;
  /** The visit as the server has it, for a conflict. */
  serverVisit?: VisitState | null;
  queuedAt: string;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  localStorage.setItem(key, JSON.stringify(value));
  window.dispatchEvent(new Event(STORE_EVENT));
}

export function currentUser(): string | null {
  return localStorage.getItem(USER_KEY);
}

export function loadDay(userId: string): StoredDay | null {
  const stored = read<StoredDay>(dayKey(userId));
  if (!stored || stored.day.date !== swedishDay(new Date())) return null;
  return stored;
}

export function saveDay(day: MobileDay, actor: Actor): void {
  localStorage.setItem(USER_KEY, day.staff.id);
  write(dayKey(day.staff.id), { day, actor, savedAt: new Date().toISOString() } satisfies StoredDay);
}

/** Puts the server's version of a visit into the stored day (after an action was answered). */
export function updateStoredVisit(userId: string, visit: VisitState): void {
  const stored = read<StoredDay>(dayKey(userId));
  if (!stored) return;
  stored.day.items = stored.day.items.map((v) => (v.id === visit.id ? { ...v, ...visit } : v));
  write(dayKey(userId), stored);
}

export function loadQueue(userId: string): QueuedAction[] {
  return read<QueuedAction[]>(queueKey(userId)) ?? [];
}

export function saveQueue(userId: string, queue: QueuedAction[]): void {
  if (queue.length === 0) {
    localStorage.removeItem(queueKey(userId));
    window.dispatchEvent(new Event(STORE_EVENT));
  } else {
    write(queueKey(userId), queue);
  }
}

export function enqueue(userId: string, action: MobileAction): void {
  saveQueue(userId, [...loadQueue(userId), { action, state: 'pending', queuedAt: new Date().toISOString() }]);
}

/** How many actions on this phone have not reached the server (for a warning before logout). */
export function pendingMobileActions(): number {
  const user = currentUser();
  return user ? loadQueue(user).filter((q) => q.state === 'pending').length : 0;
}

/** Removes days other than today, for every user on this phone. The queue stays until it is sent. */
export function purgeOldDays(): void {
  const today = swedishDay(new Date());
  for (const key of Object.keys(localStorage)) {
    if (!key.startsWith(`${PREFIX}day.`)) continue;
    const stored = read<StoredDay>(key);
    if (!stored || stored.day.date !== today) localStorage.removeItem(key);
  }
}

/** Removes everything the mobile view has stored on this phone. */
export function clearMobileDeviceData(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  window.dispatchEvent(new Event(STORE_EVENT));
}

// Installed once, when this module is first imported (main.tsx imports it, so it listens on
// every page, not only while the mobile view is open).
if (typeof window !== 'undefined') {
  window.addEventListener(LOGOUT_EVENT, clearMobileDeviceData);
}
