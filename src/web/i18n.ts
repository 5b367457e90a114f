// Typed UI dictionary (Swedish default, English). `en` is typed as `Messages`, so TypeScript
// rejects a missing or extra key in either language.
import { createContext, createElement, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { STATUS_LABELS_SV } from '../domain/process/types';
import type { CaseListItem, CitizenCases, DecisionView, OrderView, PersonDetails, PersonRef } from '../shared/api';

export type Lang = 'sv' | 'en';
export type CaseStatus = CaseListItem['status'];
export type CaseArea = CaseListItem['area'];
export type CaseOrigin = CaseListItem['origin'];
export type Protection = PersonRef['protection'];
export type OrderStatus = OrderView['status'];
export type Outcome = DecisionView['outcome'];
export type IdKind = PersonDetails['idKind'];
export type CitizenRelation = CitizenCases['persons'][number]['relation'];

const sv = {
  appName: 'Lots',
  appTagline: 'Verksamhetssystem för socialtjänsten',
  skipLink: 'Hoppa till innehållet',
  languageSwitch: 'English',
  languageSwitchLang: 'en' as Lang,
  languageSwitchLabel: 'Change language to English',
  mainNav: 'Huvudmeny',
  account: 'Konto',
  logout: 'Logga ut',
  logoutEverywhere: 'Logga ut på alla enheter',
  loggingOut: 'Loggar ut…',
  logoutPendingMobile: (n: number) =>
    `Du har ${n === 1 ? '1 besök' : `${n} besök`} som inte har skickats från telefonen. Loggar du ut nu försvinner ${n === 1 ? 'det' : 'de'}. Logga ut ändå?`,
  loading: 'Laddar…',
  retry: 'Försök igen',
  notSet: 'Uppgift saknas',
  none: 'Inga',
  yearsOld: (n: number) => `${n} år`,
  backToStart: 'Till startsidan',
  pageTitle: (page: string) => `${page} – Lots`,

  // start page
  startDocTitle: 'Logga in',
  startTitle: 'Välkommen till Lots',
  startLead:
    'Lots är kommunens verksamhetssystem för socialtjänsten, där medarbetare handlägger ärenden och invånare kan följa sina egna ärenden.',
  staffHeading: 'För medarbetare',
  staffText: 'För handläggare, arbetsledare och personal hos utförare. Du loggar in med din tjänstelegitimation.',
  staffLogin: 'Logga in som medarbetare',
  citizenHeading: 'För invånare',
  citizenText: 'Se dina ärenden och beslut, och ärenden för barn du är vårdnadshavare för eller personer du är ombud för.',
  municipality: 'Kommun',
  chooseMunicipality: 'Välj kommun',
  citizenLogin: 'Logga in med e-legitimation',
  loginRequired: 'Du behöver logga in för att se sidan.',
  municipalitiesError: 'Det gick inte att hämta listan över kommuner.',
  loginFailedTitle: 'Inloggningen gick inte igenom',
  loginFailed: {
    'valj-kommun': 'Välj vilken kommun du vill logga in hos och försök igen.',
    tidsgrans: 'Inloggningen tog för lång tid. Försök igen.',
    avbruten: 'Inloggningen avbröts eller kunde inte slutföras. Försök igen.',
    'e-legitimation': 'Vi kunde inte läsa ditt personnummer från e-legitimationen, eller så är kommunen okänd. Försök igen.',
    'ingen-behorighet': 'Ditt konto har ingen behörighet i Lots. Kontakta din chef eller systemförvaltare.',
  } as Record<string, string>,
  loginFailedGeneric: 'Något gick fel vid inloggningen. Försök igen.',

  // errors
  notFoundTitle: 'Sidan hittades inte',
  notFoundText: 'Sidan du försökte nå finns inte. Kontrollera adressen eller gå tillbaka.',
  missingTitle: 'Uppgiften hittades inte',
  missingText: 'Det du letar efter finns inte eller har tagits bort.',
  forbiddenTitle: 'Du har inte behörighet',
  forbiddenText: 'Du har inte behörighet att se det här. Kontakta din systemförvaltare om du tror att det är fel.',
  errorTitle: 'Något gick fel',
  errorText: 'Det gick inte att hämta uppgifterna just nu.',
  wrongViewText: 'Den här delen av Lots hör inte till din roll.',
  goToMyView: 'Gå till din startsida',

  // staff
  navMyCases: 'Mina ärenden',
  navMyServices: 'Mina insatser',
  navMessages: 'Meddelanden',
  navSearch: 'Sök person',
  navUnitCases: 'Enhetens ärenden',
  navInbox: 'Inkorg',
  navInboxCount: (n: number) => (n === 1 ? '1 nytt ärende' : `${n} nya ärenden`),
  navNewCase: 'Ny aktualisering',
  navDashboard: 'Översikt',
  navEvb: 'Ej verkställda beslut',
  navClients: 'Kunder',
  navMobileDay: 'Mina besök i dag',
  unitCasesTitle: 'Enhetens ärenden',
  unitCasesCaption: 'Alla öppna ärenden i din enhet, även de som inte har fått en handläggare, sorterade efter närmaste tidsfrist',
  unitCasesEmpty: 'Enheten har inga öppna ärenden.',
  myCasesTitle: 'Mina ärenden',
  myCasesCaption: 'Öppna ärenden där du är handläggare, sorterade efter närmaste tidsfrist',
  myCasesEmpty: 'Du har inga öppna ärenden.',
  myCasesCount: (n: number) => (n === 1 ? '1 öppet ärende' : `${n} öppna ärenden`),
  overdueCount: (n: number) => (n === 1 ? '1 försenad tidsfrist' : `${n} försenade tidsfrister`),
  colPerson: 'Person',
  colCase: 'Ärende',
  colArea: 'Område',
  colStatus: 'Status',
  colDeadline: 'Nästa tidsfrist',
  overdue: 'Försenad',
  noDeadline: 'Ingen tidsfrist',
  due: 'Senast',

  searchTitle: 'Sök person',
  searchLabel: 'Namn eller personnummer',
  searchHint: 'Skriv minst 2 tecken. Sökningen startar medan du skriver.',
  searchButton: 'Sök',
  searchTooShort: 'Skriv minst 2 tecken för att söka.',
  searching: 'Söker…',
  searchResults: 'Sökresultat',
  resultCount: (n: number) => (n === 0 ? 'Inga personer hittades.' : n === 1 ? '1 person hittades.' : `${n} personer hittades.`),
  requestAccess: 'Begär åtkomst',
  noRelationShort: 'Ingen koppling till dig',
  born: 'Född',

  personTitle: 'Personöversikt',
  personOverviewFor: 'Översikt',
  idNumber: 'Personnummer',
  age: 'Ålder',
  address: 'Adress',
  phone: 'Telefon',
  protectedAddress: 'Skyddad adress',
  protectedAddressHint: 'Adressen visas inte på grund av skyddade personuppgifter.',
  relations: 'Relationer',
  relationsCaption: 'Vårdnadshavare, ombud och andra relationer',
  relationsEmpty: 'Inga registrerade relationer.',
  colRelation: 'Relation',
  colScope: 'Omfattning',
  colValid: 'Giltig',
  validFromTo: (from: string, to: string | null) => (to ? `${from} – ${to}` : `från ${from}`),
  relationIs: (kind: string) => `${kind} för`,
  cases: 'Ärenden',
  casesEmpty: 'Personen har inga ärenden.',
  caseNumber: 'Ärendenummer',
  origin: 'Ursprung',
  receivedOn: 'Inkom',
  closedOn: 'Avslutat',
  unit: 'Enhet',
  assignedTo: 'Handläggare',
  unassigned: 'Ej fördelat',
  statusChain: 'Ärendets gång',
  currentStep: 'aktuellt steg',
  completedStep: 'klart',
  decisions: 'Beslut',
  decisionsEmpty: 'Inga beslut i ärendet.',
  decisionsCaption: (caseNumber: string) => `Beslut i ärende ${caseNumber}`,
  colInsats: 'Insats',
  colOutcome: 'Utfall',
  colLegalBasis: 'Lagrum',
  colDecidedOn: 'Beslutsdatum',
  colPeriod: 'Period',
  motivation: 'Motivering',
  showMotivation: 'Visa motivering',
  journal: 'Senaste journalanteckningar',
  journalEmpty: 'Inga journalanteckningar.',
  signed: 'Signerad',
  unsigned: 'Osignerad',
  signedAt: (when: string) => `Signerad ${when}`,
  author: 'Skriven av',
  inCase: 'Ärende',
  overrideBanner: 'Du har öppnat uppgifterna genom åtkomst av annat skäl (behov i arbetet).',
  overrideLogged: 'Åtkomsten loggas och följs upp.',

  noRelationTitle: 'Du saknar koppling till personen',
  noRelationText:
    'Du kan bara se uppgifter om personer som du har en koppling till, till exempel genom ett ärende i din enhet. Om du behöver uppgifterna i ditt arbete kan du ange skälet och öppna dem ändå.',
  overrideReason: 'Skäl till att du behöver uppgifterna',
  overrideReasonHint: 'Minst 10 tecken. Skälet sparas tillsammans med din åtkomst.',
  overrideReasonTooShort: 'Skriv ett skäl med minst 10 tecken.',
  overrideSubmit: 'Begär åtkomst',
  overrideSubmitting: 'Begär åtkomst…',
  overrideCancel: 'Tillbaka till sökningen',
  formErrorSummary: 'Det finns fel i formuläret',

  // provider
  navOrders: 'Beställningar',
  ordersTitle: 'Beställningar',
  ordersLead: (provider: string) => `Beställningar till ${provider}.`,
  newOrders: 'Nya beställningar',
  otherOrders: 'Övriga beställningar',
  ordersEmpty: 'Det finns inga beställningar.',
  newOrdersEmpty: 'Inga nya beställningar.',
  orderNumber: 'Beställning',
  client: 'Klient',
  insats: 'Insats',
  scope: 'Omfattning',
  startOn: 'Startdatum',
  endOn: 'Slutdatum',
  period: 'Period',
  sentAt: 'Skickad',
  infoToProvider: 'Information till utförare',
  clientTitle: 'Klient',
  clientOrders: 'Beställningar för klienten',
  openClient: (name: string) => `Visa klient ${name}`,

  // citizen
  citizenTitle: 'Mina ärenden',
  citizenLead: 'Här ser du dina ärenden hos socialtjänsten och de beslut som har fattats.',
  citizenEmpty: 'Du har inga ärenden hos socialtjänsten.',
  personCasesEmpty: 'Det finns inga ärenden.',
  citizenRelationHeading: (relation: CitizenRelation, name: string) =>
    relation === 'self' ? 'Du själv' : relation === 'vardnadshavare' ? `Ditt barn ${name}` : `Du är ombud för ${name}`,
  citizenStarted: 'Ärendet startade',
  citizenClosed: 'Ärendet avslutades',
  citizenDecisionValid: 'Gäller',
  citizenAppealInfo:
    'Om du inte är nöjd med ett beslut kan du överklaga det. Hur du gör står i beslutet. Du kan också kontakta din handläggare.',
  citizenWhy: 'Varför fick jag det här beslutet?',

  // system administrator
  navOverview: 'Översikt',
  navDelegation: 'Delegationsordning',
  navTemplates: 'Brevmallar',
  navProviders: 'Utförare',
  adminTitle: 'Systemförvaltning',
  adminLead: 'Den här vyn är till för systemförvaltare och visar inga personuppgifter.',
  systemStatus: 'Systemstatus',
  statusOk: 'Allt fungerar',
  statusDegraded: 'Begränsad funktion',
  database: 'Databas',
  reachable: 'Nås',
  unreachable: 'Nås inte',
  version: 'Version',
  migrations: 'Migreringar',

  // enums
  caseStatus: STATUS_LABELS_SV satisfies Record<CaseStatus, string> as Record<CaseStatus, string>,
  citizenStatus: {
    aktualiserad: 'Registrerat',
    forhandsbedomning: 'Vi går igenom ärendet',
    utredning: 'Vi utreder',
    beslut: 'Beslut fattat',
    verkstallighet: 'Insatsen pågår',
    uppfoljning: 'Vi följer upp',
    avslutad: 'Avslutat',
  } satisfies Record<CaseStatus, string> as Record<CaseStatus, string>,
  citizenStatusHelp: {
    aktualiserad: 'Vi har tagit emot ärendet.',
    forhandsbedomning: 'Vi bedömer om vi behöver göra en utredning.',
    utredning: 'Vi samlar in uppgifter för att kunna fatta ett beslut.',
    beslut: 'Vi har fattat ett beslut. Du ser beslutet nedan.',
    verkstallighet: 'Det som har beslutats genomförs nu.',
    uppfoljning: 'Vi följer upp hur insatsen fungerar.',
    avslutad: 'Ärendet är avslutat.',
  } satisfies Record<CaseStatus, string> as Record<CaseStatus, string>,
  caseArea: {
    barn_och_unga: 'Barn och unga',
    vuxen: 'Vuxen',
    ekonomiskt_bistand: 'Ekonomiskt bistånd',
    aldreomsorg: 'Äldreomsorg',
    funktionsstod: 'Funktionsstöd',
    familjeratt: 'Familjerätt',
    vald_i_nara_relationer: 'Våld i nära relationer',
  } satisfies Record<CaseArea, string> as Record<CaseArea, string>,
  caseOrigin: {
    ansokan: 'Ansökan',
    anmalan: 'Anmälan',
    ovrigt: 'Övrigt',
  } satisfies Record<CaseOrigin, string> as Record<CaseOrigin, string>,
  protection: {
    ingen: 'Inget skydd',
    sekretessmarkering: 'Sekretessmarkering',
    skyddad_folkbokforing: 'Skyddad folkbokföring',
  } satisfies Record<Protection, string> as Record<Protection, string>,
  protectedPersonalData: 'Skyddade personuppgifter',
  orderStatus: {
    skickad: 'Ny',
    accepterad: 'Accepterad',
    pagaende: 'Pågående',
    avslutad: 'Avslutad',
    returnerad: 'Returnerad',
  } satisfies Record<OrderStatus, string> as Record<OrderStatus, string>,
  outcome: {
    bifall: 'Bifall',
    delvis_bifall: 'Delvis bifall',
    avslag: 'Avslag',
  } satisfies Record<Outcome, string> as Record<Outcome, string>,
  citizenOutcome: {
    bifall: 'Beviljat',
    delvis_bifall: 'Delvis beviljat',
    avslag: 'Avslag',
  } satisfies Record<Outcome, string> as Record<Outcome, string>,
  idKind: {
    personnummer: 'Personnummer',
    samordningsnummer: 'Samordningsnummer',
    reservnummer: 'Reservnummer',
  } satisfies Record<IdKind, string> as Record<IdKind, string>,
  relationKind: {
    vardnadshavare: 'Vårdnadshavare',
    ombud: 'Ombud',
    god_man: 'God man',
    forvaltare: 'Förvaltare',
    barn: 'Barn',
    fullmakt: 'Fullmakt',
  } as Record<string, string>,
  views: {
    handlaggare: 'Handläggare',
    utforare: 'Utförare',
    medborgare: 'Invånare',
    systemforvaltare: 'Systemförvaltare',
  } as Record<string, string>,
};

export type Messages = typeof sv;

const en: Messages = {
  appName: 'Lots',
  appTagline: 'Case management for social services',
  skipLink: 'Skip to content',
  languageSwitch: 'Svenska',
  languageSwitchLang: 'sv',
  languageSwitchLabel: 'Byt språk till svenska',
  mainNav: 'Main menu',
  account: 'Account',
  logout: 'Log out',
  logoutEverywhere: 'Log out on all devices',
  loggingOut: 'Logging out…',
  logoutPendingMobile: (n: number) =>
    `You have ${n === 1 ? '1 visit action' : `${n} visit actions`} that ${n === 1 ? 'has' : 'have'} not been sent from this phone. If you log out now, ${n === 1 ? 'it' : 'they'} will be lost. Log out anyway?`,
  loading: 'Loading…',
  retry: 'Try again',
  notSet: 'Not recorded',
  none: 'None',
  yearsOld: (n: number) => `${n} years`,
  backToStart: 'Go to the start page',
  pageTitle: (page: string) => `${page} – Lots`,

  startDocTitle: 'Log in',
  startTitle: 'Welcome to Lots',
  startLead:
    'Lots is the municipal social services case management system, where staff handle cases and residents can follow their own cases.',
  staffHeading: 'For staff',
  staffText: 'For case workers, team leaders and staff at service providers. You log in with your staff ID.',
  staffLogin: 'Log in as staff',
  citizenHeading: 'For residents',
  citizenText: 'See your cases and decisions, and the cases of children in your custody or persons you represent.',
  municipality: 'Municipality',
  chooseMunicipality: 'Choose municipality',
  citizenLogin: 'Log in with e-ID',
  loginRequired: 'You need to log in to see that page.',
  municipalitiesError: 'The list of municipalities could not be loaded.',
  loginFailedTitle: 'You could not be logged in',
  loginFailed: {
    'valj-kommun': 'Choose the municipality you want to log in to and try again.',
    tidsgrans: 'The login took too long. Please try again.',
    avbruten: 'The login was cancelled or could not be completed. Please try again.',
    'e-legitimation': 'We could not read your personal identity number from the e-ID, or the municipality is unknown. Please try again.',
    'ingen-behorighet': 'Your account has no access to Lots. Contact your manager or system administrator.',
  },
  loginFailedGeneric: 'Something went wrong during login. Please try again.',

  notFoundTitle: 'Page not found',
  notFoundText: 'The page you tried to reach does not exist. Check the address or go back.',
  missingTitle: 'Not found',
  missingText: 'What you are looking for does not exist or has been removed.',
  forbiddenTitle: 'You do not have access',
  forbiddenText: 'You are not allowed to see this. Contact your system administrator if you think this is wrong.',
  errorTitle: 'Something went wrong',
  errorText: 'The information could not be loaded right now.',
  wrongViewText: 'This part of Lots does not belong to your role.',
  goToMyView: 'Go to your start page',

  navMyCases: 'My cases',
  navMyServices: 'My services',
  navMessages: 'Messages',
  navSearch: 'Find person',
  navUnitCases: "Unit's cases",
  navInbox: 'Inbox',
  navInboxCount: (n: number) => (n === 1 ? '1 new case' : `${n} new cases`),
  navNewCase: 'New intake',
  navDashboard: 'Overview',
  navEvb: 'Decisions not executed',
  navClients: 'Clients',
  navMobileDay: "Today's visits",
  unitCasesTitle: "Unit's cases",
  unitCasesCaption: 'All open cases in your unit, including those not yet assigned, sorted by nearest deadline',
  unitCasesEmpty: 'Your unit has no open cases.',
  myCasesTitle: 'My cases',
  myCasesCaption: 'Open cases assigned to you, sorted by nearest deadline',
  myCasesEmpty: 'You have no open cases.',
  myCasesCount: (n: number) => (n === 1 ? '1 open case' : `${n} open cases`),
  overdueCount: (n: number) => (n === 1 ? '1 overdue deadline' : `${n} overdue deadlines`),
  colPerson: 'Person',
  colCase: 'Case',
  colArea: 'Area',
  colStatus: 'Status',
  colDeadline: 'Next deadline',
  overdue: 'Overdue',
  noDeadline: 'No deadline',
  due: 'Due',

  searchTitle: 'Find person',
  searchLabel: 'Name or personal identity number',
  searchHint: 'Type at least 2 characters. The search starts as you type.',
  searchButton: 'Search',
  searchTooShort: 'Type at least 2 characters to search.',
  searching: 'Searching…',
  searchResults: 'Search results',
  resultCount: (n: number) => (n === 0 ? 'No persons found.' : n === 1 ? '1 person found.' : `${n} persons found.`),
  requestAccess: 'Request access',
  noRelationShort: 'No relation to you',
  born: 'Born',

  personTitle: 'Person overview',
  personOverviewFor: 'Overview',
  idNumber: 'Personal identity number',
  age: 'Age',
  address: 'Address',
  phone: 'Phone',
  protectedAddress: 'Protected address',
  protectedAddressHint: 'The address is not shown because the personal data is protected.',
  relations: 'Relations',
  relationsCaption: 'Guardians, representatives and other relations',
  relationsEmpty: 'No registered relations.',
  colRelation: 'Relation',
  colScope: 'Scope',
  colValid: 'Valid',
  validFromTo: (from: string, to: string | null) => (to ? `${from} – ${to}` : `from ${from}`),
  relationIs: (kind: string) => `${kind} of`,
  cases: 'Cases',
  casesEmpty: 'The person has no cases.',
  caseNumber: 'Case number',
  origin: 'Origin',
  receivedOn: 'Received',
  closedOn: 'Closed',
  unit: 'Unit',
  assignedTo: 'Case worker',
  unassigned: 'Not assigned',
  statusChain: 'Case progress',
  currentStep: 'current step',
  completedStep: 'done',
  decisions: 'Decisions',
  decisionsEmpty: 'No decisions in this case.',
  decisionsCaption: (caseNumber: string) => `Decisions in case ${caseNumber}`,
  colInsats: 'Service (insats)',
  colOutcome: 'Outcome',
  colLegalBasis: 'Legal basis',
  colDecidedOn: 'Decided',
  colPeriod: 'Period',
  motivation: 'Reasoning',
  showMotivation: 'Show reasoning',
  journal: 'Latest journal entries',
  journalEmpty: 'No journal entries.',
  signed: 'Signed',
  unsigned: 'Unsigned',
  signedAt: (when: string) => `Signed ${when}`,
  author: 'Written by',
  inCase: 'Case',
  overrideBanner: 'You opened this information through need-to-know access (no case relation).',
  overrideLogged: 'The access is logged and reviewed.',

  noRelationTitle: 'You have no relation to this person',
  noRelationText:
    'You can only see information about persons you have a relation to, for example through a case in your unit. If you need the information for your work, you can state the reason and open it anyway.',
  overrideReason: 'Why you need the information',
  overrideReasonHint: 'At least 10 characters. The reason is stored with your access.',
  overrideReasonTooShort: 'Write a reason of at least 10 characters.',
  overrideSubmit: 'Request access',
  overrideSubmitting: 'Requesting access…',
  overrideCancel: 'Back to search',
  formErrorSummary: 'There is a problem with the form',

  navOrders: 'Orders',
  ordersTitle: 'Orders',
  ordersLead: (provider: string) => `Orders sent to ${provider}.`,
  newOrders: 'New orders',
  otherOrders: 'Other orders',
  ordersEmpty: 'There are no orders.',
  newOrdersEmpty: 'No new orders.',
  orderNumber: 'Order',
  client: 'Client',
  insats: 'Service (insats)',
  scope: 'Scope',
  startOn: 'Start date',
  endOn: 'End date',
  period: 'Period',
  sentAt: 'Sent',
  infoToProvider: 'Information for the provider',
  clientTitle: 'Client',
  clientOrders: 'Orders for the client',
  openClient: (name: string) => `Show client ${name}`,

  citizenTitle: 'My cases',
  citizenLead: 'Here you can see your cases with the social services and the decisions that have been made.',
  citizenEmpty: 'You have no cases with the social services.',
  personCasesEmpty: 'There are no cases.',
  citizenRelationHeading: (relation: CitizenRelation, name: string) =>
    relation === 'self' ? 'You' : relation === 'vardnadshavare' ? `Your child ${name}` : `You represent ${name}`,
  citizenStarted: 'Case started',
  citizenClosed: 'Case closed',
  citizenDecisionValid: 'Valid',
  citizenAppealInfo:
    'If you are not satisfied with a decision, you can appeal it. The decision tells you how. You can also contact your case worker.',
  citizenWhy: 'Why did I get this decision?',

  navOverview: 'Overview',
  navDelegation: 'Delegation of authority',
  navTemplates: 'Letter templates',
  navProviders: 'Providers',
  adminTitle: 'System administration',
  adminLead: 'This view is for system administrators and shows no personal data.',
  systemStatus: 'System status',
  statusOk: 'Everything works',
  statusDegraded: 'Degraded',
  database: 'Database',
  reachable: 'Reachable',
  unreachable: 'Not reachable',
  version: 'Version',
  migrations: 'Migrations',

  caseStatus: {
    aktualiserad: 'Initiated (aktualisering)',
    forhandsbedomning: 'Initial assessment',
    utredning: 'Investigation',
    beslut: 'Decision',
    verkstallighet: 'Implementation',
    uppfoljning: 'Follow-up',
    avslutad: 'Closed',
  },
  citizenStatus: {
    aktualiserad: 'Registered',
    forhandsbedomning: 'We are reviewing the case',
    utredning: 'We are investigating',
    beslut: 'Decision made',
    verkstallighet: 'Support in progress',
    uppfoljning: 'We are following up',
    avslutad: 'Closed',
  },
  citizenStatusHelp: {
    aktualiserad: 'We have received the case.',
    forhandsbedomning: 'We are assessing whether an investigation is needed.',
    utredning: 'We are gathering information to be able to make a decision.',
    beslut: 'We have made a decision. You can see it below.',
    verkstallighet: 'What was decided is now being carried out.',
    uppfoljning: 'We are following up on how the support works.',
    avslutad: 'The case is closed.',
  },
  caseArea: {
    barn_och_unga: 'Children and young people',
    vuxen: 'Adults',
    ekonomiskt_bistand: 'Financial assistance',
    aldreomsorg: 'Elderly care',
    funktionsstod: 'Disability support',
    familjeratt: 'Family law',
    vald_i_nara_relationer: 'Domestic violence',
  },
  caseOrigin: {
    ansokan: 'Application',
    anmalan: 'Report of concern',
    ovrigt: 'Other',
  },
  protection: {
    ingen: 'No protection',
    sekretessmarkering: 'Confidentiality marking',
    skyddad_folkbokforing: 'Protected registration',
  },
  protectedPersonalData: 'Protected personal data',
  orderStatus: {
    skickad: 'New',
    accepterad: 'Accepted',
    pagaende: 'In progress',
    avslutad: 'Completed',
    returnerad: 'Returned',
  },
  outcome: {
    bifall: 'Granted',
    delvis_bifall: 'Partly granted',
    avslag: 'Refused',
  },
  citizenOutcome: {
    bifall: 'Granted',
    delvis_bifall: 'Partly granted',
    avslag: 'Refused',
  },
  idKind: {
    personnummer: 'Personal identity number',
    samordningsnummer: 'Coordination number',
    reservnummer: 'Temporary number',
  },
  relationKind: {
    vardnadshavare: 'Guardian',
    ombud: 'Representative',
    god_man: 'Trustee (god man)',
    forvaltare: 'Administrator (förvaltare)',
    barn: 'Child',
    fullmakt: 'Power of attorney',
  },
  views: {
    handlaggare: 'Case worker',
    utforare: 'Service provider',
    medborgare: 'Resident',
    systemforvaltare: 'System administrator',
  },
};

export const messages: Record<Lang, Messages> = { sv, en };

const STORAGE_KEY = 'lots.lang';

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'sv' || stored === 'en') return stored;
  } catch {
    // storage unavailable (privacy mode): fall back to Swedish
  }
  return 'sv';
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Messages;
}

const I18nContext = createContext<I18n>({ lang: 'sv', setLang: () => {}, t: sv });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => ({
    lang,
    t: messages[lang],
    setLang: (next) => {
      setLangState(next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // ignore
      }
    },
  }), [lang]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Messages {
  return useContext(I18nContext).t;
}

/** Label for a relation kind from the API (free text in the contract), e.g. 'vardnadshavare'. */
export function relationKindLabel(t: Messages, kind: string): string {
  return t.relationKind[kind] ?? (kind.charAt(0).toUpperCase() + kind.slice(1)).replaceAll('_', ' ');
}
