// The mobile view for home-care field staff: today's visits, and the device's queued actions
// (check-in, check-out, a short note) sent with an id made on the phone so a retry is harmless.
import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './schema.ts';
import { NOTE_MAX_LENGTH } from '../domain/visits.ts';

export const VisitStatus = Type.Union([Type.Literal('planerad'), Type.Literal('pagaende'), Type.Literal('utford'), Type.Literal('installt')]);

/** What the server has for a visit now: returned with every action result. No personal data but the note. */
export const VisitState = Type.Object({
  id: Uuid,
  status: VisitStatus,
  checkedInAt: Nullable(IsoDateTime),
  checkedOutAt: Nullable(IsoDateTime),
  performedMinutes: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  version: Type.Integer(),
});
export type VisitState = Static<typeof VisitState>;

/** One visit of the day with the minimum the visit needs. */
export const MobileVisit = Type.Object({
  ...VisitState.properties,
  plannedStart: IsoDateTime,
  plannedMinutes: Type.Integer(),
  tasks: Type.String(),
  person: Type.Object({
    name: Type.String(),
    protection: Type.Union([Type.Literal('ingen'), Type.Literal('sekretessmarkering'), Type.Literal('skyddad_folkbokforing')]),
    address: Nullable(Type.Object({ street: Type.String(), postalCode: Type.String(), city: Type.String() })),
    /** Why no address is shown (protected personal data), in Swedish. */
    addressWithheld: Nullable(Type.String()),
  }),
  order: Type.Object({
    orderNumber: Type.String(),
    insats: Type.String(),
    scope: Type.String(),
    /** The handläggare's information to the provider: door code, keys, what to think of. */
    info: Type.String(),
  }),
});
export type MobileVisit = Static<typeof MobileVisit>;

export const MobileDay = Type.Object({
  date: IsoDate,
  staff: Type.Object({ id: Uuid, name: Type.String() }),
  providerName: Type.String(),
  items: Type.Array(MobileVisit),
});
export type MobileDay = Static<typeof MobileDay>;

export const MobileActionKind = Type.Union([Type.Literal('checkin'), Type.Literal('checkout'), Type.Literal('note')]);
export type MobileActionKind = Static<typeof MobileActionKind>;

export const MobileAction = Type.Object({
  actionId: Uuid,
  kind: MobileActionKind,
  visitId: Uuid,
  at: IsoDateTime,
  note: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX_LENGTH }))),
}, { additionalProperties: false });
export type MobileAction = Static<typeof MobileAction>;

export const MobileActionsBody = Type.Object({
  actions: Type.Array(MobileAction, { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false });
export type MobileActionsBody = Static<typeof MobileActionsBody>;

export const MobileActionResult = Type.Object({
  actionId: Uuid,
  result: Type.Union([Type.Literal('applied'), Type.Literal('duplicate'), Type.Literal('conflict')]),
  /** For a conflict: what happened and what to do, in Swedish. */
  reason: Nullable(Type.String()),
  code: Nullable(Type.String()),
  /** The visit as the server has it; null when the visit is not the sender's (nothing is disclosed). */
  visit: Nullable(VisitState),
});
export type MobileActionResult = Static<typeof MobileActionResult>;

export const MobileActionsResult = Type.Object({ results: Type.Array(MobileActionResult) });
export type MobileActionsResult = Static<typeof MobileActionsResult>;
