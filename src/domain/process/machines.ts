// One declared state machine per case type: the statuses it uses, and for every step the
// statuses it may be taken from, the status it leads to, what must hold first (guards, each
// with its legal basis and a Swedish reason that says what to do), and the deadlines it starts.
//
// Who may take a step (delegation, e.g. who signs a decision) is deliberately NOT decided here:
// a separate delegation module will check the actor. This module only answers whether the case
// itself is ready for the step.
//
// Deadlines: `initialDeadlines` start when the case is registered (aktualisering) because they
// count from receipt (DEADLINE_KINDS[kind].countsFromSv); a transition's `startsDeadlines` start
// when the step is taken. Due dates are computed by the caller with DEADLINE_KINDS[kind].due.
// The 3-month EVB reporting threshold (34 kap. 1 § SoL) has no DeadlineKind yet.

import { isOverdue, type DeadlineKind } from '../deadlines.ts';
import { formatDateSv } from '../format.ts';
import { goesAgainstParty, grantsSomething, type CaseFacts, type CaseType, type Status, type Step } from './types.ts';

export interface Guard {
  id: string;
  legalBasis: string;
  holds: (facts: CaseFacts) => boolean;
  /** Plain Swedish: why the step is refused and what to do instead. */
  reason: (facts: CaseFacts) => string;
}

export interface Transition {
  step: Step;
  from: readonly Status[];
  /** 'stay' for steps that record something without changing the status. */
  to: Status | 'stay';
  legalBasis: string;
  guards: readonly Guard[];
  startsDeadlines: readonly DeadlineKind[];
}

export interface Refusal {
  reason: string;
  legalBasis?: string;
}

export interface ProcessMachine {
  type: CaseType;
  states: readonly Status[];
  initial: Status;
  initialDeadlines: readonly DeadlineKind[];
  transitions: readonly Transition[];
  /** Why a step that this case type never uses is refused, where a generic reason is not enough. */
  notInProcess: Partial<Record<Step, Refusal>>;
}

// ---------------------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------------------

const skyddsbedomningRecorded: Guard = {
  id: 'skyddsbedomning_registrerad',
  legalBasis: '20 kap. 1 § SoL',
  holds: (f) => f.skyddsbedomningRecorded,
  reason: () =>
    'Den omedelbara skyddsbedömningen är inte dokumenterad. Registrera skyddsbedömningen innan förhandsbedömningen avgörs.',
};

const skyddsbedomningNotYetRecorded: Guard = {
  id: 'skyddsbedomning_ej_registrerad',
  legalBasis: '20 kap. 1 § SoL',
  holds: (f) => !f.skyddsbedomningRecorded,
  reason: () => 'Skyddsbedömningen är redan registrerad. Fortsätt med förhandsbedömningen.',
};

const bedomningInleda: Guard = {
  id: 'bedomning_inleda',
  legalBasis: '20 kap. 2 § SoL',
  holds: (f) => f.forhandsbedomningOutcome === 'inleda',
  reason: (f) =>
    f.forhandsbedomningOutcome === null
      ? 'Förhandsbedömningen saknar en dokumenterad bedömning. Dokumentera bedömningen (inleda utredning) först.'
      : 'Förhandsbedömningen är dokumenterad som att utredning inte ska inledas. Ändra bedömningen eller besluta att inte inleda utredning.',
};

const bedomningInteInleda: Guard = {
  id: 'bedomning_inte_inleda',
  legalBasis: '20 kap. 2 § SoL',
  holds: (f) => f.forhandsbedomningOutcome === 'inte_inleda',
  reason: (f) =>
    f.forhandsbedomningOutcome === null
      ? 'Bedömningen saknas. Dokumentera bedömningen (inte inleda utredning) med motivering först.'
      : 'Bedömningen är dokumenterad som att utredning ska inledas. Ändra bedömningen eller besluta att inleda utredning.',
};

const investigationExists: Guard = {
  id: 'utredning_finns',
  legalBasis: '14 kap. 2 § SoL; 23 § FL',
  holds: (f) => f.investigationExists,
  reason: () => 'Det finns ingen dokumenterad utredning. Ärendet ska vara utrett innan beslut fattas; inled och dokumentera utredningen först.',
};

