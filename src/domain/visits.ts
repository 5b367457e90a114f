// Visits (besök) in home care and the time performed (utförd tid), recorded from the field staff's
// phone. Pure rules: the server checks each device action against the visit as it is in the
// database; the phone uses the same rules to show what the server will say.
//
// The performed time is part of the documentation of how the insats is carried out (genomförande,
// 6 kap. SOSFS 2014:5; documentation duty 14 kap. SoL, and 17 kap. SoL for private providers).
// An action made offline is sent later with the time it was made on the device: the server keeps
// the device time, but refuses an action that contradicts the visit (a check-out before the
// check-in, a check-in on a cancelled visit) with a reason in Swedish, and never drops it silently.

export type VisitStatus = 'planerad' | 'pagaende' | 'utford' | 'installt';
export type VisitActionKind = 'checkin' | 'checkout' | 'note';

/** Device clocks drift; an action up to this far ahead of the server's clock is accepted. */
export const CLOCK_SKEW_MINUTES = 5;
/** The longest note kept from the phone: a short note, not a journal entry. */
export const NOTE_MAX_LENGTH = 1000;

export interface VisitState {
  status: VisitStatus;
  staffUserId: string | null;
  plannedStart: string;            // ISO instant
  checkedInAt: string | null;      // ISO instant
  checkedOutAt: string | null;     // ISO instant
}

export interface VisitAction {
  kind: VisitActionKind;
  at: string;                      // ISO instant on the device
  note?: string | null;
}

export type VisitConflictCode =
  | 'not-yours' | 'cancelled' | 'already-checked-in' | 'not-checked-in' | 'already-checked-out'
  | 'out-before-in' | 'in-the-future' | 'other-day' | 'empty-note' | 'invalid-time';

export type VisitCheck = { ok: true } | { ok: false; code: VisitConflictCode; reason: string };

const STOCKHOLM = 'Europe/Stockholm';
const TIME_SV = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit' });
const PARTS_SV = new Intl.DateTimeFormat('en-GB', { timeZone: STOCKHOLM, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DATE_SV = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 'HH:MM' in Swedish time. */
export function clockSv(instant: string | Date): string {
  return TIME_SV.format(new Date(instant));
}

/** The calendar day in Sweden of an instant, 'YYYY-MM-DD'. */
export function swedishDay(instant: string | Date): string {
  const parts = DATE_SV.formatToParts(new Date(instant));
  const part = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The instant of a wall-clock time in Sweden on a day ('2026-11-23', '08:30'), across DST. */
export function stockholmInstant(day: string, hhmm: string): Date {
  const guess = new Date(`${day}T${hhmm}:00Z`);
  // The offset of Sweden at that moment (CET +1 or CEST +2); one correction step is enough
  // except inside the skipped hour at the spring change, which no visit is planned in.
  const offsetAt = (d: Date) => {
    const parts = PARTS_SV.formatToParts(d);
    const n = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
    return local - Math.floor(d.getTime() / 1000) * 1000;
  };
  const first = new Date(guess.getTime() - offsetAt(guess));
  return new Date(guess.getTime() - offsetAt(first));
}

/** Performed minutes from check-in to check-out, rounded to whole minutes; null until both exist. */
export function performedMinutes(checkedInAt: string | Date | null, checkedOutAt: string | Date | null): number | null {
  if (!checkedInAt || !checkedOutAt) return null;
  const ms = new Date(checkedOutAt).getTime() - new Date(checkedInAt).getTime();
  if (!Number.isFinite(ms) || ms < 0) return null;
  return Math.round(ms / 60_000);
}

/**
 * May this action be applied to the visit as it is now? `staffUserId` is who sends it; `now`
 * the server's clock. A refusal carries a reason in Swedish that says what happened and what
 * to do, shown on the phone next to the server's version of the visit.
 */
export function checkVisitAction(visit: VisitState, action: VisitAction, staffUserId: string, now: Date = new Date()): VisitCheck {
  const refuse = (code: VisitConflictCode, reason: string): VisitCheck => ({ ok: false, code, reason });
  if (visit.staffUserId !== staffUserId) {
    return refuse('not-yours', 'Besöket finns inte bland dina besök. Det kan ha flyttats till en kollega – kontakta din chef.');
  }
  const at = new Date(action.at);
  if (Number.isNaN(at.getTime())) return refuse('invalid-time', 'Tiden från telefonen gick inte att läsa. Försök igen.');
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000) {
    return refuse('in-the-future', `Tiden ${clockSv(at)} ligger i framtiden. Kontrollera att telefonens klocka går rätt och försök igen.`);
  }
  if (visit.status === 'installt') {
    return refuse('cancelled', 'Besöket är inställt. Om du ändå har gjort besöket, kontakta din chef så att tiden kan registreras.');
  }
  switch (action.kind) {
    case 'checkin':
      if (visit.checkedInAt) {
        return refuse('already-checked-in', `Besöket är redan incheckat kl. ${clockSv(visit.checkedInAt)}. Din incheckning har inte sparats.`);
      }
      if (swedishDay(at) !== swedishDay(visit.plannedStart)) {
        return refuse('other-day', `Incheckningen (${swedishDay(at)}) gäller inte besökets dag (${swedishDay(visit.plannedStart)}). Kontakta din chef.`);
      }
      return { ok: true };
    case 'checkout':
      if (visit.checkedOutAt) {
        return refuse('already-checked-out', `Besöket är redan utcheckat kl. ${clockSv(visit.checkedOutAt)}. Din utcheckning har inte sparats.`);
      }
      if (!visit.checkedInAt) {
        return refuse('not-checked-in', 'Besöket är inte incheckat. Checka in först, eller kontakta din chef om incheckningen saknas.');
      }
      if (at.getTime() < new Date(visit.checkedInAt).getTime()) {
        return refuse('out-before-in', `Utcheckningen kl. ${clockSv(at)} är före incheckningen kl. ${clockSv(visit.checkedInAt)}. Kontrollera telefonens klocka.`);
      }
      return { ok: true };
    case 'note': {
      const text = (action.note ?? '').trim();
      if (!text) return refuse('empty-note', 'Anteckningen är tom. Skriv något eller ta bort den.');
      return { ok: true };
    }
  }
}

/** The status a visit gets from an applied action. */
export function statusAfter(visit: Pick<VisitState, 'status'>, kind: VisitActionKind): VisitStatus {
  if (kind === 'checkin') return 'pagaende';
  if (kind === 'checkout') return 'utford';
  return visit.status;
}
