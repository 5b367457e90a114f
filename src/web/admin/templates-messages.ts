// UI text for the letter templates page (systemförvaltare). Swedish first, English typed as the Swedish.
import { useI18n } from '../i18n';

const sv = {
  title: 'Brevmallar',
  lead: 'Mallar för brev som handläggarna skriver i ärenden, till exempel kallelser och kommunicering. Ändringar loggas.',
  newTemplate: 'Ny brevmall',
  empty: 'Det finns inga brevmallar ännu.',
  listHeading: 'Kommunens brevmallar',
  count: (n: number) => (n === 1 ? '1 mall' : `${n} mallar`),
  allAreas: 'Alla områden',
  areasLabel: 'Områden',
  updated: (when: string) => `Ändrad ${when}`,
  edit: 'Ändra',
  editNamed: (title: string) => `Ändra ${title}`,
  remove: 'Ta bort',
  removeNamed: (title: string) => `Ta bort ${title}`,
  confirmRemove: (title: string) => `Vill du ta bort mallen ”${title}”? Brev som redan har skrivits finns kvar i personakterna.`,
  confirmYes: 'Ja, ta bort',
  removed: (title: string) => `Mallen ${title} är borttagen.`,
  saved: (title: string) => `Mallen ${title} är sparad.`,

  formNew: 'Ny brevmall',
  formEdit: (title: string) => `Ändra ${title}`,
  fieldTitle: 'Rubrik',
  fieldTitleHint: 'Blir brevets rubrik. Handläggaren kan ändra den i varje brev.',
  fieldAreas: 'Vilka områden mallen gäller',
  fieldAreasHint: 'Välj inget område om mallen gäller alla.',
  fieldBody: 'Text',
  fieldBodyHint: 'Stycken skiljs med en tom rad. En rad som börjar med "• " blir en punkt i en lista. Text inom [hakparentes] måste handläggaren ersätta innan brevet skapas.',
  placeholdersHeading: 'Platshållare som fylls i från ärendet',
  placeholders: [
    ['{namn}', 'personens namn'],
    ['{personnummer}', 'personens personnummer'],
    ['{arendenummer}', 'ärendets nummer'],
    ['{handlaggare}', 'den handläggare som skriver brevet'],
    ['{datum}', 'dagens datum'],
    ['{svarsdatum}', 'sista dag för svar, som handläggaren väljer'],
  ] as Array<[string, string]>,
  titleRequired: 'Skriv en rubrik.',
  bodyRequired: 'Skriv mallens text.',
  save: 'Spara mall',
  saving: 'Sparar…',
  cancel: 'Avbryt',
  errorSummary: 'Mallen kunde inte sparas',
  removeFailed: 'Mallen kunde inte tas bort',
};

export type TemplatesMessages = typeof sv;

const en: TemplatesMessages = {
  title: 'Letter templates',
  lead: 'Templates for letters case workers write in cases, for example invitations to meetings and communication of investigations. Changes are logged.',
  newTemplate: 'New letter template',
  empty: 'There are no letter templates yet.',
  listHeading: "The municipality's letter templates",
  count: (n: number) => (n === 1 ? '1 template' : `${n} templates`),
  allAreas: 'All areas',
  areasLabel: 'Areas',
  updated: (when: string) => `Changed ${when}`,
  edit: 'Edit',
  editNamed: (title: string) => `Edit ${title}`,
  remove: 'Remove',
  removeNamed: (title: string) => `Remove ${title}`,
  confirmRemove: (title: string) => `Remove the template “${title}”? Letters already written stay in the case records.`,
  confirmYes: 'Yes, remove',
  removed: (title: string) => `The template ${title} has been removed.`,
  saved: (title: string) => `The template ${title} has been saved.`,

  formNew: 'New letter template',
  formEdit: (title: string) => `Edit ${title}`,
  fieldTitle: 'Heading',
  fieldTitleHint: "Becomes the letter's heading. The case worker can change it in each letter.",
  fieldAreas: 'Which areas the template is for',
  fieldAreasHint: 'Choose no area if the template is for all of them.',
  fieldBody: 'Text',
  fieldBodyHint: 'Separate paragraphs with a blank line. A line starting with "• " becomes a list item. Text in [square brackets] must be replaced by the case worker before the letter is created.',
  placeholdersHeading: 'Placeholders filled in from the case',
  placeholders: [
    ['{namn}', "the person's name"],
    ['{personnummer}', "the person's identity number"],
    ['{arendenummer}', 'the case number'],
    ['{handlaggare}', 'the case worker writing the letter'],
    ['{datum}', "today's date"],
    ['{svarsdatum}', 'the last day to reply, chosen by the case worker'],
  ],
  titleRequired: 'Write a heading.',
  bodyRequired: 'Write the text of the template.',
  save: 'Save template',
  saving: 'Saving…',
  cancel: 'Cancel',
  errorSummary: 'The template could not be saved',
  removeFailed: 'The template could not be removed',
};

export const templatesMessages = { sv, en };

export function useTemplatesT(): TemplatesMessages {
  return templatesMessages[useI18n().lang];
}