const investigationExistsLss: Guard = { ...investigationExists, legalBasis: '23 § FL' };

const kommuniceringNotSent: Guard = {
  id: 'ej_kommunicerat',
  legalBasis: '25 § FL',
  holds: (f) => !f.kommunicering?.sentOn,
  reason: (f) =>
    `Underlaget kommunicerades ${f.kommunicering?.sentOn ? formatDateSv(f.kommunicering.sentOn, 'long') : ''}. Invänta svaret eller registrera ny kommunicering i journalen.`,
};

const draftGoesAgainst: Guard = {
  id: 'forslag_gar_emot',
  legalBasis: '25 § andra stycket FL',
  holds: (f) => f.decision !== null && goesAgainstParty(f.decision.outcome),
  reason: (f) =>
    f.decision === null
      ? 'Det finns inget beslutsförslag. Skriv beslutsförslaget först; undantag från kommunicering bedöms mot det.'
      : 'Beslutsförslaget går inte parten emot, så kommunicering behövs inte för beslutet. Fatta beslutet utan undantag.',
};

const noExceptionYet: Guard = {
  id: 'inget_undantag',
  legalBasis: '25 § andra stycket FL',
  holds: (f) => !f.kommunicering?.exceptionReason,
  reason: () => 'Ett skäl för undantag från kommunicering är redan registrerat.',
};

const draftExists: Guard = {
  id: 'beslutsforslag_finns',
  legalBasis: '31–32 §§ FL',
  holds: (f) => f.decision !== null,
  reason: () => 'Det finns inget beslutsförslag. Skriv ett beslutsförslag (bifall, delvis bifall eller avslag) med motivering först.',
};

function needsKommunicering(f: CaseFacts): boolean {
  return f.decision !== null && goesAgainstParty(f.decision.outcome) && !f.kommunicering?.exceptionReason;
}

const kommuniceratOmEmot: Guard = {
  id: 'kommunicerat_om_emot',
  legalBasis: '25 § FL',
  holds: (f) => !needsKommunicering(f) || Boolean(f.kommunicering?.sentOn),
  reason: () =>
    'Beslutsförslaget går parten emot (avslag eller delvis bifall). Kommunicera underlaget med parten och ge tid att svara, eller registrera skälet till undantag, innan beslut fattas.',
};

const svarstidPasserad: Guard = {
  id: 'svarstid_passerad',
  legalBasis: '25 § FL',
  holds: (f) => {
    if (!needsKommunicering(f) || !f.kommunicering?.sentOn) return true;
    if (f.kommunicering.replyReceivedOn) return true;
    const replyBy = f.kommunicering.replyBy;
    return replyBy !== null && isOverdue(replyBy, f.today);
  },
  reason: (f) =>
    f.kommunicering?.replyBy
      ? `Parten har till och med ${formatDateSv(f.kommunicering.replyBy, 'long')} på sig att svara på kommuniceringen. Vänta till dagen efter, eller tills svaret har kommit in, eller registrera skälet till undantag.`
      : 'Kommuniceringen saknar sista svarsdag. Registrera svarstiden och vänta tills den har gått ut.',
};

const decisionSigned: Guard = {
  id: 'beslut_undertecknat',
  legalBasis: '31 § FL',
  holds: (f) => f.decision?.signed === true,
  reason: () => 'Beslutet är inte fattat och undertecknat. Låt beslutsfattaren fatta beslutet först.',
};

const decisionGrants: Guard = {
  id: 'beslut_beviljar',
  legalBasis: '34 kap. 1 § SoL',
  holds: (f) => f.decision !== null && grantsSomething(f.decision.outcome),
  reason: () => 'Beslutet är ett avslag; det finns ingen insats att verkställa. Avsluta ärendet i stället.',
};

const decisionDoesNotGrant: Guard = {
  id: 'beslut_utan_insats',
  legalBasis: '34 kap. 1 § SoL',
  holds: (f) => f.decision === null || !grantsSomething(f.decision.outcome),
  reason: () => 'Beslutet beviljar en insats. Verkställ insatsen först; uppföljning inleds när den har upphört.',
};

