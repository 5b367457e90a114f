// The API contract, shared by server (validation, serialisation, OpenAPI) and web (types).
// Web code imports only types from here (`import type`), so TypeBox stays out of the bundle.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';


export const CaseArea = Type.Enum(['barn_och_unga', 'vuxen', 'ekonomiskt_bistand', 'aldreomsorg', 'funktionsstod', 'familjeratt', 'vald_i_nara_relationer']);
export const CaseStatus = Type.Enum(['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad']);
export const CaseOrigin = Type.Enum(['ansokan', 'anmalan', 'ovrigt']);
export const Protection = Type.Enum(['ingen', 'sekretessmarkering', 'skyddad_folkbokforing']);
export const View = Type.Enum(['handlaggare', 'utforare', 'medborgare', 'systemforvaltare']);

// ---- problem+json (RFC 9457) ----
export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  /** A refused process step: the paragraph of law behind the refusal. */
  legalBasis: Type.Optional(Type.String()),
  /** A decision the actor may not sign: where the proposal goes instead. */
  proposeTo: Type.Optional(Type.String()),
  /** A conflicting save (409): what the server holds now, so the client can keep both texts. */
  current: Type.Optional(Type.Unknown()),
}, { $id: 'Problem' });
export type Problem = Static<typeof Problem>;

// ---- session ----
export const SessionInfo = Type.Object({
  authenticated: Type.Boolean(),
  csrfToken: Type.Optional(Type.String()),
  idleTimeoutSeconds: Type.Optional(Type.Integer()),
  actor: Type.Optional(Type.Object({
    kind: Type.Union([Type.Literal('staff'), Type.Literal('citizen')]),
    name: Type.String(),
    view: View,
    role: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    unitName: Type.Optional(Type.String()),
    providerName: Type.Optional(Type.String()),
    municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  })),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const Municipalities = Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) });
export type Municipalities = Static<typeof Municipalities>;

// ---- persons ----
export const PersonRef = Type.Object({
  id: Uuid,
  name: Type.String(),
  idNumber: Type.String({ description: 'Formatted for display, e.g. 19121212-1212' }),
  protection: Protection,
});
export type PersonRef = Static<typeof PersonRef>;

export const Address = Type.Object({ street: Type.String(), postalCode: Type.String(), city: Type.String() });

export const Deadline = Type.Object({
  kind: Type.String(),
  legalBasis: Type.String(),
  dueOn: IsoDate,
  overdue: Type.Boolean(),
});
export type Deadline = Static<typeof Deadline>;

export const CaseListItem = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  person: PersonRef,
  area: CaseArea,
  origin: CaseOrigin,
  title: Type.String(),
  status: CaseStatus,
  receivedOn: IsoDate,
  unitName: Type.String(),
  assignedTo: Nullable(Type.String()),
  nextDeadline: Nullable(Deadline),
});
export type CaseListItem = Static<typeof CaseListItem>;

export const MyCasesQuery = Type.Object({
  scope: Type.Optional(Type.Enum(['mine', 'unit', 'inbox'], { default: 'mine', description: "'mine': assigned to me; 'unit': all open cases of my unit, incl. unassigned; 'inbox': my unit's new, unassigned cases" })),
});
export type MyCasesQuery = Static<typeof MyCasesQuery>;
export const MyCases = Type.Object({ items: Type.Array(CaseListItem) });
export type MyCases = Static<typeof MyCases>;

