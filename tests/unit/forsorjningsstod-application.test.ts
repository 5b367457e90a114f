// Ansökan om försörjningsstöd (src/domain/forsorjningsstod-application.ts): the content read from a
// draft, the Swedish validation that names each field and says what to fix, the sums, and the next
// month's application copied from the previous one (12 kap. 1 och 7 §§ SoL; domain.md §3.3).
import { describe, expect, it } from 'vitest';
import {
  addMonthsToMonth, contentFrom, describeApplication, formatKronor, monthLabel, monthsOpenFor, nextMonthFrom, parseKronor, sums,
  validateApplication, type ApplicationContent, type Child,
} from '../../src/domain/forsorjningsstod-application';

const TODAY = '2026-03-14';
// Skatteverket test personnummer (Daniel and Linda Sundberg in the demo data).
const LINDA = '198701022389';
const DANIEL = '198501012390';

/** A complete application for Daniel and his sambo Linda with one child living there every other week. */
const complete: ApplicationContent = {
  month: '2026-03',
  household: {
    livesWithPartner: true,
    coApplicant: { relation: 'sambo', personnummer: '19870102-2389' },
    children: [{ id: 'a', firstName: 'Alva', age: 7, livesHerePercent: 50 }],
  },
  incomes: [
    { who: 'applicant', kind: 'a_kassa', amount: 9_800 },
    { who: 'co_applicant', kind: 'lon', amount: 6_450 },
    { who: 'applicant', kind: 'underhallsstod_barnbidrag', amount: 1_250 },
  ],
  costs: [
    { kind: 'hyra', amount: 8_900 },
    { kind: 'el', amount: 450 },
    { kind: 'hemforsakring', amount: 180 },
    { kind: 'lakarvard_medicin', amount: 300 },
    { kind: 'ovrigt', amount: 500, note: 'Glasögon' },
  ],
  assets: { bank: { has: true, text: 'Lönekonto, 1 200 kr' }, vehicle: { has: false }, other: { has: false } },
  otherInfo: 'Linda börjar nytt jobb i april.',
};

const paths = (c: ApplicationContent, ctx = {}) => validateApplication(c, { today: TODAY, ...ctx }).map((e) => e.path);
const message = (c: ApplicationContent, path: string, ctx = {}) => validateApplication(c, { today: TODAY, ...ctx }).find((e) => e.path === path)?.message;
const withHousehold = (patch: Partial<NonNullable<ApplicationContent['household']>>): ApplicationContent => ({ ...complete, household: { ...complete.household, ...patch } });

