import { describe, it, expect } from 'vitest';
import {
  DEADLINE_KINDS,
  UTREDNING_ROUTINE_MONTHS,
  addDays,
  addMonths,
  barnutredningDue,
  dateInSweden,
  dayOfWeek,
  easterSunday,
  forhandsbedomningDue,
  isOverdue,
  isSwedishNonWorkingDay,
  isValidIsoDate,
  nextDeadline,
  nextWorkingDayIfClosed,
  overklagandeDue,
  skyddsbedomningDue,
  swedishHolidays,
  uppfoljningDue,
  utredningTargetDue,
  type DeadlineKind,
} from '../../src/domain/deadlines';

describe('calendar arithmetic (UTC, no time-zone drift)', () => {
  it.each<[string, number, string]>([
    ['2026-11-22', 0, '2026-11-22'],
    ['2026-11-22', 14, '2026-12-06'],
    ['2026-12-20', 14, '2027-01-03'],
    ['2024-02-20', 14, '2024-03-05'], // through a leap day
    ['2026-03-28', 1, '2026-03-29'], // the day summer time starts in Sweden
    ['2026-10-24', 1, '2026-10-25'], // the day it ends
    ['2026-01-01', -1, '2025-12-31'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['2026-10-31', 4, '2027-02-28'], // lag (1930:173) 1 §: no 31 Feb, so the month's last day
    ['2027-10-31', 4, '2028-02-29'], // leap year
    ['2026-01-15', 4, '2026-05-15'],
    ['2026-08-31', 4, '2026-12-31'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026-01-01T00:00:00Z', ''])(
    'refuses %j rather than compute a wrong deadline',
    (bad) => {
      expect(isValidIsoDate(bad)).toBe(false);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => addMonths(bad, 1)).toThrow(RangeError);
    },
  );

  it('dayOfWeek: 2026-11-22 is a Sunday, 2026-11-23 a Monday', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('2026-11-23')).toBe(1);
  });

  it.each<[string, string]>([
    ['2026-11-22T12:00:00Z', '2026-11-22'],
    ['2026-11-22T23:30:00Z', '2026-11-23'], // 00:30 CET
    ['2026-06-30T22:30:00Z', '2026-07-01'], // 00:30 CEST
    ['2026-06-30T21:30:00Z', '2026-06-30'],
  ])('dateInSweden(%s) = %s', (instant, expected) => {
    expect(dateInSweden(new Date(instant))).toBe(expected);
  });
});

