import { describe, it, expect } from 'vitest';
import { CaseStatus } from '../../src/shared/api';
import { addDays } from '../../src/domain/deadlines';
import { formatDateSv } from '../../src/domain/format';
import { allowedSteps, check, findTransition } from '../../src/domain/process/engine';
import { MACHINES, REOPEN_REFUSAL } from '../../src/domain/process/machines';
import {
  CASE_TYPES,
  STATUSES,
  STEPS,
  type CaseFacts,
  type CaseType,
  type DecisionOutcome,
  type Kommunicering,
  type Status,
  type Step,
} from '../../src/domain/process/types';

const TODAY = '2026-03-16';
const RECEIVED = '2026-03-02';

function facts(status: Status, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status,
    receivedOn: RECEIVED,
    skyddsbedomningRecorded: false,
    forhandsbedomningOutcome: null,
    investigationExists: false,
    decision: null,
    kommunicering: null,
    allGrantedInsatserEnded: false,
    closingReason: null,
    closedOn: status === 'avslutad' ? TODAY : null,
    today: TODAY,
    ...overrides,
  };
}

// Every combination of the facts that guards look at, for the exhaustive matrix below.
const DECISIONS: CaseFacts['decision'][] = [
  null,
  ...(['bifall', 'delvis_bifall', 'avslag'] as DecisionOutcome[]).flatMap((outcome) => [
    { outcome, signed: false },
    { outcome, signed: true },
  ]),
];
const KOMMUNICERINGAR: (Kommunicering | null)[] = [
  null,
  { sentOn: addDays(TODAY, -3), replyBy: addDays(TODAY, 7) }, // reply time running
  { sentOn: addDays(TODAY, -10), replyBy: TODAY }, // last day to reply
  { sentOn: addDays(TODAY, -14), replyBy: addDays(TODAY, -1) }, // reply time passed
  { sentOn: addDays(TODAY, -3), replyBy: addDays(TODAY, 7), replyReceivedOn: addDays(TODAY, -1) },
  { sentOn: null, replyBy: null, exceptionReason: 'Avgörandet kan inte skjutas upp' },
  { sentOn: addDays(TODAY, -3), replyBy: addDays(TODAY, 7), exceptionReason: 'Avgörandet kan inte skjutas upp' },
];

function scenarios(status: Status): CaseFacts[] {
  const out: CaseFacts[] = [];
  for (const skyddsbedomningRecorded of [false, true])
    for (const forhandsbedomningOutcome of [null, 'inleda', 'inte_inleda'] as const)
      for (const investigationExists of [false, true])
        for (const decision of DECISIONS)
          for (const kommunicering of KOMMUNICERINGAR)
            for (const allGrantedInsatserEnded of [false, true])
              for (const closingReason of [null, 'Insatsen har upphört'])
                out.push(
                  facts(status, {
                    skyddsbedomningRecorded,
                    forhandsbedomningOutcome,
                    investigationExists,
                    decision,
                    kommunicering,
                    allGrantedInsatserEnded,
                    closingReason,
                  }),
                );
  return out;
}

const SCENARIOS = new Map(STATUSES.map((s) => [s, scenarios(s)] as const));

describe('declarations', () => {
  it('the statuses are those of cases.status / api.ts CaseStatus', () => {
    expect([...STATUSES]).toEqual((CaseStatus as unknown as { enum: string[] }).enum);
  });

  it.each(CASE_TYPES)('%s: transitions stay within the declared states, one per (status, step)', (type) => {
    const machine = MACHINES[type];
    expect(machine.states).toContain(machine.initial);
    expect(machine.states).toContain('avslutad');
    for (const t of machine.transitions) {
      for (const from of t.from) expect(machine.states).toContain(from);
      if (t.to !== 'stay') expect(machine.states).toContain(t.to);
      expect(t.from).not.toContain('avslutad');
      expect(t.step).not.toBe('ateroppna');
      expect(t.legalBasis).toMatch(/§|SOSFS/);
      for (const g of t.guards) expect(g.legalBasis).toMatch(/§|SOSFS/);
    }
    for (const status of machine.states)
      for (const step of STEPS) {
        const matching = machine.transitions.filter((t) => t.step === step && t.from.includes(status));
        expect(matching.length).toBeLessThanOrEqual(1);
      }
  });

  it.each(CASE_TYPES)('%s: every non-closed state has a way forward and avslutad is reachable', (type) => {
    const machine = MACHINES[type];
    const reachable = new Set<Status>([machine.initial]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of machine.transitions)
        if (t.to !== 'stay' && t.from.some((s) => reachable.has(s)) && !reachable.has(t.to)) {
          reachable.add(t.to);
          grew = true;
        }
    }
    expect([...reachable].sort()).toEqual([...machine.states].sort());
    for (const status of machine.states.filter((s) => s !== 'avslutad'))
      expect(machine.transitions.some((t) => t.from.includes(status) && t.to !== 'stay')).toBe(true);
  });
});

