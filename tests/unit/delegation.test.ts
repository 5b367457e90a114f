// The delegationsordning as a rule: the nämnd may delegate a type of decision to a position
// (6 kap. 37 § kommunallagen 2017:725); a decision nobody is delegated stays with the nämnd.
import { describe, expect, it } from 'vitest';
import { authorityFor, authorityForAll, type Authority, type Decider, type DelegationRule } from '../../src/domain/delegation.ts';
import type { DecisionOutcome } from '../../src/domain/process/types.ts';
import { demoDelegations } from '../../src/server/dev/demo-delegations.ts';
import { nonDelegable } from '../../src/domain/delegation-limits.ts';
import { isDecisionType } from '../../src/domain/insatser.ts';

const AO = 'unit-aldreomsorg';
const FS = 'unit-funktionsstod';
const BU = 'unit-barn-och-unga';

const rule = (id: string, decisionType: string, level: DelegationRule['level'], outcomes: DecisionOutcome[], unitId: string | null = null): DelegationRule =>
  ({ id, decisionType, level, outcomes, unitId });

const RULES: DelegationRule[] = [
  rule('hemtjanst-hl', 'hemtjanst', 'handlaggare', ['bifall', 'delvis_bifall', 'avslag']),
  rule('sabo-hl', 'sarskilt_boende', 'handlaggare', ['bifall', 'delvis_bifall']),
  rule('sabo-al', 'sarskilt_boende', 'arbetsledare', ['avslag'], AO),
  rule('pa-al', 'lss_personlig_assistans', 'arbetsledare', ['bifall', 'delvis_bifall', 'avslag'], FS),
  rule('ledsagar-hl-fs', 'lss_ledsagarservice', 'handlaggare', ['bifall', 'delvis_bifall', 'avslag'], FS),
  rule('kf-al', 'kontaktfamilj', 'arbetsledare', ['bifall', 'delvis_bifall', 'avslag'], BU),
];

const handlaggare = (unitId: string | null): Decider => ({ role: 'handlaggare', unitId });
const arbetsledare = (unitId: string | null): Decider => ({ role: 'arbetsledare', unitId });

type Row = [string, Decider, string, DecisionOutcome, string, Authority['ok'], string | null, 'arbetsledare' | 'namnd' | null];

