import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  ID_ERRORS,
  ageOn,
  formatIdNumber,
  formatIdNumberShort,
  luhnCheckDigit,
  parseIdNumber,
  type IdNumber,
  type ParseResult,
} from '../../src/domain/personnummer';

// A fixed "today" so century inference and the '+' rule are reproducible.
const TODAY = new Date('2026-11-22T12:00:00Z');

interface ListRow {
  integer: number;
  long_format: string;
  short_format: string;
  separated_format: string;
  separated_long: string;
  valid: boolean;
  type: 'ssn' | 'con';
  isMale: boolean;
  isFemale: boolean;
}

const LIST: ListRow[] = JSON.parse(
  readFileSync(new URL('../../../shared/testdata/personnummer/list.json', import.meta.url), 'utf8'),
) as ListRow[];

const SKATTEVERKET: string[] = readFileSync(
  new URL('../../../shared/testdata/personnummer/skatteverket-test-personnummer.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '');

function parsed(input: string, today: Date = TODAY): IdNumber {
  const result = parseIdNumber(input, today);
  if (!result.ok) throw new Error(`expected '${input}' to parse, got: ${result.error}`);
  return result.value;
}

function errorOf(result: ParseResult): string | null {
  return result.ok ? null : result.error;
}

describe('personnummer/list.json (github.com/personnummer/meta): every row in every spelling', () => {
  it('has the rows we expect to test', () => {
    expect(LIST.length).toBeGreaterThanOrEqual(13);
    expect(LIST.some((row) => row.valid && row.type === 'con')).toBe(true);
  });

  const spellings = (row: ListRow): [string, string][] => [
    ['long_format', row.long_format],
    ['short_format', row.short_format],
    ['separated_format', row.separated_format],
    ['separated_long', row.separated_long],
    ['integer', String(row.integer)],
  ];

  // Where the spelling fixes the century, the canonical form must equal the row's integer.
  // A 10-digit form without '+' means "under 100 this year", so it only fixes the century then.
  const fixesCentury = (name: string, row: ListRow): boolean =>
    name !== 'short_format' || 2026 - Math.floor(row.integer / 1e8) < 100;

  for (const row of LIST) {
    for (const [name, input] of spellings(row)) {
      const label = `${name} '${input}' is ${row.valid ? `valid ${row.type}` : 'invalid'}`;
      it(label, () => {
        const result = parseIdNumber(input, TODAY);
        expect(result.ok, errorOf(result) ?? '').toBe(row.valid);
        if (!result.ok) return;
        const kind = row.type === 'con' ? 'samordningsnummer' : 'personnummer';
        expect(result.value.kind).toBe(kind);
        // Skatteverket RV 2020.9: odd ninth digit = man, even = woman.
        expect(result.value.legalSexDigitOdd).toBe(row.isMale);
        expect(result.value.legalSexDigitOdd).toBe(!row.isFemale);
        if (fixesCentury(name, row)) expect(result.value.canonical).toBe(String(row.integer));
      });
    }
  }
});

describe("Skatteverket's test personnummer (open data 'Testpersonnummer')", () => {
  const SAMPLE_SIZE = 500;
  const step = Math.floor(SKATTEVERKET.length / SAMPLE_SIZE);
  const sample = Array.from({ length: SAMPLE_SIZE }, (_, i) => SKATTEVERKET[i * step] ?? '');
  // Always include both ends of the file: the oldest (1890) and the newest numbers.
  sample.push(SKATTEVERKET[0] ?? '', SKATTEVERKET[SKATTEVERKET.length - 1] ?? '');

  it('the file is the full list', () => {
    expect(SKATTEVERKET.length).toBeGreaterThan(40_000);
  });

  it(`${sample.length} rows spread over the file all parse as valid personnummer`, () => {
    for (const line of sample) {
      const value = parsed(line);
      expect(value.kind, line).toBe('personnummer');
      expect(value.canonical, line).toBe(line);
      expect(value.birthDate, line).toBe(`${line.slice(0, 4)}-${line.slice(4, 6)}-${line.slice(6, 8)}`);
    }
  });

  it('round-trips through both display forms, including the + form for those 100 or older', () => {
    for (const line of sample) {
      for (const shown of [formatIdNumber(line, 'personnummer'), formatIdNumberShort(line, 'personnummer', TODAY)]) {
        expect(parsed(shown).canonical, shown).toBe(line);
      }
    }
  });
});

describe('Skatteverket RV 2020.9 examples', () => {
  it("640823-3234: the check digit of 640823-323 is 4 (Skatteverket's worked example)", () => {
    expect(luhnCheckDigit('640823323')).toBe(4);
    expect(parsed('640823-3234')).toEqual({
      kind: 'personnummer',
      canonical: '196408233234',
      birthDate: '1964-08-23',
      legalSexDigitOdd: true,
    });
  });

  it('811218-9876 is a valid personnummer for a man born 1981-12-18', () => {
    expect(parsed('811218-9876')).toMatchObject({ canonical: '198112189876', birthDate: '1981-12-18', legalSexDigitOdd: true });
  });

  it('701063-2391 is the samordningsnummer of a man born 1970-10-03 (day + 60, SKVM 2010:3)', () => {
    expect(parsed('701063-2391')).toEqual({
      kind: 'samordningsnummer',
      canonical: '197010632391',
      birthDate: '1970-10-03',
      legalSexDigitOdd: true,
    });
  });
});

describe('parseIdNumber: accepted spellings (RV 2020.9)', () => {
  it.each([
    '196408233234',
    '6408233234',
    '640823-3234',
    '19640823-3234',
    '  640823-3234\t',
    '\u00a019640823-3234 ',
    '640823\u20133234', // en dash pasted from a word processor
  ])('%j → 196408233234', (input) => {
    expect(parsed(input).canonical).toBe('196408233234');
  });

  it("'-' on a 10-digit number: the latest century that does not put the birth date in the future", () => {
    expect(parsed(`261122-${luhnTail('261122', '002')}`, TODAY).birthDate).toBe('2026-11-22');
    expect(parsed(`261123-${luhnTail('261123', '002')}`, TODAY).birthDate).toBe('1926-11-23');
    // Samordningsnummer: the comparison uses the real day, not day + 60.
    expect(parsed(`261163-${luhnTail('261163', '002')}`, TODAY).birthDate).toBe('2026-11-03');
    expect(parsed(`261183-${luhnTail('261183', '002')}`, TODAY).birthDate).toBe('1926-11-23');
  });

  it("'+' on a 10-digit number: the person turns 100 or more this year", () => {
    expect(parsed(`261231+${luhnTail('261231', '002')}`, TODAY).birthDate).toBe('1926-12-31');
    expect(parsed(`270101+${luhnTail('270101', '002')}`, TODAY).birthDate).toBe('1827-01-01');
    expect(parsed('090527+1474', TODAY).canonical).toBe('190905271474');
  });

  it('the century depends on today', () => {
    const input = `250601-${luhnTail('250601', '002')}`;
    expect(parsed(input, new Date('2026-01-01T12:00:00Z')).birthDate).toBe('2025-06-01');
    expect(parsed(input, new Date('2025-05-31T12:00:00Z')).birthDate).toBe('1925-06-01');
  });

  it("today is the date in Sweden: 2026-11-22 23:30 UTC is already the 23rd in Stockholm", () => {
    const input = `261123-${luhnTail('261123', '002')}`;
    expect(parsed(input, new Date('2026-11-22T23:30:00Z')).birthDate).toBe('2026-11-23');
  });

  it('12 digits with + is accepted for someone who turns 100 this year or is older', () => {
    expect(parsed(`19261231+${luhnTail('261231', '002')}`, TODAY).birthDate).toBe('1926-12-31');
  });

  it('legalSexDigitOdd follows the ninth digit: even for a woman', () => {
    expect(parsed('901211-9948').legalSexDigitOdd).toBe(false);
  });
});

describe('parseIdNumber: rejected input, with a Swedish message saying what is wrong', () => {
  it.each<[string, string]>([
    ['', ID_ERRORS.empty],
    ['   ', ID_ERRORS.empty],
    ['hej', ID_ERRORS.format],
    ['640823 3234', ID_ERRORS.format],
    ['640823--3234', ID_ERRORS.format],
    ['6408-23-3234', ID_ERRORS.format],
    ['19640823-323', ID_ERRORS.digitCount],
    ['640823323', ID_ERRORS.digitCount],
    ['1964082332345', ID_ERRORS.digitCount],
    ['1964082332341234567890', ID_ERRORS.tooLong],
    ['x'.repeat(10_000), ID_ERRORS.tooLong],
    ['640823-3235', ID_ERRORS.checkDigit],
    ['196408233230', ID_ERRORS.checkDigit],
    ['19990230-0000', ID_ERRORS.noSuchDate], // 30 February
    ['19991301-0000', ID_ERRORS.noSuchDate], // month 13
    ['19990001-0000', ID_ERRORS.noSuchDate], // month 00
    ['19990100-0000', ID_ERRORS.dayRange], // day 00
    ['19990135-0000', ID_ERRORS.dayRange], // neither a pnr day nor a samnr day
    ['19990192-0000', ID_ERRORS.dayRange], // samnr day 92 = 32
    ['19990289-0000', ID_ERRORS.noSuchDate], // samnr for 29 February 1999
    ['19000229-0000', ID_ERRORS.noSuchDate], // 1900 was not a leap year
    ['20270101-0000', ID_ERRORS.future],
    ['17991231-0000', ID_ERRORS.tooOld],
    ['19901211+9948', ID_ERRORS.plusUnder100],
    ['201509160006', ID_ERRORS.birthNumberZero], // Luhn passes, but födelsenummer 000 is never issued
  ])('%j → %s', (input, error) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, error });
  });

  it('a valid date with a valid check digit is still refused when it lies in the future', () => {
    expect(errorOf(parseIdNumber(`20261123-${luhnTail('261123', '002')}`, TODAY))).toBe(ID_ERRORS.future);
  });

  it('every error message is Swedish prose, not a code', () => {
    for (const message of Object.values(ID_ERRORS)) expect(message).toMatch(/^[A-ZÅÄÖ][^_]+[a-zåäö0-9N]$/);
  });
});

