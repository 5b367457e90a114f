// The vocabulary of the case process: case types, statuses, steps and the facts a state
// machine needs to decide whether a step may be taken. Pure types and tiny helpers, no I/O.
// See /work/shared/domain.md 1.2–1.3 and ARCHITECTURE.md "Process".

import type { DeadlineKind, IsoDate } from '../deadlines.ts';

export type { DeadlineKind, IsoDate };

/**
 * What raised the case (aktualisering, domain.md 1.3.1) and so which legal chain it follows.
 * - barn_anmalan: orosanmälan / anmälan om barn (19–20 kap. SoL)
 * - bistand_ansokan: ansökan om bistånd enligt 11 kap. 1 § SoL (äldre, vuxna, socialpsykiatri)
 * - lss_ansokan: begäran om insats enligt 9 § LSS
 * - ekonomiskt_bistand: ansökan om försörjningsstöd enligt 12 kap. 1 § SoL
 * - vuxen_anmalan: anmälan om vuxen (t.ex. LVM-anmälan) eller information på annat sätt
 */
export const CASE_TYPES = ['barn_anmalan', 'bistand_ansokan', 'lss_ansokan', 'ekonomiskt_bistand', 'vuxen_anmalan'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** `cases.status` in 001_foundation.sql and `CaseStatus` in src/shared/api.ts, in process order. */
export const STATUSES = ['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'] as const;
export type Status = (typeof STATUSES)[number];

export const STEPS = [
  'registrera_skyddsbedomning',
  'inled_forhandsbedomning',
  'besluta_inleda_utredning',
  'besluta_inte_inleda_utredning',
  'inled_utredning',
  'kommunicera',
  'registrera_undantag_kommunicering',
  'fatta_beslut',
  'verkstall',
  'inled_uppfoljning',
  'avsluta',
  'avskriv',
  'ateroppna',
] as const;
export type Step = (typeof STEPS)[number];

/** Bifall and delvis bifall grant something; avslag and delvis bifall go against the person. */
export type DecisionOutcome = 'bifall' | 'delvis_bifall' | 'avslag';

/** The bedömning documented in the förhandsbedömning (20 kap. 2 § SoL). */
export type ForhandsbedomningOutcome = 'inleda' | 'inte_inleda';

/** Kommunikation under 25 § FL. */
export interface Kommunicering {
  /** The day the material was sent to the party, or null if it has not been sent. */
  sentOn: IsoDate | null;
  /** The last day the party may reply ("inom en bestämd tid"). */
  replyBy: IsoDate | null;
  /** The day the party's reply came in, if it has; the decision need not wait any longer. */
  replyReceivedOn?: IsoDate | null;
  /** Why the nämnd decides without waiting for (or without) kommunikation, 25 § andra stycket FL. */
  exceptionReason?: string | null;
}

/** Everything a machine needs to decide a step; the server assembles it from the database. */
export interface CaseFacts {
  status: Status;
  /** The day the anmälan or ansökan came in (aktualisering); deadlines count from it. */
  receivedOn: IsoDate;
  /** Children: the omedelbar skyddsbedömning is documented (20 kap. 1 § SoL). */
  skyddsbedomningRecorded: boolean;
  /** The documented bedömning in the förhandsbedömning, or null while none is documented. */
  forhandsbedomningOutcome: ForhandsbedomningOutcome | null;
  /** An utredning has been opened and documented (14 kap. 2 § SoL, 23 § FL). */
  investigationExists: boolean;
  /** The decision: a draft (signed false) while investigating, signed once taken. */
  decision: { outcome: DecisionOutcome; signed: boolean } | null;
  kommunicering: Kommunicering | null;
  /** Every insats granted in the case has been ended (or was never started and is closed). */
  allGrantedInsatserEnded: boolean;
  /** The documented reason for closing the case, needed by `avsluta`. */
  closingReason: string | null;
  /** Set when the case is closed (the database keeps status = 'avslutad' iff closed_on). */
  closedOn: IsoDate | null;
  /** The calendar date in Sweden (deadlines.dateInSweden) on which the step would be taken. */
  today: IsoDate;
}

export function grantsSomething(outcome: DecisionOutcome): boolean {
  return outcome === 'bifall' || outcome === 'delvis_bifall';
}

/** Avslag and delvis bifall "går parten emot" (25 § FL), so they require kommunikation. */
export function goesAgainstParty(outcome: DecisionOutcome): boolean {
  return outcome === 'avslag' || outcome === 'delvis_bifall';
}

export type CheckResult =
  | { ok: true; to: Status; startsDeadlines: DeadlineKind[] }
  | { ok: false; reason: string; legalBasis?: string };

export const STATUS_LABELS_SV: Readonly<Record<Status, string>> = {
  aktualiserad: 'Aktualiserad',
  forhandsbedomning: 'Förhandsbedömning',
  utredning: 'Utredning',
  beslut: 'Beslut',
  verkstallighet: 'Verkställighet',
  uppfoljning: 'Uppföljning',
  avslutad: 'Avslutad',
};

export const STEP_LABELS_SV: Readonly<Record<Step, string>> = {
  registrera_skyddsbedomning: 'Registrera skyddsbedömning',
  inled_forhandsbedomning: 'Inled förhandsbedömning',
  besluta_inleda_utredning: 'Besluta att inleda utredning',
  besluta_inte_inleda_utredning: 'Besluta att inte inleda utredning',
  inled_utredning: 'Inled utredning',
  kommunicera: 'Kommunicera',
  registrera_undantag_kommunicering: 'Registrera undantag från kommunicering',
  fatta_beslut: 'Fatta beslut',
  verkstall: 'Verkställ',
  inled_uppfoljning: 'Inled uppföljning',
  avsluta: 'Avsluta ärendet',
  avskriv: 'Avskriv ärendet (ansökan återkallad)',
  ateroppna: 'Återöppna ärendet',
};

export const CASE_TYPE_LABELS_SV: Readonly<Record<CaseType, string>> = {
  barn_anmalan: 'anmälan om barn',
  bistand_ansokan: 'ansökan om bistånd',
  lss_ansokan: 'begäran om insats enligt LSS',
  ekonomiskt_bistand: 'ansökan om ekonomiskt bistånd',
  vuxen_anmalan: 'anmälan om vuxen',
};

export type CaseArea = 'barn_och_unga' | 'vuxen' | 'ekonomiskt_bistand' | 'aldreomsorg' | 'funktionsstod' | 'familjeratt' | 'vald_i_nara_relationer';
export type CaseOrigin = 'ansokan' | 'anmalan' | 'ovrigt';

/**
 * Which legal chain a new matter follows (domain.md 1.3.1). An anmälan or information about a
 * child starts the 20 kap. SoL chain; an application for försörjningsstöd the 12 kap. chain; a
 * request for an LSS insats (9 § LSS) its own; other applications are 11 kap. 1 § SoL bistånd;
 * reports about adults (e.g. LVM-anmälan) the vuxen chain.
 */
export function caseTypeFor(area: CaseArea, origin: CaseOrigin, law: 'SoL' | 'LSS' = 'SoL'): CaseType {
  if (origin !== 'ansokan') return area === 'barn_och_unga' ? 'barn_anmalan' : 'vuxen_anmalan';
  if (area === 'ekonomiskt_bistand') return 'ekonomiskt_bistand';
  return law === 'LSS' ? 'lss_ansokan' : 'bistand_ansokan';
}