describe('authorityFor', () => {
  it.each<Row>([
    // name, decider, decision type, outcome, case unit, ok, rule used, proposal goes to
    ['handläggare with bifall delegation signs', handlaggare(AO), 'sarskilt_boende', 'bifall', AO, true, 'sabo-hl', null],
    ['handläggare with delvis bifall delegation signs', handlaggare(AO), 'sarskilt_boende', 'delvis_bifall', AO, true, 'sabo-hl', null],
    ['handläggare without avslag delegation proposes to arbetsledare', handlaggare(AO), 'sarskilt_boende', 'avslag', AO, false, null, 'arbetsledare'],
    ['arbetsledare with avslag delegation in own unit signs', arbetsledare(AO), 'sarskilt_boende', 'avslag', AO, true, 'sabo-al', null],
    ['nothing delegated (familjehem): handläggare proposes to the nämnd', handlaggare(BU), 'familjehem', 'bifall', BU, false, null, 'namnd'],
    ['nothing delegated (familjehem): arbetsledare proposes to the nämnd', arbetsledare(BU), 'familjehem', 'bifall', BU, false, null, 'namnd'],
    ['unknown decision type stays with the nämnd', arbetsledare(AO), 'okand_typ', 'bifall', AO, false, null, 'namnd'],
    ['handläggare-level rule for every unit holds anywhere', handlaggare(FS), 'hemtjanst', 'avslag', FS, true, 'hemtjanst-hl', null],
    ['arbetsledare takes handläggare-level decisions in own unit', arbetsledare(AO), 'hemtjanst', 'avslag', AO, true, 'hemtjanst-hl', null],
    ['arbetsledare takes handläggare-level decisions in own unit (bifall särskilt boende)', arbetsledare(AO), 'sarskilt_boende', 'bifall', AO, true, 'sabo-hl', null],
    ['arbetsledare of another unit is not the överordnad: goes to the case unit', arbetsledare(BU), 'hemtjanst', 'bifall', AO, false, null, 'arbetsledare'],
    ['unit-limited rule: holds in its unit', handlaggare(FS), 'lss_ledsagarservice', 'bifall', FS, true, 'ledsagar-hl-fs', null],
    ['unit-limited rule: not in another unit, nobody there holds it', handlaggare(AO), 'lss_ledsagarservice', 'bifall', AO, false, null, 'namnd'],
    ['unit-limited rule: handläggare of another unit on the rule\'s unit case goes to the arbetsledare', handlaggare(AO), 'lss_ledsagarservice', 'bifall', FS, false, null, 'arbetsledare'],
    ['unit-limited arbetsledare rule: LSS personlig assistans, arbetsledare in unit signs', arbetsledare(FS), 'lss_personlig_assistans', 'bifall', FS, true, 'pa-al', null],
    ['unit-limited arbetsledare rule: handläggare in the unit proposes to arbetsledare', handlaggare(FS), 'lss_personlig_assistans', 'avslag', FS, false, null, 'arbetsledare'],
    ['unit-limited arbetsledare rule: arbetsledare of another unit may not sign', arbetsledare(AO), 'lss_personlig_assistans', 'bifall', FS, false, null, 'arbetsledare'],
    ['unit-limited arbetsledare rule: case in an unlisted unit goes to the nämnd', arbetsledare(AO), 'sarskilt_boende', 'avslag', FS, false, null, 'namnd'],
    ['handläggare never takes an arbetsledare-level decision (kontaktfamilj)', handlaggare(BU), 'kontaktfamilj', 'bifall', BU, false, null, 'arbetsledare'],
  ])('%s', (_name, decider, type, outcome, caseUnit, ok, ruleId, proposeTo) => {
    const a = authorityFor(RULES, decider, type, outcome, caseUnit);
    expect(a.ok).toBe(ok);
    if (a.ok) expect(a.rule.id).toBe(ruleId);
    else {
      expect(a.proposeTo).toBe(proposeTo);
      expect(a.reason.length).toBeGreaterThan(20);
    }
  });

  it('says what to do, in Swedish, with the outcome in words', () => {
    const toSupervisor = authorityFor(RULES, handlaggare(AO), 'sarskilt_boende', 'avslag', AO);
    expect(toSupervisor.ok).toBe(false);
    if (!toSupervisor.ok) expect(toSupervisor.reason).toMatch(/avslag.*arbetsledaren/);
    const toBoard = authorityFor(RULES, handlaggare(BU), 'familjehem', 'delvis_bifall', BU);
    if (!toBoard.ok) expect(toBoard.reason).toMatch(/delvis bifall.*nämnden/);
  });

  it('an empty delegationsordning leaves every decision with the nämnd', () => {
    const a = authorityFor([], arbetsledare(AO), 'hemtjanst', 'bifall', AO);
    expect(a).toMatchObject({ ok: false, proposeTo: 'namnd' });
  });
});

describe('authorityForAll: several decisions signed together', () => {
  it('all within the delegation: signs, citing the first rule', () => {
    const a = authorityForAll(RULES, handlaggare(AO), [
      { decisionType: 'hemtjanst', outcome: 'bifall' }, { decisionType: 'sarskilt_boende', outcome: 'delvis_bifall' },
    ], AO);
    expect(a).toMatchObject({ ok: true, rule: { id: 'hemtjanst-hl' } });
  });

  it('one outside the handläggare\'s delegation: the whole proposal goes to the arbetsledare', () => {
    const a = authorityForAll(RULES, handlaggare(AO), [
      { decisionType: 'hemtjanst', outcome: 'bifall' }, { decisionType: 'sarskilt_boende', outcome: 'avslag' },
    ], AO);
    expect(a).toMatchObject({ ok: false, proposeTo: 'arbetsledare' });
  });

  it('the arbetsledare can sign that same set in own unit', () => {
    const a = authorityForAll(RULES, arbetsledare(AO), [
      { decisionType: 'hemtjanst', outcome: 'bifall' }, { decisionType: 'sarskilt_boende', outcome: 'avslag' },
    ], AO);
    expect(a.ok).toBe(true);
  });

  it('one needing the nämnd sends the whole proposal there, whatever its position in the list', () => {
    const needsBoth = [
      { decisionType: 'sarskilt_boende', outcome: 'avslag' as const }, // arbetsledare
      { decisionType: 'familjehem', outcome: 'bifall' as const }, // nämnd
    ];
    expect(authorityForAll(RULES, handlaggare(AO), needsBoth, AO)).toMatchObject({ ok: false, proposeTo: 'namnd' });
    expect(authorityForAll(RULES, handlaggare(AO), [...needsBoth].reverse(), AO)).toMatchObject({ ok: false, proposeTo: 'namnd' });
  });

  it('nothing to decide is refused', () => {
    const a = authorityForAll(RULES, arbetsledare(AO), [], AO);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toMatch(/inget beslutsförslag/);
  });
});

