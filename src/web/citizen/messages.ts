// Strings for "Mina ärenden" (medborgare), Swedish first in klarspråk, with English.
import type { CitizenCase, CitizenRelation, WithheldReason } from '../../shared/citizen-api';
import { CITIZEN_STATUS_SV, WITHHELD_TEXT_SV } from '../../domain/citizen-status';

type CaseStatus = CitizenCase['status'];

const sv = {
  title: 'Mina ärenden',
  applyLink: 'Ansök om hjälp i vardagen',
  amount: 'Belopp',
  applyFsLink: 'Ansök om försörjningsstöd',
  reportLink: 'Gör en orosanmälan om ett barn',
  eServices: 'E-tjänster',
  lead: 'Här ser du hur det går med dina ärenden hos socialtjänsten, vilka beslut vi har fattat och varför.',
  actingForLegend: 'Jag agerar för',
  relation: {
    self: 'Mig själv',
    vardnadshavare: 'Barn som jag är vårdnadshavare för',
    ombud: 'Har gett mig fullmakt',
  } satisfies Record<CitizenRelation, string> as Record<CitizenRelation, string>,
  age: (n: number) => `${n} år`,
  fullmakt: (scope: string | null, validTo: string | null) =>
    [scope ? `Fullmakten gäller: ${scope}.` : null, validTo ? `Den gäller till och med ${validTo}.` : null].filter(Boolean).join(' '),
  casesFor: (name: string, self: boolean) => (self ? 'Mina ärenden' : `Ärenden för ${name}`),
  noCases: 'Det finns inga ärenden att visa.',
  withheld: WITHHELD_TEXT_SV satisfies Record<WithheldReason, string>,
  caseNumber: 'Ärendenummer',
  started: 'Vi tog emot ärendet',
  closed: 'Ärendet avslutades',
  stepsHeading: 'Så går det med ärendet',
  stepState: { klar: 'klart', pagar: 'pågår nu', kommer: 'kommer senare' },
  // The plain-words status is the domain's (the server sends the same words).
  status: CITIZEN_STATUS_SV as Record<CaseStatus, string>,
  /** null: use the server's Swedish text (the source of truth). */
  explain: null as null | Record<CaseStatus, string>,
  next: null as null | Record<CaseStatus, string | null>,
  nextAfterRefusal: null as string | null,
  contact: (name: string, phone: string | null) => `Din handläggare heter ${name}.${phone ? ` Du når oss på telefon ${phone}.` : ''}`,
  decisions: 'Beslut',
  decidedOn: 'Beslutsdatum',
  valid: 'Gäller',
  why: 'Varför fick jag det här beslutet?',
  appealInSwedish: null as string | null,
  letters: 'Brev',
  letterLink: (date: string) => `Beslutsbrev ${date} (PDF)`,
};

export type CitizenMessages = typeof sv;

const en: CitizenMessages = {
  title: 'My cases',
  applyLink: 'Apply for support in daily life',
  amount: 'Amount',
  applyFsLink: 'Apply for income support (försörjningsstöd)',
  reportLink: 'Report concern about a child',
  eServices: 'E-services',
  lead: 'Here you can follow your cases with the social services, see the decisions we have made and why.',
  actingForLegend: 'I am acting for',
  relation: { self: 'Myself', vardnadshavare: 'A child in my custody', ombud: 'Has given me power of attorney' },
  age: (n: number) => `${n} years`,
  fullmakt: (scope: string | null, validTo: string | null) =>
    [scope ? `The power of attorney covers (in Swedish): ${scope}.` : null, validTo ? `It is valid until ${validTo}.` : null].filter(Boolean).join(' '),
  casesFor: (name: string, self: boolean) => (self ? 'My cases' : `Cases for ${name}`),
  noCases: 'There are no cases to show.',
  withheld: {
    myndig: 'The person is an adult. You can no longer see their cases.',
    barnets_egna: 'Once a child has turned 15, the child’s cases are the child’s own. Contact the social services if you have questions.',
    skyddat_arende: 'Some cases are not shown here. Contact the social services if you have questions.',
    utanfor_fullmakt: 'The power of attorney does not cover every matter. Matters outside it are not shown here.',
  },
  caseNumber: 'Case number',
  started: 'We received the case',
  closed: 'The case was closed',
  stepsHeading: 'How the case is going',
  stepState: { klar: 'done', pagar: 'in progress', kommer: 'to come' },
  status: {
    aktualiserad: 'Registered',
    forhandsbedomning: 'We are assessing whether to investigate',
    utredning: 'Being investigated',
    beslut: 'Decision made',
    verkstallighet: 'The support is under way',
    uppfoljning: 'We are following up',
    avslutad: 'Closed',
  },
  explain: {
    aktualiserad: 'We have received and registered the case.',
    forhandsbedomning: 'We are reading what we received and deciding whether to start an investigation.',
    utredning: 'We are gathering what we need to make a decision. We may contact you.',
    beslut: 'We have made a decision. You can read the decision and the reasons below.',
    verkstallighet: 'What was decided has started or is about to start.',
    uppfoljning: 'We are looking at how it has gone.',
    avslutad: 'The case is closed.',
  },
  next: {
    aktualiserad: 'Next step: a case worker goes through the case.',
    forhandsbedomning: 'Next step: we decide whether to investigate, within 14 days.',
    utredning: 'Next step: a decision. You will get it in writing.',
    beslut: 'Next step: what was decided is put in place.',
    verkstallighet: 'Next step: we follow up that the support works.',
    uppfoljning: 'Next step: we finish the follow-up and tell you what we found.',
    avslutad: null,
  },
  nextAfterRefusal: 'If you are not satisfied with the decision, you can appeal. See how next to the decision.',
  contact: (name: string, phone: string | null) => `Your case worker is ${name}.${phone ? ` You can reach us by phone on ${phone}.` : ''}`,
  decisions: 'Decisions',
  decidedOn: 'Date of decision',
  valid: 'Valid',
  why: 'Why did I get this decision?',
  appealInSwedish: 'How to appeal. The instructions below are in Swedish, as in the decision letter. You have three weeks from the day you received the decision.',
  letters: 'Letters',
  letterLink: (date: string) => `Decision letter ${date} (PDF)`,
};

export const citizenMessages = { sv, en };
