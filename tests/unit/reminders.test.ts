// When the deadline sweep reminds whom (src/domain/reminders.ts), as tables.
import { describe, expect, it } from 'vitest';
import { remindersFor, type CaseFacts } from '../../src/domain/reminders.ts';

const TODAY = '2026-03-10';
const EVA = 'eva'; // handläggare
const JOHAN = 'johan'; // arbetsledare
const LEADS = [JOHAN, 'annika'];

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseId: 'case-1', caseNumber: '2026-BU-0007', status: 'utredning', receivedOn: '2026-02-01',
    assignedTo: EVA, assigneeActive: true, unitLeads: LEADS, kommReplyBy: null, kommReplyReceivedOn: null,
    deadlines: [], decisions: [], ...over,
  };
}
const deadline = (dueOn: string, kind = 'forhandsbedomning', completedOn: string | null = null) => ({ id: 'dl-1', kind, dueOn, completedOn });
const summary = (f: CaseFacts) => remindersFor(f, TODAY).map((r) => `${r.staffUserId} ${r.sourceKey}`).sort();

describe('deadlines (20 kap. 2 § SoL etc.): soon to the handläggare, overdue also to the arbetsledare', () => {
  it.each([
    ['due in 4 days: nothing yet', '2026-03-14', []],
    ['due in 3 days: soon', '2026-03-13', ['eva deadline:dl-1:soon']],
    ['due today: soon, not overdue (work on the last day is on time)', '2026-03-10', ['eva deadline:dl-1:soon']],
    ['due yesterday: overdue to handläggare and every arbetsledare', '2026-03-09', ['annika deadline:dl-1:overdue', 'eva deadline:dl-1:overdue', 'johan deadline:dl-1:overdue']],
    ['overdue long ago: still overdue (once; the key is the same)', '2025-12-01', ['annika deadline:dl-1:overdue', 'eva deadline:dl-1:overdue', 'johan deadline:dl-1:overdue']],
  ])('%s', (_name, dueOn, expected) => {
    expect(summary(facts({ deadlines: [deadline(dueOn)] }))).toEqual(expected);
  });

  it('ignores completed deadlines and closed cases', () => {
    expect(summary(facts({ deadlines: [deadline('2026-03-01', 'forhandsbedomning', '2026-02-28')] }))).toEqual([]);
    expect(summary(facts({ status: 'avslutad', deadlines: [deadline('2026-03-01')] }))).toEqual([]);
  });

  it('names the deadline, its legal basis, the case and the date', () => {
    const [soon] = remindersFor(facts({ deadlines: [deadline('2026-03-12')] }), TODAY);
    expect(soon).toMatchObject({ kind: 'deadline_soon', dueOn: '2026-03-12', caseId: 'case-1',
      message: 'Förhandsbedömning (20 kap. 2 § SoL) för ärende 2026-BU-0007 går ut 2026-03-12' });
    const [overdue] = remindersFor(facts({ deadlines: [deadline('2026-03-02', 'barnutredning')] }), TODAY);
    expect(overdue!.message).toBe('Barnavårdsutredning (20 kap. 3 § SoL) för ärende 2026-BU-0007 har passerat (2026-03-02)');
    const [routine] = remindersFor(facts({ deadlines: [deadline('2026-03-02', 'utredning')] }), TODAY);
    // no paragraph of law for the municipality's own routine target (9 § FL only says "snabbt")
    expect(routine!.message).toBe('Utredning (målsättning enligt rutin) för ärende 2026-BU-0007 har passerat (2026-03-02)');
    const [today] = remindersFor(facts({ deadlines: [deadline(TODAY)] }), TODAY);
    expect(today!.message).toMatch(/går ut i dag \(2026-03-10\)$/);
  });

  it('without an (active) handläggare, the arbetsledare get the reminder instead, once each', () => {
    expect(summary(facts({ assignedTo: null, deadlines: [deadline('2026-03-11')] })))
      .toEqual(['annika deadline:dl-1:soon', 'johan deadline:dl-1:soon', 'annika inbox:case-1', 'johan inbox:case-1'].sort());
    expect(summary(facts({ assigneeActive: false, deadlines: [deadline('2026-03-11')] })))
      .toEqual(['annika deadline:dl-1:soon', 'johan deadline:dl-1:soon']);
    // the arbetsledare who has the case is reminded once, not twice
    expect(summary(facts({ assignedTo: JOHAN, deadlines: [deadline('2026-03-01')] })))
      .toEqual(['annika deadline:dl-1:overdue', 'johan deadline:dl-1:overdue']);
  });
});

