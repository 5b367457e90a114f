// Swedish personal identity numbers: personnummer, samordningsnummer and reservnummer.
//
// Sources (see /work/shared/domain.md section 6):
// - Personnummer: 18 § folkbokföringslagen (1991:481); Skatteverket rättslig vägledning
//   RV 2020.9 "Personnummer": YYMMDD-NNNC, födelsenummer 001–999 whose last digit is odd for
//   men and even for women, and a Luhn (modulus 10, weights 2,1,2,1…) check digit over
//   YYMMDDNNN. From the year a person turns 100 the hyphen is printed as '+'.
// - Samordningsnummer: 18 a § folkbokföringslagen, lag (2022:1697) om samordningsnummer,
//   Skatteverket SKVM 2010:3: same structure with the birth day + 60.
// - Reservnummer: no national standard. We follow Socialstyrelsen's termbank recommendation:
//   a correct birth date (YYYYMMDD) plus at least one letter among the last four characters,
//   which can never collide with a real personnummer (those are digits only).

import { dateInSweden, isValidIsoDate, type IsoDate } from './deadlines';

export type IdKind = 'personnummer' | 'samordningsnummer' | 'reservnummer';

export interface IdNumber {
  kind: IdKind;
  /** 12 digits YYYYMMDDNNNC (pnr/samnr, samnr keeps day + 60); reservnummer: YYYYMMDD + 4 chars. */
  canonical: string;
  /** Real birth date, ISO YYYY-MM-DD (for a samordningsnummer the day with 60 taken off). */
  birthDate: IsoDate;
  /** Odd ninth digit of the 10-digit form: registered as a man. Not set for reservnummer. */
  legalSexDigitOdd?: boolean;
}

export type ParseResult = { ok: true; value: IdNumber } | { ok: false; error: string };

/** Messages shown to the user, in plain Swedish, saying what is wrong. */
export const ID_ERRORS = {
  empty: 'Skriv ett personnummer, samordningsnummer eller reservnummer',
  tooLong: 'Numret är för långt',
  digitCount: 'Numret ska ha 10 eller 12 siffror',
  format: 'Numret har fel format. Skriv det som ÅÅÅÅMMDD-NNNN',
  dayRange: 'Dagen i datumet ska vara 01–31, eller 61–91 för ett samordningsnummer',
  noSuchDate: 'Datumet finns inte',
  future: 'Födelsedatumet ligger i framtiden',
  tooOld: 'Födelseåret kan inte vara före 1800',
  plusUnder100: 'Plustecken används bara för den som fyller 100 år eller mer i år',
  birthNumberZero: 'Födelsenumret (siffrorna efter datumet) kan inte vara 000',
  checkDigit: 'Kontrollsiffran stämmer inte',
} as const;

/** Room for 'YYYYMMDD-NNNC' plus slack; anything longer is not an id number. */
const MAX_LENGTH = 16;
const SAMORDNING_DAY_OFFSET = 60;
const EARLIEST_YEAR = 1800;
const CENTENARIAN_AGE = 100;

const NUMERIC = /^(\d{8}|\d{6})([-+]?)(\d{3})(\d)$/;
const RESERV = /^(\d{8})-?([A-Z0-9]{4})$/;
// Hyphen look-alikes that arrive when a number is pasted from a word processor or a PDF.
const DASHES = /[\u2010-\u2015\u2212]/g;

const fail = (error: string): ParseResult => ({ ok: false, error });

interface DateDigits {
  year: number;
  month: number;
  day: number; // as written, i.e. + 60 for a samordningsnummer
}

/**
 * Parses any common spelling: 'YYYYMMDDNNNC', 'YYMMDDNNNC', 'YYMMDD-NNNC', 'YYMMDD+NNNC',
 * 'YYYYMMDD-NNNC', 'YYYYMMDD+NNNC', and reservnummer 'YYYYMMDD-XXXX' / 'YYYYMMDDXXXX'.
 * `today` decides the century of 10-digit forms and rejects birth dates in the future.
 */
export function parseIdNumber(input: string, today: Date = new Date()): ParseResult {
  const text = input.trim().replace(DASHES, '-').toUpperCase();
  if (text === '') return fail(ID_ERRORS.empty);
  if (text.length > MAX_LENGTH) return fail(ID_ERRORS.tooLong);
  const todayIso = dateInSweden(today);
  const [, reservDate = '', reservTail = ''] = RESERV.exec(text) ?? [];
  if (/[A-Z]/.test(reservTail)) return parseReservnummer(reservDate, reservTail, todayIso);
  const numeric = NUMERIC.exec(text);
  if (!numeric) return fail(shapeError(text));
  const [, datePart = '', separator = '', birthNumber = '', checkDigit = ''] = numeric;
  return parseNumeric(datePart, separator, birthNumber, checkDigit, todayIso);
}

function shapeError(text: string): string {
  if (!/^[\d\s+-]+$/.test(text)) return ID_ERRORS.format;
  const digits = text.replace(/\D/g, '').length;
  return digits === 10 || digits === 12 ? ID_ERRORS.format : ID_ERRORS.digitCount;
}

