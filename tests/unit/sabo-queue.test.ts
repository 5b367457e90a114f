// Kön till särskilt boende: a granted decision under 11 kap. 1 § SoL for särskilt boende that has
// no started beställning waits for a place; the queue runs by decision day (earliest first, then
// when the decision was recorded). Three months after the decision without a place, the municipality
// reports to IVO (34 kap. 1 § SoL, formerly 16 kap. 6 f § SoL 2001:453).
import { describe, expect, it } from 'vitest';
import { isWaitingForPlace, saboPlace, saboQueue, type SaboDecisionFacts } from '../../src/domain/sabo-queue.ts';

const TODAY = '2026-11-20';
const d = (decisionId: string, over: Partial<SaboDecisionFacts> = {}): SaboDecisionFacts => ({
  decisionId, insatsKey: 'sarskilt_boende', status: 'fattat', outcome: 'bifall', decidedOn: '2026-09-01',
  createdAt: '2026-09-01T12:00:00Z', validTo: null, caseClosed: false, startedOn: [], ...over,
});

describe('who waits for a place (11 kap. 1 § SoL, not yet verkställt: 34 kap. 2 § SoL)', () => {
  it.each([
    ['a granted decision without an order', {}, true],
    ['delvis bifall also waits', { outcome: 'delvis_bifall' as const }, true],
    ['an order sent or accepted but not started still waits', { startedOn: [null] }, true],
    ['an avslag does not wait', { outcome: 'avslag' as const }, false],
    ['a draft decision does not wait', { status: 'utkast' }, false],
    ['a proposal to the nämnd does not wait', { status: 'forslag' }, false],
    ['another insats (hemtjänst) has no queue', { insatsKey: 'hemtjanst' }, false],
    ['a decision without a catalogue insats has no queue', { insatsKey: null }, false],
    ['moved in (start reported) no longer waits', { startedOn: ['2026-10-01'] }, false],
    ['a start reported for a later day still waits today', { startedOn: ['2026-12-01'] }, true],
    ['a closed case no longer waits', { caseClosed: true }, false],
    ['an ended decision no longer waits', { validTo: '2026-11-19' }, false],
    ['a decision valid through today still waits', { validTo: TODAY }, true],
    ['a decision dated in the future is not in the queue yet', { decidedOn: '2026-11-21' }, false],
  ])('%s', (_label, over, waiting) => {
    expect(isWaitingForPlace(d('x', over), TODAY)).toBe(waiting);
  });
});

describe('queue order: decision day first, then when it was recorded', () => {
  const all = [
    d('late', { decidedOn: '2026-10-15' }),
    d('early', { decidedOn: '2026-08-02' }),
    d('same-day-later', { decidedOn: '2026-09-01', createdAt: '2026-09-01T15:00:00Z' }),
    d('same-day-earlier', { decidedOn: '2026-09-01', createdAt: '2026-09-01T08:00:00Z' }),
    d('moved-in', { decidedOn: '2026-07-01', startedOn: ['2026-08-01'] }),
    d('refused', { decidedOn: '2026-06-01', outcome: 'avslag' }),
    d('hemtjanst', { decidedOn: '2026-06-01', insatsKey: 'hemtjanst' }),
  ];

  it('orders the waiting decisions and leaves the others out', () => {
    expect(saboQueue(all, TODAY).map((x) => x.decisionId)).toEqual(['early', 'same-day-earlier', 'same-day-later', 'late']);
  });

  it('does not depend on the order the rows came in', () => {
    expect(saboQueue([...all].reverse(), TODAY).map((x) => x.decisionId)).toEqual(['early', 'same-day-earlier', 'same-day-later', 'late']);
  });

  it('breaks a full tie by id, so two equal rows always get the same places', () => {
    const tie = [d('b'), d('a')];
    expect(saboQueue(tie, TODAY).map((x) => x.decisionId)).toEqual(['a', 'b']);
  });

  it('gives the place as the count ahead plus one', () => {
    expect(saboPlace(all, 'early', TODAY)).toMatchObject({ position: 1, ahead: 0 });
    expect(saboPlace(all, 'same-day-later', TODAY)).toMatchObject({ position: 3, ahead: 2 });
    expect(saboPlace(all, 'late', TODAY)).toMatchObject({ position: 4, ahead: 3 });
  });

  it('someone ahead moving in moves everyone after them up one place', () => {
    const after = all.map((x) => (x.decisionId === 'early' ? { ...x, startedOn: ['2026-11-18'] } : x));
    expect(saboPlace(after, 'late', TODAY)).toMatchObject({ position: 3, ahead: 2 });
    expect(saboPlace(after, 'early', TODAY)).toBeNull();
  });

  it('is null for a decision that is not waiting', () => {
    expect(saboPlace(all, 'moved-in', TODAY)).toBeNull();
    expect(saboPlace(all, 'refused', TODAY)).toBeNull();
    expect(saboPlace(all, 'nobody', TODAY)).toBeNull();
  });
});

describe('time waited and the three months before IVO (34 kap. 1 § SoL)', () => {
  it('counts days since the decision and gives the last day of the three months', () => {
    const p = saboPlace([d('x', { decidedOn: '2026-09-01' })], 'x', TODAY)!;
    expect(p.daysWaited).toBe(80);
    expect(p.ivoReportAfter).toBe('2026-12-01');
    expect(p.overThreeMonths).toBe(false);
  });

  it('is not over three months on the last day, but is the day after', () => {
    expect(saboPlace([d('x', { decidedOn: '2026-08-20' })], 'x', '2026-11-20')!.overThreeMonths).toBe(false);
    expect(saboPlace([d('x', { decidedOn: '2026-08-20' })], 'x', '2026-11-21')!.overThreeMonths).toBe(true);
  });

  it('uses calendar months at a month end (30 Nov + 3 months = 28 Feb)', () => {
    const p = saboPlace([d('x', { decidedOn: '2026-11-30' })], 'x', '2027-03-01')!;
    expect(p.ivoReportAfter).toBe('2027-02-28');
    expect(p.overThreeMonths).toBe(true);
  });
});
