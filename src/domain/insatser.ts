// The national catalogue of insatser a socialnämnd decides on, with the legal basis, which
// delegation key decides it, and how the decision can be appealed. Municipalities decide who may
// take each decision (delegationsordning, see delegation.ts); the law decides the rest.
//
// Appeal routes (domain.md 1.2): förvaltningsbesvär only for the decisions listed in 35 kap. 1 §
// SoL (among them insatser under 11 kap. 1 § and 12 kap. 1 §), and for LSS insatser (27 § LSS);
// process decisions such as opening an investigation are not appealable.
//
// KSI (Socialstyrelsen's Klassifikation av socialtjänstens insatser och aktiviteter, domain.md 2):
// the codes are left null until copied from Socialstyrelsen's published KSI 2022 file; a code
// printed on a decision must be the official one, so none is guessed here.

export type AppealRoute = 'forvaltningsbesvar' | 'laglighetsprovning' | 'ingen';
export type Law = 'SoL' | 'LSS';
export type InsatsArea = 'aldreomsorg' | 'funktionsstod' | 'barn_och_unga' | 'vuxen' | 'ekonomiskt_bistand' | 'vald_i_nara_relationer';

export interface Insats {
  key: string;
  labelSv: string;
  labelEn: string;
  law: Law;
  /** Machine form stored on the decision: 'SoL2025:11:1', 'LSS:9:10'. */
  legalBasis: string;
  areas: readonly InsatsArea[];
  /** The delegationsordning's key for who may decide it; one per insats. */
  decisionType: string;
  appealRoute: AppealRoute;
  /** How the scope is usually stated, as a hint in the form. */
  scopeHint: string | null;
  ksiCode: string | null;
  /** Ekonomiskt bistånd: the decision carries an amount. */
  hasAmount?: boolean;
}

const SOL_11_1 = 'SoL2025:11:1';
const SOL_12_1 = 'SoL2025:12:1';
const ELDERLY_AND_DISABILITY: InsatsArea[] = ['aldreomsorg', 'funktionsstod'];

function sol(key: string, labelSv: string, labelEn: string, areas: InsatsArea[], scopeHint: string | null): Insats {
  return { key, labelSv, labelEn, law: 'SoL', legalBasis: SOL_11_1, areas, decisionType: key, appealRoute: 'forvaltningsbesvar', scopeHint, ksiCode: null };
}

function lss(point: number, key: string, labelSv: string, labelEn: string, scopeHint: string | null): Insats {
  return { key, labelSv, labelEn, law: 'LSS', legalBasis: `LSS:9:${point}`, areas: ['funktionsstod'], decisionType: key, appealRoute: 'forvaltningsbesvar', scopeHint, ksiCode: null };
}

