// Ej verkställda beslut (domain.md 1.3.4): 34 kap. 1 § SoL — a gynnande decision under 11 kap. 1 §
// or 12 kap. 1 § SoL not verkställt within three months of the decision, or interrupted and not
// resumed within three months, is reported to IVO each quarter; 28 f–h §§ LSS in parallel for 9 § LSS.
import { describe, expect, it } from 'vitest';
import {
  evbFinding, evbLaw, ivoCsv, ivoRow, ivoWindow, quarterOf, quarterRange, reportingQuarter, sexFromIdNumber, IVO_COLUMNS,
  type EvbDecisionFacts,
} from '../../src/domain/evb.ts';

const granted = (over: Partial<EvbDecisionFacts> = {}): EvbDecisionFacts => ({
  legalBasis: 'SoL2025:11:1', status: 'fattat', outcome: 'bifall', decidedOn: '2026-08-15', validTo: null, caseClosed: false, orders: [], ...over,
});

describe('evbLaw: only decisions under 11 kap. 1 §, 12 kap. 1 § SoL and 9 § LSS count (34 kap. 1 § SoL; 28 f § LSS)', () => {
  it.each([
    ['SoL2025:11:1', 'SoL'], ['SoL2025:12:1', 'SoL'], ['LSS:9:2', 'LSS'], ['LSS:9:10', 'LSS'],
    ['SoL2025:20:2', null], ['SoL2025:11:3', null], ['LSS:7:1', null], ['LSS:9:11', null], ['', null],
  ] as const)('%s → %s', (basis, law) => expect(evbLaw(basis)).toBe(law));
});

describe('ej verkställt: more than three months after the decision, never started (34 kap. 1 § första stycket SoL)', () => {
  it.each([
    // decided_on, as of, reportable? — three calendar months ends on the same day number (lag 1930:173)
    ['2026-08-15', '2026-11-15', false, 'the last day of the three months is not yet late'],
    ['2026-08-15', '2026-11-16', true, 'the day after the three months is late'],
    ['2026-11-30', '2027-02-28', false, 'month end: 30 Nov + 3 months = 28 Feb (no 30 Feb)'],
    ['2026-11-30', '2027-03-01', true, 'month end: reportable from 1 March'],
    ['2027-11-30', '2028-02-29', false, 'leap year: 30 Nov + 3 months = 29 Feb'],
    ['2027-11-30', '2028-03-01', true, 'leap year: reportable from 1 March'],
    ['2026-05-31', '2026-08-31', false, '31 May + 3 months = 31 Aug'],
    ['2026-05-31', '2026-09-01', true, ''],
  ] as const)('decided %s, as of %s → %s (%s)', (decidedOn, asOf, reportable, _why) => {
    const f = evbFinding(granted({ decidedOn }), asOf);
    expect(f !== null).toBe(reportable);
    if (f) expect(f).toMatchObject({ kind: 'ej_verkstallt', law: 'SoL', since: decidedOn });
  });

  it('counts the days since the decision and gives the last day', () => {
    expect(evbFinding(granted({ decidedOn: '2026-11-30' }), '2027-03-10')).toEqual({
      kind: 'ej_verkstallt', law: 'SoL', since: '2026-11-30', lastDay: '2027-02-28', daysSince: 100,
    });
  });

  it.each([
    ['an order that is sent or accepted but not started still counts', [{ status: 'accepterad', startedOn: null, interruptedOn: null }], true],
    ['a returned order still counts', [{ status: 'returnerad', startedOn: null, interruptedOn: null }], true],
    ['a reported start makes it verkställt (34 kap. 2 § SoL)', [{ status: 'pagaende', startedOn: '2026-12-01', interruptedOn: null }], false],
    ['a start after the as-of day is not yet verkställt', [{ status: 'pagaende', startedOn: '2027-01-10', interruptedOn: null }], true],
  ] as const)('%s', (_label, orders, reportable) => {
    expect(evbFinding(granted({ decidedOn: '2026-08-15', orders: orders as unknown as EvbDecisionFacts['orders'] }), '2026-12-31') !== null).toBe(reportable);
  });

  it.each([
    ['an avslag is not a gynnande beslut', { outcome: 'avslag' as const }],
    ['a draft or proposal is not a decision', { status: 'forslag' }],
    ['a decision under another paragraph', { legalBasis: 'SoL2025:20:2' }],
    ['a decision whose period ended', { validTo: '2026-12-01' }],
    ['a closed case (the decision ended or was declined)', { caseClosed: true }],
  ])('not reportable: %s', (_label, over) => {
    expect(evbFinding(granted({ decidedOn: '2026-01-10', ...over }), '2026-12-31')).toBeNull();
  });

  it('an LSS decision under 9 § counts in parallel (28 f § LSS)', () => {
    expect(evbFinding(granted({ legalBasis: 'LSS:9:10' }), '2026-12-31')).toMatchObject({ kind: 'ej_verkstallt', law: 'LSS' });
  });

  it('12 kap. 1 § SoL (ekonomiskt bistånd) counts as well', () => {
    expect(evbFinding(granted({ legalBasis: 'SoL2025:12:1', outcome: 'delvis_bifall' }), '2026-12-31')).toMatchObject({ law: 'SoL' });
  });
});

