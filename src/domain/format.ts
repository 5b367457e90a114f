// Swedish display formatting, shared by the server (PDFs, letters) and the web client, so a
// date or an amount reads the same everywhere. Intl 'sv-SE' gives '22 nov. 2026' and puts a
// non-breaking space (U+00A0) between thousands, so an amount never wraps across lines.

import { dateInSweden, isValidIsoDate, type IsoDate } from './deadlines';

const DATE_SHORT = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_LONG = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SEK = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });

/**
 * A calendar date as 'YYYY-MM-DD'. A date string is taken as is; an instant (a Date or an
 * ISO timestamp) is the date in Sweden at that instant, not the UTC date.
 */
function toIsoDate(value: IsoDate | Date): IsoDate {
  if (typeof value === 'string' && isValidIsoDate(value)) return value;
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: '${String(value)}'`);
  return dateInSweden(instant);
}

/** '22 nov. 2026' (short, default) or '22 november 2026' (long, for letters and decisions). */
export function formatDateSv(value: IsoDate | Date, style: 'short' | 'long' = 'short'): string {
  // Formatting midnight UTC in UTC keeps the calendar day whatever the machine's time zone.
  const midnightUtc = new Date(`${toIsoDate(value)}T00:00:00Z`);
  return (style === 'long' ? DATE_LONG : DATE_SHORT).format(midnightUtc);
}

/** '2026-11-22': the numeric form Swedish authorities use (ISO 8601). */
export function formatDateNumeric(value: IsoDate | Date): string {
  return toIsoDate(value);
}

/** '1 234,50 kr', with U+00A0 as thousands separator and before 'kr'. */
export function formatMoneySek(amount: number): string {
  return SEK.format(amount);
}

/** 'Förnamn Efternamn', tolerating a missing or blank part. */
export function fullName(first: string | null | undefined, last: string | null | undefined): string {
  return [first, last]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}
