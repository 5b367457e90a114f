// "Mina insatser" (medborgare, issue 5): what is ordered for me and for those I act for, from which
// provider, the signed genomförandeplan and the visits performed; choosing or changing provider where
// the insats is in a valfrihetssystem (LOV, lag 2008:962); my place in the queue to särskilt boende.
// Never the provider's own journal, avvikelser, or the information the handläggare sent the provider.
// The staff side of a provider choice (carry it out or refuse) is at the end. Web code imports only types.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';
import { CitizenRelation } from './citizen-api.ts';

export const CitizenServicesQuery = Type.Object({ for: Type.Optional(Uuid) });

const OrderStatusT = Type.Enum(['skickad', 'accepterad', 'pagaende', 'avbruten', 'avslutad']);
export const ChoiceStatus = Type.Enum(['requested', 'carried_out', 'withdrawn', 'refused']);
export type ChoiceStatus = Static<typeof ChoiceStatus>;

/** How to reach a provider: its name and the switchboard, never a person's address. */
export const CitizenProvider = Type.Object({
  id: Uuid, name: Type.String(), kind: Type.Enum(['kommunal', 'privat']), lov: Type.Boolean(),
  phone: Nullable(Type.String()), email: Nullable(Type.String()),
  /** Where the provider works; left out for a person with protected personal data (it narrows down where they live). */
  areas: Type.Array(Type.String()),
});
export type CitizenProvider = Static<typeof CitizenProvider>;

export const CitizenPlan = Type.Object({
  version: Type.Integer(),
  signedOn: Nullable(IsoDate),
  goals: Type.Array(Type.String()),
  parts: Type.Array(Type.Object({ what: Type.String(), how: Type.String(), when: Type.String(), who: Type.String() })),
  participation: Type.String(),
  followUpOn: Nullable(IsoDate),
});
export type CitizenPlan = Static<typeof CitizenPlan>;

export const CitizenVisit = Type.Object({
  date: IsoDate,
  /** 'HH:MM', Swedish time. */
  timeIn: Type.String(),
  timeOut: Type.String(),
  minutes: Type.Integer(),
  /** The first name of who came, nothing more. */
  by: Nullable(Type.String()),
  /** What the visit was for. */
  what: Type.String(),
});
export type CitizenVisit = Static<typeof CitizenVisit>;

export const CitizenVisitWeek = Type.Object({
  /** ISO week: year and number, with its Monday and Sunday. */
  year: Type.Integer(), week: Type.Integer(), from: IsoDate, to: IsoDate,
  visits: Type.Array(CitizenVisit),
  minutes: Type.Integer(),
});
export type CitizenVisitWeek = Static<typeof CitizenVisitWeek>;

export const ProviderChoiceView = Type.Object({
  id: Uuid,
  orderId: Uuid,
  insats: Type.String(),
  fromProvider: Type.String(),
  toProvider: Type.String(),
  wishedStartOn: IsoDate,
  message: Type.String(),
  status: ChoiceStatus,
  requestedAt: IsoDateTime,
  /** Who asked: the person themself, or their ombud or guardian by name. */
  requestedBy: Type.Object({ name: Type.String(), relation: CitizenRelation }),
  handledAt: Nullable(IsoDateTime),
  startOn: Nullable(IsoDate),
  refusalReason: Nullable(Type.String()),
});
export type ProviderChoiceView = Static<typeof ProviderChoiceView>;

