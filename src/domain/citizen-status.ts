// What the citizen sees of a case: its status and steps in plain Swedish (klarspråk), and what a
// vårdnadshavare may see of a child's cases as the child grows. Pure: no database, no clock.
//
// Guardians and the child's own secrecy (domain.md 1.3.2 and 1.8):
// - FB 6 kap. 2 §: custody ends when the child turns 18 (CUSTODY_ENDS_AT_AGE); after that the
//   parent acts for nobody (the access gate already says so).
// - OSL 12 kap. 3 § (domain.md 1.8 "secrecy towards guardians"): secrecy that protects a minor
//   also applies towards the guardian when the child has reached an age and maturity where the
//   guardian should not get the information, or when it could cause the child considerable harm.
// - SoL 21 kap. 1 § (domain.md 1.3.2 "Consent rules for insatser to children"): from 15 the
//   child gets insatser at their own request or with their own consent. So from 15 the child's
//   matters are the child's own: we withhold ALL of a 15–17-year-old's cases from the guardian
//   in the e-service (the guardian still sees that they act for the child, and is told to ask the
//   social services, who can make the individual secrecy review OSL 12:3 asks for).
// - Violence in close relationships (area 'vald_i_nara_relationer'): the guardian may be the one
//   the matter is about; those cases are never shown to a guardian here (OSL 12 kap. 3 §: harm to
//   the child). ⚠️ Our choice; a real review is case by case.
// - The reporter of an orosanmälan (OSL 26 kap. 5 §, domain.md 1.8) is never shown to anyone in the
//   citizen view: the API never reads the intake (where the reporter is stored) for citizens.
import { CUSTODY_ENDS_AT_AGE } from './guardianship.ts';
import { MACHINES } from './process/machines.ts';
import type { CaseArea, CaseType, Status } from './process/types.ts';

/** From this age the child's own matters are withheld from the guardian (SoL 21 kap. 1 §, OSL 12 kap. 3 §). */
export const CHILD_OWN_MATTERS_FROM_AGE = 15;

export type StepState = 'klar' | 'pagar' | 'kommer';

export interface CitizenStep { key: Status; label: string; state: StepState }

/** The status in plain words, as the citizen reads it. */
export const CITIZEN_STATUS_SV: Readonly<Record<Status, string>> = {
  aktualiserad: 'Registrerat',
  forhandsbedomning: 'Vi bedömer om vi ska utreda',
  utredning: 'Under utredning',
  beslut: 'Beslut fattat',
  verkstallighet: 'Insatsen pågår',
  uppfoljning: 'Vi följer upp',
  avslutad: 'Avslutat',
};

const EXPLAIN_SV: Readonly<Record<Status, string>> = {
  aktualiserad: 'Vi har tagit emot ärendet och registrerat det.',
  forhandsbedomning: 'Vi läser det vi har fått in och bestämmer om vi ska starta en utredning.',
  utredning: 'Vi samlar in det som behövs för att kunna fatta beslut. Vi kan höra av oss till dig.',
  beslut: 'Vi har fattat beslut. Du kan läsa beslutet och motiveringen nedan.',
  verkstallighet: 'Det som beslutades har börjat eller ska börja.',
  uppfoljning: 'Vi tittar på hur det har gått.',
  avslutad: 'Ärendet är avslutat.',
};

const NEXT_SV: Readonly<Record<Status, string | null>> = {
  aktualiserad: 'Nästa steg: en handläggare går igenom ärendet.',
  forhandsbedomning: 'Nästa steg: vi bestämmer om vi ska utreda. Det ska ske inom 14 dagar.',
  utredning: 'Nästa steg: beslut. Du får beslutet skriftligt.',
  beslut: 'Nästa steg: det som beslutades sätts igång.',
  verkstallighet: 'Nästa steg: vi följer upp att insatsen fungerar.',
  uppfoljning: 'Nästa steg: vi avslutar uppföljningen och berättar vad vi kom fram till.',
  avslutad: null,
};

export interface CitizenStatus {
  status: Status;
  label: string;
  explanation: string;
  next: string | null;
  steps: CitizenStep[];
}

/**
 * The case's path for the citizen: the states of its legal chain (../process/machines.ts) in order,
 * each done, ongoing or to come. Uppföljning is shown only when the case is in it (it is optional).
 */
export const NEXT_AFTER_REFUSAL_SV = 'Om du inte är nöjd med beslutet kan du överklaga det. Läs hur du gör vid beslutet.';

