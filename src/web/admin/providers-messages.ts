// Texts for the register of providers (utförare). Swedish first; `en` is typed as the Swedish
// object, so a missing or extra key fails the build.
import type { ProviderKind } from '../../shared/admin-providers-api';
import type { Lang } from '../i18n';

const sv = {
  title: 'Utförare',
  lead: 'Kommunens register över utförare: egna enheter och privata företag, vilka insatser de utför och i vilka områden. Handläggarna väljer bland de aktiva utförarna när de beställer verkställighet av ett beslut. Varje ändring loggas.',
  backToAdmin: 'Till systemförvaltning',
  add: 'Lägg till utförare',
  edit: 'Ändra',
  deactivate: 'Inaktivera',
  activate: 'Aktivera',

  tableCaption: 'Utförare i kommunen',
  colName: 'Utförare',
  colKind: 'Driftform',
  colLov: 'LOV',
  colInsatser: 'Insatser',
  colAreas: 'Områden',
  colOrders: 'Aktiva beställningar',
  colStatus: 'Status',
  colActions: 'Åtgärder',
  yes: 'Ja',
  no: 'Nej',
  none: '–',
  statusActive: 'Aktiv',
  statusInactive: 'Inaktiv',
  orgNumberLabel: 'Org.nr',
  orgNumberInvalid: 'Kontrollsiffran stämmer inte – rätta numret.',
  empty: 'Inga utförare är registrerade ännu. Lägg till kommunens egna enheter och de privata utförare som kommunen har avtal med.',
  countLine: (active: number, inactive: number) =>
    `${active} ${active === 1 ? 'aktiv utförare' : 'aktiva utförare'}${inactive ? `, ${inactive} ${inactive === 1 ? 'inaktiv' : 'inaktiva'}` : ''}.`,
  kinds: {
    kommunal: 'Kommunal',
    privat: 'Privat',
  } satisfies Record<ProviderKind, string> as Record<ProviderKind, string>,

  // the form
  formAddTitle: 'Lägg till utförare',
  formEditTitle: (name: string) => `Ändra ${name}`,
  fieldName: 'Namn',
  fieldNameHint: 'Enhetens namn eller bolagets registrerade namn, så som handläggarna ska se det.',
  fieldOrgNumber: 'Organisationsnummer',
  fieldOrgNumberHint: 'Tio siffror, NNNNNN-NNNN. En kommunal enhet har kommunens organisationsnummer.',
  fieldKind: 'Driftform',
  kindHints: {
    kommunal: 'Kommunens egen verksamhet (egen regi).',
    privat: 'Ett företag, en förening eller stiftelse som kommunen har avtal med.',
  } satisfies Record<ProviderKind, string> as Record<ProviderKind, string>,
  fieldLov: 'Ingår i kommunens valfrihetssystem (LOV)',
  fieldLovHint: 'LOV är lagen (2008:962) om valfrihetssystem. Kommunen godkänner alla utförare som uppfyller förfrågningsunderlaget, och den enskilde väljer själv utförare bland dem. Gäller oftast privata utförare, men en kommunal enhet kan också ingå. Den enskildes val registreras i beställningen.',
  fieldPhone: 'Telefon (valfritt)',
  fieldEmail: 'E-post (valfritt)',
  fieldEmailHint: 'En funktionsadress, till exempel till enhetschefen. Skicka aldrig personuppgifter med vanlig e-post.',
  fieldInsatser: 'Insatser som utföraren utför',
  fieldInsatserHint: 'Välj minst en. Utföraren erbjuds bara för beställningar av de insatser som är valda här.',
  fieldAreas: 'Områden (valfritt)',
  fieldAreasHint: 'Geografiska områden där utföraren verkar, åtskilda med kommatecken. Till exempel: Centrum, Norr, Söder.',
  fieldActive: 'Aktiv – erbjuds för nya beställningar',
  insatsGroups: {
    aldreomsorg: 'Äldreomsorg och stöd till personer med funktionsnedsättning (SoL)',
    funktionsstod: 'Stöd till personer med funktionsnedsättning (SoL)',
    barn_och_unga: 'Barn och unga (SoL)',
    vuxen: 'Vuxna (SoL)',
    vald_i_nara_relationer: 'Våld i nära relationer (SoL)',
    lss: 'LSS – insatser enligt 9 §',
  } as Record<string, string>,
  save: 'Spara',
  saving: 'Sparar…',
  cancel: 'Avbryt',
  errorSummary: 'Utföraren kunde inte sparas',
  errorName: 'Namn: skriv utförarens namn.',
  errorOrgNumber: 'Organisationsnummer: skriv numret som NNNNNN-NNNN.',
  errorInsatser: 'Insatser: välj minst en insats.',
  added: (name: string) => `${name} lades till i registret.`,
  saved: (name: string) => `Ändringarna för ${name} sparades.`,
  deactivated: (name: string) => `${name} är inaktiverad och erbjuds inte längre för nya beställningar.`,
  activated: (name: string) => `${name} är aktiverad och erbjuds för nya beställningar.`,
  toggleFailed: 'Statusen kunde inte ändras',

  // deactivate confirmation
  confirmTitle: (name: string) => `Inaktivera ${name}?`,
  confirmText: (orders: number) =>
    `Utföraren erbjuds inte längre när handläggarna beställer verkställighet. ${orders === 0
      ? 'Utföraren har inga aktiva beställningar.'
      : `De ${orders === 1 ? 'en aktiva beställningen fortsätter' : `${orders} aktiva beställningarna fortsätter`} tills de avslutas; flytta dem till en annan utförare om verksamheten upphör.`} Utföraren tas inte bort och kan aktiveras igen. Ändringen loggas.`,
  confirmDeactivate: 'Ja, inaktivera',

  // the card on the system administration page
  adminCardText: 'Kommunens egna enheter och privata utförare, med insatser, områden och LOV. Aktiva utförare erbjuds när handläggarna beställer verkställighet.',
  adminCardLink: 'Visa och ändra utförare',
};

