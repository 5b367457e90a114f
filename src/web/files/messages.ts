// UI text for files in the case and letters (Swedish first, English typed as the Swedish).
import { useI18n } from '../i18n';

const sv = {
  heading: 'Filer och brev',
  lead: 'Dokument i personakten: uppladdade filer, beslutsbrev och brev. Dokument kan inte ändras eller tas bort när de har sparats.',
  caption: 'Filer i ärendet, senaste först',
  empty: 'Ärendet har inga filer ännu.',
  colName: 'Fil',
  colType: 'Typ',
  colSize: 'Storlek',
  colDate: 'Sparad',
  colBy: 'Av',
  kind: { upload: 'Uppladdad', beslutsbrev: 'Beslutsbrev', brev: 'Brev' } as Record<string, string>,
  show: (name: string) => `Visa ${name}`,
  download: (name: string) => `Ladda ned ${name}`,

  uploadHeading: 'Ladda upp fil',
  chooseFile: 'Ladda upp fil',
  uploadHint: 'PDF, bilder (PNG, JPEG, GIF, WebP, TIFF, HEIC), textfiler, Word, Excel, PowerPoint och OpenDocument. Högst 20 MB per fil. Du kan också dra och släppa filer här.',
  description: 'Beskrivning (valfri)',
  descriptionHint: 'Till exempel vem filen kommer från. Sparas med filen.',
  dropHere: 'Släpp filerna för att ladda upp dem till ärendet',
  uploading: (name: string) => `Laddar upp ${name}…`,
  uploaded: (name: string) => `${name} är uppladdad.`,
  uploadFailed: (name: string) => `${name} kunde inte laddas upp.`,
  tooLarge: (name: string) => `${name} är större än 20 MB. Dela upp filen eller spara den i ett mindre format.`,
  emptyFile: (name: string) => `${name} är tom.`,
  progressLabel: (name: string) => `Uppladdning av ${name}`,

  previewOf: (name: string) => `Förhandsvisning: ${name}`,
  close: 'Stäng',
  openInNewTab: 'Öppna i ny flik',
  uploadedBy: (by: string, when: string) => `Sparad av ${by}, ${when}`,

  writeLetter: 'Skriv brev',
  letterHeading: 'Skriv brev',
  template: 'Brevmall',
  noTemplate: 'Ingen mall – skriv fritt',
  templatesLoading: 'Hämtar brevmallar…',
  letterTitle: 'Rubrik',
  letterBody: 'Text',
  letterBodyHint: 'Stycken skiljs med en tom rad. En rad som börjar med "• " blir en punkt i en lista. Platshållarna {namn}, {personnummer}, {arendenummer}, {handlaggare}, {datum} och {svarsdatum} fylls i från ärendet.',
  replyBy: 'Svarsdatum',
  replyByHint: 'Fyller i {svarsdatum}: sista dag för svar.',
  fillIn: 'Fyll i från ärendet',
  filled: 'Platshållarna är ifyllda från ärendet. Läs igenom texten innan du skapar brevet.',
  missing: (list: string) => `Kunde inte fyllas i: ${list}.`,
  unknown: (list: string) => `Okända platshållare: ${list}.`,
  brackets: 'Texten innehåller text inom hakparentes, till exempel [dag och tid]. Ersätt den innan du skapar brevet.',
  titleRequired: 'Skriv en rubrik.',
  bodyRequired: 'Skriv brevets text.',
  createLetter: 'Skapa brev (PDF)',
  creatingLetter: 'Skapar brev…',
  letterCreated: (name: string) => `Brevet ${name} är sparat i personakten.`,
  cancel: 'Avbryt',
  errorSummary: 'Brevet kunde inte skapas',
};

export type FilesMessages = typeof sv;

const en: FilesMessages = {
  heading: 'Files and letters',
  lead: 'Documents in the case record: uploaded files, decision letters and letters. Documents cannot be changed or removed once stored.',
  caption: 'Files in the case, newest first',
  empty: 'The case has no files yet.',
  colName: 'File',
  colType: 'Type',
  colSize: 'Size',
  colDate: 'Stored',
  colBy: 'By',
  kind: { upload: 'Uploaded', beslutsbrev: 'Decision letter', brev: 'Letter' },
  show: (name: string) => `Show ${name}`,
  download: (name: string) => `Download ${name}`,

  uploadHeading: 'Upload file',
  chooseFile: 'Upload file',
  uploadHint: 'PDF, images (PNG, JPEG, GIF, WebP, TIFF, HEIC), text files, Word, Excel, PowerPoint and OpenDocument. At most 20 MB per file. You can also drag and drop files here.',
  description: 'Description (optional)',
  descriptionHint: 'For example who the file comes from. Stored with the file.',
  dropHere: 'Drop the files to upload them to the case',
  uploading: (name: string) => `Uploading ${name}…`,
  uploaded: (name: string) => `${name} has been uploaded.`,
  uploadFailed: (name: string) => `${name} could not be uploaded.`,
  tooLarge: (name: string) => `${name} is larger than 20 MB. Split the file or save it in a smaller format.`,
  emptyFile: (name: string) => `${name} is empty.`,
  progressLabel: (name: string) => `Upload of ${name}`,

  previewOf: (name: string) => `Preview: ${name}`,
  close: 'Close',
  openInNewTab: 'Open in new tab',
  uploadedBy: (by: string, when: string) => `Stored by ${by}, ${when}`,

  writeLetter: 'Write letter',
  letterHeading: 'Write letter',
  template: 'Letter template',
  noTemplate: 'No template – write freely',
  templatesLoading: 'Loading letter templates…',
  letterTitle: 'Heading',
  letterBody: 'Text',
  letterBodyHint: 'Separate paragraphs with a blank line. A line starting with "• " becomes a list item. The placeholders {namn}, {personnummer}, {arendenummer}, {handlaggare}, {datum} and {svarsdatum} are filled in from the case.',
  replyBy: 'Reply date',
  replyByHint: 'Fills in {svarsdatum}: the last day to reply.',
  fillIn: 'Fill in from the case',
  filled: 'The placeholders have been filled in from the case. Read the text through before you create the letter.',
  missing: (list: string) => `Could not be filled in: ${list}.`,
  unknown: (list: string) => `Unknown placeholders: ${list}.`,
  brackets: 'The text contains text in square brackets, for example [day and time]. Replace it before you create the letter.',
  titleRequired: 'Write a heading.',
  bodyRequired: 'Write the text of the letter.',
  createLetter: 'Create letter (PDF)',
  creatingLetter: 'Creating letter…',
  letterCreated: (name: string) => `The letter ${name} has been stored in the case record.`,
  cancel: 'Cancel',
  errorSummary: 'The letter could not be created',
};

export const filesMessages = { sv, en };

export function useFilesT(): FilesMessages {
  return filesMessages[useI18n().lang];
}

/** '1,2 MB', '340 kB', '12 byte' (sv) / '1.2 MB' … (en). */
export function formatFileSize(bytes: number, lang: 'sv' | 'en'): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  const fmt = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${fmt(bytes, 0)} ${lang === 'sv' ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024, bytes < 10 * 1024 ? 1 : 0)} kB`;
  return `${fmt(bytes / (1024 * 1024), 1)} MB`;
}