describe('the demo delegationsordning', () => {
  const units = { aldreomsorg: AO, funktionsstod: FS, ifo: BU };
  const rows = demoDelegations(1, units);
  const rules: DelegationRule[] = rows.map((r) => ({ id: r.id, decisionType: r.decisionType, level: r.level, outcomes: r.outcomes, unitId: r.unitId }));

  it('uses only catalogue decision types the law lets the nämnd delegate, with deterministic ids', () => {
    for (const r of rows) {
      expect(isDecisionType(r.decisionType), r.decisionType).toBe(true);
      expect(nonDelegable(r.decisionType), r.decisionType).toBeNull();
      expect(r.outcomes.length).toBeGreaterThan(0);
      expect(r.municipalityId).toBe(1);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(demoDelegations(1, units).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(demoDelegations(2, units).map((r) => r.id)).not.toEqual(rows.map((r) => r.id));
  });

  it('a municipality with one unit for äldreomsorg and funktionsstöd gets one rule per type, position and unit', () => {
    const merged = demoDelegations(2, { aldreomsorg: AO, funktionsstod: AO, ifo: BU });
    const keys = merged.map((r) => `${r.decisionType}|${r.level}|${r.unitId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(merged.map((r) => r.id)).size).toBe(merged.length);
    expect(merged.filter((r) => r.decisionType === 'sarskilt_boende' && r.level === 'arbetsledare')).toEqual([
      expect.objectContaining({ unitId: AO, outcomes: ['avslag'] }),
    ]);
  });

  it.each<[string, Decider, string, DecisionOutcome, string, boolean | 'arbetsledare' | 'namnd']>([
    ['biståndshandläggare grants hemtjänst', handlaggare(AO), 'hemtjanst', 'bifall', AO, true],
    ['biståndshandläggare denies trygghetslarm', handlaggare(AO), 'trygghetslarm', 'avslag', AO, true],
    ['biståndshandläggare denies korttidsvistelse', handlaggare(AO), 'korttidsvistelse', 'avslag', AO, true],
    ['biståndshandläggare grants särskilt boende', handlaggare(AO), 'sarskilt_boende', 'bifall', AO, true],
    ['särskilt boende avslag: only the enhetschef', handlaggare(AO), 'sarskilt_boende', 'avslag', AO, 'arbetsledare'],
    ['enhetschef denies särskilt boende', arbetsledare(AO), 'sarskilt_boende', 'avslag', AO, true],
    ['LSS-handläggare grants boendestöd', handlaggare(FS), 'boendestod', 'bifall', FS, true],
    ['LSS-handläggare grants kontaktperson', handlaggare(FS), 'kontaktperson_sol', 'bifall', FS, true],
    ['LSS personlig assistans: only arbetsledare', handlaggare(FS), 'lss_personlig_assistans', 'bifall', FS, 'arbetsledare'],
    ['LSS personlig assistans: arbetsledare of the unit', arbetsledare(FS), 'lss_personlig_assistans', 'avslag', FS, true],
    ['försörjningsstöd: socialsekreterare, avslag too', handlaggare('unit-eb'), 'forsorjningsstod', 'avslag', 'unit-eb', true],
    ['barn: the socialsekreterare opens an investigation', handlaggare(BU), 'inleda_utredning_barn', 'bifall', BU, true],
    ['barn: not opening one is the 1:e socialsekreterare\'s', handlaggare(BU), 'inte_inleda_utredning_barn', 'bifall', BU, 'arbetsledare'],
    ['barn: 1:e socialsekreterare decides not to open', arbetsledare(BU), 'inte_inleda_utredning_barn', 'bifall', BU, true],
    ['barn: 1:e socialsekreterare extends the investigation', arbetsledare(BU), 'forlanga_barnutredning', 'bifall', BU, true],
    ['barn: kontaktfamilj is the 1:e socialsekreterare\'s', handlaggare(BU), 'kontaktfamilj', 'bifall', BU, 'arbetsledare'],
    ['barn: kontaktperson is the 1:e socialsekreterare\'s', handlaggare(BU), 'kontaktperson_sol', 'bifall', BU, 'arbetsledare'],
    ['barn: familjehem goes to the nämnd (utskott)', arbetsledare(BU), 'familjehem', 'bifall', BU, 'namnd'],
    ['barn: HVB goes to the nämnd (utskott)', arbetsledare(BU), 'hvb', 'bifall', BU, 'namnd'],
  ])('%s', (_name, decider, type, outcome, caseUnit, expected) => {
    const a = authorityFor(rules, decider, type, outcome, caseUnit);
    if (expected === true) expect(a.ok).toBe(true);
    else expect(a).toMatchObject({ ok: false, proposeTo: expected });
  });
});
