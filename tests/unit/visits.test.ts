// Visits and performed time from the field staff's phone: the rules the server applies to each
// queued device action (documentation of genomförandet, 6 kap. SOSFS 2014:5; 14 kap. SoL).
import { describe, expect, it } from 'vitest';
import {
  checkVisitAction, clockSv, performedMinutes, statusAfter, stockholmInstant, swedishDay, type VisitState,
} from '../../src/domain/visits';
import { demoVisits } from '../../src/server/dev/demo-visits';
import { buildDemoData, demoUuid } from '../../src/server/dev/demo-data';

const ME = 'me-0000';
const planned: VisitState = { status: 'planerad', staffUserId: ME, plannedStart: '2026-11-23T07:00:00.000Z', checkedInAt: null, checkedOutAt: null };
const NOW = new Date('2026-11-23T12:00:00.000Z');

describe('performedMinutes', () => {
  it('is the minutes from check-in to check-out, rounded', () => {
    expect(performedMinutes('2026-11-23T07:00:00Z', '2026-11-23T07:45:00Z')).toBe(45);
    expect(performedMinutes('2026-11-23T07:00:00Z', '2026-11-23T07:45:29Z')).toBe(45);
    expect(performedMinutes('2026-11-23T07:00:00Z', '2026-11-23T07:45:31Z')).toBe(46);
    expect(performedMinutes(new Date('2026-11-23T07:00:00Z'), new Date('2026-11-23T09:00:00Z'))).toBe(120);
  });
  it('is null until both times exist, and never negative', () => {
    expect(performedMinutes('2026-11-23T07:00:00Z', null)).toBeNull();
    expect(performedMinutes(null, '2026-11-23T07:00:00Z')).toBeNull();
    expect(performedMinutes('2026-11-23T08:00:00Z', '2026-11-23T07:00:00Z')).toBeNull();
  });
});

