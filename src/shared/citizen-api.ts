// The citizen's (medborgare) API contract for "Mina ärenden": whom I act for, and the cases,
// decisions (with how to appeal) and letters of those persons. Web code imports only types.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, Nullable } from './schema.ts';
import { CaseArea, CaseStatus, DecisionView } from './api.ts';

export const CitizenRelation = Type.Union([Type.Literal('self'), Type.Literal('vardnadshavare'), Type.Literal('ombud')]);
export type CitizenRelation = Static<typeof CitizenRelation>;

export const WithheldReason = Type.Union([Type.Literal('myndig'), Type.Literal('barnets_egna'), Type.Literal('skyddat_arende'), Type.Literal('utanfor_fullmakt')]);
export type WithheldReason = Static<typeof WithheldReason>;

/** What I may do for the person in the e-service. */
export const CitizenPermission = Type.Union([Type.Literal('se_arenden'), Type.Literal('ansoka')]);

/** A person I act for. Never an address or personnummer of anyone else (protected identity or not). */
export const ActingFor = Type.Object({
  id: Uuid,
  name: Type.String(),
  relation: CitizenRelation,
  /** Only for children in custody: the age decides what the guardian may see. */
  age: Nullable(Type.Integer()),
  /** For an ombud: what the fullmakt covers, in words, and until when. */
  scope: Nullable(Type.String()),
  validTo: Nullable(IsoDate),
  may: Type.Array(CitizenPermission),
  /** When the cases are withheld from me, why (SoL 21 kap. 1 §, OSL 12 kap. 3 §, FB 6 kap. 2 §). */
  withheld: Nullable(Type.Object({ reason: WithheldReason, text: Type.String() })),
});
export type ActingFor = Static<typeof ActingFor>;

export const CitizenMe = Type.Object({
  name: Type.String(),
  /** False when the municipality has no person record for me (then I act for nobody). */
  known: Type.Boolean(),
  actingFor: Type.Array(ActingFor),
});
export type CitizenMe = Static<typeof CitizenMe>;

export const CitizenStep = Type.Object({
  key: CaseStatus, label: Type.String(),
  state: Type.Union([Type.Literal('klar'), Type.Literal('pagar'), Type.Literal('kommer')]),
});

export const CitizenAppeal = Type.Object({
  route: Type.Union([Type.Literal('forvaltningsbesvar'), Type.Literal('laglighetsprovning')]),
  title: Type.String(),
  paragraphs: Type.Array(Type.String()),
});
export type CitizenAppeal = Static<typeof CitizenAppeal>;

export const CitizenDecision = Type.Object({
  ...DecisionView.properties,
  /** Ekonomiskt bistånd: the amount granted for the period, in kronor; null for other insatser. */
  amountSek: Nullable(Type.Number()),
  /** How to appeal, when the decision goes against the party (42 § FL); null for a full bifall. */
  appeal: Nullable(CitizenAppeal),
});
export type CitizenDecision = Static<typeof CitizenDecision>;

export const CitizenLetter = Type.Object({ fileId: Uuid, name: Type.String(), createdOn: IsoDate, url: Type.String() });
export type CitizenLetter = Static<typeof CitizenLetter>;

export const CitizenCase = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  area: CaseArea,
  title: Type.String(),
  status: CaseStatus,
  receivedOn: IsoDate,
  closedOn: Nullable(IsoDate),
  statusText: Type.Object({ label: Type.String(), explanation: Type.String(), next: Nullable(Type.String()), steps: Type.Array(CitizenStep) }),
  /** Whom to ask: the handläggare's first name and the municipality's phone, nothing more. */
  contact: Nullable(Type.Object({ firstName: Type.String(), phone: Nullable(Type.String()) })),
  decisions: Type.Array(CitizenDecision),
  letters: Type.Array(CitizenLetter),
});
export type CitizenCase = Static<typeof CitizenCase>;

export const CitizenCaseGroup = Type.Object({
  person: Type.Object({ id: Uuid, name: Type.String() }),
  relation: CitizenRelation,
  withheld: Nullable(Type.Object({ reason: WithheldReason, text: Type.String() })),
  cases: Type.Array(CitizenCase),
});
export type CitizenCaseGroup = Static<typeof CitizenCaseGroup>;

/** Without `for`: everyone I act for; with `for`: only that person (through the access gate). */
export const CitizenCasesResponse = Type.Object({ persons: Type.Array(CitizenCaseGroup) });
export type CitizenCasesResponse = Static<typeof CitizenCasesResponse>;

export const CitizenCasesQuery = Type.Object({ for: Type.Optional(Uuid) });
export const LetterParams = Type.Object({ fileId: Uuid });