const insatserEnded: Guard = {
  id: 'insatser_avslutade',
  legalBasis: '34 kap. 1 § SoL',
  holds: (f) => f.decision === null || !grantsSomething(f.decision.outcome) || f.allGrantedInsatserEnded,
  reason: () => 'Beviljade insatser pågår fortfarande. Avsluta insatserna (och verkställigheten) först.',
};

const closingReasonGiven: Guard = {
  id: 'skal_for_avslut',
  legalBasis: 'SOSFS 2014:5',
  holds: (f) => Boolean(f.closingReason?.trim()),
  reason: () => 'Skälet till att ärendet avslutas är inte angivet. Dokumentera skälet för avslut först.',
};

// ---------------------------------------------------------------------------------------------
// Shared transitions
// ---------------------------------------------------------------------------------------------

const kommunicera: Transition = {
  step: 'kommunicera',
  from: ['utredning'],
  to: 'stay',
  legalBasis: '25 § FL',
  guards: [investigationExists, kommuniceringNotSent],
  startsDeadlines: [],
};

const undantagKommunicering: Transition = {
  step: 'registrera_undantag_kommunicering',
  from: ['utredning'],
  to: 'stay',
  legalBasis: '25 § andra stycket FL',
  guards: [draftGoesAgainst, noExceptionYet],
  startsDeadlines: [],
};

function fattaBeslut(legalBasis: string, investigation: Guard): Transition {
  return {
    step: 'fatta_beslut',
    from: ['utredning'],
    to: 'beslut',
    legalBasis,
    guards: [investigation, draftExists, kommuniceratOmEmot, svarstidPasserad],
    // The appeal period counts from when the party received the decision (44 § FL).
    startsDeadlines: ['overklagande'],
  };
}

function inledUtredning(legalBasis: string): Transition {
  return { step: 'inled_utredning', from: ['aktualiserad'], to: 'utredning', legalBasis, guards: [], startsDeadlines: [] };
}

function verkstall(legalBasis: string): Transition {
  return {
    step: 'verkstall',
    from: ['beslut'],
    to: 'verkstallighet',
    legalBasis,
    guards: [decisionSigned, decisionGrants],
    startsDeadlines: [],
  };
}

const avsluta: Transition = {
  step: 'avsluta',
  from: ['beslut', 'verkstallighet', 'uppfoljning'],
  to: 'avslutad',
  legalBasis: 'SOSFS 2014:5',
  guards: [decisionSigned, insatserEnded, closingReasonGiven],
  startsDeadlines: [],
};

const adultUppfoljning: Transition = {
  step: 'inled_uppfoljning',
  from: ['verkstallighet'],
  to: 'uppfoljning',
  legalBasis: 'SOSFS 2014:5 (uppföljning av insats)',
  guards: [],
  startsDeadlines: [],
};

const noForhandsbedomning = (basis: string): Partial<Record<Step, Refusal>> => {
  const refusal: Refusal = {
    reason: 'Förhandsbedömning och skyddsbedömning gäller anmälningar om barn. Inled utredning direkt.',
    legalBasis: basis,
  };
  return {
    registrera_skyddsbedomning: refusal,
    inled_forhandsbedomning: refusal,
    besluta_inleda_utredning: refusal,
  };
};

// An application the person withdraws (or that lapses, e.g. the applicant has died) leaves nothing
// to decide: the case is written off (avskrivs) without a decision, with the reason documented.
const avskriv: Transition = {
  step: 'avskriv',
  from: ['aktualiserad', 'utredning'],
  to: 'avslutad',
  legalBasis: 'SOSFS 2014:5 (dokumentation av avslut)',
  guards: [closingReasonGiven],
  startsDeadlines: [],
};

// ---------------------------------------------------------------------------------------------
// Machines
// ---------------------------------------------------------------------------------------------