describe('reservnummer (Socialstyrelsen termbank: correct birth date + at least one letter in the last four)', () => {
  it.each<[string, string]>([
    ['19800101-R123', '19800101R123'],
    ['19800101R123', '19800101R123'],
    ['19800101-r123', '19800101R123'],
    [' 19800101-tf10 ', '19800101TF10'], // IVO's ÅÅÅÅMMDD-TF10 style
    ['19800101-T123', '19800101T123'], // IVO's ÅÅÅÅMMDD-T123 style
    ['20100615-123K', '20100615123K'],
    ['19610311K059', '19610311K059'], // VGR style yyyymmddGggC (Inera Lokala ReservID)
    ['19800101-ABCD', '19800101ABCD'],
  ])('%j → %s', (input, canonical) => {
    expect(parsed(input)).toEqual({ kind: 'reservnummer', canonical, birthDate: `${canonical.slice(0, 4)}-${canonical.slice(4, 6)}-${canonical.slice(6, 8)}` });
  });

  it('is never confused with a personnummer: digits only is parsed (and checked) as a personnummer', () => {
    const tail = luhnTail('800101', '002');
    expect(parsed(`19800101-${tail}`).kind).toBe('personnummer');
    const wrongCheckDigit = `${tail.slice(0, 3)}${(Number(tail[3]) + 1) % 10}`;
    expect(errorOf(parseIdNumber(`19800101-${wrongCheckDigit}`, TODAY))).toBe(ID_ERRORS.checkDigit);
  });

  it.each<[string, string]>([
    ['19800230-R123', ID_ERRORS.noSuchDate],
    ['19800161-R123', ID_ERRORS.noSuchDate], // no day + 60 in a reservnummer
    ['20300101-R123', ID_ERRORS.future],
    ['800101-R123', ID_ERRORS.format], // the century must be written out
    ['19800101+R123', ID_ERRORS.format],
    ['19800101-R12', ID_ERRORS.format],
    ['19800101-R1234', ID_ERRORS.format],
    ['19800101-R1_3', ID_ERRORS.format],
    ['19800101-Å123', ID_ERRORS.format],
  ])('%j is refused: %s', (input, error) => {
    expect(errorOf(parseIdNumber(input, TODAY))).toBe(error);
  });

  it('has no legal sex digit', () => {
    expect(parsed('19800101-R123').legalSexDigitOdd).toBeUndefined();
  });
});

