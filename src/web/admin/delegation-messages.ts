// Texts for the delegationsordning page. Swedish first; `en` is typed as the Swedish object, so
// a missing or extra key fails the build.
import type { DecisionGroup, DelegationLevel, DelegationOutcome } from '../../shared/delegations-api';
import type { Lang } from '../i18n';

const sv = {
  title: 'Delegationsordning',
  lead: 'Här anges vilken befattning som får fatta vilka beslut på nämndens vägnar (6 kap. 37 § kommunallagen). Ett beslut som ingen befattning har delegation för fattas av nämnden eller dess utskott. Ändra bara efter nämndens beslut om delegationsordningen; varje ändring loggas.',
  backToAdmin: 'Till systemförvaltning',
  addRule: 'Lägg till regel',
  addRuleFor: (type: string) => `Lägg till regel för ${type}`,
  edit: 'Ändra',
  editRuleFor: (type: string, level: string) => `Ändra regeln för ${type}, ${level}`,
  remove: 'Ta bort',
  removeRuleFor: (type: string, level: string) => `Ta bort regeln för ${type}, ${level}`,

  colDecisionType: 'Beslutstyp',
  colLevel: 'Befattning',
  colOutcomes: 'Utfall',
  colUnit: 'Enhet',
  colNote: 'Anmärkning',
  colActions: 'Åtgärder',
  allUnits: 'Alla enheter',
  notDelegated: 'Ej delegerat – nämnden eller utskottet beslutar',
  noNote: '–',
  updatedBy: (when: string, who: string | null) => (who ? `Ändrad ${when} av ${who}` : `Ändrad ${when}`),
  rulesCount: (n: number) => (n === 1 ? '1 regel' : `${n} regler`),
  emptyGroup: 'Inga beslutstyper i den här gruppen.',

  groups: {
    sol_aldre_funktionsstod: 'Socialtjänstlagen – äldre och personer med funktionsnedsättning (11 kap. 1 §)',
    sol_ifo: 'Socialtjänstlagen – individ- och familjeomsorg (11 kap. 1 §)',
    sol_ekonomiskt_bistand: 'Socialtjänstlagen – ekonomiskt bistånd (12 kap. 1 §)',
    sol_utredning: 'Socialtjänstlagen – beslut under utredning',
    lss: 'LSS – insatser enligt 9 §',
  } satisfies Record<DecisionGroup, string> as Record<DecisionGroup, string>,
  levels: {
    handlaggare: 'Handläggare',
    arbetsledare: 'Arbetsledare',
  } satisfies Record<DelegationLevel, string> as Record<DelegationLevel, string>,
  levelHints: {
    handlaggare: 'Biståndshandläggare, LSS-handläggare, socialsekreterare. Arbetsledaren i samma enhet får också fatta dessa beslut.',
    arbetsledare: 'Enhetschef, 1:e socialsekreterare.',
  } satisfies Record<DelegationLevel, string> as Record<DelegationLevel, string>,
  outcomes: {
    bifall: 'Bifall',
    delvis_bifall: 'Delvis bifall',
    avslag: 'Avslag',
  } satisfies Record<DelegationOutcome, string> as Record<DelegationOutcome, string>,

  // the form
  formAddTitle: 'Lägg till regel',
  formEditTitle: 'Ändra regel',
  fieldDecisionType: 'Beslutstyp',
  chooseDecisionType: 'Välj beslutstyp',
  fieldLevel: 'Befattning som får besluta',
  fieldOutcomes: 'Utfall som delegationen gäller',
  fieldOutcomesHint: 'Välj minst ett. Utfall som inte är valda fattas av någon annan enligt delegationsordningen, eller av nämnden.',
  fieldUnit: 'Enhet',
  fieldUnitHint: 'Välj en enhet om delegationen bara gäller ärenden där, annars alla enheter.',
  fieldNote: 'Anmärkning (valfritt)',
  fieldNoteHint: 'Till exempel befattningens namn i delegationsordningen eller en beloppsgräns. Högst 500 tecken.',
  save: 'Spara',
  saving: 'Sparar…',
  cancel: 'Avbryt',
  errorDecisionType: 'Välj en beslutstyp.',
  errorOutcomes: 'Välj minst ett utfall.',
  errorSummary: 'Regeln kunde inte sparas',
  saved: (type: string) => `Regeln för ${type} sparades.`,
  added: (type: string) => `Regeln för ${type} lades till.`,
  removed: (type: string) => `Regeln för ${type} togs bort.`,

  // delete confirmation
  confirmTitle: 'Ta bort regeln?',
  confirmText: (type: string, level: string, outcomes: string, unit: string) =>
    `Regeln att ${level.toLowerCase()} får besluta om ${type} (${outcomes.toLowerCase()}, ${unit.toLowerCase()}) tas bort ur delegationsordningen. Beslut som inte längre täcks av någon regel går till nämnden. Ändringen loggas.`,
  confirmRemove: 'Ja, ta bort regeln',
  removeFailed: 'Regeln kunde inte tas bort',

  // the law's limits
  limitsTitle: 'Beslut som inte får delegeras till tjänstemän',
  limitsText: 'Dessa beslut fattas av nämnden eller dess utskott, i brådskande fall av ordföranden. Lots tar inte emot regler för dem.',

  // the card on the system administration page
  adminCardText: 'Vilken befattning som får fatta vilka beslut på nämndens vägnar. Lots kontrollerar den när ett beslut fattas.',
  adminCardLink: 'Visa och ändra delegationsordningen',
};

