// The API contract for the case process (issue 3): aktualisering, the case page, process steps,
// investigation, kommunicering, decisions (drafts, proposals, signing), letters and delgivning,
// appeals, inbox and the arbetsledare's dashboard. Server validates with these schemas; the web
// imports only the types.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';
import { CaseArea, CaseListItem, CaseOrigin, CaseStatus, PersonRef } from './api.ts';
import { FsIntake } from './forsorjningsstod-api.ts';

const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const CaseType = Type.Enum(['barn_anmalan', 'bistand_ansokan', 'lss_ansokan', 'ekonomiskt_bistand', 'vuxen_anmalan']);
export type CaseType = Static<typeof CaseType>;
export const Outcome = Type.Enum(['bifall', 'delvis_bifall', 'avslag']);
export type Outcome = Static<typeof Outcome>;
export const Step = Type.Enum([
  'registrera_skyddsbedomning', 'inled_forhandsbedomning', 'besluta_inleda_utredning', 'besluta_inte_inleda_utredning',
  'inled_utredning', 'kommunicera', 'registrera_undantag_kommunicering', 'fatta_beslut', 'verkstall', 'inled_uppfoljning',
  'avsluta', 'avskriv', 'ateroppna',
]);
export type Step = Static<typeof Step>;

// ---- catalogue (insatser, decision types) ----
export const Catalogue = Type.Object({
  insatser: Type.Array(Type.Object({
    key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), law: Type.Enum(['SoL', 'LSS']),
    legalBasis: Type.String(), legalBasisShort: Type.String(), areas: Type.Array(Type.String()),
    scopeHint: Nullable(Type.String()), hasAmount: Type.Boolean(), appealRoute: Type.String(), ksiCode: Nullable(Type.String()),
  })),
  decisionTypes: Type.Array(Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), law: Type.String() })),
});
export type Catalogue = Static<typeof Catalogue>;

// ---- aktualisering ----
export const ReporterRole = Type.Enum([
  'polis', 'halso_sjukvard', 'skola', 'forskola', 'socialtjanst', 'annan_myndighet', 'privat_verksamhet',
  'anhorig', 'privatperson', 'barnet_sjalv', 'anonym',
]);
export type ReporterRole = Static<typeof ReporterRole>;
export const Channel = Type.Enum(['brev', 'telefon', 'e_tjanst', 'besok', 'e_post', 'digital_brevlada']);

export const Reporter = Type.Object({
  role: ReporterRole,
  name: Type.Optional(Text(200)),
  organisation: Type.Optional(Text(200)),
  phone: Type.Optional(Text(50)),
  /** Whether the reporter may be named to the family (the reporter's own wish; OSL 26 kap. 5 §). */
  mayBeNamed: Type.Boolean(),
  anonymous: Type.Boolean(),
});
export type Reporter = Static<typeof Reporter>;

export const NewCaseBody = Type.Object({
  personId: Uuid,
  area: CaseArea,
  origin: CaseOrigin,
  /** For applications in funktionsstöd: whether the person asks for LSS insatser (9 § LSS) or SoL. */
  law: Type.Optional(Type.Enum(['SoL', 'LSS'])),
  receivedOn: IsoDate,
  channel: Type.Optional(Channel),
  title: Type.Optional(Text(200)),
  description: Text(20000, 1),
  reporter: Type.Optional(Reporter),
  /** Insats keys from the catalogue (applications). */
  requestedInsatser: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  /** Ekonomiskt bistånd: the month applied for, ÅÅÅÅ-MM. */
  period: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })),
  /** Assign the new case to me at once (a handläggare who takes it); otherwise it lands in the unit's inbox. */
  assignToMe: Type.Optional(Type.Boolean()),
});
export type NewCaseBody = Static<typeof NewCaseBody>;
export const NewCaseResult = Type.Object({ id: Uuid, caseNumber: Type.String() });
export type NewCaseResult = Static<typeof NewCaseResult>;