describe('formatIdNumber / formatIdNumberShort', () => {
  it.each<[string, 'personnummer' | 'samordningsnummer' | 'reservnummer', string]>([
    ['196408233234', 'personnummer', '19640823-3234'],
    ['197010632391', 'samordningsnummer', '19701063-2391'],
    ['190905271474', 'personnummer', '19090527-1474'], // 12 digits: always '-'
    ['19800101TF10', 'reservnummer', '19800101-TF10'],
  ])('long %s (%s) → %s', (canonical, kind, shown) => {
    expect(formatIdNumber(canonical, kind, TODAY)).toBe(shown);
  });

  it.each<[string, string, string]>([
    ['196408233234', '2026-11-22', '640823-3234'],
    ['190905271474', '2026-11-22', '090527+1474'],
    ['192612319999', '2025-12-31', '261231-9999'], // turns 100 in 2026 …
    ['192612319999', '2026-01-01', '261231+9999'], // … so '+' from 1 January that year (RV 2020.9)
  ])('short %s on %s → %s', (canonical, on, shown) => {
    expect(formatIdNumberShort(canonical, 'personnummer', new Date(`${on}T12:00:00Z`))).toBe(shown);
  });

  it('a reservnummer keeps its century in the short form too', () => {
    expect(formatIdNumberShort('19800101R123', 'reservnummer', TODAY)).toBe('19800101-R123');
  });

  it('a malformed stored value is shown unchanged rather than hidden', () => {
    expect(formatIdNumber('12345', 'personnummer')).toBe('12345');
    expect(formatIdNumberShort('12345', 'personnummer', TODAY)).toBe('12345');
  });
});

describe('ageOn (whole years)', () => {
  it.each<[string, string, number]>([
    ['2008-11-22', '2026-11-21', 17],
    ['2008-11-22', '2026-11-22', 18], // 18 on the birthday: no longer a child (3 kap. 1 § SoL)
    ['1926-12-31', '2026-12-30', 99],
    ['1926-12-31', '2026-12-31', 100],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2026-11-22', '2026-11-22', 0],
  ])('born %s, on %s → %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('refuses non-dates', () => {
    expect(() => ageOn('2000-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

/** Builds 'NNNC' for a 6-digit date and birth number, so tests can make valid numbers for any date. */
function luhnTail(yymmdd: string, birthNumber: string): string {
  return `${birthNumber}${luhnCheckDigit(yymmdd + birthNumber)}`;
}