describe('validateApplication', () => {
  it('accepts a complete application', () => {
    expect(validateApplication(complete, { today: TODAY, applicantIdNumber: DANIEL })).toEqual([]);
  });

  it('an empty application names every question that must be answered', () => {
    expect(paths({})).toEqual([
      'body/month', 'body/household/livesWithPartner', 'body/assets/bank/has', 'body/assets/vehicle/has', 'body/assets/other/has',
    ]);
    expect(message({}, 'body/month')).toBe('Välj vilken månad du söker försörjningsstöd för.');
  });

  it.each([
    ['2026-04', true, 'next month'],
    ['2026-03', true, 'this month'],
    ['2025-12', true, 'three months back'],
    ['2025-11', false, 'four months back'],
    ['2026-05', false, 'two months ahead'],
  ])('month %s is open: %s (%s)', (month, open) => {
    expect(paths({ ...complete, month }).includes('body/month')).toBe(!open);
  });

  it('says which months are open and whom to ask for another', () => {
    expect(message({ ...complete, month: '2025-01' }, 'body/month')).toBe('Här kan du söka för december 2025 till april 2026. Kontakta din handläggare om du behöver söka för en annan månad.');
  });

  it.each<[string, Partial<NonNullable<ApplicationContent['household']>>, string, RegExp]>([
    ['no relation chosen', { coApplicant: { personnummer: LINDA } }, 'body/household/coApplicant/relation', /gifta, registrerade partner eller sambor/],
    ['no personnummer', { coApplicant: { relation: 'sambo' } }, 'body/household/coApplicant/personnummer', /Skriv personnumret för din make/],
    ['wrong check digit', { coApplicant: { relation: 'sambo', personnummer: '19870102-2388' } }, 'body/household/coApplicant/personnummer', /Kontrollsiffran stämmer inte\. Skriv numret som ÅÅÅÅMMDD-NNNN/],
    ['a reservnummer', { coApplicant: { relation: 'make_maka', personnummer: '19870102-K123' } }, 'body/household/coApplicant/personnummer', /personnummer eller samordningsnummer/],
  ])('co-applicant: %s', (_label, patch, path, text) => {
    expect(message(withHousehold(patch), path)).toMatch(text);
  });

  it('the applicant cannot name themself as co-applicant', () => {
    const c = withHousehold({ coApplicant: { relation: 'sambo', personnummer: '19850101-2390' } });
    expect(message(c, 'body/household/coApplicant/personnummer', { applicantIdNumber: DANIEL })).toMatch(/ditt eget personnummer/);
  });

  it('a single applicant needs no co-applicant, but may not list a partner’s income', () => {
    const single: ApplicationContent = { ...complete, household: { livesWithPartner: false, children: [] } };
    expect(paths(single)).toEqual(['body/incomes/1/who']);
    expect(message(single, 'body/incomes/1/who')).toMatch(/Ta bort lön för din make, maka eller sambo/);
  });

  it.each<[string, Partial<Child>, string, RegExp]>([
    ['no name', { firstName: ' ' }, 'firstName', /Skriv förnamnet på barn 1/],
    ['no age', { age: null }, 'age', /Skriv hur gammalt Alva är/],
    ['too old', { age: 21 }, 'age', /0–20 år/],
    ['not a whole year', { age: 7.5 }, 'age', /0–20 år/],
    ['no share of time', { livesHerePercent: undefined }, 'livesHerePercent', /hur mycket Alva bor hos dig/],
    ['0 %', { livesHerePercent: 0 }, 'livesHerePercent', /1 till 100 \(varannan vecka är 50\)/],
  ])('a child: %s', (_label, patch, field, text) => {
    const c = withHousehold({ children: [{ ...complete.household!.children![0]!, ...patch }] });
    expect(message(c, `body/household/children/0/${field}`)).toMatch(text);
  });

  it.each<[string, ApplicationContent['incomes'], string, RegExp]>([
    ['amount missing', [{ who: 'applicant', kind: 'lon', amount: null }], 'body/incomes/0/amount', /Skriv hur mycket du får i lön under månaden, i hela kronor/],
    ['partner amount missing', [{ who: 'co_applicant', kind: 'a_kassa' }], 'body/incomes/0/amount', /din make, maka eller sambo får i ersättning från a-kassan/],
    ['öre', [{ who: 'applicant', kind: 'lon', amount: 100.5 }], 'body/incomes/0/amount', /hela kronor, 0–1\s000\s000\skr/],
    ['negative', [{ who: 'applicant', kind: 'pension', amount: -5 }], 'body/incomes/0/amount', /hela kronor/],
    ['other without what', [{ who: 'applicant', kind: 'ovrigt', amount: 100 }], 'body/incomes/0/note', /Skriv vad den andra inkomsten är/],
    ['twice', [{ who: 'applicant', kind: 'lon', amount: 1 }, { who: 'applicant', kind: 'lon', amount: 2 }], 'body/incomes/1/kind', /två gånger för samma person/],
  ])('incomes: %s', (_label, incomes, path, text) => {
    expect(message({ ...complete, incomes }, path)).toMatch(text);
  });

  it('the same income kind for each partner is fine', () => {
    expect(paths({ ...complete, incomes: [{ who: 'applicant', kind: 'lon', amount: 1 }, { who: 'co_applicant', kind: 'lon', amount: 2 }] })).toEqual([]);
  });

  it.each<[string, ApplicationContent['costs'], string, RegExp]>([
    ['amount missing', [{ kind: 'hyra' }], 'body/costs/0/amount', /Skriv hur mycket hyra eller boendekostnad kostar/],
    ['too large', [{ kind: 'el', amount: 2_000_000 }], 'body/costs/0/amount', /hela kronor/],
    ['other without what', [{ kind: 'ovrigt', amount: 10 }], 'body/costs/0/note', /Skriv vad den andra kostnaden är/],
    ['twice', [{ kind: 'el', amount: 1 }, { kind: 'el', amount: 2 }], 'body/costs/1/kind', /två gånger/],
  ])('costs: %s', (_label, costs, path, text) => {
    expect(message({ ...complete, costs }, path)).toMatch(text);
  });

  it.each<[string, ApplicationContent['assets'], string, RegExp]>([
    ['bank not answered', { vehicle: { has: false }, other: { has: false } }, 'body/assets/bank/has', /pengar på bankkonton/],
    ['a car without what', { bank: { has: false }, vehicle: { has: true, text: '' }, other: { has: false } }, 'body/assets/vehicle/text', /vilket fordon/],
  ])('assets: %s', (_label, assets, path, text) => {
    expect(message({ ...complete, assets }, path)).toMatch(text);
  });
});

describe('sums', () => {
  it('adds incomes per person and costs; a missing amount counts as 0', () => {
    expect(sums(complete)).toEqual({ income: { applicant: 11_050, co_applicant: 6_450 }, incomeTotal: 17_500, costTotal: 10_330, costRecurring: 9_530 });
    expect(sums({ incomes: [{ who: 'applicant', kind: 'lon', amount: null }], costs: [{ kind: 'hyra' }] })).toEqual({
      income: { applicant: 0, co_applicant: 0 }, incomeTotal: 0, costTotal: 0, costRecurring: 0,
    });
  });
});