export const CitizenService = Type.Object({
  orderId: Uuid,
  decisionId: Uuid,
  caseId: Uuid,
  insatsKey: Nullable(Type.String()),
  insats: Type.String(),
  scope: Type.String(),
  scopeAmount: Nullable(Type.Number()),
  scopeUnit: Nullable(Type.String()),
  status: OrderStatusT,
  startOn: IsoDate,
  endOn: Nullable(IsoDate),
  /** The day the provider started (the insats has begun). */
  startedOn: Nullable(IsoDate),
  provider: CitizenProvider,
  /** The latest signed genomförandeplan; a draft is never shown. */
  plan: Nullable(CitizenPlan),
  /** Visits performed in the last `visitDays` days, by ISO week, newest first. */
  visitDays: Type.Integer(),
  visitWeeks: Type.Array(CitizenVisitWeek),
  /** Valfrihet (LOV): whether the person may choose another provider now, and whom. */
  choice: Nullable(Type.Object({
    providers: Type.Array(Type.Object({
      ...CitizenProvider.properties,
      /** The municipality's own provider for those who do not choose (ickevalsalternativ). */
      ickeval: Type.Boolean(),
    })),
    /** An open request on this order, if any (then no new one can be made). */
    open: Nullable(ProviderChoiceView),
    /** Earliest and latest wished start. */
    earliest: IsoDate,
    latest: Nullable(IsoDate),
  })),
});
export type CitizenService = Static<typeof CitizenService>;

export const SaboQueueItem = Type.Object({
  decisionId: Uuid,
  insats: Type.String(),
  decidedOn: IsoDate,
  position: Type.Integer({ minimum: 1 }),
  /** How many wait before: the only thing said about others in the queue. */
  ahead: Type.Integer({ minimum: 0 }),
  daysWaited: Type.Integer(),
  /** The last day of three months from the decision (34 kap. 1 § SoL). */
  ivoReportAfter: IsoDate,
  overThreeMonths: Type.Boolean(),
  /** A place offered and accepted: the provider has the beställning, the move-in day is not reported yet. */
  offered: Type.Boolean(),
  contact: Nullable(Type.Object({ firstName: Type.String(), phone: Nullable(Type.String()) })),
});
export type SaboQueueItem = Static<typeof SaboQueueItem>;

export const CitizenServiceGroup = Type.Object({
  person: Type.Object({ id: Uuid, name: Type.String() }),
  relation: CitizenRelation,
  services: Type.Array(CitizenService),
  queue: Type.Array(SaboQueueItem),
  requests: Type.Array(ProviderChoiceView),
});
export type CitizenServiceGroup = Static<typeof CitizenServiceGroup>;

export const CitizenServicesResponse = Type.Object({ today: IsoDate, persons: Type.Array(CitizenServiceGroup) });
export type CitizenServicesResponse = Static<typeof CitizenServicesResponse>;

export const CHOICE_MESSAGE_MAX = 1000;

export const ProviderChoiceParams = Type.Object({ orderId: Uuid });
export const ProviderChoiceBody = Type.Object({
  providerId: Uuid,
  wishedStartOn: IsoDate,
  message: Type.Optional(Type.String({ maxLength: CHOICE_MESSAGE_MAX })),
});
export type ProviderChoiceBody = Static<typeof ProviderChoiceBody>;

export const ChoiceIdParams = Type.Object({ id: Uuid });

// ---- staff: the requests on the case page, carry out or refuse ----

export const StaffProviderChoice = Type.Object({
  ...ProviderChoiceView.properties,
  decisionId: Uuid,
  fromProviderId: Uuid,
  providerId: Uuid,
  handledBy: Nullable(Type.String()),
  newOrderNumber: Nullable(Type.String()),
  /** Whether the handläggare can carry it out now, and if not why. */
  canCarryOut: Type.Boolean(),
  blockedReason: Nullable(Type.String()),
});
export type StaffProviderChoice = Static<typeof StaffProviderChoice>;
export const StaffProviderChoices = Type.Object({ items: Type.Array(StaffProviderChoice) });
export type StaffProviderChoices = Static<typeof StaffProviderChoices>;

export const CarryOutBody = Type.Object({
  /** The new provider's first day; the wished day by default (today if that has passed). */
  startOn: Type.Optional(IsoDate),
});
export type CarryOutBody = Static<typeof CarryOutBody>;
export const RefuseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export type RefuseBody = Static<typeof RefuseBody>;