describe('avbrott: interrupted and not resumed within three months (34 kap. 1 § andra stycket SoL)', () => {
  const interrupted = (interruptedOn: string) => granted({ decidedOn: '2026-01-10', orders: [{ status: 'avbruten', startedOn: '2026-01-20', interruptedOn }] });
  it.each([
    ['2026-08-31', '2026-11-30', false],
    ['2026-08-31', '2026-12-01', true],
    ['2026-11-30', '2027-02-28', false],
    ['2026-11-30', '2027-03-01', true],
  ] as const)('interrupted %s, as of %s → %s', (on, asOf, reportable) => {
    const f = evbFinding(interrupted(on), asOf);
    expect(f !== null).toBe(reportable);
    if (f) expect(f).toMatchObject({ kind: 'avbrott', since: on });
  });

  it('a resumed order (pågående again) is not an avbrott', () => {
    expect(evbFinding(granted({ decidedOn: '2026-01-10', orders: [{ status: 'pagaende', startedOn: '2026-01-20', interruptedOn: null }] }), '2026-12-31')).toBeNull();
  });

  it('an interruption while another order for the decision runs is not an avbrott', () => {
    expect(evbFinding(granted({ decidedOn: '2026-01-10', orders: [
      { status: 'avbruten', startedOn: '2026-01-20', interruptedOn: '2026-02-01' },
      { status: 'pagaende', startedOn: '2026-03-01', interruptedOn: null },
    ] }), '2026-12-31')).toBeNull();
  });

  it('an ended order after a start is neither ej verkställt nor avbrott (verkställt, then ended)', () => {
    expect(evbFinding(granted({ decidedOn: '2026-01-10', orders: [{ status: 'avslutad', startedOn: '2026-01-20', interruptedOn: null }] }), '2026-12-31')).toBeNull();
  });
});

