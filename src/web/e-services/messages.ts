// Texts for the e-service "Ansök om bistånd", in plain Swedish (klarspråk) first, English second.
// `en` is typed as the Swedish shape, so a missing key in either language fails the type check.
// Legal references: SoL (2025:400) 11 kap. 1 §, LSS (1993:387) 9 §, FL (2017:900).
import { useI18n } from '../i18n';

type Relation = 'self' | 'vardnadshavare' | 'ombud';
type Channel = 'telefon' | 'brev' | 'e_post' | 'meddelande';

/**
 * The words of the step-by-step e-service forms themselves (the steps, saving as you type, the error
 * summary; see draft-form.tsx). They are the same in every e-service, so they are written once here
 * and spread into each service's texts (this file and forsorjningsstod-messages.ts).
 */
const formSv = {
  stepOf: (n: number, total: number) => `Steg ${n} av ${total}`,
  progressLabel: 'Dina steg i ansökan',
  stepDone: 'klart',
  stepCurrent: 'du är här',
  next: 'Nästa',
  back: 'Tillbaka',
  sending: 'Skickar…',
  change: 'Ändra',
  optional: '(frivilligt)',
  saving: 'Sparar…',
  savedAt: (time: string) => `Sparat ${time}`,
  saveFailed: 'Det gick inte att spara just nu. Vi försöker igen när du skriver vidare.',
  savedElsewhere: 'Ansökan har ändrats i ett annat fönster. Vi visar det som sparades senast.',
  errorSummaryTitle: 'Något behöver rättas',
  errorSummaryText: 'Rätta det här innan du går vidare:',
  draftsHeading: 'Fortsätt där du slutade',
  newHeading: 'Börja en ny ansökan',
  start: 'Börja',
};

export type DraftFormMessages = typeof formSv;

const formEn: DraftFormMessages = {
  stepOf: (n, total) => `Step ${n} of ${total}`,
  progressLabel: 'Your steps in the application',
  stepDone: 'done',
  stepCurrent: 'you are here',
  next: 'Next',
  back: 'Back',
  sending: 'Sending…',
  change: 'Change',
  optional: '(optional)',
  saving: 'Saving…',
  savedAt: (time) => `Saved ${time}`,
  saveFailed: 'We could not save just now. We will try again as you keep writing.',
  savedElsewhere: 'The application was changed in another window. We show what was saved last.',
  errorSummaryTitle: 'Something needs to be corrected',
  errorSummaryText: 'Please correct this before you continue:',
  draftsHeading: 'Continue where you left off',
  newHeading: 'Start a new application',
  start: 'Start',
};

export const draftFormMessages: Record<'sv' | 'en', DraftFormMessages> = { sv: formSv, en: formEn };

export function useDraftFormMessages(): DraftFormMessages {
  return draftFormMessages[useI18n().lang];
}

