// The API contract for the register of providers (utförare), kept by the systemförvaltare:
// municipal units and private companies, under LOV (lag 2008:962 om valfrihetssystem) or not,
// with the insatser and areas they deliver. A provider is never deleted (orders point at it);
// it is deactivated and then no longer offered for new beställningar. The server validates
// with these schemas; the web imports only the types.
import { Type, type Static } from 'typebox';
import { Uuid, Nullable } from './schema.ts';

export const ProviderKind = Type.Enum(['kommunal', 'privat']);
export type ProviderKind = Static<typeof ProviderKind>;

export const AdminProviderView = Type.Object({
  id: Uuid,
  name: Type.String(),
  /** NNNNNN-NNNN */
  orgNumber: Type.String(),
  /** false for a number stored before the check (it is kept until someone changes it). */
  orgNumberValid: Type.Boolean(),
  kind: ProviderKind,
  lov: Type.Boolean(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  insatser: Type.Array(Type.String()),
  areas: Type.Array(Type.String()),
  active: Type.Boolean(),
  /** Beställningar not yet ended or returned (skickad, accepterad, pågående, avbruten). */
  activeOrders: Type.Integer(),
});
export type AdminProviderView = Static<typeof AdminProviderView>;

export const AdminProviderList = Type.Object({
  items: Type.Array(AdminProviderView),
  /** The insatser a provider can deliver (the catalogue, without ekonomiskt bistånd). */
  insatser: Type.Array(Type.Object({
    key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), law: Type.String(), legalBasisShort: Type.String(),
    /** The first of the insats's areas: the page groups by it. */
    group: Type.String(),
  })),
});
export type AdminProviderList = Static<typeof AdminProviderList>;

/** Loose on purpose: the handler checks each field and answers in Swedish naming the field. */
export const AdminProviderBody = Type.Object({
  name: Type.String({ maxLength: 300 }),
  orgNumber: Type.String({ maxLength: 40 }),
  kind: ProviderKind,
  lov: Type.Boolean(),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  insatser: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }),
  areas: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type AdminProviderBody = Static<typeof AdminProviderBody>;