describe('quarters and IVO reporting windows (IVO practice, the 2019 windows in domain.md 1.3.4)', () => {
  it.each([
    ['2026-01-01', '2026Q1'], ['2026-03-31', '2026Q1'], ['2026-04-01', '2026Q2'], ['2026-09-30', '2026Q3'], ['2026-10-01', '2026Q4'], ['2026-12-31', '2026Q4'],
  ])('%s is in %s', (date, q) => expect(quarterOf(date)).toBe(q));

  it.each([
    ['2026Q1', '2026-04-01', '2026-04-30'],
    ['2026Q2', '2026-07-01', '2026-08-31'],
    ['2026Q3', '2026-10-01', '2026-10-31'],
    ['2026Q4', '2027-01-01', '2027-01-31'],
  ])('%s is reported %s–%s', (q, from, to) => expect(ivoWindow(q)).toEqual({ from, to }));

  it.each([
    ['2026Q1', '2026-01-01', '2026-03-31'], ['2026Q2', '2026-04-01', '2026-06-30'], ['2026Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs %s–%s', (q, from, to) => expect(quarterRange(q)).toEqual({ from, to }));

  it.each([
    ['2026-11-23', '2026Q4', 'outside any window: the current quarter'],
    ['2027-01-15', '2026Q4', 'in January the Q4 window is open'],
    ['2027-02-01', '2027Q1', 'after the Q4 window'],
    ['2026-08-31', '2026Q2', 'last day of the Q2 window'],
    ['2026-10-31', '2026Q3', 'October is the Q3 window'],
    ['2026-04-30', '2026Q1', 'April is the Q1 window'],
  ])('a report made %s belongs to %s (%s)', (today, q) => expect(reportingQuarter(today)).toBe(q));
});

describe('the individrapport row and file', () => {
  it('kön from the personnummer: the second-to-last digit, odd = man (Skatteverket)', () => {
    expect(sexFromIdNumber('194201077098')).toBe('man');
    expect(sexFromIdNumber('192901029088')).toBe('kvinna');
  });

  it('has the fields of domain.md: kommun, nämnd, lagrum, insats, beslutsdatum, avbrottsdatum, kön, födelseår, skäl, kvartal; no name, no address', () => {
    const row = ivoRow({
      municipality: 'Demo kommun', board: 'Socialnämnden', law: 'SoL', legalBasis: 'SoL2025:11:1', insats: 'Särskilt boende för äldre', decidedOn: '2026-07-24',
      kind: 'ej_verkstallt', interruptedOn: null, idNumber: '194201077098', birthDate: '1942-01-07', protectedIdentity: false,
      reason: 'Ingen ledig plats; erbjuden plats avböjd.', quarter: '2026Q4', daysSince: 122,
    });
    expect(Object.fromEntries(IVO_COLUMNS.map((c, i) => [c, row[i]]))).toEqual({
      Kvartal: '2026Q4', Kommun: 'Demo kommun', Nämnd: 'Socialnämnden', Lag: 'SoL', 'Lagrum för beslutet': '11 kap. 1 § SoL', Insats: 'Särskilt boende för äldre',
      'Typ av rapport': 'Ej verkställt beslut', Beslutsdatum: '2026-07-24', Avbrottsdatum: '', 'Dagar sedan beslut eller avbrott': '122',
      Kön: 'Man', Födelseår: '1942', 'Skyddad identitet': 'Nej', 'Skäl till dröjsmålet': 'Ingen ledig plats; erbjuden plats avböjd.',
    });
  });

  it('flags protected identity and writes LSS paragraphs as 9 § n LSS', () => {
    const row = ivoRow({
      municipality: 'K', board: 'N', law: 'LSS', legalBasis: 'LSS:9:10', insats: 'Daglig verksamhet', decidedOn: '2026-01-01', kind: 'avbrott',
      interruptedOn: '2026-05-01', idNumber: '192901029088', birthDate: '1929-01-02', protectedIdentity: true, reason: null, quarter: '2026Q3', daysSince: 130,
    });
    expect(row[IVO_COLUMNS.indexOf('Lagrum för beslutet')]).toBe('9 § 10 LSS');
    expect(row[IVO_COLUMNS.indexOf('Typ av rapport')]).toBe('Avbrott i verkställigheten');
    expect(row[IVO_COLUMNS.indexOf('Avbrottsdatum')]).toBe('2026-05-01');
    expect(row[IVO_COLUMNS.indexOf('Skyddad identitet')]).toBe('Ja');
    expect(row[IVO_COLUMNS.indexOf('Kön')]).toBe('Kvinna');
  });

  it('writes a semicolon-separated UTF-8 file with BOM and quotes cells that need it', () => {
    const csv = ivoCsv([['2026Q4', 'Demo kommun', 'Socialnämnden', 'SoL', '11 kap. 1 § SoL', 'Hemtjänst', 'Ej verkställt beslut', '2026-07-24', '', '122', 'Man', '1942', 'Nej', 'Brist på personal; "akut"']]);
    expect(csv.startsWith('\uFEFFKvartal;Kommun;Nämnd;Lag;')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('"Brist på personal; ""akut"""')).toBe(true);
  });
});