describe('follow-up of a decision: within 7 days, only taken decisions', () => {
  const decision = (followUpOn: string | null, status = 'fattat') => ({ id: 'dec-1', status, insats: 'Hemtjänst', followUpOn });
  it.each([
    ['in 8 days: not yet', '2026-03-18', 'fattat', []],
    ['in 7 days', '2026-03-17', 'fattat', ['eva followup:dec-1']],
    ['passed', '2026-03-01', 'fattat', ['eva followup:dec-1']],
    ['a draft has no follow-up', '2026-03-12', 'utkast', []],
    ['a proposal neither', '2026-03-12', 'forslag', []],
    ['no follow-up date', null, 'fattat', []],
  ] as const)('%s', (_name, followUpOn, status, expected) => {
    expect(summary(facts({ decisions: [decision(followUpOn, status)] }))).toEqual(expected);
  });
  it('says what to follow up', () => {
    expect(remindersFor(facts({ decisions: [decision('2026-03-15')] }), TODAY)[0]!.message)
      .toBe('Följ upp beslutet om Hemtjänst i ärende 2026-BU-0007 senast 2026-03-15');
  });
});

describe('kommunicering (25 § FL): reply time passed without an answer, in utredning', () => {
  it.each([
    ['reply by yesterday, no answer', { kommReplyBy: '2026-03-09' }, ['eva komm:case-1:2026-03-09']],
    ['reply by today: not yet passed', { kommReplyBy: '2026-03-10' }, []],
    ['answered', { kommReplyBy: '2026-03-01', kommReplyReceivedOn: '2026-02-28' }, []],
    ['case no longer in utredning', { kommReplyBy: '2026-03-01', status: 'beslut' }, []],
    ['never kommunicerat', {}, []],
  ] as const)('%s', (_name, over, expected) => {
    expect(summary(facts(over))).toEqual(expected);
  });
  it('a new reply date gives a new reminder (the key holds the date)', () => {
    const [r] = remindersFor(facts({ kommReplyBy: '2026-03-05' }), TODAY);
    expect(r).toMatchObject({ kind: 'komm_reply', dueOn: '2026-03-05', sourceKey: 'komm:case-1:2026-03-05' });
    expect(r!.message).toBe('Svarstiden för kommuniceringen i ärende 2026-BU-0007 har gått ut (2026-03-05, 25 § FL)');
  });
});

describe('unassigned cases: to the arbetsledare after more than one day', () => {
  it.each([
    ['received today', TODAY, []],
    ['received yesterday', '2026-03-09', []],
    ['received two days ago', '2026-03-08', ['annika inbox:case-1', 'johan inbox:case-1']],
  ])('%s', (_name, receivedOn, expected) => {
    expect(summary(facts({ assignedTo: null, assigneeActive: false, status: 'aktualiserad', receivedOn }))).toEqual(expected);
  });
  it('an assigned case is not in the inbox; a unit without arbetsledare gets nothing', () => {
    expect(summary(facts({ receivedOn: '2026-01-01' }))).toEqual([]);
    expect(summary(facts({ assignedTo: null, unitLeads: [], receivedOn: '2026-01-01' }))).toEqual([]);
  });
  it('says since when', () => {
    const [r] = remindersFor(facts({ assignedTo: null, unitLeads: [JOHAN], receivedOn: '2026-03-02' }), TODAY);
    expect(r).toMatchObject({ kind: 'unassigned', dueOn: '2026-03-02', staffUserId: JOHAN,
      message: 'Ärende 2026-BU-0007 har inte fördelats till någon handläggare (kom in 2026-03-02)' });
  });
});
