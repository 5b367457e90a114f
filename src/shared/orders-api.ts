// Verkställighet, the myndighet side (issue 4): providers per insats, the beställning from a
// granted decision, the order's life as the handläggare sees it (events, plan, performed time,
// the provider's journal, messages), and ej verkställda beslut (EVB) with the IVO report.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';

const OrderStatusT = Type.Enum(['skickad', 'accepterad', 'pagaende', 'avbruten', 'avslutad', 'returnerad']);
const OrderStepT = Type.Enum(['acceptera', 'returnera', 'paborja', 'avbryt', 'ateruppta', 'avsluta']);
const EventKind = Type.Enum(['skickad', 'accepterad', 'returnerad', 'paborjad', 'andrad', 'avbruten', 'aterupptagen', 'avslutad']);

/** What the provider needs to know to carry out the insats: a short plain text, never the investigation. */
export const INFO_TO_PROVIDER_MAX = 1500;

export const ProvidersQuery = Type.Object({ insats: Type.Optional(Type.String({ maxLength: 60 })) });
export const ProviderOption = Type.Object({
  id: Uuid, name: Type.String(), kind: Type.Enum(['kommunal', 'privat']), lov: Type.Boolean(),
  insatser: Type.Array(Type.String()), areas: Type.Array(Type.String()),
});
export type ProviderOption = Static<typeof ProviderOption>;
export const ProviderOptions = Type.Object({ items: Type.Array(ProviderOption) });
export type ProviderOptions = Static<typeof ProviderOptions>;

export const NewOrderBody = Type.Object({
  decisionId: Uuid,
  providerId: Uuid,
  /** Valfrihet: the person chose the provider (only where the provider is under LOV), or the kommun assigned it. */
  chosenBy: Type.Enum(['enskild', 'kommun']),
  startOn: IsoDate,
  scopeAmount: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100000 }))),
  infoToProvider: Type.String({ maxLength: INFO_TO_PROVIDER_MAX }),
});
export type NewOrderBody = Static<typeof NewOrderBody>;

export const OrderEventView = Type.Object({
  id: Uuid, kind: EventKind, onDate: IsoDate, note: Nullable(Type.String()), actor: Nullable(Type.String()), createdAt: IsoDateTime,
});
export const OrderStepOption = Type.Object({ step: OrderStepT, label: Type.String(), needs: Type.Array(Type.Enum(['date', 'reason'])) });
export const PlanView = Type.Object({
  id: Uuid, version: Type.Integer(), status: Type.Enum(['utkast', 'signerad']),
  goals: Type.Array(Type.Object({ goal: Type.String(), fromDecision: Type.Optional(Type.Boolean()) })),
  parts: Type.Array(Type.Object({ what: Type.String(), how: Type.Optional(Type.String()), when: Type.Optional(Type.String()), who: Type.Optional(Type.String()) })),
  participation: Type.String(), followUpOn: Nullable(IsoDate), signedAt: Nullable(IsoDateTime), signedBy: Nullable(Type.String()),
});
export const PerformedMonth = Type.Object({ month: Type.String({ description: 'ÅÅÅÅ-MM' }), visits: Type.Integer(), minutes: Type.Integer() });
export const ProviderJournalView = Type.Object({
  id: Uuid, occurredOn: IsoDate, title: Type.String(), body: Type.String(), author: Type.String(), signedAt: IsoDateTime, corrects: Nullable(Uuid),
});
export const OrderMessageView = Type.Object({
  id: Uuid, side: Type.Enum(['myndighet', 'utforare']), author: Type.String(), body: Type.String(), createdAt: IsoDateTime, readAt: Nullable(IsoDateTime),
});
export type OrderMessageView = Static<typeof OrderMessageView>;

