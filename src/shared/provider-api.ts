// The provider's (utförare) API contract: beställningar in the inbox and their steps, the order
// page's sections (genomförandeplan, journal, avvikelser, meddelanden, utförd tid) and clients.
// Web code imports only types from here (`import type`), so TypeBox stays out of the bundle.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';
import { Address, PersonRef, Protection } from './api.ts';

export const FullOrderStatus = Type.Enum(['skickad', 'accepterad', 'pagaende', 'avbruten', 'avslutad', 'returnerad']);
export type FullOrderStatus = Static<typeof FullOrderStatus>;
export const ProviderStepKey = Type.Enum(['acceptera', 'returnera', 'paborja', 'avbryt', 'ateruppta', 'avsluta']);
export type ProviderStepKey = Static<typeof ProviderStepKey>;

export const StepOption = Type.Object({
  step: ProviderStepKey,
  label: Type.String(),
  needs: Type.Array(Type.Enum(['date', 'reason'])),
});
export type StepOption = Static<typeof StepOption>;

export const ProviderOrder = Type.Object({
  id: Uuid,
  orderNumber: Type.String(),
  person: PersonRef,
  insats: Type.String(),
  scope: Type.String(),
  startOn: IsoDate,
  endOn: Nullable(IsoDate),
  status: FullOrderStatus,
  sentAt: IsoDateTime,
  infoToProvider: Type.String(),
  plannedStartOn: Nullable(IsoDate),
  startedOn: Nullable(IsoDate),
  interruptedOn: Nullable(IsoDate),
  interruptionReason: Nullable(Type.String()),
  version: Type.Integer(),
  unreadMessages: Type.Integer(),
  steps: Type.Array(StepOption),
});
export type ProviderOrder = Static<typeof ProviderOrder>;

export const ProviderInbox = Type.Object({ providerName: Type.String(), items: Type.Array(ProviderOrder) });
export type ProviderInbox = Static<typeof ProviderInbox>;
export const InboxQuery = Type.Object({
  status: Type.Optional(Type.Enum(['new', 'active', 'all'], { description: 'new: skickade; active: accepterade, pågående, avbrutna; all: båda (standard)' })),
});

export const OrderIdParams = Type.Object({ id: Uuid });
export const StepParams = Type.Object({ id: Uuid, step: ProviderStepKey });
export const StepBody = Type.Object({
  date: Type.Optional(IsoDate),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  version: Type.Optional(Type.Integer({ description: 'Beställningens version som du utgick från' })),
});
export type StepBody = Static<typeof StepBody>;

export const OrderEvent = Type.Object({
  kind: Type.String(), onDate: IsoDate, note: Nullable(Type.String()), actorName: Nullable(Type.String()), createdAt: IsoDateTime,
});
export const ProviderOrderDetail = Type.Object({
  order: ProviderOrder,
  decision: Type.Object({ insats: Type.String(), scope: Nullable(Type.String()), validFrom: Nullable(IsoDate), validTo: Nullable(IsoDate), legalBasis: Type.String() }),
  person: Type.Object({
    id: Uuid, name: Type.String(), idNumber: Type.String(), protection: Protection,
    address: Nullable(Address), phone: Nullable(Type.String()),
  }),
  handlaggare: Nullable(Type.String()),
  events: Type.Array(OrderEvent),
});
export type ProviderOrderDetail = Static<typeof ProviderOrderDetail>;

export const ProviderClients = Type.Object({
  items: Type.Array(Type.Object({
    person: PersonRef,
    orders: Type.Array(Type.Object({ id: Uuid, orderNumber: Type.String(), insats: Type.String(), scope: Type.String(), status: FullOrderStatus })),
  })),
});
export type ProviderClients = Static<typeof ProviderClients>;

// ---- Genomförandeplan ----
export const PlanGoal = Type.Object({ goal: Type.String({ minLength: 1, maxLength: 1000 }), fromDecision: Type.Boolean() });
export const PlanPart = Type.Object({
  what: Type.String({ minLength: 1, maxLength: 1000 }), how: Type.String({ maxLength: 2000 }),
  when: Type.String({ maxLength: 500 }), who: Type.String({ maxLength: 500 }),
});
export type PlanGoal = Static<typeof PlanGoal>;
export type PlanPart = Static<typeof PlanPart>;
export const PlanView = Type.Object({
  id: Uuid, version: Type.Integer(), status: Type.Enum(['utkast', 'signerad']),
  goals: Type.Array(PlanGoal), parts: Type.Array(PlanPart), participation: Type.String(), followUpOn: Nullable(IsoDate),
  createdBy: Type.String(), createdAt: IsoDateTime, updatedAt: IsoDateTime,
  signedAt: Nullable(IsoDateTime), signedBy: Nullable(Type.String()),
});
export type PlanView = Static<typeof PlanView>;
export const PlanList = Type.Object({ items: Type.Array(PlanView) });
export type PlanList = Static<typeof PlanList>;
export const PlanParams = Type.Object({ id: Uuid, planId: Uuid });
export const PlanBody = Type.Object({
  updatedAt: IsoDateTime,
  goals: Type.Array(PlanGoal, { maxItems: 50 }),
  parts: Type.Array(PlanPart, { maxItems: 100 }),
  participation: Type.String({ maxLength: 4000 }),
  followUpOn: Nullable(IsoDate),
});
export type PlanBody = Static<typeof PlanBody>;

