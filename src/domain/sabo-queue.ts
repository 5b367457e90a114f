// Kön till särskilt boende: who is waiting for a place and in which order. One pure rule, used by
// the citizen's "Mina insatser" (my place in the queue) and testable on its own.
//
// - The right to särskilt boende is a decision on bistånd under 11 kap. 1 § SoL (2025:400). A
//   granted (gynnande) decision shall be verkställt promptly; when no place has been offered, the
//   person waits for one.
// - Waiting = the decision is fattat, bifall or delvis bifall, for särskilt boende, still valid, its
//   case is open, and no beställning for it has started (the provider reports the start, i.e. the
//   move-in, and from that day the decision is verkställt: 34 kap. 2 § SoL).
// - The queue is ordered by the day of the decision, earliest first; on the same day by when the
//   decision was recorded, then by id, so the order is total and never depends on the database.
// - A decision not verkställt within three months of the day of the decision is reported to IVO
//   and the kommunens revisorer (34 kap. 1 § SoL; 16 kap. 6 f § in SoL 2001:453). The date comes
//   from evb.ts (calendar months, lagen 1930:173).
//
// Others in the queue are none of the citizen's business: a position says only how many are ahead.
import type { IsoDate } from './deadlines.ts';
import { daysBetween, evbLastDay, isTracked, isVerkstallt } from './evb.ts';

/** The catalogue keys (src/domain/insatser.ts) that have a queue for a place: särskilt boende, 11 kap. 1 § SoL. */
export const SABO_INSATS_KEYS: readonly string[] = ['sarskilt_boende'];

export interface SaboDecisionFacts {
  decisionId: string;
  insatsKey: string | null;
  status: string;                 // 'utkast' | 'forslag' | 'fattat'
  outcome: 'bifall' | 'delvis_bifall' | 'avslag';
  decidedOn: IsoDate | null;
  /** When the decision row was recorded (ISO instant): breaks ties on the same decision day. */
  createdAt: string;
  validTo: IsoDate | null;
  caseClosed: boolean;
  /** The provider's reported start on any of the decision's orders (moved in). */
  startedOn: readonly (IsoDate | null)[];
}

/**
 * Whether the decision is waiting for a place in särskilt boende on `asOf`: a tracked, granted
 * decision that is not yet verkställt, by the same rules as the EVB report (evb.ts).
 */
export function isWaitingForPlace(d: SaboDecisionFacts, asOf: IsoDate): boolean {
  return d.insatsKey !== null && SABO_INSATS_KEYS.includes(d.insatsKey)
    && isTracked(d, asOf) && d.decidedOn! <= asOf
    && !isVerkstallt({ orders: d.startedOn.map((startedOn) => ({ startedOn })) }, asOf);
}

/** Earliest decision first; ties by when it was recorded, then by id. */
export function compareQueue(a: SaboDecisionFacts, b: SaboDecisionFacts): number {
  if (a.decidedOn !== b.decidedOn) return (a.decidedOn ?? '') < (b.decidedOn ?? '') ? -1 : 1;
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.decisionId < b.decisionId ? -1 : a.decisionId > b.decisionId ? 1 : 0;
}

/** The waiting decisions in queue order. */
export function saboQueue(all: readonly SaboDecisionFacts[], asOf: IsoDate): SaboDecisionFacts[] {
  return all.filter((d) => isWaitingForPlace(d, asOf)).sort(compareQueue);
}

export interface SaboPlace {
  decisionId: string;
  /** 1 = first in the queue. */
  position: number;
  /** How many wait before this person: the only thing said about the others. */
  ahead: number;
  decidedOn: IsoDate;
  daysWaited: number;
  /** The last day of the three months (34 kap. 1 § SoL); reportable to IVO from the day after. */
  ivoReportAfter: IsoDate;
  /** More than three months have passed without a place: the municipality must report it to IVO. */
  overThreeMonths: boolean;
}

/** The place in the queue of one decision, or null when it is not waiting. */
export function saboPlace(all: readonly SaboDecisionFacts[], decisionId: string, asOf: IsoDate): SaboPlace | null {
  const queue = saboQueue(all, asOf);
  const index = queue.findIndex((d) => d.decisionId === decisionId);
  if (index < 0) return null;
  const d = queue[index]!;
  const decidedOn = d.decidedOn!;
  const ivoReportAfter = evbLastDay(decidedOn);
  return {
    decisionId, position: index + 1, ahead: index, decidedOn,
    daysWaited: daysBetween(decidedOn, asOf), ivoReportAfter, overThreeMonths: asOf > ivoReportAfter,
  };
}