export const INSATSER: readonly Insats[] = [
  // 11 kap. 1 § SoL: äldre och personer med funktionsnedsättning
  sol('hemtjanst', 'Hemtjänst', 'Home care', ELDERLY_AND_DISABILITY, 'timmar per månad'),
  sol('sarskilt_boende', 'Särskilt boende', 'Residential care home', ELDERLY_AND_DISABILITY, null),
  sol('korttidsvistelse', 'Korttidsvistelse', 'Short-term stay', ELDERLY_AND_DISABILITY, 'dygn per månad'),
  sol('dagverksamhet', 'Dagverksamhet', 'Day activities', ELDERLY_AND_DISABILITY, 'dagar per vecka'),
  sol('trygghetslarm', 'Trygghetslarm', 'Personal safety alarm', ELDERLY_AND_DISABILITY, null),
  sol('matdistribution', 'Matdistribution', 'Meal delivery', ELDERLY_AND_DISABILITY, 'portioner per vecka'),
  sol('avlosning', 'Avlösning i hemmet', 'Respite at home', ELDERLY_AND_DISABILITY, 'timmar per månad'),
  sol('boendestod', 'Boendestöd', 'Housing support', ['funktionsstod', 'vuxen'], 'timmar per vecka'),
  sol('kontaktperson_sol', 'Kontaktperson', 'Contact person', ['funktionsstod', 'vuxen', 'barn_och_unga'], 'tillfällen per månad'),
  // 11 kap. 1 § SoL: individ- och familjeomsorg
  sol('kontaktfamilj', 'Kontaktfamilj', 'Contact family', ['barn_och_unga'], 'dygn per månad'),
  sol('familjehem', 'Placering i familjehem', 'Foster home placement', ['barn_och_unga'], null),
  sol('hvb', 'Placering i hem för vård eller boende (HVB)', 'Placement in a residential home (HVB)', ['barn_och_unga', 'vuxen'], null),
  sol('oppenvard', 'Behandling i öppenvård', 'Outpatient treatment', ['vuxen', 'barn_och_unga'], 'tillfällen per vecka'),
  sol('skyddat_boende', 'Skyddat boende', 'Sheltered housing', ['vald_i_nara_relationer', 'vuxen'], null),
  sol('stodsamtal', 'Stödsamtal', 'Supportive counselling', ['vuxen', 'vald_i_nara_relationer', 'barn_och_unga'], 'tillfällen'),
  // 12 kap. 1 § SoL: ekonomiskt bistånd
  { key: 'forsorjningsstod', labelSv: 'Försörjningsstöd', labelEn: 'Income support', law: 'SoL', legalBasis: SOL_12_1, areas: ['ekonomiskt_bistand'], decisionType: 'forsorjningsstod', appealRoute: 'forvaltningsbesvar', scopeHint: 'månad', ksiCode: null, hasAmount: true },
  { key: 'livsforing_ovrigt', labelSv: 'Ekonomiskt bistånd till livsföringen i övrigt', labelEn: 'Financial assistance for other living costs', law: 'SoL', legalBasis: SOL_12_1, areas: ['ekonomiskt_bistand'], decisionType: 'livsforing_ovrigt', appealRoute: 'forvaltningsbesvar', scopeHint: null, ksiCode: null, hasAmount: true },
  // 9 § LSS
  lss(1, 'lss_radgivning', 'Rådgivning och annat personligt stöd', 'Advice and personal support', null),
  lss(2, 'lss_personlig_assistans', 'Personlig assistans', 'Personal assistance', 'timmar per vecka'),
  lss(3, 'lss_ledsagarservice', 'Ledsagarservice', 'Companion service', 'timmar per månad'),
  lss(4, 'lss_kontaktperson', 'Biträde av kontaktperson', 'Contact person', 'tillfällen per månad'),
  lss(5, 'lss_avlosarservice', 'Avlösarservice i hemmet', 'Respite service at home', 'timmar per månad'),
  lss(6, 'lss_korttidsvistelse', 'Korttidsvistelse utanför det egna hemmet', 'Short-term stay away from home', 'dygn per månad'),
  lss(7, 'lss_korttidstillsyn', 'Korttidstillsyn för skolungdom över 12 år', 'Short-term supervision for school pupils over 12', null),
  lss(8, 'lss_boende_barn', 'Boende i familjehem eller bostad med särskild service för barn eller ungdomar', 'Foster home or special housing for children', null),
  lss(9, 'lss_bostad_sarskild_service', 'Bostad med särskild service för vuxna', 'Special housing for adults', null),
  lss(10, 'lss_daglig_verksamhet', 'Daglig verksamhet', 'Daily activities', 'dagar per vecka'),
];

const BY_KEY = new Map(INSATSER.map((i) => [i.key, i]));

export function insatsByKey(key: string): Insats | undefined {
  return BY_KEY.get(key);
}

/** Catalogue entries offered for a case area (and law, for LSS applications). */
export function insatserFor(area: string, law?: Law): Insats[] {
  return INSATSER.filter((i) => (i.areas as readonly string[]).includes(area) && (law === undefined || i.law === law));
}