const sv = {
  ...formSv,
  title: 'Ansök om stöd i vardagen',
  lead: 'Här kan du söka till exempel hemtjänst, trygghetslarm, särskilt boende eller insatser enligt LSS. Det du skriver sparas medan du fyller i, så du kan fortsätta senare.',
  steps: ['Vem gäller ansökan?', 'Vad söker du?', 'Din situation', 'Hur vill du bli kontaktad?', 'Granska och skicka'],
  send: 'Skicka ansökan',

  // drafts
  draftsLead: 'Du har påbörjade ansökningar som inte är skickade.',
  draftAbout: (name: string) => `Ansökan för ${name}`,
  draftSaved: (when: string) => `Senast sparad ${when}`,
  resume: 'Fortsätt',
  resumeFor: (name: string) => `Fortsätt ansökan för ${name}`,
  remove: 'Ta bort',
  removeFor: (name: string) => `Ta bort påbörjad ansökan för ${name}`,
  removed: 'Den påbörjade ansökan är borttagen.',

  // step 1
  whoLegend: 'Vem gäller ansökan?',
  whoHint: 'Du kan söka för dig själv, för ett barn du är vårdnadshavare för eller för någon som har gett dig fullmakt.',
  whoMe: (name: string) => `Mig själv (${name})`,
  whoOther: (name: string, relation: Relation) => `${name} (${relation === 'ombud' ? 'du har fullmakt' : 'ditt barn'})`,
  whoRequired: 'Välj vem ansökan gäller.',
  noSubjects: 'Vi hittar dig inte i kommunens register. Ring kommunen så hjälper vi dig att ansöka.',
  appliesFor: 'Ansökan gäller',

  // step 2
  lawLegend: 'Vilken lag söker du enligt?',
  lawHint: 'Är du osäker? Välj socialtjänstlagen. Handläggaren hjälper dig om LSS passar bättre.',
  lawSoL: 'Socialtjänstlagen (SoL)',
  lawSoLHint: 'För dig som är äldre eller har en funktionsnedsättning och behöver hjälp i vardagen.',
  lawLSS: 'LSS, lagen om stöd och service till vissa funktionshindrade',
  lawLSSHint: 'För dig med en varaktig och stor funktionsnedsättning, till exempel autism eller en intellektuell funktionsnedsättning.',
  insatserLegend: 'Välj det du vill söka',
  insatserHint: 'Välj en eller flera. Du beskriver dina behov med egna ord i nästa steg.',
  insatserRequired: 'Välj minst en sak som du söker.',
  insatsHelp: {
    hemtjanst: 'Hjälp hemma, till exempel med dusch, påklädning, städning eller inköp.',
    trygghetslarm: 'Ett larm du bär på dig och trycker på om du behöver hjälp snabbt.',
    sarskilt_boende: 'Ett eget rum eller lägenhet med personal dygnet runt.',
    korttidsvistelse: 'Bo en kortare tid på ett boende, till exempel efter sjukhus eller för att din anhörige ska få vila.',
    dagverksamhet: 'Aktiviteter och gemenskap på dagtid.',
    matdistribution: 'Färdiga måltider som körs hem till dig.',
    avlosning: 'Någon som tar över så att anhöriga som hjälper dig kan få vila.',
    boendestod: 'Stöd i att klara vardagen i din bostad.',
    kontaktperson_sol: 'En person som du träffar för att få sällskap och stöd.',
  } as Record<string, string>,

  // step 3
  needsLabel: 'Vad behöver du hjälp med?',
  needsHint: 'Skriv med egna ord. Berätta till exempel vad som är svårt och när på dagen du behöver hjälp.',
  needsRequired: 'Beskriv med egna ord vad du behöver hjälp med.',
  manageLabel: 'Hur klarar du dig i dag?',
  manageHint: 'Till exempel vad du gör själv och vad som har blivit svårare.',
  helpersLabel: 'Är det någon som hjälper dig i dag?',
  helpersHint: 'Till exempel anhöriga, grannar eller vården.',

  // step 4
  contactLegend: 'Hur vill du att handläggaren kontaktar dig?',
  contactRequired: 'Välj hur handläggaren ska kontakta dig.',
  channels: { telefon: 'Telefon', brev: 'Brev hem', e_post: 'E-post', meddelande: 'Meddelande här i e-tjänsten' } as Record<Channel, string>,
  phoneLabel: 'Telefonnummer',
  phoneRequired: 'Skriv ett telefonnummer som handläggaren kan ringa.',
  emailLabel: 'E-postadress',
  emailRequired: 'Skriv en e-postadress, till exempel namn@exempel.se.',
  interpreterLabel: 'Behöver du tolk? Skriv vilket språk.',
  notesLabel: 'Något mer handläggaren bör veta när hen kontaktar dig?',
  notesHint: 'Till exempel tider som passar, eller om du hör dåligt.',

  // step 5
  reviewLead: 'Kontrollera det du har skrivit. När du skickar får du ett kvitto med ett ärendenummer.',
  law: 'Lag',
  insatser: 'Du söker',
  needs: 'Det här behöver du hjälp med',
  manage: 'Så klarar du dig i dag',
  helpers: 'De som hjälper dig',
  contact: 'Kontakt',
  interpreter: 'Tolk',
  notes: 'Övrigt',
  notAnswered: 'Inte ifyllt',

  // receipt
  receiptTitle: 'Din ansökan är skickad',
  receiptLead: 'Tack! Vi har tagit emot din ansökan. Spara kvittot.',
  receiptNumber: 'Kvittensnummer',
  caseNumber: 'Ärendenummer',
  receivedAt: 'Mottagen',
  nextHeading: 'Vad händer nu?',
  nextSteps: [
    'En handläggare kontaktar dig på det sätt du har valt.',
    'Handläggaren utreder dina behov. Ofta gör ni ett hembesök eller ett samtal tillsammans.',
    'Du får ett beslut i ett brev. I brevet står hur du överklagar om du inte är nöjd.',
  ],
  receiptCasesLink: 'Gå till Mina ärenden',
  receiptQuestions: 'Har du frågor? Ange ditt ärendenummer när du kontaktar oss.',
  alreadySent: 'Ansökan är redan skickad.',
};

export type EServiceMessages = typeof sv;