function parseNumeric(
  datePart: string,
  separator: string,
  birthNumber: string,
  checkDigit: string,
  todayIso: IsoDate,
): ParseResult {
  const digits = resolveCentury(datePart, separator, todayIso);
  if (typeof digits === 'string') return fail(digits);
  const isSamordning = digits.day > SAMORDNING_DAY_OFFSET;
  const birthDate = checkBirthDate(digits, isSamordning ? SAMORDNING_DAY_OFFSET : 0, todayIso);
  if (!birthDate.ok) return birthDate;
  // Födelsenummer run 001–999 (RV 2020.9); list.json also treats 000 as invalid though Luhn passes.
  if (birthNumber === '000') return fail(ID_ERRORS.birthNumberZero);
  const shortDate = datePart.slice(-6);
  if (luhnCheckDigit(shortDate + birthNumber) !== Number(checkDigit)) return fail(ID_ERRORS.checkDigit);
  return {
    ok: true,
    value: {
      kind: isSamordning ? 'samordningsnummer' : 'personnummer',
      canonical: `${digits.year}${shortDate.slice(2)}${birthNumber}${checkDigit}`,
      birthDate: birthDate.value,
      legalSexDigitOdd: Number(birthNumber[2]) % 2 === 1,
    },
  };
}

/**
 * The full birth year. With 12 digits it is written out; then '+' must agree with it.
 * With 10 digits (RV 2020.9): '-' means the person turns at most 99 this year, so the latest
 * year whose date is not in the future; '+' means 100 or more, so at least 100 years back.
 */
function resolveCentury(datePart: string, separator: string, todayIso: IsoDate): DateDigits | string {
  const month = Number(datePart.slice(-4, -2));
  const day = Number(datePart.slice(-2));
  const thisYear = Number(todayIso.slice(0, 4));
  if (datePart.length === 8) {
    const year = Number(datePart.slice(0, 4));
    if (separator === '+' && thisYear - year < CENTENARIAN_AGE) return ID_ERRORS.plusUnder100;
    return { year, month, day };
  }
  const yy = Number(datePart.slice(0, 2));
  if (separator === '+') return { year: latestYearEndingIn(yy, thisYear - CENTENARIAN_AGE), month, day };
  let year = latestYearEndingIn(yy, thisYear);
  const realDay = day > SAMORDNING_DAY_OFFSET ? day - SAMORDNING_DAY_OFFSET : day;
  if (year === thisYear && `${pad2(month)}-${pad2(realDay)}` > todayIso.slice(5)) year -= 100;
  return { year, month, day };
}

function latestYearEndingIn(yy: number, notAfter: number): number {
  return notAfter - ((((notAfter - yy) % 100) + 100) % 100);
}

function checkBirthDate(
  { year, month, day }: DateDigits,
  dayOffset: number,
  todayIso: IsoDate,
): { ok: true; value: IsoDate } | { ok: false; error: string } {
  const realDay = day - dayOffset;
  if (realDay < 1 || realDay > 31) return { ok: false, error: ID_ERRORS.dayRange };
  const iso = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(realDay)}`;
  if (!isValidIsoDate(iso)) return { ok: false, error: ID_ERRORS.noSuchDate };
  if (year < EARLIEST_YEAR) return { ok: false, error: ID_ERRORS.tooOld };
  if (iso > todayIso) return { ok: false, error: ID_ERRORS.future };
  return { ok: true, value: iso };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Skatteverket RV 2020.9: multiply the digits of YYMMDDNNN by 2,1,2,1…, add the digits of the
 * products, and the check digit is what brings the sum up to the next multiple of ten.
 */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function parseReservnummer(datePart: string, tail: string, todayIso: IsoDate): ParseResult {
  const digits = { year: Number(datePart.slice(0, 4)), month: Number(datePart.slice(4, 6)), day: Number(datePart.slice(6)) };
  // A reservnummer carries the true birth date; day + 60 is a samordningsnummer convention only.
  if (digits.day > 31) return fail(ID_ERRORS.noSuchDate);
  const birthDate = checkBirthDate(digits, 0, todayIso);
  if (!birthDate.ok) return birthDate;
  return { ok: true, value: { kind: 'reservnummer', canonical: datePart + tail, birthDate: birthDate.value } };
}

const CANONICAL_NUMERIC = /^(\d{2})(\d{6})(\d{4})$/;
const CANONICAL_RESERV = /^(\d{8})([A-Z0-9]{4})$/;

/**
 * Display form 'YYYYMMDD-NNNC', as Swedish authorities print 12-digit numbers: always with a
 * hyphen, since the century is written out. `_today` is accepted for call-site symmetry with
 * formatIdNumberShort; the long form does not change with age. A malformed value is returned
 * unchanged: a display helper must never hide what is stored.
 */
export function formatIdNumber(canonical: string, kind: IdKind, _today?: Date): string {
  const match = (kind === 'reservnummer' ? CANONICAL_RESERV : CANONICAL_NUMERIC).exec(canonical);
  if (!match) return canonical;
  return kind === 'reservnummer' ? `${match[1]}-${match[2]}` : `${match[1]}${match[2]}-${match[3]}`;
}

/**
 * Ten-digit form 'YYMMDD-NNNC', with '+' from the year the person turns 100 (RV 2020.9).
 * A reservnummer has no short form (its century cannot be recovered), so it is shown in full.
 */
export function formatIdNumberShort(canonical: string, kind: IdKind, today: Date = new Date()): string {
  const match = CANONICAL_NUMERIC.exec(canonical);
  if (kind === 'reservnummer' || !match) return formatIdNumber(canonical, kind);
  const birthYear = Number(canonical.slice(0, 4));
  const thisYear = Number(dateInSweden(today).slice(0, 4));
  const separator = thisYear - birthYear >= CENTENARIAN_AGE ? '+' : '-';
  return `${match[2]}${separator}${match[3]}`;
}

/**
 * Age in whole years on a given date. Someone born on 29 February is counted as a year older
 * on 1 March in common years (plain month/day comparison); no statute we rely on says otherwise.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (!isValidIsoDate(birthDate) || !isValidIsoDate(on)) {
    throw new RangeError(`Not valid ISO dates: '${birthDate}', '${on}'`);
  }
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