export type ProvidersMessages = typeof sv;

const en: ProvidersMessages = {
  title: 'Providers',
  lead: 'The municipality\'s register of providers: its own units and private companies, which services they deliver and in which areas. Case workers choose among the active providers when they order a decision to be carried out. Every change is logged.',
  backToAdmin: 'Back to system administration',
  add: 'Add provider',
  edit: 'Edit',
  deactivate: 'Deactivate',
  activate: 'Activate',

  tableCaption: 'Providers in the municipality',
  colName: 'Provider',
  colKind: 'Operated by',
  colLov: 'LOV',
  colInsatser: 'Services',
  colAreas: 'Areas',
  colOrders: 'Active orders',
  colStatus: 'Status',
  colActions: 'Actions',
  yes: 'Yes',
  no: 'No',
  none: '–',
  statusActive: 'Active',
  statusInactive: 'Inactive',
  orgNumberLabel: 'Org. no.',
  orgNumberInvalid: 'The check digit is wrong – correct the number.',
  empty: 'No providers are registered yet. Add the municipality\'s own units and the private providers it has agreements with.',
  countLine: (active, inactive) => `${active} active ${active === 1 ? 'provider' : 'providers'}${inactive ? `, ${inactive} inactive` : ''}.`,
  kinds: {
    kommunal: 'Municipal',
    privat: 'Private',
  },

  formAddTitle: 'Add provider',
  formEditTitle: (name) => `Edit ${name}`,
  fieldName: 'Name',
  fieldNameHint: 'The unit\'s name or the company\'s registered name, as case workers should see it.',
  fieldOrgNumber: 'Organisation number',
  fieldOrgNumberHint: 'Ten digits, NNNNNN-NNNN. A municipal unit has the municipality\'s organisation number.',
  fieldKind: 'Operated by',
  kindHints: {
    kommunal: 'The municipality\'s own operation.',
    privat: 'A company, association or foundation the municipality has an agreement with.',
  },
  fieldLov: 'Part of the municipality\'s choice system (LOV)',
  fieldLovHint: 'LOV is the Act on System of Choice in the Public Sector (2008:962). The municipality approves every provider that meets its requirements, and the person chooses a provider among them. Usually private providers, but a municipal unit can take part too. The person\'s choice is recorded on the order.',
  fieldPhone: 'Phone (optional)',
  fieldEmail: 'Email (optional)',
  fieldEmailHint: 'A shared address, for example the unit manager\'s. Never send personal data by ordinary email.',
  fieldInsatser: 'Services the provider delivers',
  fieldInsatserHint: 'Choose at least one. The provider is only offered for orders of the services chosen here.',
  fieldAreas: 'Areas (optional)',
  fieldAreasHint: 'Geographical areas where the provider works, separated by commas. For example: Centrum, Norr, Söder.',
  fieldActive: 'Active – offered for new orders',
  insatsGroups: {
    aldreomsorg: 'Care of older people and support for people with disabilities (SoL)',
    funktionsstod: 'Support for people with disabilities (SoL)',
    barn_och_unga: 'Children and young people (SoL)',
    vuxen: 'Adults (SoL)',
    vald_i_nara_relationer: 'Domestic violence (SoL)',
    lss: 'LSS – services under section 9',
  },
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  errorSummary: 'The provider could not be saved',
  errorName: 'Name: enter the provider\'s name.',
  errorOrgNumber: 'Organisation number: enter it as NNNNNN-NNNN.',
  errorInsatser: 'Services: choose at least one.',
  added: (name) => `${name} was added to the register.`,
  saved: (name) => `The changes to ${name} were saved.`,
  deactivated: (name) => `${name} is deactivated and no longer offered for new orders.`,
  activated: (name) => `${name} is active and offered for new orders.`,
  toggleFailed: 'The status could not be changed',

  confirmTitle: (name) => `Deactivate ${name}?`,
  confirmText: (orders) =>
    `The provider is no longer offered when case workers order a decision to be carried out. ${orders === 0
      ? 'The provider has no active orders.'
      : `The ${orders === 1 ? 'active order continues' : `${orders} active orders continue`} until ended; move them to another provider if the operation closes.`} The provider is not removed and can be activated again. The change is logged.`,
  confirmDeactivate: 'Yes, deactivate',

  adminCardText: 'The municipality\'s own units and private providers, with services, areas and LOV. Active providers are offered when case workers order a decision to be carried out.',
  adminCardLink: 'View and edit providers',
};

export function providersMessages(lang: Lang): ProvidersMessages {
  return lang === 'en' ? en : sv;
}