// ---- Journal at the provider ----
export const ProviderJournalEntry = Type.Object({
  id: Uuid, occurredOn: IsoDate, title: Type.String(), body: Type.String(), authorId: Uuid, authorName: Type.String(),
  createdAt: IsoDateTime, signedAt: Nullable(IsoDateTime), signedBy: Nullable(Type.String()),
  correctsId: Nullable(Uuid), correctedById: Nullable(Uuid),
  mine: Type.Boolean({ description: 'Skriven av den inloggade (som då kan signera ett utkast)' }),
});
export type ProviderJournalEntry = Static<typeof ProviderJournalEntry>;
export const ProviderJournal = Type.Object({ items: Type.Array(ProviderJournalEntry) });
export type ProviderJournal = Static<typeof ProviderJournal>;
export const JournalBody = Type.Object({
  occurredOn: IsoDate,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  correctsId: Type.Optional(Uuid),
});
export type JournalBody = Static<typeof JournalBody>;
export const JournalEntryParams = Type.Object({ id: Uuid, entryId: Uuid });

// ---- Avvikelser ----
export const DeviationStatus = Type.Enum(['ny', 'utreds', 'avslutad']);
export const DeviationView = Type.Object({
  id: Uuid, occurredAt: IsoDateTime, description: Type.String(), immediateAction: Type.String(), lexSarah: Type.Boolean(),
  status: DeviationStatus, serious: Nullable(Type.Boolean()), ivoReportedOn: Nullable(IsoDate), closedAt: Nullable(IsoDateTime),
  closingNote: Nullable(Type.String()), reportedBy: Type.String(), createdAt: IsoDateTime,
});
export type DeviationView = Static<typeof DeviationView>;
export const DeviationList = Type.Object({ items: Type.Array(DeviationView), canHandle: Type.Boolean() });
export type DeviationList = Static<typeof DeviationList>;
export const DeviationBody = Type.Object({
  occurredAt: IsoDateTime,
  description: Type.String({ minLength: 1, maxLength: 8000 }),
  immediateAction: Type.String({ maxLength: 4000 }),
  lexSarah: Type.Boolean(),
});
export type DeviationBody = Static<typeof DeviationBody>;
export const DeviationParams = Type.Object({ id: Uuid, deviationId: Uuid });
export const DeviationStatusBody = Type.Object({
  status: Type.Enum(['utreds', 'avslutad']),
  serious: Type.Optional(Type.Boolean()),
  ivoReportedOn: Type.Optional(IsoDate),
  closingNote: Type.Optional(Type.String({ maxLength: 8000 })),
});
export type DeviationStatusBody = Static<typeof DeviationStatusBody>;

// ---- Messages ----
export const OrderMessage = Type.Object({
  id: Uuid, side: Type.Enum(['myndighet', 'utforare']), authorName: Type.String(), body: Type.String(),
  createdAt: IsoDateTime, readAt: Nullable(IsoDateTime),
});
export type OrderMessage = Static<typeof OrderMessage>;
export const OrderMessages = Type.Object({ items: Type.Array(OrderMessage) });
export type OrderMessages = Static<typeof OrderMessages>;
export const MessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 8000 }) });

// ---- Utförd tid ----
export const TimeQuery = Type.Object({ month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'ÅÅÅÅ-MM' })) });
export const VisitTime = Type.Object({
  id: Uuid, plannedStart: IsoDateTime, plannedMinutes: Type.Integer(), status: Type.Enum(['planerad', 'pagaende', 'utford', 'installt']),
  checkedInAt: Nullable(IsoDateTime), checkedOutAt: Nullable(IsoDateTime), performedMinutes: Nullable(Type.Integer()),
  staffName: Nullable(Type.String()), note: Nullable(Type.String()),
});
export type VisitTime = Static<typeof VisitTime>;
export const OrderTime = Type.Object({
  month: Type.String(), visits: Type.Array(VisitTime), plannedMinutes: Type.Integer(), performedMinutes: Type.Integer(), performedVisits: Type.Integer(),
});
export type OrderTime = Static<typeof OrderTime>;
export const VisitBody = Type.Object({
  start: IsoDateTime,
  minutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type VisitBody = Static<typeof VisitBody>;
/** The chef plans visits for one of the provider's own staff: one, or the same time for several days in a row. */
export const PlanVisitsBody = Type.Object({
  staffUserId: Uuid,
  start: IsoDateTime,
  minutes: Type.Integer({ minimum: 5, maximum: 720 }),
  tasks: Type.Optional(Type.String({ maxLength: 500 })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: 'Samma tid så många dagar i följd' })),
});
export type PlanVisitsBody = Static<typeof PlanVisitsBody>;
export const ProviderStaff = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), title: Type.String() })),
});
export type ProviderStaff = Static<typeof ProviderStaff>;
