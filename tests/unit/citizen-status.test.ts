// The citizen's view of a case: status and steps in plain Swedish, and what a guardian may see as
// the child grows (FB 6 kap. 2 §; SoL 21 kap. 1 §; OSL 12 kap. 3 §; domain.md 1.3.2 and 1.8).
import { describe, expect, it } from 'vitest';
import {
  CHILD_OWN_MATTERS_FROM_AGE, CITIZEN_STATUS_SV, citizenMaySeeCase, citizenStatus, guardianMaySeeCase, guardianWithholdsAll, ombudMaySeeCase,
} from '../../src/domain/citizen-status.ts';
import { STATUSES } from '../../src/domain/process/types.ts';

describe('citizenStatus', () => {
  it('names every status in plain words', () => {
    expect(STATUSES.map((s) => CITIZEN_STATUS_SV[s])).toEqual([
      'Registrerat', 'Vi bedömer om vi ska utreda', 'Under utredning', 'Beslut fattat', 'Insatsen pågår', 'Vi följer upp', 'Avslutat',
    ]);
  });

  it('an application under investigation: registered is done, investigation ongoing, the rest to come', () => {
    const s = citizenStatus('bistand_ansokan', 'utredning');
    expect(s.label).toBe('Under utredning');
    expect(s.next).toMatch(/beslut/i);
    expect(s.steps.map((x) => [x.key, x.state])).toEqual([
      ['aktualiserad', 'klar'], ['utredning', 'pagar'], ['beslut', 'kommer'], ['verkstallighet', 'kommer'], ['avslutad', 'kommer'],
    ]);
  });

  it('an orosanmälan has the förhandsbedömning step (20 kap. 2 § SoL, 14 days)', () => {
    const s = citizenStatus('barn_anmalan', 'forhandsbedomning');
    expect(s.steps.map((x) => x.key)).toEqual(['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'avslutad']);
    expect(s.steps[1]!.state).toBe('pagar');
    expect(s.next).toMatch(/14 dagar/);
  });

  it('after an avslag the next step is the party’s own: an appeal (44 § FL), nothing is put in place', () => {
    expect(citizenStatus('bistand_ansokan', 'beslut', { anyGranted: false }).next).toMatch(/överklaga/);
    expect(citizenStatus('bistand_ansokan', 'beslut', { anyGranted: true }).next).toMatch(/sätts igång/);
  });

  it('uppföljning shows only while the case is in it; a closed case has every shown step done and no next step', () => {
    expect(citizenStatus('bistand_ansokan', 'uppfoljning').steps.map((x) => x.key)).toContain('uppfoljning');
    const closed = citizenStatus('bistand_ansokan', 'avslutad');
    expect(closed.steps.every((x) => x.state === 'klar')).toBe(true);
    expect(closed.next).toBeNull();
  });
});

describe('what a vårdnadshavare sees of a child', () => {
  const barn = { area: 'barn_och_unga' as const };
  it('sees a young child’s cases', () => {
    expect(guardianMaySeeCase(10, barn)).toEqual({ visible: true });
    expect(guardianMaySeeCase(14, barn)).toEqual({ visible: true });
    expect(guardianWithholdsAll(14)).toBeNull();
  });
  it('from 15 the child’s matters are the child’s own (SoL 21 kap. 1 §, OSL 12 kap. 3 §)', () => {
    expect(CHILD_OWN_MATTERS_FROM_AGE).toBe(15);
    expect(guardianMaySeeCase(15, barn)).toEqual({ visible: false, reason: 'barnets_egna' });
    expect(guardianWithholdsAll(17)).toBe('barnets_egna');
  });
  it('custody ends at 18 (FB 6 kap. 2 §)', () => {
    expect(guardianMaySeeCase(18, barn)).toEqual({ visible: false, reason: 'myndig' });
    expect(guardianWithholdsAll(18)).toBe('myndig');
  });
  it('never a case about violence in close relationships (OSL 12 kap. 3 §: harm to the child)', () => {
    expect(guardianMaySeeCase(8, { area: 'vald_i_nara_relationer' })).toEqual({ visible: false, reason: 'skyddat_arende' });
  });
});

describe('cases withheld from the guardians and the fullmakt’s areas', () => {
  // OSL 12 kap. 3 §: after a secrecy review the handläggare withholds one case from the guardians.
  it.each([
    ['vardnadshavare_anmald', false], ['lvu', false], ['menprovning', false], [null, true],
  ] as const)('a 10-year-old’s case withheld for %s is visible to the guardian: %s', (reason, visible) => {
    expect(guardianMaySeeCase(10, { area: 'barn_och_unga', withheldFromGuardians: reason }).visible).toBe(visible);
  });

  // FL 14 §: an ombud acts within the fullmakt; the municipality registers the areas it covers.
  it.each([
    [null, 'ekonomiskt_bistand', true],
    [[], 'ekonomiskt_bistand', true],
    [['aldreomsorg'], 'aldreomsorg', true],
    [['aldreomsorg'], 'ekonomiskt_bistand', false],
    [['aldreomsorg', 'ekonomiskt_bistand'], 'ekonomiskt_bistand', true],
  ] as const)('a fullmakt for %j covers a case in %s: %s', (areas, area, visible) => {
    expect(ombudMaySeeCase(areas, { area })).toBe(visible);
  });

  it('one rule for every relation: self sees everything, a guardian and an ombud within their limits', () => {
    const withheld = { area: 'barn_och_unga' as const, withheldFromGuardians: 'lvu' as const };
    expect(citizenMaySeeCase({ relation: 'self', personAge: 16, fullmaktAreas: null }, withheld)).toBe(true);
    expect(citizenMaySeeCase({ relation: 'vardnadshavare', personAge: 9, fullmaktAreas: null }, withheld)).toBe(false);
    expect(citizenMaySeeCase({ relation: 'vardnadshavare', personAge: 9, fullmaktAreas: null }, { area: 'barn_och_unga' })).toBe(true);
    expect(citizenMaySeeCase({ relation: 'ombud', personAge: 88, fullmaktAreas: ['aldreomsorg'] }, { area: 'aldreomsorg' })).toBe(true);
    expect(citizenMaySeeCase({ relation: 'ombud', personAge: 88, fullmaktAreas: ['aldreomsorg'] }, { area: 'vuxen' })).toBe(false);
  });
});