// Every case type × every status × every step, over every combination of facts: either the pair
// is declared and check agrees exactly with its guards, or it is refused with a reason; and a step
// is in allowedSteps iff check says ok.
describe.each(CASE_TYPES)('matrix: %s', (type: CaseType) => {
  // allowedSteps per scenario, computed once per case type and status.
  const allowed = new Map<Status, Step[][]>();
  const allowedFor = (status: Status): Step[][] => {
    let list = allowed.get(status);
    if (!list) {
      list = (SCENARIOS.get(status) ?? []).map((f) => allowedSteps(type, f));
      allowed.set(status, list);
    }
    return list;
  };
  const cells = STATUSES.flatMap((status) => STEPS.map((step) => [status, step] as [Status, Step]));
  it.each(cells)('%s × %s', (status, step) => {
    const t = findTransition(type, status, step);
    const declared = t !== undefined && MACHINES[type].states.includes(status);
    const offered = allowedFor(status);
    const scenarioList = SCENARIOS.get(status) ?? [];
    // Plain comparisons in the loop (about two thousand fact combinations per cell); the first
    // disagreement is reported with its facts.
    const problems: string[] = [];
    let okCount = 0;
    scenarioList.forEach((f, i) => {
      const result = check(type, f, step);
      const expected: string = (() => {
        if (!declared) return 'refused';
        const failing = t.guards.find((g) => !g.holds(f));
        if (failing) return `refused: ${failing.reason(f)} [${failing.legalBasis}]`;
        return `ok → ${t.to === 'stay' ? status : t.to} ${t.startsDeadlines.join(',')}`;
      })();
      const actual = result.ok
        ? `ok → ${result.to} ${result.startsDeadlines.join(',')}`
        : declared
          ? `refused: ${result.reason} [${result.legalBasis}]`
          : result.reason.length > 20
            ? 'refused'
            : `refused without a proper reason: '${result.reason}'`;
      if (result.ok) okCount++;
      if (actual !== expected) problems.push(`${JSON.stringify(f)}: expected ${expected}, got ${actual}`);
      if ((offered[i]?.includes(step) ?? false) !== result.ok) problems.push(`${JSON.stringify(f)}: allowedSteps and check disagree`);
    });
    expect(problems.slice(0, 3)).toEqual([]);
    // A declared step must be takeable when its guards hold; an undeclared one never is.
    if (declared) expect(okCount).toBeGreaterThan(0);
    else expect(okCount).toBe(0);
  });
});