export function citizenStatus(caseType: CaseType, status: Status, opts: { anyGranted?: boolean } = {}): CitizenStatus {
  const states = MACHINES[caseType].states.filter((s) => s !== 'uppfoljning' || status === 'uppfoljning');
  const at = states.indexOf(status);
  const steps = states.map((key, i): CitizenStep => ({
    key, label: CITIZEN_STATUS_SV[key],
    state: status === 'avslutad' || i < at ? 'klar' : i === at ? 'pagar' : 'kommer',
  }));
  // A case closed early (e.g. no investigation opened) skipped steps: show only what happened.
  const shown = status === 'avslutad' ? steps.filter((s, i) => i === 0 || s.key === 'avslutad' || i <= at) : steps;
  // After a decision that grants nothing, nothing is put in place: the next step is the party's (an appeal, 44 § FL).
  const next = status === 'beslut' && opts.anyGranted === false ? NEXT_AFTER_REFUSAL_SV : NEXT_SV[status];
  return { status, label: CITIZEN_STATUS_SV[status], explanation: EXPLAIN_SV[status], next, steps: shown };
}

export type GuardianView = { visible: true } | { visible: false; reason: 'myndig' | 'barnets_egna' | 'skyddat_arende' };

/**
 * Why social services have withheld one case of a child from the guardians in the e-service
 * (set by the handläggare after a secrecy review, OSL 12 kap. 3 §):
 * - vardnadshavare_anmald: the guardian is the one the report or the concern is about;
 * - lvu: care under LVU, where the guardian's access is reviewed item by item (OSL 26 kap. 1 §, 12 kap. 3 §);
 * - menprovning: another review found that the child could be harmed.
 */
export const GUARDIAN_WITHHOLD_REASONS = ['vardnadshavare_anmald', 'lvu', 'menprovning'] as const;
export type GuardianWithholdReason = typeof GUARDIAN_WITHHOLD_REASONS[number];

/**
 * May a vårdnadshavare see this case of their child in the e-service? `childAge` is the child's age today.
 * A case the handläggare has withheld from the guardians (`withheldFromGuardians`) is never shown.
 */
export function guardianMaySeeCase(childAge: number, c: { area: CaseArea; withheldFromGuardians?: GuardianWithholdReason | null }): GuardianView {
  if (childAge >= CUSTODY_ENDS_AT_AGE) return { visible: false, reason: 'myndig' }; // FB 6 kap. 2 §
  if (childAge >= CHILD_OWN_MATTERS_FROM_AGE) return { visible: false, reason: 'barnets_egna' }; // SoL 21:1, OSL 12:3
  if (c.area === 'vald_i_nara_relationer') return { visible: false, reason: 'skyddat_arende' }; // OSL 12:3 (harm)
  if (c.withheldFromGuardians) return { visible: false, reason: 'skyddat_arende' }; // OSL 12:3, reviewed case by case
  return { visible: true };
}

/**
 * May an ombud see this case? A fullmakt covers what it says (FL 14 §; the principal decides the
 * scope): the municipality registers the case areas it covers; none registered means it covers all.
 */
export function ombudMaySeeCase(fullmaktAreas: readonly CaseArea[] | null, c: { area: CaseArea }): boolean {
  return fullmaktAreas === null || fullmaktAreas.length === 0 || fullmaktAreas.includes(c.area);
}

/**
 * How the citizen is connected to a case: their own; a child's in custody; a fullmaktsgivare's;
 * or as medsökande — the spouse or sambo who applied together for försörjningsstöd and confirmed
 * the application with their own e-ID is a party to that case (FL 10 §) though it is filed on the other.
 */
export type CitizenRelationKind = 'self' | 'vardnadshavare' | 'ombud' | 'medsokande';

/** The one rule for which cases a logged-in citizen sees of a person they act for. */
export function citizenMaySeeCase(
  who: { relation: CitizenRelationKind; personAge: number; fullmaktAreas: readonly CaseArea[] | null },
  c: { area: CaseArea; withheldFromGuardians?: GuardianWithholdReason | null },
): boolean {
  if (who.relation === 'self' || who.relation === 'medsokande') return true;
  if (who.relation === 'vardnadshavare') return guardianMaySeeCase(who.personAge, c).visible;
  return ombudMaySeeCase(who.fullmaktAreas, c);
}

/** Why a guardian sees none of a child's cases, or null when they may see them (cases are filtered one by one). */
export function guardianWithholdsAll(childAge: number): 'myndig' | 'barnets_egna' | null {
  if (childAge >= CUSTODY_ENDS_AT_AGE) return 'myndig';
  if (childAge >= CHILD_OWN_MATTERS_FROM_AGE) return 'barnets_egna';
  return null;
}

export const WITHHELD_TEXT_SV: Readonly<Record<'myndig' | 'barnets_egna' | 'skyddat_arende' | 'utanfor_fullmakt', string>> = {
  myndig: 'Personen är myndig. Du kan inte längre se personens ärenden.',
  barnets_egna: 'När barnet har fyllt 15 år är barnets ärenden barnets egna. Kontakta socialtjänsten om du har frågor.',
  skyddat_arende: 'Vissa ärenden visas inte här. Kontakta socialtjänsten om du har frågor.',
  utanfor_fullmakt: 'Fullmakten gäller inte alla ärenden. Ärenden utanför fullmakten visas inte här.',
};
