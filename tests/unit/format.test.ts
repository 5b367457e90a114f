import { describe, it, expect } from 'vitest';
import { formatDateNumeric, formatDateSv, formatMoneySek, fullName } from '../../src/domain/format';

const NBSP = '\u00a0';

describe('formatDateSv (Intl sv-SE)', () => {
  it.each<[string, string, string]>([
    ['2026-11-22', '22 nov. 2026', '22 november 2026'],
    ['2026-01-01', '1 jan. 2026', '1 januari 2026'],
    ['2026-03-09', '9 mars 2026', '9 mars 2026'],
    ['2026-05-31', '31 maj 2026', '31 maj 2026'],
    ['2026-06-06', '6 juni 2026', '6 juni 2026'],
  ])('%s → %j / %j', (date, short, long) => {
    expect(formatDateSv(date)).toBe(short);
    expect(formatDateSv(date, 'long')).toBe(long);
  });

  it('an instant is shown as the date in Sweden, not the UTC date', () => {
    expect(formatDateSv(new Date('2026-11-22T23:30:00Z'))).toBe('23 nov. 2026');
    expect(formatDateSv('2026-11-22T23:30:00Z')).toBe('23 nov. 2026');
  });

  it('refuses a non-date', () => {
    expect(() => formatDateSv('not a date')).toThrow(RangeError);
  });
});

describe('formatDateNumeric', () => {
  it('is ISO 8601, YYYY-MM-DD', () => {
    expect(formatDateNumeric('2026-11-22')).toBe('2026-11-22');
    expect(formatDateNumeric(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('formatMoneySek', () => {
  it.each<[number, string]>([
    [1234.5, `1${NBSP}234,50${NBSP}kr`],
    [0, `0,00${NBSP}kr`],
    [5220, `5${NBSP}220,00${NBSP}kr`], // riksnorm 2026, single adult
    [1_500_000, `1${NBSP}500${NBSP}000,00${NBSP}kr`],
    [0.005, `0,01${NBSP}kr`],
    [-1234.5, `\u22121${NBSP}234,50${NBSP}kr`], // Intl uses the real minus sign U+2212
  ])('%d → %j', (amount, expected) => {
    expect(formatMoneySek(amount)).toBe(expected);
  });

  it('uses a non-breaking space (U+00A0) as thousands separator, so amounts never wrap', () => {
    const shown = formatMoneySek(1234.5);
    expect(shown.charAt(1)).toBe('\u00a0');
    expect(shown).not.toContain(' ');
  });
});

describe('fullName', () => {
  it.each<[string | null | undefined, string | null | undefined, string]>([
    ['Anna', 'Andersson', 'Anna Andersson'],
    [' Anna ', ' Andersson ', 'Anna Andersson'],
    ['Anna', '', 'Anna'],
    [null, 'Andersson', 'Andersson'],
    [undefined, undefined, ''],
    ['Karl-Åke', 'Öberg Ståhl', 'Karl-Åke Öberg Ståhl'],
  ])('(%j, %j) → %j', (first, last, expected) => {
    expect(fullName(first, last)).toBe(expected);
  });
});