export type DelegationMessages = typeof sv;

const en: DelegationMessages = {
  title: 'Delegation of decisions',
  lead: 'Which position may take which decisions on behalf of the committee (chapter 6 section 37 of the Local Government Act). A decision no position has been delegated is taken by the committee or its sub-committee. Change this only after the committee has decided; every change is logged.',
  backToAdmin: 'Back to system administration',
  addRule: 'Add rule',
  addRuleFor: (type) => `Add rule for ${type}`,
  edit: 'Edit',
  editRuleFor: (type, level) => `Edit the rule for ${type}, ${level}`,
  remove: 'Remove',
  removeRuleFor: (type, level) => `Remove the rule for ${type}, ${level}`,

  colDecisionType: 'Decision type',
  colLevel: 'Position',
  colOutcomes: 'Outcomes',
  colUnit: 'Unit',
  colNote: 'Note',
  colActions: 'Actions',
  allUnits: 'All units',
  notDelegated: 'Not delegated – the committee or sub-committee decides',
  noNote: '–',
  updatedBy: (when, who) => (who ? `Changed ${when} by ${who}` : `Changed ${when}`),
  rulesCount: (n) => (n === 1 ? '1 rule' : `${n} rules`),
  emptyGroup: 'No decision types in this group.',

  groups: {
    sol_aldre_funktionsstod: 'Social Services Act – older people and people with disabilities (ch. 11 s. 1)',
    sol_ifo: 'Social Services Act – individual and family care (ch. 11 s. 1)',
    sol_ekonomiskt_bistand: 'Social Services Act – financial assistance (ch. 12 s. 1)',
    sol_utredning: 'Social Services Act – decisions during an investigation',
    lss: 'LSS – services under section 9',
  },
  levels: {
    handlaggare: 'Case worker',
    arbetsledare: 'Supervisor',
  },
  levelHints: {
    handlaggare: 'Needs assessors, LSS case workers, social workers. The supervisor of the same unit may take these decisions too.',
    arbetsledare: 'Unit manager, senior social worker.',
  },
  outcomes: {
    bifall: 'Granted',
    delvis_bifall: 'Partly granted',
    avslag: 'Refused',
  },

  formAddTitle: 'Add rule',
  formEditTitle: 'Edit rule',
  fieldDecisionType: 'Decision type',
  chooseDecisionType: 'Choose a decision type',
  fieldLevel: 'Position that may decide',
  fieldOutcomes: 'Outcomes the delegation covers',
  fieldOutcomesHint: 'Choose at least one. Outcomes not chosen are decided by someone else under the delegation rules, or by the committee.',
  fieldUnit: 'Unit',
  fieldUnitHint: 'Choose a unit if the delegation holds only for its cases, otherwise all units.',
  fieldNote: 'Note (optional)',
  fieldNoteHint: 'For example the position\'s title in the delegation rules or an amount limit. At most 500 characters.',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  errorDecisionType: 'Choose a decision type.',
  errorOutcomes: 'Choose at least one outcome.',
  errorSummary: 'The rule could not be saved',
  saved: (type) => `The rule for ${type} was saved.`,
  added: (type) => `The rule for ${type} was added.`,
  removed: (type) => `The rule for ${type} was removed.`,

  confirmTitle: 'Remove the rule?',
  confirmText: (type, level, outcomes, unit) =>
    `The rule that a ${level.toLowerCase()} may decide on ${type} (${outcomes.toLowerCase()}, ${unit.toLowerCase()}) is removed from the delegation rules. Decisions no longer covered by any rule go to the committee. The change is logged.`,
  confirmRemove: 'Yes, remove the rule',
  removeFailed: 'The rule could not be removed',

  limitsTitle: 'Decisions that may not be delegated to officials',
  limitsText: 'These are taken by the committee or its sub-committee, in urgent cases by the chair. Lots does not accept rules for them.',

  adminCardText: 'Which position may take which decisions on behalf of the committee. Lots checks it whenever a decision is taken.',
  adminCardLink: 'View and change the delegation rules',
};

export function delegationMessages(lang: Lang): DelegationMessages {
  return lang === 'en' ? en : sv;
}
