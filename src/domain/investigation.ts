// The structure of an utredning (investigation), per case type. Children's investigations follow
// BBIC's triangle; adult, elderly and disability investigations follow IBIC's life areas, which
// are ICF's Activity and Participation chapters (domain.md 3, S13). BBIC's own templates are
// licensed material and may not be altered, so Lots uses only the triangle's headings and leaves
// the wording to the handläggare. Pure data.

import type { CaseType } from './process/types.ts';

export interface InvestigationSection {
  key: string;
  labelSv: string;
  labelEn: string;
  /** A short hint shown in the empty field: what belongs here. */
  hintSv: string;
}

/** BBIC's triangle: Barnets utveckling – Föräldrarnas förmåga – Familj och miljö (S13). */
export const BBIC_SECTIONS: readonly InvestigationSection[] = [
  { key: 'bbic_barnets_behov', labelSv: 'Barnets behov och utveckling', labelEn: "The child's needs and development",
    hintSv: 'Hälsa, utbildning, känslo- och beteendemässig utveckling, identitet, familj och sociala relationer, socialt uppträdande, förmåga att klara sig själv.' },
  { key: 'bbic_foraldrarnas_formaga', labelSv: 'Föräldrarnas förmåga', labelEn: "The parents' capacity",
    hintSv: 'Grundläggande omsorg, säkerhet, känslomässig tillgänglighet, stimulans, vägledning och gränssättning, stabilitet.' },
  { key: 'bbic_familj_och_miljo', labelSv: 'Familj och miljö', labelEn: 'Family and environment',
    hintSv: 'Familjens bakgrund, nätverk, boende, arbete och ekonomi, social integration, lokalsamhällets resurser.' },
  { key: 'bbic_analys', labelSv: 'Analys och bedömning', labelEn: 'Analysis and assessment',
    hintSv: 'Sammanvägning av risk- och skyddsfaktorer och barnets behov av insatser.' },
];

/** IBIC life areas (ICF Activity and Participation, plus trygghet and närståendes stöd; S13). */
export const IBIC_SECTIONS: readonly InvestigationSection[] = [
  { key: 'ibic_larande', labelSv: 'Lärande och att tillämpa kunskap', labelEn: 'Learning and applying knowledge', hintSv: 'T.ex. att lösa problem, fatta beslut, hantera information.' },
  { key: 'ibic_allmanna_uppgifter', labelSv: 'Allmänna uppgifter och krav', labelEn: 'General tasks and demands', hintSv: 'Daglig rutin, hantera stress och krav.' },
  { key: 'ibic_kommunikation', labelSv: 'Kommunikation', labelEn: 'Communication', hintSv: 'Att förstå och göra sig förstådd, använda telefon och andra hjälpmedel.' },
  { key: 'ibic_forflyttning', labelSv: 'Förflyttning', labelEn: 'Mobility', hintSv: 'Att förflytta sig inomhus och utomhus, använda transportmedel.' },
  { key: 'ibic_personlig_vard', labelSv: 'Personlig vård', labelEn: 'Self-care', hintSv: 'Tvätta sig, klä sig, äta, sköta toalettbehov, sköta sin hälsa.' },
  { key: 'ibic_hemliv', labelSv: 'Hemliv', labelEn: 'Domestic life', hintSv: 'Skaffa varor och tjänster, laga mat, städa, tvätta.' },
  { key: 'ibic_relationer', labelSv: 'Mellanmänskliga interaktioner och relationer', labelEn: 'Interpersonal interactions and relationships', hintSv: 'Relationer med familj, vänner och andra.' },
  { key: 'ibic_utbildning_arbete', labelSv: 'Utbildning, arbete, sysselsättning och ekonomiskt liv', labelEn: 'Education, work, occupation and economic life', hintSv: 'Skola, arbete, sysselsättning, att hantera sin ekonomi.' },
  { key: 'ibic_samhallsgemenskap', labelSv: 'Samhällsgemenskap, socialt och medborgerligt liv', labelEn: 'Community, social and civic life', hintSv: 'Fritid, kultur, föreningsliv, religion.' },
  { key: 'ibic_trygghet', labelSv: 'Känsla av trygghet', labelEn: 'Feeling of safety', hintSv: 'Vad som får personen att känna sig trygg eller otrygg.' },
  { key: 'ibic_narstaende', labelSv: 'Personligt stöd från närstående', labelEn: 'Personal support from a family carer', hintSv: 'Stöd som en närstående ger, och den närståendes eget behov av stöd.' },
  { key: 'ibic_bedomning', labelSv: 'Bedömning', labelEn: 'Assessment', hintSv: 'Behov, resurser och mål; vad som behövs för skälig levnadsnivå eller goda levnadsvillkor.' },
];