const barnAnmalan: ProcessMachine = {
  type: 'barn_anmalan',
  states: ['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'],
  initial: 'aktualiserad',
  initialDeadlines: ['skyddsbedomning', 'forhandsbedomning'],
  transitions: [
    {
      step: 'registrera_skyddsbedomning',
      from: ['aktualiserad', 'forhandsbedomning'],
      to: 'stay',
      legalBasis: '20 kap. 1 § SoL',
      guards: [skyddsbedomningNotYetRecorded],
      startsDeadlines: [],
    },
    {
      step: 'inled_forhandsbedomning',
      from: ['aktualiserad'],
      to: 'forhandsbedomning',
      legalBasis: '20 kap. 2 § SoL',
      guards: [],
      startsDeadlines: [],
    },
    {
      step: 'besluta_inleda_utredning',
      from: ['forhandsbedomning'],
      to: 'utredning',
      legalBasis: '20 kap. 2 § SoL',
      guards: [skyddsbedomningRecorded, bedomningInleda],
      startsDeadlines: ['barnutredning'],
    },
    {
      step: 'besluta_inte_inleda_utredning',
      from: ['forhandsbedomning'],
      to: 'avslutad',
      legalBasis: '20 kap. 2 § SoL',
      guards: [skyddsbedomningRecorded, bedomningInteInleda],
      startsDeadlines: [],
    },
    kommunicera,
    undantagKommunicering,
    // For a child investigation that ends without insats, the decision outcome is 'avslag'.
    fattaBeslut('14 kap. 2 § SoL; 23 § FL; 25 § FL', investigationExists),
    verkstall('34 kap. 1 § SoL'),
    {
      step: 'inled_uppfoljning',
      from: ['beslut'],
      to: 'uppfoljning',
      legalBasis: '23 kap. 1–5 §§ SoL',
      guards: [decisionSigned, decisionDoesNotGrant],
      startsDeadlines: ['uppfoljning'],
    },
    {
      step: 'inled_uppfoljning',
      from: ['verkstallighet'],
      to: 'uppfoljning',
      legalBasis: '23 kap. 1–5 §§ SoL',
      guards: [insatserEnded],
      startsDeadlines: ['uppfoljning'],
    },
    avsluta,
  ],
  notInProcess: {
    inled_utredning: {
      reason: 'För anmälan om barn inleds utredning genom beslut i förhandsbedömningen. Besluta att inleda utredning.',
      legalBasis: '20 kap. 2 § SoL',
    },
    avskriv: {
      reason: 'En anmälan om barn kan inte avskrivas. Förhandsbedömningen avslutas med beslut att inleda eller inte inleda utredning.',
      legalBasis: '20 kap. 2 § SoL',
    },
  },
};