describe('nextMonthFrom', () => {
  const next = nextMonthFrom(complete);

  it('is for the month after, unless another month is given', () => {
    expect(next.month).toBe('2026-04');
    expect(nextMonthFrom({ ...complete, month: '2026-12' }).month).toBe('2027-01');
    expect(nextMonthFrom(complete, '2026-06').month).toBe('2026-06');
  });

  it('copies the household: partner and children', () => {
    expect(next.household).toEqual(complete.household);
    expect(next.household).not.toBe(complete.household);
  });

  it('copies the recurring costs with their amounts and drops the one-off ones', () => {
    expect(next.costs).toEqual([{ kind: 'hyra', amount: 8_900 }, { kind: 'el', amount: 450 }, { kind: 'hemforsakring', amount: 180 }]);
  });

  it('keeps the income sources, with amounts only where a decision fixes them', () => {
    expect(next.incomes).toEqual([
      { who: 'applicant', kind: 'a_kassa', amount: null },
      { who: 'co_applicant', kind: 'lon', amount: null },
      { who: 'applicant', kind: 'underhallsstod_barnbidrag', amount: 1_250 },
    ]);
  });

  it('clears assets and övrigt, so they are answered again', () => {
    expect(next.assets).toBeUndefined();
    expect(next.otherInfo).toBeUndefined();
    expect(paths(next)).toEqual(expect.arrayContaining(['body/incomes/0/amount', 'body/incomes/1/amount', 'body/assets/bank/has']));
    expect(paths(next)).not.toContain('body/costs/0/amount');
  });

  it('a single applicant’s next month has no partner income', () => {
    const single = nextMonthFrom({ ...complete, household: { livesWithPartner: false } });
    expect(single.household).toEqual({ livesWithPartner: false, children: [] });
    expect(single.incomes!.map((r) => r.who)).toEqual(['applicant', 'applicant']);
  });
});

describe('contentFrom (a saved draft)', () => {
  it('keeps known fields, drops unknown kinds and wrong types, keeps half-filled rows', () => {
    const raw = {
      _key: 'x', _step: 3, month: '2026-3', household: { livesWithPartner: 'yes', children: [{ firstName: 'Alva', age: '7' }, 5] },
      incomes: [{ who: 'applicant', kind: 'lon' }, { who: 'boss', kind: 'lon', amount: 1 }, { who: 'applicant', kind: 'lotto', amount: 1 }],
      costs: [{ kind: 'hyra', amount: 100, note: 7 }], assets: { bank: { has: true, text: 'x' }, car: {} }, otherInfo: 'hej',
    };
    expect(contentFrom(raw)).toEqual({
      household: { children: [{ id: 'barn-1', firstName: 'Alva' }] },
      incomes: [{ who: 'applicant', kind: 'lon' }],
      costs: [{ kind: 'hyra', amount: 100 }],
      assets: { bank: { has: true, text: 'x' } },
      otherInfo: 'hej',
    });
    expect(contentFrom(null)).toEqual({});
    expect(contentFrom(complete)).toEqual(complete);
  });
});

describe('amounts and months', () => {
  it.each<[string, number | null | 'invalid']>([
    ['12 500', 12_500], ['12500 kr', 12_500], ['12 500:-', 12_500], ['12500,00', 12_500], ['12.500', 12_500], ['0', 0], ['', null], ['  ', null],
    ['12,50', 'invalid'], ['-100', 'invalid'], ['tolv', 'invalid'], ['1e5', 'invalid'],
  ])('parseKronor(%j) = %j', (input, expected) => {
    expect(parseKronor(input)).toBe(expected);
  });

  it('formats whole kronor the Swedish way', () => {
    expect(formatKronor(12_500)).toBe('12\u00a0500\u00a0kr');
    expect(formatKronor(0)).toBe('0\u00a0kr');
  });

  it('counts months across the new year and names them', () => {
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToMonth('2025-11', 14)).toBe('2027-01');
    expect(monthLabel('2026-03')).toBe('mars 2026');
    expect(monthLabel('2026-03', 'en')).toBe('March 2026');
    expect(monthsOpenFor('2026-01-31')).toEqual(['2026-02', '2026-01', '2025-12', '2025-11', '2025-10']);
  });
});

describe('describeApplication', () => {
  it('is a readable text with the figures and sums for the case', () => {
    const text = describeApplication(complete, { applicantName: 'Daniel Sundberg', coApplicantName: 'Linda Sundberg' });
    expect(text).toContain('för mars 2026');
    expect(text).toContain('Medsökande (sambo): Linda Sundberg, som har bekräftat ansökan med e-legitimation.');
    expect(text).toContain('Barn i hushållet: Alva 7 år (bor här 50 % av tiden).');
    expect(text).toContain('- Lön (medsökande): 6\u00a0450\u00a0kr');
    expect(text).toContain('Summa inkomster: 17\u00a0500\u00a0kr');
    expect(text).toContain('- Annan kostnad (Glasögon): 500\u00a0kr');
    expect(text).toContain('- Pengar på bankkonton: ja, Lönekonto, 1 200 kr');
    expect(text).toContain('Övrigt:\nLinda börjar nytt jobb i april.');
  });
});