/** Ekonomiskt bistånd: the household's situation; the calculation itself comes later. */
export const EB_SECTIONS: readonly InvestigationSection[] = [
  { key: 'eb_hushall', labelSv: 'Hushållet', labelEn: 'The household', hintSv: 'Vilka som ingår i hushållet, boende.' },
  { key: 'eb_inkomster', labelSv: 'Inkomster och tillgångar', labelEn: 'Income and assets', hintSv: 'Lön, ersättningar, bidrag, tillgångar.' },
  { key: 'eb_planering', labelSv: 'Planering och egen försörjning', labelEn: 'Plan towards self-support', hintSv: 'Arbetssökande, studier, sjukskrivning, planering mot egen försörjning.' },
  { key: 'eb_bedomning', labelSv: 'Bedömning', labelEn: 'Assessment', hintSv: 'Rätt till bistånd för perioden och skälen för det.' },
];

/** Vuxna (missbruk, våld): needs and risks; IBIC life areas are used where the case is about daily life. */
export const VUXEN_SECTIONS: readonly InvestigationSection[] = [
  { key: 'vuxen_situation', labelSv: 'Aktuell situation', labelEn: 'Current situation', hintSv: 'Vad anmälan eller ansökan gäller, personens situation nu.' },
  { key: 'vuxen_behov', labelSv: 'Behov och risker', labelEn: 'Needs and risks', hintSv: 'Behov av stöd, skydd eller vård, och risker för personen eller andra.' },
  { key: 'vuxen_natverk', labelSv: 'Nätverk och resurser', labelEn: 'Network and resources', hintSv: 'Familj, vänner, andra myndigheter och personens egna resurser.' },
  { key: 'vuxen_bedomning', labelSv: 'Bedömning', labelEn: 'Assessment', hintSv: 'Behov av insatser, eller skäl att inleda utredning enligt LVM.' },
];

export function investigationSections(type: CaseType): readonly InvestigationSection[] {
  switch (type) {
    case 'barn_anmalan': return BBIC_SECTIONS;
    case 'bistand_ansokan':
    case 'lss_ansokan': return IBIC_SECTIONS;
    case 'ekonomiskt_bistand': return EB_SECTIONS;
    case 'vuxen_anmalan': return VUXEN_SECTIONS;
  }
}

/** LSS 1 §: the three personkretsar, and 'ingen' when the person is not in any of them. */
export const PERSONKRETS = {
  '1': 'Personkrets 1: utvecklingsstörning, autism eller autismliknande tillstånd (1 § 1 LSS)',
  '2': 'Personkrets 2: betydande och bestående begåvningsmässigt funktionshinder efter hjärnskada i vuxen ålder (1 § 2 LSS)',
  '3': 'Personkrets 3: andra varaktiga fysiska eller psykiska funktionshinder som orsakar betydande svårigheter (1 § 3 LSS)',
  ingen: 'Tillhör inte personkretsen enligt 1 § LSS',
} as const;
export type Personkrets = keyof typeof PERSONKRETS;