export const PersonSearchQuery = Type.Object({
  q: Type.String({ minLength: 2, maxLength: 100, description: 'Namn eller personnummer' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export const PersonSearchResult = Type.Object({
  items: Type.Array(Type.Object({
    id: Uuid,
    name: Type.String(),
    idNumber: Type.String(),
    birthDate: IsoDate,
    protection: Protection,
    // true when the user has a relation (own unit's case, active override) and may open the person
    mayOpen: Type.Boolean(),
  })),
});
export type PersonSearchResult = Static<typeof PersonSearchResult>;

export const DecisionView = Type.Object({
  id: Uuid,
  insats: Type.String(),
  outcome: Type.Union([Type.Literal('bifall'), Type.Literal('delvis_bifall'), Type.Literal('avslag')]),
  legalBasis: Type.String(),
  decidedOn: IsoDate,
  validFrom: Nullable(IsoDate),
  validTo: Nullable(IsoDate),
  scope: Nullable(Type.String()),
  motivation: Type.String(),
});
export type DecisionView = Static<typeof DecisionView>;

export const CaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  area: CaseArea,
  origin: CaseOrigin,
  title: Type.String(),
  status: CaseStatus,
  receivedOn: IsoDate,
  closedOn: Nullable(IsoDate),
  unitName: Type.String(),
  assignedTo: Nullable(Type.String()),
  nextDeadline: Nullable(Deadline),
  decisions: Type.Array(DecisionView),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const JournalEntryView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: Type.String(),
  occurredOn: IsoDate,
  title: Type.String(),
  body: Type.String(),
  author: Type.String(),
  signedAt: Nullable(IsoDateTime),
});
export type JournalEntryView = Static<typeof JournalEntryView>;

export const PersonDetails = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  idNumber: Type.String(),
  idKind: Type.Union([Type.Literal('personnummer'), Type.Literal('samordningsnummer'), Type.Literal('reservnummer')]),
  birthDate: IsoDate,
  age: Type.Integer(),
  protection: Protection,
  address: Nullable(Address),       // always null for persons with protected identity
  phone: Nullable(Type.String()),
});
export type PersonDetails = Static<typeof PersonDetails>;

export const RelationView = Type.Object({
  kind: Type.String(),
  direction: Type.Union([Type.Literal('has'), Type.Literal('is')], {
    description: "'has': the other person is <kind> for this person; 'is': this person is <kind> for the other",
  }),
  person: PersonRef,
  scope: Nullable(Type.String()),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
});
export type RelationView = Static<typeof RelationView>;

export const PersonOverview = Type.Object({
  person: PersonDetails,
  access: Type.Union([Type.Literal('relation'), Type.Literal('override')]),
  relations: Type.Array(RelationView),
  cases: Type.Array(CaseSummary),
  journal: Type.Array(JournalEntryView),
});
export type PersonOverview = Static<typeof PersonOverview>;

export const AccessOverrideBody = Type.Object({
  reason: Type.String({ minLength: 10, maxLength: 1000, description: 'Varför du behöver läsa uppgifterna' }),
});

export const IdParams = Type.Object({ id: Uuid });

// ---- provider (utförare) ----
export const OrderStatus = Type.Enum(['skickad', 'accepterad', 'pagaende', 'avslutad', 'returnerad']);
export const OrderView = Type.Object({
  id: Uuid,
  orderNumber: Type.String(),
  person: PersonRef,
  insats: Type.String(),
  scope: Type.String(),
  startOn: IsoDate,
  endOn: Nullable(IsoDate),
  status: OrderStatus,
  sentAt: IsoDateTime,
  infoToProvider: Type.String(),
});
export type OrderView = Static<typeof OrderView>;
export const ProviderOrders = Type.Object({ providerName: Type.String(), items: Type.Array(OrderView) });
export type ProviderOrders = Static<typeof ProviderOrders>;
export const ProviderClient = Type.Object({
  person: Type.Object({
    id: Uuid, name: Type.String(), idNumber: Type.String(), age: Type.Integer(), protection: Protection,
    address: Nullable(Address), phone: Nullable(Type.String()),
  }),
  orders: Type.Array(OrderView),
});
export type ProviderClient = Static<typeof ProviderClient>;

// ---- citizen (medborgare) ----
export const CitizenCases = Type.Object({
  persons: Type.Array(Type.Object({
    person: Type.Object({ id: Uuid, name: Type.String() }),
    relation: Type.Union([Type.Literal('self'), Type.Literal('vardnadshavare'), Type.Literal('ombud')]),
    cases: Type.Array(Type.Object({
      id: Uuid,
      caseNumber: Type.String(),
      area: CaseArea,
      title: Type.String(),
      status: CaseStatus,
      receivedOn: IsoDate,
      closedOn: Nullable(IsoDate),
      decisions: Type.Array(DecisionView),
    })),
  })),
});
export type CitizenCases = Static<typeof CitizenCases>;

// ---- health ----
export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({
    reachable: Type.Boolean(),
    embedded: Type.Boolean(),
    serverVersion: Type.Optional(Type.String()),
    migrations: Type.Optional(Type.Integer()),
    latencyMs: Type.Optional(Type.Number()),
  }),
  version: Type.String(),
});
export type Health = Static<typeof Health>;
