// Strings for "Mina insatser" (medborgare) and for the handläggare's view of the person's requests
// to choose or change provider. Swedish first in klarspråk, with English.
import type { ChoiceStatus, CitizenService } from '../../shared/citizen-services-api';
import type { CitizenRelation } from '../../shared/citizen-api';
import { useI18n } from '../i18n';

type ServiceStatus = CitizenService['status'];

const SV_WEEKDAY = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const EN_WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const SV_DAY_MONTH = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const EN_DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** '16–22 nov.' or '30 nov. – 6 dec.' */
function weekRange(f: Intl.DateTimeFormat, from: string, to: string): string {
  if (from.slice(0, 7) === to.slice(0, 7)) {
    const end = f.formatToParts(dayOf(to));
    const day = (x: string) => f.formatToParts(dayOf(x)).find((p) => p.type === 'day')?.value ?? '';
    return `${day(from)}–${end.map((p) => p.value).join('').trim()}`;
  }
  return `${f.format(dayOf(from))} – ${f.format(dayOf(to))}`;
}

/** A phone number that never breaks across lines. */
const nb = (s: string) => s.replace(/ /g, '\u00a0');

function hoursSv(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} tim` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}
function hoursEn(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}

const sv = {
  title: 'Mina insatser',
  lead: 'Här ser du vilka insatser som är beställda, vem som utför dem, genomförandeplanen och när personalen har varit på besök.',
  actingForLegend: 'Jag vill se insatser för',
  servicesFor: (name: string, self: boolean) => (self ? 'Dina insatser' : `Insatser för ${name}`),
  none: 'Det finns inga beställda insatser att visa.',
  noneHelp: 'När en insats är beviljad och beställd hos en utförare visas den här.',

  // the card
  status: {
    skickad: 'Beställd',
    accepterad: 'Startar snart',
    pagaende: 'Pågår',
    avbruten: 'Tillfälligt avbruten',
    avslutad: 'Avslutad',
  } satisfies Record<ServiceStatus, string> as Record<ServiceStatus, string>,
  statusHelp: {
    skickad: 'Kommunen har beställt insatsen hos utföraren. Utföraren hör av sig om starten.',
    accepterad: 'Utföraren har tagit emot beställningen och planerar starten.',
    pagaende: 'Insatsen har börjat.',
    avbruten: 'Insatsen är tillfälligt avbruten. Kontakta utföraren eller din handläggare om du har frågor.',
    avslutad: 'Insatsen är avslutad.',
  } satisfies Record<ServiceStatus, string> as Record<ServiceStatus, string>,
  ending: 'Upphör',
  endingHelp: (date: string) => `Den här utföraren ger insatsen till och med ${date}.`,
  provider: 'Utförare',
  providerKind: (kind: 'kommunal' | 'privat'): string => (kind === 'kommunal' ? 'kommunens egen utförare' : 'privat utförare'),
  phone: 'Telefon',
  email: 'E-post',
  scope: 'Omfattning',
  period: 'Period',
  periodText: (from: string, to: string | null) => (to ? `${from} – ${to}` : `från ${from}, tills vidare`),
  started: 'Började',

  plan: 'Genomförandeplan',
  planSummary: (version: number, signed: string | null) => `Visa genomförandeplanen (version ${version}${signed ? `, från ${signed}` : ''})`,
  planLead: 'Planen beskriver hur insatsen ska utföras. Den har skrivits av utföraren tillsammans med dig.',
  noPlan: 'Utföraren har inte gjort någon genomförandeplan ännu.',
  goals: 'Mål',
  parts: 'Vad, hur, när och vem',
  partHow: 'Hur',
  partWhen: 'När',
  partWho: 'Vem',
  participation: 'Så var du med och planerade',
  followUp: (date: string) => `Planen följs upp senast ${date}.`,

  visits: 'Besök',
  visitsLead: (days: number) => `Besök som personalen har registrerat de senaste ${days} dagarna.`,
  visitsSummary: (n: number, minutes: number) => `${n} besök, sammanlagt ${hoursSv(minutes)}.`,
  noVisits: (days: number) => `Inga registrerade besök de senaste ${days} dagarna.`,
  week: (week: number, from: string, to: string) => `Vecka ${week} (${weekRange(SV_DAY_MONTH, from, to)})`,
  weekSummary: (n: number, minutes: number) => `${n} besök, ${hoursSv(minutes)}`,
  visitDay: (iso: string) => SV_WEEKDAY.format(dayOf(iso)),
  visitLine: (day: string, from: string, to: string, by: string | null) => `${day}, ${from}–${to}${by ? `, ${by}` : ''}`,
  visitWhat: 'Besöket gällde',

  // LOV
  choiceTitle: 'Välj utförare',
  choiceLead: 'Du kan själv välja vem som ska utföra insatsen. Kommunen har ett valfrihetssystem enligt lagen om valfrihetssystem (LOV). Om du inte vill välja får du kommunens egen utförare.',
  choiceOpen: 'Byt utförare',
  choiceProviders: 'Vilken utförare vill du ha?',
  choiceProviderHint: (kind: 'kommunal' | 'privat', ickeval: boolean, phone: string | null, areas: string[]) =>
    [ickeval ? 'Kommunens egen utförare (om du inte väljer själv)' : kind === 'kommunal' ? 'Kommunal utförare' : 'Privat utförare',
      phone ? `telefon ${nb(phone)}` : '', areas.length ? `arbetar i ${areas.join(', ')}` : ''].filter(Boolean).join(' · '),
  choiceDate: 'Från vilket datum vill du byta?',
  choiceDateHint: (earliest: string, latest: string | null) => `Tidigast ${earliest}${latest ? `, senast ${latest}` : ''}. Handläggaren bestämmer datumet tillsammans med dig och utförarna.`,
  choiceMessage: 'Vill du berätta något för handläggaren? (frivilligt)',
  choiceSend: 'Skicka önskemålet',
  choiceSending: 'Skickar …',
  choiceCancel: 'Avbryt',
  choiceSent: (provider: string) => `Ditt önskemål om att byta till ${provider} är skickat. Handläggaren hör av sig.`,
  choicePending: (provider: string, date: string) => `Du har bett om att byta till ${provider} från ${date}. Handläggaren har inte hanterat önskemålet än.`,
  choiceWithdraw: 'Ta tillbaka önskemålet',
  choiceWithdrawn: 'Önskemålet är tillbakataget.',
  chooseProviderFirst: 'Välj en utförare.',

  // requests
  requests: 'Önskemål om byte av utförare',
  requestLine: (from: string, to: string, date: string) => `från ${from} till ${to}, önskat från ${date}`,
  requestedBy: (name: string, relation: CitizenRelation, date: string) =>
    `Skickat ${date} av ${relation === 'self' ? name : `${name} (${relation === 'ombud' ? 'ombud' : 'vårdnadshavare'})`}.`,
  requestStatus: {
    requested: 'Väntar på handläggaren',
    carried_out: 'Genomfört',
    withdrawn: 'Tillbakataget',
    refused: 'Avslaget',
  } satisfies Record<ChoiceStatus, string> as Record<ChoiceStatus, string>,
  carriedOut: (to: string, date: string) => `${to} utför insatsen från ${date}.`,
  refusedBecause: 'Handläggarens förklaring:',

  // the queue to särskilt boende
  queueTitle: 'Kö till särskilt boende',
  queuePlace: (position: number, self: boolean, name: string) => (self ? `Du står på plats ${position} i kön` : `${name} står på plats ${position} i kön`),
  queueAhead: (ahead: number) => (ahead === 0 ? 'Ingen står före i kön.' : ahead === 1 ? 'En person står före i kön.' : `${ahead} personer står före i kön.`),
  queueDecided: 'Beslutet fattades',
  queueWaited: 'Har väntat',
  waited: (days: number) => (days < 14 ? `${days} ${days === 1 ? 'dag' : 'dagar'}` : days < 70 ? `${Math.floor(days / 7)} veckor (${days} dagar)` : `${Math.floor(days / 30.44)} månader (${days} dagar)`),
  queueOffered: 'En plats har beställts. Din handläggare kontaktar dig om när du kan flytta in.',
  queueNext: 'Vad händer nu?',
  queueSteps: (ivoDate: string, over: boolean) => [
    'När en plats blir ledig får du ett erbjudande från kommunen.',
    'Du kan tacka ja eller nej. Om du tackar nej kan det påverka din plats i kön. Vad som gäller beror på kommunens regler, så fråga din handläggare innan du svarar.',
    over
      ? 'Det har gått mer än tre månader sedan beslutet. Kommunen ska då rapportera till Inspektionen för vård och omsorg (IVO) att du inte har fått en plats.'
      : `Kommunen ska ge dig en plats så snart det går. Om du inte har fått en plats efter ${ivoDate} måste kommunen rapportera det till Inspektionen för vård och omsorg (IVO).`,
  ],
  queueContact: (name: string | null, phone: string | null) =>
    (name ? `Frågor? Din handläggare heter ${name}.${phone ? ` Ring ${phone}.` : ''}` : phone ? `Frågor? Ring socialtjänsten på ${phone}.` : 'Frågor? Kontakta socialtjänsten.'),
  queueLaw: 'Beslut om särskilt boende enligt 11 kap. 1 § socialtjänstlagen. Rapport till IVO enligt 34 kap. 1 § socialtjänstlagen.',
};

export type ServicesMessages = typeof sv;

const en: ServicesMessages = {
  title: 'My services',
  lead: 'Here you can see what support has been ordered, who provides it, the implementation plan, and when staff have visited.',
  actingForLegend: 'Show support for',
  servicesFor: (name: string, self: boolean) => (self ? 'Your services' : `Services for ${name}`),
  none: 'There is no ordered support to show.',
  noneHelp: 'When support has been granted and ordered from a provider, it is shown here.',

  status: { skickad: 'Ordered', accepterad: 'Starting soon', pagaende: 'Ongoing', avbruten: 'Paused', avslutad: 'Ended' },
  statusHelp: {
    skickad: 'The municipality has ordered the support from the provider. The provider will contact you about the start.',
    accepterad: 'The provider has received the order and is planning the start.',
    pagaende: 'The support has started.',
    avbruten: 'The support is paused for now. Contact the provider or your case worker if you have questions.',
    avslutad: 'The support has ended.',
  },
  ending: 'Ending',
  endingHelp: (date: string) => `This provider gives the support until ${date}.`,
  provider: 'Provider',
  providerKind: (kind: 'kommunal' | 'privat') => (kind === 'kommunal' ? 'the municipality’s own provider' : 'private provider'),
  phone: 'Phone',
  email: 'Email',
  scope: 'Extent',
  period: 'Period',
  periodText: (from: string, to: string | null) => (to ? `${from} – ${to}` : `from ${from}, until further notice`),
  started: 'Started',

  plan: 'Implementation plan',
  planSummary: (version: number, signed: string | null) => `Show the implementation plan (version ${version}${signed ? `, from ${signed}` : ''})`,
  planLead: 'The plan describes how the support is carried out. The provider wrote it together with you. It is in Swedish.',
  noPlan: 'The provider has not made an implementation plan yet.',
  goals: 'Goals',
  parts: 'What, how, when and who',
  partHow: 'How',
  partWhen: 'When',
  partWho: 'Who',
  participation: 'How you took part in the planning',
  followUp: (date: string) => `The plan is followed up by ${date}.`,

  visits: 'Visits',
  visitsLead: (days: number) => `Visits registered by the staff in the last ${days} days.`,
  visitsSummary: (n: number, minutes: number) => `${n} ${n === 1 ? 'visit' : 'visits'}, ${hoursEn(minutes)} in total.`,
  noVisits: (days: number) => `No registered visits in the last ${days} days.`,
  week: (week: number, from: string, to: string) => `Week ${week} (${weekRange(EN_DAY_MONTH, from, to)})`,
  weekSummary: (n: number, minutes: number) => `${n} ${n === 1 ? 'visit' : 'visits'}, ${hoursEn(minutes)}`,
  visitDay: (iso: string) => EN_WEEKDAY.format(dayOf(iso)),
  visitLine: (day: string, from: string, to: string, by: string | null) => `${day}, ${from}–${to}${by ? `, ${by}` : ''}`,
  visitWhat: 'The visit was for',

  choiceTitle: 'Choose provider',
  choiceLead: 'You can choose who provides the support yourself. The municipality has a system of choice under the Swedish Act on System of Choice (LOV). If you do not want to choose, you get the municipality’s own provider.',
  choiceOpen: 'Change provider',
  choiceProviders: 'Which provider do you want?',
  choiceProviderHint: (kind: 'kommunal' | 'privat', ickeval: boolean, phone: string | null, areas: string[]) =>
    [ickeval ? 'The municipality’s own provider (if you do not choose)' : kind === 'kommunal' ? 'Municipal provider' : 'Private provider',
      phone ? `phone ${nb(phone)}` : '', areas.length ? `works in ${areas.join(', ')}` : ''].filter(Boolean).join(' · '),
  choiceDate: 'From which date do you want to change?',
  choiceDateHint: (earliest: string, latest: string | null) => `At the earliest ${earliest}${latest ? `, at the latest ${latest}` : ''}. The case worker agrees the date with you and the providers.`,
  choiceMessage: 'Anything you want to tell the case worker? (optional)',
  choiceSend: 'Send the request',
  choiceSending: 'Sending …',
  choiceCancel: 'Cancel',
  choiceSent: (provider: string) => `Your request to change to ${provider} has been sent. The case worker will contact you.`,
  choicePending: (provider: string, date: string) => `You have asked to change to ${provider} from ${date}. The case worker has not handled the request yet.`,
  choiceWithdraw: 'Withdraw the request',
  choiceWithdrawn: 'The request has been withdrawn.',
  chooseProviderFirst: 'Choose a provider.',

  requests: 'Requests to change provider',
  requestLine: (from: string, to: string, date: string) => `from ${from} to ${to}, wished from ${date}`,
  requestedBy: (name: string, relation: CitizenRelation, date: string) =>
    `Sent ${date} by ${relation === 'self' ? name : `${name} (${relation === 'ombud' ? 'representative' : 'guardian'})`}.`,
  requestStatus: { requested: 'Waiting for the case worker', carried_out: 'Done', withdrawn: 'Withdrawn', refused: 'Refused' },
  carriedOut: (to: string, date: string) => `${to} provides the support from ${date}.`,
  refusedBecause: 'The case worker’s explanation:',

  queueTitle: 'Queue for a care home',
  queuePlace: (position: number, self: boolean, name: string) => (self ? `You are number ${position} in the queue` : `${name} is number ${position} in the queue`),
  queueAhead: (ahead: number) => (ahead === 0 ? 'Nobody is ahead in the queue.' : ahead === 1 ? 'One person is ahead in the queue.' : `${ahead} people are ahead in the queue.`),
  queueDecided: 'Date of decision',
  queueWaited: 'Waited',
  waited: (days: number) => (days < 14 ? `${days} ${days === 1 ? 'day' : 'days'}` : days < 70 ? `${Math.floor(days / 7)} weeks (${days} days)` : `${Math.floor(days / 30.44)} months (${days} days)`),
  queueOffered: 'A place has been ordered. Your case worker will contact you about when you can move in.',
  queueNext: 'What happens next?',
  queueSteps: (ivoDate: string, over: boolean) => [
    'When a place becomes free, the municipality offers it to you.',
    'You can say yes or no. Saying no may affect your place in the queue. It depends on the municipality’s rules, so ask your case worker before you answer.',
    over
      ? 'More than three months have passed since the decision. The municipality must then report to the Health and Social Care Inspectorate (IVO) that you have not got a place.'
      : `The municipality must give you a place as soon as it can. If you have not got a place after ${ivoDate}, the municipality must report it to the Health and Social Care Inspectorate (IVO).`,
  ],
  queueContact: (name: string | null, phone: string | null) =>
    (name ? `Questions? Your case worker is ${name}.${phone ? ` Call ${phone}.` : ''}` : phone ? `Questions? Call the social services on ${phone}.` : 'Questions? Contact the social services.'),
  queueLaw: 'Decision on a care home under Chapter 11, Section 1 of the Social Services Act. Report to IVO under Chapter 34, Section 1.',
};

// ---- the handläggare's side (case page, Verkställighet) ----

const staffSv = {
  title: 'Önskemål om val av utförare (LOV)',
  lead: 'Den enskilde, ett ombud eller en vårdnadshavare har bett om att välja eller byta utförare. Genomför bytet eller avslå med en förklaring som den enskilde kan läsa.',
  line: (by: string, from: string, to: string, date: string) => `${by} önskar byta från ${from} till ${to} från ${date}.`,
  by: (name: string, relation: CitizenRelation) => (relation === 'self' ? name : `${name} (${relation === 'ombud' ? 'ombud' : 'vårdnadshavare'})`),
  received: (date: string) => `Kom in ${date}`,
  message: 'Meddelande',
  status: {
    requested: 'Att hantera', carried_out: 'Genomfört', withdrawn: 'Tillbakataget', refused: 'Avslaget',
  } satisfies Record<ChoiceStatus, string> as Record<ChoiceStatus, string>,
  carryOut: 'Genomför bytet',
  carryOutHint: (date: string) => `Nuvarande beställning avslutas dagen före och en ny beställning med samma beslut, omfattning och information skickas till den valda utföraren från ${date}.`,
  carrying: 'Genomför …',
  carriedOut: (order: string | null, to: string, date: string | null) => `Bytet är genomfört${order ? `: beställning ${order}` : ''} till ${to}${date ? ` från ${date}` : ''}.`,
  refuse: 'Avslå önskemålet',
  refuseReason: 'Förklaring till den enskilde',
  refuseSend: 'Avslå',
  cancel: 'Avbryt',
  refused: 'Önskemålet är avslaget. Den enskilde ser förklaringen i Mina insatser.',
  handled: (by: string | null, date: string) => `Hanterat ${date}${by ? ` av ${by}` : ''}.`,
  reason: 'Förklaring',
};
type StaffMessages = typeof staffSv;
const staffEn: StaffMessages = {
  title: 'Requests to choose provider (LOV)',
  lead: 'The person, a representative or a guardian has asked to choose or change provider. Carry it out, or refuse with an explanation the person can read.',
  line: (by: string, from: string, to: string, date: string) => `${by} wishes to change from ${from} to ${to} from ${date}.`,
  by: (name: string, relation: CitizenRelation) => (relation === 'self' ? name : `${name} (${relation === 'ombud' ? 'representative' : 'guardian'})`),
  received: (date: string) => `Received ${date}`,
  message: 'Message',
  status: { requested: 'To handle', carried_out: 'Done', withdrawn: 'Withdrawn', refused: 'Refused' },
  carryOut: 'Carry out the change',
  carryOutHint: (date: string) => `The current order ends the day before, and a new order with the same decision, extent and information goes to the chosen provider from ${date}.`,
  carrying: 'Carrying out …',
  carriedOut: (order: string | null, to: string, date: string | null) => `The change is done${order ? `: order ${order}` : ''} to ${to}${date ? ` from ${date}` : ''}.`,
  refuse: 'Refuse the request',
  refuseReason: 'Explanation to the person',
  refuseSend: 'Refuse',
  cancel: 'Cancel',
  refused: 'The request is refused. The person sees the explanation under My services.',
  handled: (by: string | null, date: string) => `Handled ${date}${by ? ` by ${by}` : ''}.`,
  reason: 'Explanation',
};

export const servicesMessages = { sv, en };
export const providerChoiceStaffMessages = { sv: staffSv, en: staffEn };

export function useServicesMessages(): ServicesMessages {
  return servicesMessages[useI18n().lang];
}
export function useProviderChoiceStaffMessages(): StaffMessages {
  return providerChoiceStaffMessages[useI18n().lang];
}