const en: EServiceMessages = {
  ...formEn,
  title: 'Apply for support in daily life',
  lead: 'Here you can apply for, for example, home care, a personal safety alarm, residential care or support under LSS. What you write is saved as you go, so you can continue later.',
  steps: ['Who is the application for?', 'What are you applying for?', 'Your situation', 'How should we contact you?', 'Check and send'],
  send: 'Send application',

  draftsLead: 'You have started applications that are not sent yet.',
  draftAbout: (name) => `Application for ${name}`,
  draftSaved: (when) => `Last saved ${when}`,
  resume: 'Continue',
  resumeFor: (name) => `Continue the application for ${name}`,
  remove: 'Delete',
  removeFor: (name) => `Delete the started application for ${name}`,
  removed: 'The started application has been deleted.',

  whoLegend: 'Who is the application for?',
  whoHint: 'You can apply for yourself, for a child in your custody, or for someone who has given you a power of attorney.',
  whoMe: (name) => `Myself (${name})`,
  whoOther: (name, relation) => `${name} (${relation === 'ombud' ? 'you hold a power of attorney' : 'your child'})`,
  whoRequired: 'Choose who the application is for.',
  noSubjects: 'We cannot find you in the municipality’s register. Call the municipality and we will help you apply.',
  appliesFor: 'The application is for',

  lawLegend: 'Which law are you applying under?',
  lawHint: 'Not sure? Choose the Social Services Act. The case worker will help you if LSS fits better.',
  lawSoL: 'The Social Services Act (SoL)',
  lawSoLHint: 'For older people or people with a disability who need help in daily life.',
  lawLSS: 'LSS, the Act concerning Support and Service for Persons with Certain Functional Impairments',
  lawLSSHint: 'For people with a lasting and major disability, for example autism or an intellectual disability.',
  insatserLegend: 'Choose what you want to apply for',
  insatserHint: 'Choose one or more. You describe your needs in your own words in the next step.',
  insatserRequired: 'Choose at least one thing you are applying for.',
  insatsHelp: {
    hemtjanst: 'Help at home, for example with showering, dressing, cleaning or shopping.',
    trygghetslarm: 'An alarm you wear and press when you need help quickly.',
    sarskilt_boende: 'Your own room or flat with staff day and night.',
    korttidsvistelse: 'Stay for a short time at a care home, for example after hospital or to give your relative a rest.',
    dagverksamhet: 'Activities and company during the day.',
    matdistribution: 'Ready meals delivered to your home.',
    avlosning: 'Someone who takes over so that relatives who help you can rest.',
    boendestod: 'Support to manage daily life in your home.',
    kontaktperson_sol: 'A person you meet for company and support.',
  },

  needsLabel: 'What do you need help with?',
  needsHint: 'Use your own words. Tell us, for example, what is difficult and when during the day you need help.',
  needsRequired: 'Describe in your own words what you need help with.',
  manageLabel: 'How do you manage today?',
  manageHint: 'For example what you do yourself and what has become harder.',
  helpersLabel: 'Does anyone help you today?',
  helpersHint: 'For example relatives, neighbours or healthcare.',

  contactLegend: 'How would you like the case worker to contact you?',
  contactRequired: 'Choose how the case worker should contact you.',
  channels: { telefon: 'Phone', brev: 'Letter to my home', e_post: 'E-mail', meddelande: 'Message here in the e-service' },
  phoneLabel: 'Phone number',
  phoneRequired: 'Enter a phone number the case worker can call.',
  emailLabel: 'E-mail address',
  emailRequired: 'Enter an e-mail address, for example name@example.com.',
  interpreterLabel: 'Do you need an interpreter? Write which language.',
  notesLabel: 'Anything else the case worker should know when contacting you?',
  notesHint: 'For example times that suit you, or if you are hard of hearing.',

  reviewLead: 'Check what you have written. When you send it you get a receipt with a case number.',
  law: 'Law',
  insatser: 'You are applying for',
  needs: 'What you need help with',
  manage: 'How you manage today',
  helpers: 'Who helps you',
  contact: 'Contact',
  interpreter: 'Interpreter',
  notes: 'Other',
  notAnswered: 'Not filled in',

  receiptTitle: 'Your application has been sent',
  receiptLead: 'Thank you! We have received your application. Keep the receipt.',
  receiptNumber: 'Receipt number',
  caseNumber: 'Case number',
  receivedAt: 'Received',
  nextHeading: 'What happens now?',
  nextSteps: [
    'A case worker will contact you in the way you chose.',
    'The case worker looks into your needs. Often you meet at home or talk together.',
    'You get a decision in a letter. The letter tells you how to appeal if you are not satisfied.',
  ],
  receiptCasesLink: 'Go to My cases',
  receiptQuestions: 'Questions? Give your case number when you contact us.',
  alreadySent: 'The application has already been sent.',
};

export function useEServiceMessages(): EServiceMessages {
  return useI18n().lang === 'en' ? en : sv;
}
