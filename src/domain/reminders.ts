// When the deadline sweep reminds someone, and whom. Pure: the facts of one open case and
// today's date in, the reminders that should exist out. The sweep stores them under a
// source key that is unique per person and event, so running it again reminds nobody twice.
//
// Law behind the events: the deadlines themselves (20 kap. 1–3 §§ SoL, 23 kap. 5 § SoL,
// 44 § FL, and the municipality's routine target under 9 § FL) come from deadlines.ts;
// kommunicering is 25 § FL; that a case must not wait unassigned follows from 9 § FL
// (handled "snabbt") and 14 kap. 2 § SoL (an investigation is started "genast").
import { DEADLINE_KINDS, addDays, isOverdue, type IsoDate } from './deadlines.ts';

/** A deadline is "soon" when it is due within this many days (today included). */
export const DEADLINE_SOON_DAYS = 3;
/** A decision's follow-up date is announced this many days ahead. */
export const FOLLOW_UP_AHEAD_DAYS = 7;
/** An unassigned case is brought to the arbetsledare when it has waited longer than this. */
export const INBOX_GRACE_DAYS = 1;

export type ReminderKind = 'deadline_soon' | 'deadline_overdue' | 'follow_up' | 'komm_reply' | 'unassigned' | 'citizen_message' | 'provider_choice';

export interface CaseFacts {
  caseId: string;
  caseNumber: string;
  status: string;
  receivedOn: IsoDate;
  /** The handläggare the case is assigned to, or null. */
  assignedTo: string | null;
  /** False when the assigned person's account is no longer active. */
  assigneeActive: boolean;
  /** Active arbetsledare of the case's unit. */
  unitLeads: string[];
  kommReplyBy: IsoDate | null;
  kommReplyReceivedOn: IsoDate | null;
  deadlines: { id: string; kind: string; legalBasis?: string | null; dueOn: IsoDate; completedOn: IsoDate | null }[];
  decisions: { id: string; status: string; insats: string; followUpOn: IsoDate | null }[];
}

export interface ReminderDraft {
  staffUserId: string;
  caseId: string;
  kind: ReminderKind;
  /** Unique per person and event, e.g. 'deadline:<id>:overdue'. */
  sourceKey: string;
  dueOn: IsoDate;
  /** Swedish, as shown to the recipient. */
  message: string;
}

/** 'Förhandsbedömning (20 kap. 2 § SoL)'; a routine target is named as such, without a paragraph. */
function deadlineLabel(kind: string, legalBasis: string | null | undefined): string {
  const info = (DEADLINE_KINDS as Partial<Record<string, (typeof DEADLINE_KINDS)[keyof typeof DEADLINE_KINDS]>>)[kind];
  if (info && !info.statutory) return info.labelSv;
  const label = info?.labelSv ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('_', ' ');
  const basis = info?.legalBasis ?? legalBasis;
  return basis ? `${label} (${basis})` : label;
}

/** The reminders one case calls for today. Recipients are deduplicated per event. */
export function remindersFor(facts: CaseFacts, today: IsoDate): ReminderDraft[] {
  if (facts.status === 'avslutad') return [];
  const out: ReminderDraft[] = [];
  const handlaggare = facts.assignedTo && facts.assigneeActive ? facts.assignedTo : null;
  // Whoever must act: the handläggare, or the unit's arbetsledare if nobody (active) has the case.
  const caseWorkers = handlaggare ? [handlaggare] : facts.unitLeads;
  const add = (recipients: string[], draft: Omit<ReminderDraft, 'staffUserId' | 'caseId'>) => {
    for (const staffUserId of new Set(recipients)) out.push({ staffUserId, caseId: facts.caseId, ...draft });
  };
  const nr = facts.caseNumber;

  for (const d of facts.deadlines) {
    if (d.completedOn) continue;
    const label = deadlineLabel(d.kind, d.legalBasis);
    if (isOverdue(d.dueOn, today)) {
      add([...caseWorkers, ...facts.unitLeads], {
        kind: 'deadline_overdue', sourceKey: `deadline:${d.id}:overdue`, dueOn: d.dueOn,
        message: `${label} för ärende ${nr} har passerat (${d.dueOn})`,
      });
    } else if (d.dueOn <= addDays(today, DEADLINE_SOON_DAYS)) {
      add(caseWorkers, {
        kind: 'deadline_soon', sourceKey: `deadline:${d.id}:soon`, dueOn: d.dueOn,
        message: `${label} för ärende ${nr} går ut ${d.dueOn === today ? `i dag (${d.dueOn})` : d.dueOn}`,
      });
    }
  }

  for (const dec of facts.decisions) {
    if (dec.status !== 'fattat' || !dec.followUpOn) continue;
    if (dec.followUpOn > addDays(today, FOLLOW_UP_AHEAD_DAYS)) continue;
    add(caseWorkers, {
      kind: 'follow_up', sourceKey: `followup:${dec.id}`, dueOn: dec.followUpOn,
      message: `Följ upp beslutet om ${dec.insats} i ärende ${nr} senast ${dec.followUpOn}`,
    });
  }

  // 25 § FL: the party was given a time to answer; once it has run out without an answer the
  // case can be decided, and the handläggare should know.
  if (facts.status === 'utredning' && facts.kommReplyBy && !facts.kommReplyReceivedOn && facts.kommReplyBy < today) {
    add(caseWorkers, {
      kind: 'komm_reply', sourceKey: `komm:${facts.caseId}:${facts.kommReplyBy}`, dueOn: facts.kommReplyBy,
      message: `Svarstiden för kommuniceringen i ärende ${nr} har gått ut (${facts.kommReplyBy}, 25 § FL)`,
    });
  }

  if (facts.assignedTo === null && facts.receivedOn < addDays(today, -INBOX_GRACE_DAYS)) {
    add(facts.unitLeads, {
      kind: 'unassigned', sourceKey: `inbox:${facts.caseId}`, dueOn: facts.receivedOn,
      message: `Ärende ${nr} har inte fördelats till någon handläggare (kom in ${facts.receivedOn})`,
    });
  }
  return out;
}
