// Decisions the law keeps from officials: LVU decisions may be delegated only to an utskott of the
// nämnd, with the chair deciding in urgent cases (30 kap. 7 § och 12 § SoL 2025:400; domain.md 1.5).
import { describe, expect, it } from 'vitest';
import { NON_DELEGABLE, nonDelegable, nonDelegableReason } from '../../src/domain/delegation-limits.ts';
import { decisionTypes, isDecisionType } from '../../src/domain/insatser.ts';

describe('nonDelegable', () => {
  it.each([
    ['lvu_ansokan_vard', '4 § LVU'],
    ['lvu_omedelbart_omhandertagande', '6 § LVU'],
    ['lvu_upphorande_vard', '21 § LVU'],
    ['lvm_ansokan_vard', '11 § LVM'],
  ])('%s is for the nämnd or its utskott only (%s)', (key, basis) => {
    const d = nonDelegable(key);
    expect(d).not.toBeNull();
    expect(d!.decisionBasis).toBe(basis);
    expect(d!.restriction).toMatch(/30 kap\./);
  });

  it('the LVU decisions cite 30 kap. 7 § och 12 § SoL (2025:400)', () => {
    for (const d of NON_DELEGABLE.filter((x) => x.key.startsWith('lvu_'))) {
      expect(d.restriction).toBe('30 kap. 7 § och 12 § socialtjänstlagen (2025:400)');
    }
  });

  it.each(['hemtjanst', 'sarskilt_boende', 'forsorjningsstod', 'lss_personlig_assistans', 'inleda_utredning_barn'])(
    '%s may be delegated', (key) => {
      expect(nonDelegable(key)).toBeNull();
    });

  it('placements in familjehem and HVB under SoL are the municipality\'s choice, not barred by law', () => {
    // A municipality may keep them with the utskott in its delegationsordning; the law does not.
    expect(nonDelegable('familjehem')).toBeNull();
    expect(nonDelegable('hvb')).toBeNull();
  });

  it('answers null for unknown and empty keys', () => {
    expect(nonDelegable('')).toBeNull();
    expect(nonDelegable('LVU_ANSOKAN_VARD')).toBeNull();
    expect(nonDelegable('toString')).toBeNull();
  });

  it('no catalogue decision type is non-delegable (the catalogue offers only delegable ones)', () => {
    for (const t of decisionTypes()) expect(nonDelegable(t.key), t.key).toBeNull();
    for (const d of NON_DELEGABLE) expect(isDecisionType(d.key), d.key).toBe(false);
  });

  it('keys are unique', () => {
    expect(new Set(NON_DELEGABLE.map((d) => d.key)).size).toBe(NON_DELEGABLE.length);
  });

  it('the refusal says why and what to do, in Swedish', () => {
    const text = nonDelegableReason(nonDelegable('lvu_ansokan_vard')!);
    expect(text).toContain('Ansökan hos förvaltningsrätten om vård enligt LVU (4 § LVU)');
    expect(text).toContain('får inte delegeras till en tjänsteman');
    expect(text).toContain('30 kap. 7 § och 12 § socialtjänstlagen (2025:400)');
    expect(text).toMatch(/nämnden eller dess utskott/);
    expect(text).toMatch(/ta bort regeln eller välj en annan beslutstyp/);
  });
});