export const StaffOrderView = Type.Object({
  id: Uuid,
  orderNumber: Type.String(),
  decisionId: Uuid,
  insatsKey: Nullable(Type.String()),
  insats: Type.String(),
  scope: Type.String(),
  scopeAmount: Nullable(Type.Number()),
  scopeUnit: Nullable(Type.String()),
  provider: Type.Object({ id: Uuid, name: Type.String(), kind: Type.Enum(['kommunal', 'privat']), lov: Type.Boolean() }),
  chosenBy: Type.Enum(['enskild', 'kommun']),
  status: OrderStatusT,
  startOn: IsoDate,
  endOn: Nullable(IsoDate),
  sentAt: IsoDateTime,
  infoToProvider: Type.String(),
  plannedStartOn: Nullable(IsoDate),
  /** The provider's reported start: the decision is verkställt from this day (34 kap. 2 § SoL). */
  startedOn: Nullable(IsoDate),
  interruptedOn: Nullable(IsoDate),
  interruptionReason: Nullable(Type.String()),
  returnedReason: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
  version: Type.Integer(),
  events: Type.Array(OrderEventView),
  steps: Type.Array(OrderStepOption),
  plan: Nullable(PlanView),
  performed: Type.Array(PerformedMonth),
  journal: Type.Array(ProviderJournalView),
  messages: Type.Array(OrderMessageView),
  unreadFromProvider: Type.Integer(),
});
export type StaffOrderView = Static<typeof StaffOrderView>;

export const CaseOrders = Type.Object({
  orders: Type.Array(StaffOrderView),
  /** Per granted, signed decision: whether it is verkställt and whether a beställning can be made now. */
  decisions: Type.Array(Type.Object({
    decisionId: Uuid, insatsKey: Nullable(Type.String()), insats: Type.String(), scope: Nullable(Type.String()), validFrom: Nullable(IsoDate),
    validTo: Nullable(IsoDate), decidedOn: Nullable(IsoDate), verkstalldOn: Nullable(IsoDate), activeOrderId: Nullable(Uuid), canOrder: Type.Boolean(),
    scopeUnit: Nullable(Type.String()),
  })),
});
export type CaseOrders = Static<typeof CaseOrders>;

export const OrderStepParams = Type.Object({ id: Uuid, step: OrderStepT });
export const OrderStepBody = Type.Object({
  date: Type.Optional(IsoDate),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type OrderStepBody = Static<typeof OrderStepBody>;

export const MessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 4000 }) });
export const OrderMessages = Type.Object({ items: Type.Array(OrderMessageView) });
export type OrderMessages = Static<typeof OrderMessages>;

// ---- EVB ----
const EvbKindT = Type.Enum(['ej_verkstallt', 'avbrott']);
export const EvbItem = Type.Object({
  decisionId: Uuid, caseId: Uuid, caseNumber: Type.String(), personName: Type.String(), protectedIdentity: Type.Boolean(),
  insats: Type.String(), law: Type.Enum(['SoL', 'LSS']), legalBasis: Type.String(), decidedOn: IsoDate,
  kind: EvbKindT, since: IsoDate, lastDay: IsoDate, daysSince: Type.Integer(),
  assignedTo: Nullable(Type.String()),
  reportedQuarters: Type.Array(Type.String()),
  reportedThisQuarter: Type.Boolean(),
  lastReason: Nullable(Type.String()),
});
export type EvbItem = Static<typeof EvbItem>;
export const EvbResolved = Type.Object({
  decisionId: Uuid, caseId: Uuid, caseNumber: Type.String(), personName: Type.String(), insats: Type.String(), kind: EvbKindT,
  reportedQuarters: Type.Array(Type.String()),
  /** Verkställt (the day to report to IVO, 34 kap. 2 § SoL) or ended without verkställighet. */
  outcome: Type.Enum(['verkstallt', 'avslutat']), on: Nullable(IsoDate),
});
export const EvbList = Type.Object({
  quarter: Type.String(), window: Type.Object({ from: IsoDate, to: IsoDate }), today: IsoDate,
  items: Type.Array(EvbItem), resolved: Type.Array(EvbResolved),
});
export type EvbList = Static<typeof EvbList>;
export const EvbReportBody = Type.Object({ decisionId: Uuid, kind: EvbKindT, reason: Type.String({ minLength: 1, maxLength: 1000 }) });
export type EvbReportBody = Static<typeof EvbReportBody>;
export const EvbReportResult = Type.Object({ id: Uuid, quarter: Type.String(), created: Type.Boolean() });
export const IvoCsvQuery = Type.Object({ quarter: Type.Optional(Type.String({ pattern: '^\\d{4}Q[1-4]$' })) });
