// Decisions the nämnd may not delegate to an official (tjänsteman). The nämnd may in general
// delegate a decision to a position (6 kap. 37 § kommunallagen 2017:725), but the special
// legislation narrows that: for decisions under LVU only an utskott of the nämnd may decide on
// its behalf, with the chair (or another appointed member) deciding when the matter is so urgent
// that the utskott cannot be awaited (30 kap. 7 § och 12 § SoL 2025:400; domain.md 1.5 [S1]).
// A delegationsordning that gives such a decision to handläggare or arbetsledare is unlawful, and
// a decision taken under it has no legal effect; so Lots refuses such rules outright.
//
// ⚠️ domain.md names the LVU decisions only. The LVM decisions below are listed with them in the
// earlier SoL (2001:453) 10 kap. 4 §, whose rule 30 kap. SoL 2025:400 carries over; verify the
// LVM part against the consolidated 30 kap. before relying on it in a legal opinion.
//
// None of these keys is in the insats catalogue (insatser.ts) yet: the list guards the
// delegationsordning against them being added as ordinary, delegable decision types.

export interface NonDelegableDecision {
  key: string;
  labelSv: string;
  labelEn: string;
  /** The provision that makes the decision a matter for the nämnd or its utskott. */
  decisionBasis: string;
  /** Why it cannot be delegated to an official. */
  restriction: string;
}

const LVU_RESTRICTION = '30 kap. 7 § och 12 § socialtjänstlagen (2025:400)';
const LVM_RESTRICTION = '30 kap. socialtjänstlagen (2025:400), jfr 10 kap. 4 § socialtjänstlagen (2001:453)';

export const NON_DELEGABLE: readonly NonDelegableDecision[] = [
  { key: 'lvu_ansokan_vard', labelSv: 'Ansökan hos förvaltningsrätten om vård enligt LVU', labelEn: 'Application to the administrative court for care under LVU', decisionBasis: '4 § LVU', restriction: LVU_RESTRICTION },
  { key: 'lvu_omedelbart_omhandertagande', labelSv: 'Omedelbart omhändertagande enligt LVU', labelEn: 'Immediate custody under LVU', decisionBasis: '6 § LVU', restriction: LVU_RESTRICTION },
  { key: 'lvu_upphorande_omhandertagande', labelSv: 'Upphörande av omedelbart omhändertagande enligt LVU', labelEn: 'Ending immediate custody under LVU', decisionBasis: '9 § LVU', restriction: LVU_RESTRICTION },
  { key: 'lvu_overvagande_vard', labelSv: 'Övervägande och prövning av fortsatt vård enligt LVU', labelEn: 'Review of continued care under LVU', decisionBasis: '13 § LVU', restriction: LVU_RESTRICTION },
  { key: 'lvu_upphorande_vard', labelSv: 'Upphörande av vård enligt LVU', labelEn: 'Ending care under LVU', decisionBasis: '21 § LVU', restriction: LVU_RESTRICTION },
  { key: 'lvm_ansokan_vard', labelSv: 'Ansökan hos förvaltningsrätten om vård enligt LVM', labelEn: 'Application to the administrative court for care under LVM', decisionBasis: '11 § LVM', restriction: LVM_RESTRICTION },
  { key: 'lvm_omedelbart_omhandertagande', labelSv: 'Omedelbart omhändertagande enligt LVM', labelEn: 'Immediate custody under LVM', decisionBasis: '13 § LVM', restriction: LVM_RESTRICTION },
];

const BY_KEY = new Map(NON_DELEGABLE.map((d) => [d.key, d]));

/** The decision if the law keeps it from officials (handläggare, arbetsledare); otherwise null. */
export function nonDelegable(decisionType: string): NonDelegableDecision | null {
  return BY_KEY.get(decisionType) ?? null;
}

/** The refusal, in Swedish, for a delegation rule that gives such a decision to an official. */
export function nonDelegableReason(d: NonDelegableDecision): string {
  return `${d.labelSv} (${d.decisionBasis}) får inte delegeras till en tjänsteman (${d.restriction}). `
    + 'Beslutet fattas av nämnden eller dess utskott, i brådskande fall av ordföranden; ta bort regeln eller välj en annan beslutstyp.';
}