describe('named rules from the law', () => {
  const draft = (outcome: DecisionOutcome, signed = false) => ({ outcome, signed });

  it.each(CASE_TYPES)('14 kap. 2 § SoL / 23 § FL: %s — beslut utan utredning vägras', (type) => {
    const noInvestigation = check(type, facts('utredning', { decision: draft('bifall') }), 'fatta_beslut');
    expect(noInvestigation).toMatchObject({ ok: false, reason: expect.stringContaining('utredning') });
    if (!noInvestigation.ok) expect(noInvestigation.legalBasis).toMatch(/23 § FL/);
    const fromAktualiserad = check(type, facts('aktualiserad', { decision: draft('bifall') }), 'fatta_beslut');
    expect(fromAktualiserad.ok).toBe(false);
    expect(check(type, facts('utredning', { investigationExists: true, decision: draft('bifall') }), 'fatta_beslut')).toEqual({
      ok: true,
      to: 'beslut',
      startsDeadlines: ['overklagande'],
    });
  });

  it('31–32 §§ FL: beslut utan beslutsförslag vägras', () => {
    const r = check('bistand_ansokan', facts('utredning', { investigationExists: true }), 'fatta_beslut');
    expect(r).toMatchObject({ ok: false, legalBasis: '31–32 §§ FL' });
  });

  describe.each(CASE_TYPES)('25 § FL kommunikation: %s', (type) => {
    const base = { investigationExists: true, decision: draft('avslag') };

    it('avslag utan kommunicering vägras', () => {
      const r = check(type, facts('utredning', base), 'fatta_beslut');
      expect(r).toMatchObject({ ok: false, legalBasis: '25 § FL', reason: expect.stringContaining('Kommunicera') });
    });

    it('delvis bifall går också parten emot', () => {
      expect(check(type, facts('utredning', { ...base, decision: draft('delvis_bifall') }), 'fatta_beslut').ok).toBe(false);
    });

    it('bifall kräver inte kommunicering (25 § andra stycket 1 FL)', () => {
      expect(check(type, facts('utredning', { ...base, decision: draft('bifall') }), 'fatta_beslut').ok).toBe(true);
    });

    it('beslut inom svarstiden vägras, även på sista svarsdagen', () => {
      for (const replyBy of [addDays(TODAY, 7), TODAY]) {
        const k = { sentOn: addDays(TODAY, -7), replyBy };
        const r = check(type, facts('utredning', { ...base, kommunicering: k }), 'fatta_beslut');
        // the reason names the last reply day as a Swedish reads it: "till och med 7 december 2026"
        expect(r).toMatchObject({ ok: false, legalBasis: '25 § FL', reason: expect.stringContaining(`till och med ${formatDateSv(replyBy, 'long')}`) });
      }
    });

    it('beslut efter svarstiden, eller när svaret har kommit in, tillåts', () => {
      const passed = { sentOn: addDays(TODAY, -14), replyBy: addDays(TODAY, -1) };
      expect(check(type, facts('utredning', { ...base, kommunicering: passed }), 'fatta_beslut').ok).toBe(true);
      const replied = { sentOn: addDays(TODAY, -3), replyBy: addDays(TODAY, 7), replyReceivedOn: TODAY };
      expect(check(type, facts('utredning', { ...base, kommunicering: replied }), 'fatta_beslut').ok).toBe(true);
    });

    it('25 § andra stycket FL: med registrerat skäl för undantag tillåts beslut inom svarstiden', () => {
      const running = { sentOn: addDays(TODAY, -3), replyBy: addDays(TODAY, 7), exceptionReason: 'Avgörandet kan inte skjutas upp' };
      expect(check(type, facts('utredning', { ...base, kommunicering: running }), 'fatta_beslut').ok).toBe(true);
      const notSent = { sentOn: null, replyBy: null, exceptionReason: 'Beslutet skulle annars bli svårare att genomföra' };
      expect(check(type, facts('utredning', { ...base, kommunicering: notSent }), 'fatta_beslut').ok).toBe(true);
    });

    it('kommunicera och undantag erbjuds i utredningen, undantag bara mot ett förslag som går emot', () => {
      expect(allowedSteps(type, facts('utredning', base))).toEqual(['kommunicera', 'registrera_undantag_kommunicering']);
      expect(allowedSteps(type, facts('utredning', { ...base, decision: draft('bifall') }))).toEqual(['kommunicera', 'fatta_beslut']);
    });
  });

  describe.each(['barn_anmalan', 'bistand_ansokan', 'lss_ansokan', 'vuxen_anmalan'] as const)('verkställighet: %s', (type) => {
    it('34 kap. 1 § SoL: verkställighet efter avslag vägras; avslag leder till avslut', () => {
      const avslag = facts('beslut', { investigationExists: true, decision: draft('avslag', true), closingReason: 'Avslag' });
      expect(check(type, avslag, 'verkstall')).toMatchObject({ ok: false, reason: expect.stringContaining('avslag') });
      expect(allowedSteps(type, avslag)).toContain('avsluta');
      expect(allowedSteps(type, avslag)).not.toContain('verkstall');
      expect(check(type, avslag, 'avsluta')).toEqual({ ok: true, to: 'avslutad', startsDeadlines: [] });
    });

    it('34 kap. 1 § SoL: verkställighet kräver ett fattat beslut som beviljar något', () => {
      for (const outcome of ['bifall', 'delvis_bifall'] as const) {
        expect(check(type, facts('beslut', { decision: draft(outcome, true) }), 'verkstall')).toEqual({ ok: true, to: 'verkstallighet', startsDeadlines: [] });
        expect(check(type, facts('beslut', { decision: draft(outcome, false) }), 'verkstall').ok).toBe(false);
      }
    });

    it('SOSFS 2014:5: avslut vägras medan beviljade insatser pågår, och kräver ett skäl', () => {
      const running = facts('verkstallighet', { decision: draft('bifall', true), closingReason: 'Flyttat' });
      expect(check(type, running, 'avsluta')).toMatchObject({ ok: false, reason: expect.stringContaining('pågår') });
      expect(check(type, { ...running, allGrantedInsatserEnded: true }, 'avsluta').ok).toBe(true);
      const noReason = { ...running, allGrantedInsatserEnded: true, closingReason: '  ' };
      expect(check(type, noReason, 'avsluta')).toMatchObject({ ok: false, reason: expect.stringContaining('Skälet') });
    });
  });

  it.each(CASE_TYPES)('14 kap. 2 § SoL: %s — ett avslutat ärende återöppnas inte, ny aktualisering krävs', (type) => {
    for (const status of STATUSES) {
      const r = check(type, facts(status), 'ateroppna');
      expect(r).toEqual({ ok: false, ...REOPEN_REFUSAL });
    }
    const closed = facts('avslutad', { decision: draft('bifall', true), closingReason: 'Klart' });
    expect(allowedSteps(type, closed)).toEqual([]);
    for (const step of STEPS) expect(check(type, closed, step)).toMatchObject({ ok: false, reason: expect.stringContaining('ny aktualisering') });
  });

  describe('anmälan om barn (20 kap. SoL)', () => {
    const type = 'barn_anmalan';

    it('20 kap. 1 § SoL: beslut i förhandsbedömningen före skyddsbedömningen vägras', () => {
      const f = facts('forhandsbedomning', { forhandsbedomningOutcome: 'inleda' });
      expect(check(type, f, 'besluta_inleda_utredning')).toMatchObject({ ok: false, legalBasis: '20 kap. 1 § SoL' });
      const g = facts('forhandsbedomning', { forhandsbedomningOutcome: 'inte_inleda' });
      expect(check(type, g, 'besluta_inte_inleda_utredning')).toMatchObject({ ok: false, legalBasis: '20 kap. 1 § SoL' });
      expect(allowedSteps(type, f)).toEqual(['registrera_skyddsbedomning']);
    });

    it('20 kap. 2 § SoL: beslut att inleda utredning startar fyramånadersfristen (20 kap. 3 §)', () => {
      const f = facts('forhandsbedomning', { skyddsbedomningRecorded: true, forhandsbedomningOutcome: 'inleda' });
      expect(check(type, f, 'besluta_inleda_utredning')).toEqual({ ok: true, to: 'utredning', startsDeadlines: ['barnutredning'] });
      expect(check(type, f, 'besluta_inte_inleda_utredning').ok).toBe(false);
    });

    it('20 kap. 2 § SoL: beslut att inte inleda utredning avslutar ärendet', () => {
      const f = facts('forhandsbedomning', { skyddsbedomningRecorded: true, forhandsbedomningOutcome: 'inte_inleda' });
      expect(check(type, f, 'besluta_inte_inleda_utredning')).toEqual({ ok: true, to: 'avslutad', startsDeadlines: [] });
    });

    it('20 kap. 2 § SoL: utan dokumenterad bedömning kan förhandsbedömningen inte avgöras', () => {
      const f = facts('forhandsbedomning', { skyddsbedomningRecorded: true });
      expect(allowedSteps(type, f)).toEqual([]);
      expect(check(type, f, 'besluta_inleda_utredning')).toMatchObject({ ok: false, reason: expect.stringContaining('Dokumentera') });
    });

    it('20 kap. 1–2 §§ SoL: skydds- och förhandsbedömningsfristerna löper från att anmälan kom in', () => {
      expect(MACHINES.barn_anmalan.initialDeadlines).toEqual(['skyddsbedomning', 'forhandsbedomning']);
    });

    it('20 kap. 2 § SoL: utredning inleds genom beslut i förhandsbedömningen, inte direkt', () => {
      expect(check(type, facts('aktualiserad'), 'inled_utredning')).toMatchObject({ ok: false, legalBasis: '20 kap. 2 § SoL' });
    });

    it('23 kap. 1–5 §§ SoL: uppföljning efter utredning utan insats startar sexmånadersfristen', () => {
      const f = facts('beslut', { decision: draft('avslag', true) });
      expect(check(type, f, 'inled_uppfoljning')).toEqual({ ok: true, to: 'uppfoljning', startsDeadlines: ['uppfoljning'] });
      expect(check(type, facts('beslut', { decision: draft('bifall', true) }), 'inled_uppfoljning').ok).toBe(false);
      const ended = facts('verkstallighet', { decision: draft('bifall', true), allGrantedInsatserEnded: true });
      expect(check(type, ended, 'inled_uppfoljning')).toEqual({ ok: true, to: 'uppfoljning', startsDeadlines: ['uppfoljning'] });
      expect(check(type, { ...ended, allGrantedInsatserEnded: false }, 'inled_uppfoljning').ok).toBe(false);
    });

    it('the whole chain: orosanmälan → skyddsbedömning → förhandsbedömning → utredning → beslut → verkställighet → uppföljning → avslut', () => {
      let f = facts('aktualiserad');
      const take = (step: Step, after: Partial<CaseFacts> = {}) => {
        expect(allowedSteps(type, f)).toContain(step);
        const r = check(type, f, step);
        if (!r.ok) throw new Error(r.reason);
        f = { ...f, ...after, status: r.to };
      };
      expect(allowedSteps(type, f)).toEqual(['registrera_skyddsbedomning', 'inled_forhandsbedomning']);
      take('registrera_skyddsbedomning', { skyddsbedomningRecorded: true });
      take('inled_forhandsbedomning', { forhandsbedomningOutcome: 'inleda' });
      take('besluta_inleda_utredning', { investigationExists: true, decision: draft('delvis_bifall') });
      take('kommunicera', { kommunicering: { sentOn: TODAY, replyBy: addDays(TODAY, 10) } });
      expect(allowedSteps(type, f)).toEqual(['registrera_undantag_kommunicering']);
      f = { ...f, today: addDays(TODAY, 11) };
      take('fatta_beslut', { decision: draft('delvis_bifall', true) });
      take('verkstall');
      expect(allowedSteps(type, f)).toEqual([]); // the placement is still running
      f = { ...f, allGrantedInsatserEnded: true };
      take('inled_uppfoljning', { closingReason: 'Uppföljningen klar' });
      take('avsluta', { closedOn: f.today });
      expect(f.status).toBe('avslutad');
      expect(allowedSteps(type, f)).toEqual([]);
    });
  });

  describe('vuxna: ansökan → utredning → kommunikation → beslut → verkställighet → uppföljning → avslut', () => {
    it.each(['bistand_ansokan', 'lss_ansokan', 'vuxen_anmalan'] as const)('%s: no förhandsbedömning, utredning starts directly (14 kap. 2 § SoL)', (type) => {
      const f = facts('aktualiserad');
      expect(allowedSteps(type, f)).toEqual(['inled_utredning']);
      expect(check(type, f, 'inled_utredning')).toEqual({ ok: true, to: 'utredning', startsDeadlines: [] });
      expect(check(type, f, 'inled_forhandsbedomning')).toMatchObject({ ok: false, reason: expect.stringContaining('barn') });
      expect(check(type, f, 'registrera_skyddsbedomning').ok).toBe(false);
      expect(check(type, facts('forhandsbedomning'), 'kommunicera')).toMatchObject({ ok: false, reason: expect.stringContaining('används inte') });
      expect(MACHINES[type].initialDeadlines).toEqual(['utredning']);
    });

    it('14 kap. 2 § SoL / 7 § LVM: an anmälan om vuxen may be closed without investigation, an ansökan may not', () => {
      const f = facts('aktualiserad', { forhandsbedomningOutcome: 'inte_inleda' });
      expect(check('vuxen_anmalan', f, 'besluta_inte_inleda_utredning')).toEqual({ ok: true, to: 'avslutad', startsDeadlines: [] });
      for (const type of ['bistand_ansokan', 'lss_ansokan', 'ekonomiskt_bistand'] as const)
        expect(check(type, f, 'besluta_inte_inleda_utredning')).toMatchObject({ ok: false, reason: expect.stringContaining('prövas') });
    });

    it.each(['bistand_ansokan', 'lss_ansokan', 'ekonomiskt_bistand'] as const)('%s: a withdrawn application is written off (avskrivs) with a documented reason, never after the decision (SOSFS 2014:5)', (type) => {
      for (const status of ['aktualiserad', 'utredning'] as const) {
        expect(check(type, facts(status), 'avskriv')).toMatchObject({ ok: false, reason: expect.stringContaining('Skälet') });
        expect(check(type, facts(status, { closingReason: 'Ansökan återkallad' }), 'avskriv')).toEqual({ ok: true, to: 'avslutad', startsDeadlines: [] });
      }
      expect(check(type, facts('beslut', { closingReason: 'Ansökan återkallad', decision: draft('bifall', true) }), 'avskriv')).toMatchObject({ ok: false, reason: expect.stringContaining('status Aktualiserad, Utredning') });
    });

    it.each(['barn_anmalan', 'vuxen_anmalan'] as const)('%s: an anmälan is never written off; it ends with a decision not to investigate', (type) => {
      expect(check(type, facts('aktualiserad', { closingReason: 'x' }), 'avskriv')).toMatchObject({ ok: false, reason: expect.stringContaining('inte inleda utredning') });
    });

    it('11 kap. 1 § SoL: the bistånd chain from start to end', () => {
      const type = 'bistand_ansokan';
      let f = facts('aktualiserad');
      const take = (step: Step, after: Partial<CaseFacts> = {}) => {
        const r = check(type, f, step);
        if (!r.ok) throw new Error(r.reason);
        f = { ...f, ...after, status: r.to };
      };
      take('inled_utredning', { investigationExists: true, decision: draft('bifall') });
      take('fatta_beslut', { decision: draft('bifall', true) });
      expect(allowedSteps(type, f)).toEqual(['verkstall']);
      take('verkstall');
      take('inled_uppfoljning');
      expect(check(type, f, 'avsluta').ok).toBe(false);
      f = { ...f, allGrantedInsatserEnded: true, closingReason: 'Insatsen har upphört' };
      take('avsluta');
      expect(f.status).toBe('avslutad');
    });
  });

  describe('ekonomiskt bistånd (12 kap. 1 § SoL)', () => {
    const type = 'ekonomiskt_bistand';

    it('has no förhandsbedömning and no verkställighet status', () => {
      expect(MACHINES[type].states).toEqual(['aktualiserad', 'utredning', 'beslut', 'uppfoljning', 'avslutad']);
      expect(check(type, facts('aktualiserad'), 'inled_forhandsbedomning').ok).toBe(false);
    });

    it('after beslut: avslutad or uppföljning, never verkställighet (utbetalning is out of scope)', () => {
      const f = facts('beslut', { decision: draft('bifall', true), closingReason: 'Beslut fattat' });
      expect(allowedSteps(type, f)).toEqual(['inled_uppfoljning', 'avsluta']);
      expect(check(type, f, 'verkstall')).toMatchObject({ ok: false, reason: expect.stringContaining('Utbetalning') });
      expect(check(type, f, 'avsluta')).toEqual({ ok: true, to: 'avslutad', startsDeadlines: [] });
      expect(check(type, f, 'inled_uppfoljning')).toEqual({ ok: true, to: 'uppfoljning', startsDeadlines: [] });
    });

    it('25 § FL: avslag on försörjningsstöd needs kommunicering too', () => {
      const f = facts('utredning', { investigationExists: true, decision: draft('avslag') });
      expect(check(type, f, 'fatta_beslut')).toMatchObject({ ok: false, legalBasis: '25 § FL' });
    });
  });
});
