// The beställning's life as a table: every step from every status, for each side. The decision is
// verkställt when the provider reports the start (34 kap. 2 § SoL); an interruption is reported
// and can be resumed (34 kap. 1 § andra stycket SoL).
import { describe, expect, it } from 'vitest';
import { checkOrderStep, ORDER_TRANSITIONS, orderStepsFor, type OrderSide, type OrderStatus, type OrderStep } from '../../src/domain/verkstallighet';

const STATUSES: OrderStatus[] = ['skickad', 'accepterad', 'pagaende', 'avbruten', 'avslutad', 'returnerad'];
const STEPS: OrderStep[] = ['acceptera', 'returnera', 'paborja', 'avbryt', 'ateruppta', 'avsluta'];
const SIDES: OrderSide[] = ['myndighet', 'utforare'];
const full = { date: '2026-11-23', reason: 'Skäl' };

// [from, step, side] → to; everything not listed is refused
const ALLOWED: Array<[OrderStatus, OrderStep, OrderSide, OrderStatus]> = [
  ['skickad', 'acceptera', 'utforare', 'accepterad'],
  ['skickad', 'returnera', 'utforare', 'returnerad'],
  ['accepterad', 'paborja', 'utforare', 'pagaende'],
  ['pagaende', 'avbryt', 'utforare', 'avbruten'],
  ['pagaende', 'avbryt', 'myndighet', 'avbruten'],
  ['avbruten', 'ateruppta', 'utforare', 'pagaende'],
  ['avbruten', 'ateruppta', 'myndighet', 'pagaende'],
  ...(['skickad', 'accepterad', 'pagaende', 'avbruten'] as const).flatMap((s) => SIDES.map((side) => [s, 'avsluta', side, 'avslutad'] as [OrderStatus, OrderStep, OrderSide, OrderStatus])),
];

describe('the beställning machine', () => {
  for (const status of STATUSES) for (const step of STEPS) for (const side of SIDES) {
    const hit = ALLOWED.find(([f, s, by]) => f === status && s === step && by === side);
    it(`${side}: ${step} from ${status} ${hit ? `→ ${hit[3]}` : 'is refused'}`, () => {
      const r = checkOrderStep(status, step, side, full);
      if (hit) expect(r).toEqual({ ok: true, to: hit[3] });
      else expect(r).toMatchObject({ ok: false, reason: expect.any(String) });
    });
  }

  it('a closed or returned order takes no step', () => {
    for (const side of SIDES) {
      expect(orderStepsFor('avslutad', side)).toEqual([]);
      expect(orderStepsFor('returnerad', side)).toEqual([]);
    }
  });

  it('asks for what the step records: a start date, a reason to return', () => {
    expect(checkOrderStep('accepterad', 'paborja', 'utforare', {})).toEqual({ ok: false, reason: 'Ange datum.' });
    expect(checkOrderStep('skickad', 'returnera', 'utforare', { reason: '  ' })).toEqual({ ok: false, reason: 'Ange skäl.' });
    expect(checkOrderStep('pagaende', 'avbryt', 'utforare', { date: '2026-11-23' })).toEqual({ ok: false, reason: 'Ange skäl.' });
  });

  it('says who takes a step the other side tried', () => {
    expect(checkOrderStep('skickad', 'acceptera', 'myndighet', full)).toEqual({ ok: false, reason: 'Det steget rapporterar utföraren.' });
  });

  it('declares each step once', () => {
    expect(new Set(ORDER_TRANSITIONS.map((t) => t.step)).size).toBe(ORDER_TRANSITIONS.length);
  });
});