export const Intake = Type.Object({
  channel: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  reporter: Type.Optional(Reporter),
  requestedInsatser: Type.Optional(Type.Array(Type.String())),
  period: Type.Optional(Type.String()),
  law: Type.Optional(Type.String()),
  // from the public orosanmälan: urgency as the reporter put it, and how the child was identified
  immediateDanger: Type.Optional(Type.Boolean()),
  receiptNumber: Type.Optional(Type.String()),
  childIdentityVerified: Type.Optional(Type.Boolean()),
  childAsReported: Type.Optional(Type.Object({ firstName: Type.String(), lastName: Type.String(), whereabouts: Nullable(Type.String()) })),
  /** from the e-service ansökan om försörjningsstöd: household, incomes, costs, assets and attachments (src/shared/forsorjningsstod-api.ts) */
  forsorjningsstod: Type.Optional(FsIntake),
});
export type Intake = Static<typeof Intake>;

export const AssignBody = Type.Object({
  /** The handläggare to assign; omitted = take the case myself. */
  staffUserId: Type.Optional(Uuid),
});

// ---- the case page ----
export const StaffRef = Type.Object({ id: Uuid, name: Type.String() });

export const CaseDeadlineView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  label: Type.String(),
  legalBasis: Type.String(),
  dueOn: IsoDate,
  completedOn: Nullable(IsoDate),
  overdue: Type.Boolean(),
  extendedReason: Nullable(Type.String()),
});
export type CaseDeadlineView = Static<typeof CaseDeadlineView>;

export const DecisionStatus = Type.Enum(['utkast', 'forslag', 'fattat']);
export const DecisionDetail = Type.Object({
  id: Uuid,
  status: DecisionStatus,
  insatsKey: Nullable(Type.String()),
  insats: Type.String(),
  outcome: Outcome,
  legalBasis: Type.String(),
  legalBasisText: Type.String(),
  ksiCode: Nullable(Type.String()),
  scope: Nullable(Type.String()),
  validFrom: Nullable(IsoDate),
  validTo: Nullable(IsoDate),
  amountSek: Nullable(Type.Number()),
  motivation: Type.String(),
  followUpOn: Nullable(IsoDate),
  appealRoute: Type.String(),
  proposedTo: Nullable(Type.Enum(['arbetsledare', 'namnd'])),
  decidedOn: Nullable(IsoDate),
  decidedBy: Nullable(Type.String()),
  decidedCapacity: Nullable(Type.Enum(['delegation', 'namnd'])),
  namndProtocol: Nullable(Type.String()),
  signedAt: Nullable(IsoDateTime),
  letterId: Nullable(Uuid),
  draftedBy: Nullable(Type.String()),
});
export type DecisionDetail = Static<typeof DecisionDetail>;

export const LetterView = Type.Object({
  id: Uuid,
  fileId: Uuid,
  createdAt: IsoDateTime,
  deliveredOn: Nullable(IsoDate),
  deliveryMethod: Nullable(Type.Enum(['brev', 'digital_brevlada', 'personligt', 'mottagningsbevis'])),
  /** The last day to appeal the decisions in this letter, once delivery is recorded (44 § FL). */
  appealLastDay: Nullable(IsoDate),
});
export type LetterView = Static<typeof LetterView>;

export const AppealStatus = Type.Enum(['registrerat', 'avvisat', 'omprovat_andrat', 'overlamnat']);
export const AppealView = Type.Object({
  id: Uuid,
  decisionId: Uuid,
  insats: Type.String(),
  receivedOn: IsoDate,
  deliveredOn: Nullable(IsoDate),
  lastDay: Nullable(IsoDate),
  timely: Type.Boolean(),
  assessment: Type.String(),
  wrongInstruction: Type.Boolean(),
  status: AppealStatus,
  omprovningNote: Nullable(Type.String()),
  court: Nullable(Type.String()),
  forwardedOn: Nullable(IsoDate),
});
export type AppealView = Static<typeof AppealView>;