/** Best-effort link from a free-text insats name (old data) to the catalogue. */
export function findInsats(name: string, legalBasis: string): Insats | undefined {
  const lower = name.toLowerCase();
  const lssPoint = /^LSS:9:(\d+)$/.exec(legalBasis)?.[1];
  if (lssPoint) return INSATSER.find((i) => i.legalBasis === `LSS:9:${lssPoint}`);
  if (legalBasis === SOL_12_1) return insatsByKey(lower.startsWith('försörjningsstöd') ? 'forsorjningsstod' : 'livsforing_ovrigt');
  return INSATSER.filter((i) => i.law === 'SoL').find((i) => lower.startsWith(i.labelSv.toLowerCase().split(' (')[0]!.split(' –')[0]!))
    ?? INSATSER.find((i) => lower.includes(i.labelSv.toLowerCase()));
}

/** Decisions in the process itself (not insatser), each with its own delegation key. */
export const PROCESS_DECISIONS = {
  inleda_utredning_barn: { labelSv: 'Beslut att inleda utredning om barn (20 kap. 2 § SoL)', labelEn: 'Decision to open a child investigation', appealRoute: 'ingen' },
  inte_inleda_utredning_barn: { labelSv: 'Beslut att inte inleda utredning om barn (20 kap. 2 § SoL)', labelEn: 'Decision not to open a child investigation', appealRoute: 'ingen' },
  forlanga_barnutredning: { labelSv: 'Beslut att förlänga utredning om barn (20 kap. 3 § SoL)', labelEn: 'Decision to extend a child investigation', appealRoute: 'ingen' },
  inte_inleda_utredning_vuxen: { labelSv: 'Beslut att inte inleda utredning om vuxen (14 kap. 2 § SoL)', labelEn: 'Decision not to open an investigation about an adult', appealRoute: 'ingen' },
} as const satisfies Record<string, { labelSv: string; labelEn: string; appealRoute: AppealRoute }>;
export type ProcessDecision = keyof typeof PROCESS_DECISIONS;

/** Every delegation key with its label, for the delegationsordning. */
export function decisionTypes(): Array<{ key: string; labelSv: string; labelEn: string; law: string }> {
  return [
    ...INSATSER.map((i) => ({ key: i.decisionType, labelSv: `${i.labelSv} (${legalBasisShort(i.legalBasis)})`, labelEn: i.labelEn, law: i.law })),
    ...Object.entries(PROCESS_DECISIONS).map(([key, d]) => ({ key, labelSv: d.labelSv, labelEn: d.labelEn, law: 'SoL' })),
  ];
}

export function isDecisionType(key: string): boolean {
  return BY_KEY.has(key) || key in PROCESS_DECISIONS;
}

/** 'SoL2025:11:1' → '11 kap. 1 § SoL'; 'LSS:9:10' → '9 § 10 LSS'. */
export function legalBasisShort(code: string): string {
  const sol = /^SoL2025:(\d+):(\d+)$/.exec(code);
  if (sol) return `${sol[1]} kap. ${sol[2]} § SoL`;
  const lssMatch = /^LSS:(\d+):(\d+)$/.exec(code);
  if (lssMatch) return `${lssMatch[1]} § ${lssMatch[2]} LSS`;
  return code;
}

/** The legal basis written out for a decision letter. */
export function legalBasisText(code: string): string {
  const sol = /^SoL2025:(\d+):(\d+)$/.exec(code);
  if (sol) return `${sol[1]} kap. ${sol[2]} § socialtjänstlagen (2025:400)`;
  const lssMatch = /^LSS:(\d+):(\d+)$/.exec(code);
  if (lssMatch) return `${lssMatch[1]} § ${lssMatch[2]} lagen (1993:387) om stöd och service till vissa funktionshindrade`;
  return code;
}

/**
 * Äldreomsorg from 65: not a legal limit but the municipalities' usual boundary between äldreomsorg
 * and funktionsstöd for SoL insatser (and the age from which Socialstyrelsen's statistics count
 * "äldre"). Used to route an application that names no unit.
 */
export const ELDERLY_FROM_AGE = 65;

export type BistandArea = 'aldreomsorg' | 'funktionsstod';

/** LSS insatser are always funktionsstöd (1 § LSS); SoL: äldreomsorg from 65, otherwise funktionsstöd. */
export function bistandArea(law: Law, age: number): BistandArea {
  if (law === 'LSS') return 'funktionsstod';
  return age >= ELDERLY_FROM_AGE ? 'aldreomsorg' : 'funktionsstod';
}
