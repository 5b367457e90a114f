// Statutory deadlines and the calendar arithmetic behind them.
//
// Dates are plain ISO strings ('YYYY-MM-DD'): a deadline is a calendar day in Sweden, not an
// instant, so we never let a local-time Date near midnight shift it by a day. All arithmetic
// goes through Date.UTC, where every day is exactly 24 hours.
//
// Legal texts read: Socialtjänstlag (2025:400) as published 2025-12-15 (SFS 2025:400 with
// amendments up to 2025:1501), förvaltningslagen (2017:900), lagen (1930:173) om beräkning av
// lagstadgad tid and lagen (1989:253) om allmänna helgdagar. See /work/shared/domain.md 1.3.

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toParts(date: IsoDate): YearMonthDay | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar day written 'YYYY-MM-DD' (so '2026-02-29' is false). */
export function isValidIsoDate(date: string): boolean {
  return toParts(date) !== null;
}

// Deadlines computed from a mistyped date would be silently wrong, so bad input throws.
function parse(date: IsoDate): YearMonthDay {
  const parts = toParts(date);
  if (!parts) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): '${date}'`);
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function fromParts({ year, month, day }: YearMonthDay): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function toUtcMs(date: IsoDate): number {
  const { year, month, day } = parse(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * Adds calendar months. Lagen (1930:173) 1 §: the end day is the day with the same number in
 * the end month, or that month's last day if it has no such day (2026-10-31 + 4 months =
 * 2027-02-28), so a "within four months" deadline never spills into the month after.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return fromParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

const SWEDISH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Sweden at an instant. The server clock runs in UTC, and between
 * 00:00 and 01:00/02:00 Swedish time the UTC date is still "yesterday".
 */
export function dateInSweden(instant: Date = new Date()): IsoDate {
  const parts = SWEDISH_DATE.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// ---------------------------------------------------------------------------------------------
// Swedish public holidays
// ---------------------------------------------------------------------------------------------

/** Easter Sunday (Gregorian), by the anonymous "Meeus/Jones/Butcher" computus. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts({ year, month, day });
}

/** The first date on or after `from` that falls on `weekday` (0 = Sunday … 6 = Saturday). */
function firstWeekdayOnOrAfter(from: IsoDate, weekday: number): IsoDate {
  return addDays(from, (weekday - dayOfWeek(from) + 7) % 7);
}

const FRIDAY = 5;
const SATURDAY = 6;
const SUNDAY = 0;

/**
 * Days on which a statutory time limit cannot end, for one year, with their Swedish names:
 * the allmänna helgdagar of lagen (1989:253) om allmänna helgdagar, plus midsommarafton,
 * julafton and nyårsafton, which lagen (1930:173) om beräkning av lagstadgad tid 2 § treats
 * the same way.
 * Saturdays and Sundays are handled separately in isSwedishNonWorkingDay.
 */
export function swedishHolidays(year: number): Map<IsoDate, string> {
  const easter = easterSunday(year);
  const y = pad(year, 4);
  const midsommarafton = firstWeekdayOnOrAfter(`${y}-06-19`, FRIDAY);
  const entries: [IsoDate, string][] = [
    [`${y}-01-01`, 'Nyårsdagen'],
    [`${y}-01-06`, 'Trettondedag jul'],
    [addDays(easter, -2), 'Långfredagen'],
    [easter, 'Påskdagen'],
    [addDays(easter, 1), 'Annandag påsk'],
    [`${y}-05-01`, 'Första maj'],
    [addDays(easter, 39), 'Kristi himmelsfärdsdag'],
    [addDays(easter, 49), 'Pingstdagen'],
    [`${y}-06-06`, 'Sveriges nationaldag'],
    [midsommarafton, 'Midsommarafton'],
    [addDays(midsommarafton, 1), 'Midsommardagen'],
    [firstWeekdayOnOrAfter(`${y}-10-31`, SATURDAY), 'Alla helgons dag'],
    [`${y}-12-24`, 'Julafton'],
    [`${y}-12-25`, 'Juldagen'],
    [`${y}-12-26`, 'Annandag jul'],
    [`${y}-12-31`, 'Nyårsafton'],
  ];
  return new Map(entries);
}

/** Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton (lag 1930:173). */
export function isSwedishNonWorkingDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === SATURDAY || weekday === SUNDAY) return true;
  return swedishHolidays(parse(date).year).has(date);
}

/**
 * Lagen (1930:173) 2 § ("söndagsregeln"): an action whose last day falls on a Sunday, other
 * public holiday, Saturday, midsommarafton, julafton or nyårsafton may be taken the next vardag.
 */
export function nextWorkingDayIfClosed(date: IsoDate): IsoDate {
  let day = date;
  while (isSwedishNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

/**
 * 20 kap. 1 § SoL (2025:400): the omedelbar skyddsbedömning is made "genast". Guidance
 * (prop. 2012/13:10 s. 60) reads that as the same day, or the next if the report comes in late;
 * we show the same day so that a late report is flagged rather than quietly given an extra day.
 */
export function skyddsbedomningDue(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, 0); // + 0 days still validates the date
}

/**
 * 20 kap. 2 § SoL (2025:400): decide whether to open an investigation "inom fjorton dagar
 * efter det att anmälan har kommit in". Deliberately not moved off weekends by lag (1930:173)
 * 2 §: this is the nämnd's own child-protection limit, and we would rather warn early.
 */
export function forhandsbedomningDue(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, 14);
}

/** 20 kap. 3 § SoL (2025:400): finished "inom fyra månader från det att den inleddes". */
export function barnutredningDue(openedOn: IsoDate): IsoDate {
  return addMonths(openedOn, 4);
}

/**
 * 44 § förvaltningslagen (2017:900): an appeal must reach the authority within three weeks
 * from the day the party received the decision, i.e. the same weekday three weeks later
 * (lag 1930:173 1 §). If that day is a Saturday, Sunday, holiday, midsommarafton, julafton or
 * nyårsafton, the appeal is still in time on the next vardag (lag 1930:173 2 §).
 */
export function overklagandeDue(receivedDecisionOn: IsoDate): IsoDate {
  return nextWorkingDayIfClosed(addDays(receivedDecisionOn, 21));
}

/**
 * General investigation (adults, elderly, disability). There is NO statutory limit: 9 § FL
 * only says "snabbt", 14 kap. 2 § SoL says to start "genast" (domain.md 1.3.3). The 3 months
 * from receipt is this municipality's local routine target, not law; it is only a prompt.
 */
export const UTREDNING_ROUTINE_MONTHS = 3;

export function utredningTargetDue(receivedOn: IsoDate): IsoDate {
  return addMonths(receivedOn, UTREDNING_ROUTINE_MONTHS);
}

/**
 * 23 kap. 5 § SoL (2025:400): a follow-up of a child's situation ends no later than six months
 * after the investigation closed or the placement ended.
 */
export function uppfoljningDue(endedOn: IsoDate): IsoDate {
  return addMonths(endedOn, 6);
}

export type DeadlineKind =
  | 'skyddsbedomning'
  | 'forhandsbedomning'
  | 'barnutredning'
  | 'overklagande'
  | 'utredning'
  | 'uppfoljning';

export interface DeadlineKindInfo {
  legalBasis: string;
  labelSv: string;
  labelEn: string;
  /** False when the date is a local routine target rather than a limit set by law. */
  statutory: boolean;
  /** The event the deadline counts from, in Swedish, for display next to the date. */
  countsFromSv: string;
  due: (from: IsoDate) => IsoDate;
}

export const DEADLINE_KINDS: Readonly<Record<DeadlineKind, DeadlineKindInfo>> = {
  skyddsbedomning: {
    legalBasis: '20 kap. 1 § SoL',
    labelSv: 'Omedelbar skyddsbedömning',
    labelEn: 'Immediate safety assessment',
    statutory: true,
    countsFromSv: 'anmälan kom in',
    due: skyddsbedomningDue,
  },
  forhandsbedomning: {
    legalBasis: '20 kap. 2 § SoL',
    labelSv: 'Förhandsbedömning',
    labelEn: 'Initial assessment',
    statutory: true,
    countsFromSv: 'anmälan kom in',
    due: forhandsbedomningDue,
  },
  barnutredning: {
    legalBasis: '20 kap. 3 § SoL',
    labelSv: 'Barnavårdsutredning',
    labelEn: 'Child welfare investigation',
    statutory: true,
    countsFromSv: 'utredningen inleddes',
    due: barnutredningDue,
  },
  overklagande: {
    legalBasis: '44 § FL; lag (1930:173)',
    labelSv: 'Sista dag att överklaga',
    labelEn: 'Last day to appeal',
    statutory: true,
    countsFromSv: 'parten fick del av beslutet',
    due: overklagandeDue,
  },
  utredning: {
    legalBasis: '9 § FL (snabbt); kommunens rutin: 3 månader',
    labelSv: 'Utredning (målsättning enligt rutin)',
    labelEn: 'Investigation (local routine target)',
    statutory: false,
    countsFromSv: 'ärendet kom in',
    due: utredningTargetDue,
  },
  uppfoljning: {
    legalBasis: '23 kap. 5 § SoL',
    labelSv: 'Uppföljning ska avslutas',
    labelEn: 'Follow-up must end',
    statutory: true,
    countsFromSv: 'utredningen avslutades eller placeringen upphörde',
    due: uppfoljningDue,
  },
};

/** The uncompleted deadline due first (the earliest in the list on a tie), or null. */
export function nextDeadline<T extends { dueOn: string; completedOn?: string | null }>(deadlines: T[]): T | null {
  let next: T | null = null;
  for (const deadline of deadlines) {
    if (deadline.completedOn) continue;
    if (next === null || deadline.dueOn < next.dueOn) next = deadline;
  }
  return next;
}

/** Overdue from the day after the due day: work done on the last day is on time. */
export function isOverdue(dueOn: IsoDate, today: IsoDate = dateInSweden()): boolean {
  return toUtcMs(today) > toUtcMs(dueOn);
}