describe('checkVisitAction', () => {
  const checkin = { kind: 'checkin' as const, at: '2026-11-23T07:02:00.000Z' };
  const checkout = { kind: 'checkout' as const, at: '2026-11-23T07:50:00.000Z' };

  it('accepts check-in on a planned visit, then check-out after it, and a note', () => {
    expect(checkVisitAction(planned, checkin, ME, NOW)).toEqual({ ok: true });
    const inside = { ...planned, status: 'pagaende' as const, checkedInAt: checkin.at };
    expect(checkVisitAction(inside, checkout, ME, NOW)).toEqual({ ok: true });
    expect(checkVisitAction(inside, { kind: 'note', at: checkout.at, note: 'Gösta mådde bra.' }, ME, NOW)).toEqual({ ok: true });
  });

  it('refuses a check-out before check-in, with a reason that says what to do', () => {
    const r = checkVisitAction(planned, checkout, ME, NOW);
    expect(r).toMatchObject({ ok: false, code: 'not-checked-in' });
    expect(!r.ok && r.reason).toMatch(/Checka in först/);
  });

  it('refuses a check-out earlier than the check-in (a phone clock gone wrong)', () => {
    const inside = { ...planned, status: 'pagaende' as const, checkedInAt: '2026-11-23T08:00:00.000Z' };
    const r = checkVisitAction(inside, { kind: 'checkout', at: '2026-11-23T07:30:00.000Z' }, ME, NOW);
    expect(r).toMatchObject({ ok: false, code: 'out-before-in' });
    expect(!r.ok && r.reason).toContain('08:30'); // shown in Swedish time (CET)
    expect(!r.ok && r.reason).toContain('09:00');
  });

  it('refuses any action on a cancelled visit', () => {
    const cancelled = { ...planned, status: 'installt' as const };
    for (const a of [checkin, checkout, { kind: 'note' as const, at: checkin.at, note: 'x' }]) {
      expect(checkVisitAction(cancelled, a, ME, NOW)).toMatchObject({ ok: false, code: 'cancelled' });
    }
  });

  it('refuses a second check-in or check-out made by another device, naming the time the server has', () => {
    const done = { ...planned, status: 'utford' as const, checkedInAt: '2026-11-23T07:01:00.000Z', checkedOutAt: '2026-11-23T07:40:00.000Z' };
    const a = checkVisitAction(done, checkin, ME, NOW);
    expect(a).toMatchObject({ ok: false, code: 'already-checked-in' });
    expect(!a.ok && a.reason).toContain('08:01');
    const b = checkVisitAction(done, checkout, ME, NOW);
    expect(b).toMatchObject({ ok: false, code: 'already-checked-out' });
    expect(!b.ok && b.reason).toContain('08:40');
  });

  it("refuses someone else's visit, times in the future, another day and an empty note", () => {
    expect(checkVisitAction(planned, checkin, 'someone-else', NOW)).toMatchObject({ ok: false, code: 'not-yours' });
    expect(checkVisitAction({ ...planned, staffUserId: null }, checkin, ME, NOW)).toMatchObject({ ok: false, code: 'not-yours' });
    expect(checkVisitAction(planned, { kind: 'checkin', at: '2026-11-23T12:10:00.000Z' }, ME, NOW)).toMatchObject({ ok: false, code: 'in-the-future' });
    expect(checkVisitAction(planned, { kind: 'checkin', at: '2026-11-23T12:04:00.000Z' }, ME, NOW)).toEqual({ ok: true }); // within clock skew
    expect(checkVisitAction(planned, { kind: 'checkin', at: '2026-11-22T07:00:00.000Z' }, ME, NOW)).toMatchObject({ ok: false, code: 'other-day' });
    expect(checkVisitAction(planned, { kind: 'note', at: checkin.at, note: '   ' }, ME, NOW)).toMatchObject({ ok: false, code: 'empty-note' });
    expect(checkVisitAction(planned, { kind: 'checkin', at: 'not a time' }, ME, NOW)).toMatchObject({ ok: false, code: 'invalid-time' });
  });

  it('moves the status: check-in → pågår, check-out → utförd, a note leaves it', () => {
    expect(statusAfter(planned, 'checkin')).toBe('pagaende');
    expect(statusAfter({ status: 'pagaende' }, 'checkout')).toBe('utford');
    expect(statusAfter({ status: 'pagaende' }, 'note')).toBe('pagaende');
  });
});

describe('Swedish time', () => {
  it('turns a wall-clock time on a day into the right instant in winter and summer', () => {
    expect(stockholmInstant('2026-11-23', '08:00').toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(stockholmInstant('2026-07-01', '08:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(stockholmInstant('2026-03-29', '12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z'); // DST starts 02:00 that day
  });
  it('gives the Swedish day and clock of an instant', () => {
    expect(swedishDay('2026-11-23T23:30:00Z')).toBe('2026-11-24');
    expect(clockSv('2026-11-23T07:05:00Z')).toBe('08:05');
  });
});

describe('demo visits', () => {
  it("are today's visits for Fatima and Erik (p1) and Mikael (p2), each on a real demo order, in Swedish time", () => {
    const rows = demoVisits('2026-11-23');
    const staff = new Set(rows.map((r) => r.staffUserId));
    expect(staff).toEqual(new Set(['fatima', 'erik', 'mikael'].map((k) => demoUuid(`1:staff:${k}`))));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(swedishDay(r.plannedStart)).toBe('2026-11-23');
    expect(rows.find((r) => r.staffUserId === demoUuid('1:staff:fatima'))!.plannedStart).toBe('2026-11-23T06:30:00.000Z');
    const data = buildDemoData('2026-11-23');
    for (const r of rows) {
      const order = data.orders.find((o) => o.id === r.orderId);
      const staffer = data.staffUsers.find((s) => s.id === r.staffUserId)!;
      expect(order, r.id).toBeDefined();
      expect(order!.status).toBe('pagaende');
      expect(order!.providerId).toBe(staffer.providerId);
    }
  });
});