export const StepOption = Type.Object({
  step: Step,
  label: Type.String(),
  allowed: Type.Boolean(),
  /** Why it is not allowed now (and what to do), when allowed is false. */
  reason: Type.Optional(Type.String()),
  legalBasis: Type.Optional(Type.String()),
});
export type StepOption = Static<typeof StepOption>;

export const InvestigationSectionView = Type.Object({ key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), hintSv: Type.String() });

export const CaseDetail = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  caseNumber: Type.String(),
  caseType: CaseType,
  area: CaseArea,
  origin: CaseOrigin,
  title: Type.String(),
  status: CaseStatus,
  receivedOn: IsoDate,
  closedOn: Nullable(IsoDate),
  closingReason: Nullable(Type.String()),
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  assignedTo: Nullable(StaffRef),
  person: Type.Intersect([PersonRef, Type.Object({ age: Type.Integer(), birthDate: IsoDate })]),
  intake: Intake,
  skyddsbedomning: Nullable(Type.Object({ assessedAt: IsoDateTime, assessedBy: Type.String(), acute: Type.Boolean(), text: Type.String() })),
  forhandsbedomning: Nullable(Type.Object({
    outcome: Nullable(Type.Enum(['inleda', 'inte_inleda'])), motivation: Nullable(Type.String()),
    decidedOn: Nullable(IsoDate), decidedBy: Nullable(Type.String()),
  })),
  investigation: Nullable(Type.Object({
    openedOn: IsoDate,
    sections: Type.Array(InvestigationSectionView),
    content: Type.Record(Type.String(), Type.String()),
    ownView: Nullable(Type.String()),
    /** LSS only: '1' | '2' | '3' | 'ingen'. */
    personkrets: Nullable(Type.String()),
    extendedTo: Nullable(IsoDate),
    extensionReason: Nullable(Type.String()),
  })),
  kommunicering: Nullable(Type.Object({
    sentOn: Nullable(IsoDate), replyBy: Nullable(IsoDate), replyReceivedOn: Nullable(IsoDate), exceptionReason: Nullable(Type.String()),
  })),
  deadlines: Type.Array(CaseDeadlineView),
  decisions: Type.Array(DecisionDetail),
  letters: Type.Array(LetterView),
  appeals: Type.Array(AppealView),
  /** Every step of this case type's process, allowed or not, in process order. */
  steps: Type.Array(StepOption),
  /** Whether I may sign the current drafts myself, or where they go as a proposal. */
  signing: Type.Object({
    draftCount: Type.Integer(),
    canSign: Type.Boolean(),
    reason: Type.Optional(Type.String()),
    proposeTo: Type.Optional(Type.Enum(['arbetsledare', 'namnd'])),
  }),
  /** The insatser a decision in this case may be about (catalogue keys). */
  insatsOptions: Type.Array(Type.String()),
});
export type CaseDetail = Static<typeof CaseDetail>;

// ---- process steps ----
/** One body for every step; each step reads the fields it needs and says which are missing. */
export const StepBody = Type.Object({
  /** Skyddsbedömning: whether the child needs immediate protection. */
  acute: Type.Optional(Type.Boolean()),
  /** Skyddsbedömning: the documented assessment. */
  text: Type.Optional(Text(20000)),
  /** Förhandsbedömning (inleda / inte inleda): the motivation. */
  motivation: Type.Optional(Text(20000)),
  /** Kommunicera: sent on, and the last day to reply. */
  sentOn: Type.Optional(IsoDate),
  replyBy: Type.Optional(IsoDate),
  /** Undantag från kommunicering, avsluta: the reason. */
  reason: Type.Optional(Text(5000)),
});
export type StepBody = Static<typeof StepBody>;
export const StepParams = Type.Object({ id: Uuid, step: Step });