const ADULT_STATES: readonly Status[] = ['aktualiserad', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'];

const bistandAnsokan: ProcessMachine = {
  type: 'bistand_ansokan',
  states: ADULT_STATES,
  initial: 'aktualiserad',
  initialDeadlines: ['utredning'],
  transitions: [
    inledUtredning('14 kap. 2 § SoL'),
    kommunicera,
    undantagKommunicering,
    fattaBeslut('11 kap. 1 § SoL; 14 kap. 2 § SoL; 23 § FL; 25 § FL', investigationExists),
    verkstall('34 kap. 1 § SoL'),
    adultUppfoljning,
    avsluta,
    avskriv,
  ],
  notInProcess: {
    ...noForhandsbedomning('14 kap. 2 § SoL'),
    besluta_inte_inleda_utredning: {
      reason: 'En ansökan ska utredas och prövas; den avgörs genom beslut, inte genom att utredning inte inleds.',
      legalBasis: '14 kap. 2 § SoL',
    },
  },
};

const lssAnsokan: ProcessMachine = {
  type: 'lss_ansokan',
  states: ADULT_STATES,
  initial: 'aktualiserad',
  initialDeadlines: ['utredning'],
  transitions: [
    inledUtredning('9 § LSS; 23 § FL'),
    kommunicera,
    undantagKommunicering,
    fattaBeslut('9 § LSS; 23 § FL; 25 § FL', investigationExistsLss),
    // LSS has its own EVB rules (28 f–h §§ LSS, not re-verified, domain.md 1.3.4).
    verkstall('9 § LSS; 28 f § LSS'),
    adultUppfoljning,
    avsluta,
    avskriv,
  ],
  notInProcess: {
    ...noForhandsbedomning('9 § LSS'),
    besluta_inte_inleda_utredning: {
      reason: 'En begäran om insats enligt LSS ska utredas och prövas; den avgörs genom beslut.',
      legalBasis: '9 § LSS; 23 § FL',
    },
  },
};

// Försörjningsstöd: application → utredning → beslut. Utbetalning is out of scope here, so there
// is no verkställighet status: after the decision the case is closed or followed up.
const ekonomisktBistand: ProcessMachine = {
  type: 'ekonomiskt_bistand',
  states: ['aktualiserad', 'utredning', 'beslut', 'uppfoljning', 'avslutad'],
  initial: 'aktualiserad',
  initialDeadlines: ['utredning'],
  transitions: [
    inledUtredning('14 kap. 2 § SoL'),
    kommunicera,
    undantagKommunicering,
    fattaBeslut('12 kap. 1 § SoL; 14 kap. 2 § SoL; 23 § FL; 25 § FL', investigationExists),
    {
      step: 'inled_uppfoljning',
      from: ['beslut'],
      to: 'uppfoljning',
      legalBasis: 'SOSFS 2014:5 (uppföljning)',
      guards: [decisionSigned],
      startsDeadlines: [],
    },
    {
      step: 'avsluta',
      from: ['beslut', 'uppfoljning'],
      to: 'avslutad',
      legalBasis: 'SOSFS 2014:5',
      guards: [decisionSigned, closingReasonGiven],
      startsDeadlines: [],
    },
    avskriv,
  ],
  notInProcess: {
    ...noForhandsbedomning('14 kap. 2 § SoL'),
    besluta_inte_inleda_utredning: {
      reason: 'En ansökan om ekonomiskt bistånd ska utredas och prövas; den avgörs genom beslut.',
      legalBasis: '12 kap. 1 § SoL; 14 kap. 2 § SoL',
    },
    verkstall: {
      reason: 'Utbetalning av ekonomiskt bistånd hanteras inte i ärendeprocessen. Efter beslut avslutas ärendet eller följs upp.',
      legalBasis: '12 kap. 1 § SoL',
    },
  },
};

// Anmälan om vuxen (e.g. LVM-anmälan): no statutory förhandsbedömning, but the nämnd may decide
// not to open an investigation (e.g. the person declines and there are no grounds under LVM 4 §).
const vuxenAnmalan: ProcessMachine = {
  type: 'vuxen_anmalan',
  states: ADULT_STATES,
  initial: 'aktualiserad',
  initialDeadlines: ['utredning'],
  transitions: [
    inledUtredning('14 kap. 2 § SoL; 7 § LVM'),
    {
      step: 'besluta_inte_inleda_utredning',
      from: ['aktualiserad'],
      to: 'avslutad',
      legalBasis: '14 kap. 2 § SoL; 7 § LVM',
      guards: [bedomningInteInleda],
      startsDeadlines: [],
    },
    kommunicera,
    undantagKommunicering,
    fattaBeslut('14 kap. 2 § SoL; 23 § FL; 25 § FL', investigationExists),
    verkstall('34 kap. 1 § SoL'),
    adultUppfoljning,
    avsluta,
  ],
  notInProcess: {
    ...noForhandsbedomning('14 kap. 2 § SoL'),
    avskriv: {
      reason: 'En anmälan avskrivs inte. Besluta att inte inleda utredning, med motivering, eller inled utredning.',
      legalBasis: '14 kap. 2 § SoL',
    },
  },
};

export const MACHINES: Readonly<Record<CaseType, ProcessMachine>> = {
  barn_anmalan: barnAnmalan,
  bistand_ansokan: bistandAnsokan,
  lss_ansokan: lssAnsokan,
  ekonomiskt_bistand: ekonomisktBistand,
  vuxen_anmalan: vuxenAnmalan,
};

/** A closed case is never reopened: new information is a new aktualisering. */
export const REOPEN_REFUSAL: Refusal = {
  reason: 'Ett avslutat ärende kan inte öppnas igen. Registrera en ny aktualisering (ny anmälan, ansökan eller information) i stället.',
  legalBasis: '14 kap. 2 § SoL',
};