describe('Swedish public holidays (lag 1989:253) and the days lag (1930:173) 2 § treats alike', () => {
  it.each<[number, string]>([
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s (Gregorian computus)', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('2026: every helgdag and afton, by name', () => {
    expect(Object.fromEntries(swedishHolidays(2026))).toEqual({
      '2026-01-01': 'Nyårsdagen',
      '2026-01-06': 'Trettondedag jul',
      '2026-04-03': 'Långfredagen',
      '2026-04-05': 'Påskdagen',
      '2026-04-06': 'Annandag påsk',
      '2026-05-01': 'Första maj',
      '2026-05-14': 'Kristi himmelsfärdsdag',
      '2026-05-24': 'Pingstdagen',
      '2026-06-06': 'Sveriges nationaldag',
      '2026-06-19': 'Midsommarafton',
      '2026-06-20': 'Midsommardagen',
      '2026-10-31': 'Alla helgons dag',
      '2026-12-24': 'Julafton',
      '2026-12-25': 'Juldagen',
      '2026-12-26': 'Annandag jul',
      '2026-12-31': 'Nyårsafton',
    });
  });

  it.each<[number, string, string]>([
    [2025, '2025-06-20', '2025-11-01'],
    [2026, '2026-06-19', '2026-10-31'],
    [2027, '2027-06-25', '2027-11-06'], // 19 June 2027 is a Saturday; 31 Oct a Sunday
    [2028, '2028-06-23', '2028-11-04'],
  ])('%i: midsommarafton (Friday 19–25 June) %s, alla helgons dag (Saturday 31 Oct–6 Nov) %s', (year, midsommar, allaHelgon) => {
    const holidays = swedishHolidays(year);
    expect(holidays.get(midsommar)).toBe('Midsommarafton');
    expect(dayOfWeek(midsommar)).toBe(5);
    expect(holidays.get(addDays(midsommar, 1))).toBe('Midsommardagen');
    expect(holidays.get(allaHelgon)).toBe('Alla helgons dag');
    expect(dayOfWeek(allaHelgon)).toBe(6);
  });

  it.each<[string, boolean]>([
    ['2026-11-23', false], // Monday
    ['2026-11-21', true], // Saturday
    ['2026-11-22', true], // Sunday
    ['2026-01-06', true], // trettondedag jul, a Tuesday
    ['2026-04-03', true], // långfredagen
    ['2026-04-06', true], // annandag påsk
    ['2026-05-01', true],
    ['2026-05-14', true], // Kristi himmelsfärdsdag
    ['2026-06-19', true], // midsommarafton
    ['2026-12-24', true], // julafton
    ['2026-12-31', true], // nyårsafton
    ['2026-04-02', false], // skärtorsdagen is a working day
    ['2026-04-30', false], // valborgsmässoafton is a working day
    ['2026-12-23', false],
    ['2027-06-18', false], // a Friday in midsommar week that is not midsommarafton
    ['2027-06-06', true], // nationaldagen, a Sunday anyway
  ])('isSwedishNonWorkingDay(%s) = %s', (date, closed) => {
    expect(isSwedishNonWorkingDay(date)).toBe(closed);
  });

  it.each<[string, string]>([
    ['2026-11-23', '2026-11-23'],
    ['2026-11-21', '2026-11-23'],
    ['2026-12-24', '2026-12-28'],
    ['2026-12-31', '2027-01-04'],
    ['2026-04-03', '2026-04-07'],
  ])('nextWorkingDayIfClosed(%s) = %s', (date, expected) => {
    expect(nextWorkingDayIfClosed(date)).toBe(expected);
  });
});

describe('statutory deadlines', () => {
  it.each<[string, string]>([
    ['2026-11-22', '2026-11-22'],
    ['2026-12-24', '2026-12-24'],
  ])('20 kap. 1 § SoL (2025:400), "genast": skyddsbedömning for a report received %s is due %s', (received, due) => {
    expect(skyddsbedomningDue(received)).toBe(due);
  });

  it.each<[string, string]>([
    ['2026-11-22', '2026-12-06'],
    ['2026-12-20', '2027-01-03'], // a Sunday: not moved, the limit protects a child
    ['2024-02-20', '2024-03-05'],
  ])('20 kap. 2 § SoL (2025:400), 14 days: förhandsbedömning for a report received %s is due %s', (received, due) => {
    expect(forhandsbedomningDue(received)).toBe(due);
  });

  it.each<[string, string]>([
    ['2026-01-15', '2026-05-15'],
    ['2026-10-31', '2027-02-28'],
    ['2027-10-31', '2028-02-29'],
    ['2026-08-31', '2026-12-31'],
  ])('20 kap. 3 § SoL (2025:400), 4 months: barnutredning opened %s is due %s', (opened, due) => {
    expect(barnutredningDue(opened)).toBe(due);
  });

  it.each<[string, string, string]>([
    ['2026-11-02', '2026-11-23', 'a Monday, three weeks later'],
    ['2026-12-03', '2026-12-28', 'julafton, juldagen, annandag jul, Sunday'],
    ['2026-12-10', '2027-01-04', 'nyårsafton, nyårsdagen, weekend'],
    ['2026-12-16', '2027-01-07', 'trettondedag jul'],
    ['2026-03-13', '2026-04-07', 'långfredagen to annandag påsk'],
    ['2026-04-23', '2026-05-15', 'Kristi himmelsfärdsdag'],
    ['2026-05-16', '2026-06-08', 'nationaldagen on a Saturday'],
    ['2026-05-29', '2026-06-22', 'midsommarafton, midsommardagen, Sunday'],
    ['2026-10-10', '2026-11-02', 'alla helgons dag'],
  ])('44 § FL + lag (1930:173): decision received %s, appeal in time until %s (%s)', (received, due) => {
    expect(overklagandeDue(received)).toBe(due);
  });

  it.each<[string, string]>([
    ['2026-08-31', '2027-02-28'],
    ['2026-01-15', '2026-07-15'],
  ])('23 kap. 5 § SoL (2025:400), 6 months: follow-up after a closure on %s ends by %s', (ended, due) => {
    expect(uppfoljningDue(ended)).toBe(due);
  });

  it('general investigation: 3 months is the local routine target, not law (9 § FL; domain.md 1.3.3)', () => {
    expect(UTREDNING_ROUTINE_MONTHS).toBe(3);
    expect(utredningTargetDue('2026-11-30')).toBe('2027-02-28');
    expect(DEADLINE_KINDS.utredning.statutory).toBe(false);
  });
});