export const InvestigationBody = Type.Object({
  version: Type.Integer({ description: 'The case version the edit was based on; 409 if someone else saved in between' }),
  content: Type.Record(Type.String({ maxLength: 60 }), Text(50000)),
  ownView: Type.Optional(Nullable(Text(20000))),
  personkrets: Type.Optional(Nullable(Type.Enum(['1', '2', '3', 'ingen']))),
});
export type InvestigationBody = Static<typeof InvestigationBody>;
export const VersionResult = Type.Object({ version: Type.Integer() });

export const ExtendInvestigationBody = Type.Object({ extendTo: IsoDate, reason: Text(5000, 10) });
export const KommuniceringReplyBody = Type.Object({ receivedOn: IsoDate });

// ---- decisions ----
export const DecisionDraftBody = Type.Object({
  insatsKey: Type.String({ maxLength: 60 }),
  outcome: Outcome,
  scope: Type.Optional(Nullable(Text(500))),
  validFrom: Type.Optional(Nullable(IsoDate)),
  validTo: Type.Optional(Nullable(IsoDate)),
  amountSek: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 10_000_000 }))),
  motivation: Text(20000, 1),
  followUpOn: Type.Optional(Nullable(IsoDate)),
});
export type DecisionDraftBody = Static<typeof DecisionDraftBody>;
export const DecisionParams = Type.Object({ id: Uuid, decisionId: Uuid });

export const SignBody = Type.Object({
  /** Recording a nämnd's decision on a proposal: the protocol paragraph and the meeting date. */
  namndProtocol: Type.Optional(Text(200, 1)),
  decidedOn: Type.Optional(IsoDate),
});
export type SignBody = Static<typeof SignBody>;
export const SignResult = Type.Object({ letterId: Uuid, fileId: Uuid, decisionIds: Type.Array(Uuid) });
export type SignResult = Static<typeof SignResult>;
export const ProposeResult = Type.Object({ proposedTo: Type.Enum(['arbetsledare', 'namnd']), decisionIds: Type.Array(Uuid) });
export type ProposeResult = Static<typeof ProposeResult>;

export const LetterParams = Type.Object({ id: Uuid, letterId: Uuid });
export const DeliveryBody = Type.Object({ deliveredOn: IsoDate, method: Type.Enum(['brev', 'digital_brevlada', 'personligt', 'mottagningsbevis']) });

// ---- appeals ----
export const NewAppealBody = Type.Object({ decisionId: Uuid, receivedOn: IsoDate, wrongInstruction: Type.Optional(Type.Boolean()) });
export const AppealParams = Type.Object({ id: Uuid, appealId: Uuid });
export const AppealActionBody = Type.Object({
  /** avvisa: too late (45 § FL); omprova_andra: the nämnd changes the decision itself (39 § FL); overlamna: send to förvaltningsrätten. */
  action: Type.Enum(['avvisa', 'omprova_andra', 'overlamna']),
  note: Type.Optional(Text(5000)),
  court: Type.Optional(Text(200)),
  forwardedOn: Type.Optional(IsoDate),
});

// ---- inbox and dashboard ----
export const UnitStaff = Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), title: Type.String(), role: Type.String() })) });
export type UnitStaff = Static<typeof UnitStaff>;

export const Dashboard = Type.Object({
  unitName: Type.String(),
  caseload: Type.Array(Type.Object({
    staff: StaffRef, open: Type.Integer(), overdue: Type.Integer(), dueWithin7Days: Type.Integer(),
  })),
  unassigned: Type.Integer(),
  atRisk: Type.Array(CaseListItem),
  proposals: Type.Array(Type.Object({
    caseId: Uuid, caseNumber: Type.String(), person: PersonRef, insats: Type.String(), outcome: Outcome,
    proposedBy: Type.String(), proposedAt: IsoDateTime, proposedTo: Type.Enum(['arbetsledare', 'namnd']),
  })),
});
export type Dashboard = Static<typeof Dashboard>;

export { CaseStatus };