describe('DEADLINE_KINDS', () => {
  const table: [DeadlineKind, string, string, string][] = [
    ['skyddsbedomning', '20 kap. 1 § SoL', '2026-11-22', '2026-11-22'],
    ['forhandsbedomning', '20 kap. 2 § SoL', '2026-11-22', '2026-12-06'],
    ['barnutredning', '20 kap. 3 § SoL', '2026-10-31', '2027-02-28'],
    ['overklagande', '44 § FL', '2026-12-03', '2026-12-28'],
    ['utredning', '9 § FL', '2026-11-30', '2027-02-28'],
    ['uppfoljning', '23 kap. 5 § SoL', '2026-08-31', '2027-02-28'],
  ];

  it('covers exactly the six kinds', () => {
    expect(Object.keys(DEADLINE_KINDS).sort()).toEqual(table.map(([kind]) => kind).sort());
  });

  it.each(table)('%s: legal basis %s; from %s due %s', (kind, basis, from, due) => {
    const info = DEADLINE_KINDS[kind];
    expect(info.legalBasis).toContain(basis);
    expect(info.labelSv).not.toBe('');
    expect(info.labelEn).not.toBe('');
    expect(info.due(from)).toBe(due);
    expect(info.statutory).toBe(kind !== 'utredning');
  });
});

describe('nextDeadline and isOverdue', () => {
  it('picks the earliest uncompleted deadline', () => {
    const deadlines = [
      { id: 'a', dueOn: '2026-12-06', completedOn: null },
      { id: 'b', dueOn: '2026-11-22', completedOn: '2026-11-22' },
      { id: 'c', dueOn: '2027-03-22' },
      { id: 'd', dueOn: '2026-12-01', completedOn: undefined },
    ];
    expect(nextDeadline(deadlines)?.id).toBe('d');
  });

  it('keeps the first of two deadlines due the same day', () => {
    expect(nextDeadline([{ id: 1, dueOn: '2026-12-06' }, { id: 2, dueOn: '2026-12-06' }])?.id).toBe(1);
  });

  it('returns null when nothing is left', () => {
    expect(nextDeadline([])).toBeNull();
    expect(nextDeadline([{ dueOn: '2026-12-06', completedOn: '2026-12-01' }])).toBeNull();
  });

  it.each<[string, string, boolean]>([
    ['2026-12-06', '2026-12-05', false],
    ['2026-12-06', '2026-12-06', false], // the last day itself is still in time
    ['2026-12-06', '2026-12-07', true],
    ['2026-12-31', '2027-01-01', true],
  ])('isOverdue(due %s, today %s) = %s', (due, today, overdue) => {
    expect(isOverdue(due, today)).toBe(overdue);
  });

  it('refuses a malformed date instead of comparing strings', () => {
    expect(() => isOverdue('2026-12-6', '2026-12-07')).toThrow(RangeError);
  });
});
