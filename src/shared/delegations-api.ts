// The API contract for the delegationsordning (who may take which decision on the nämnd's behalf,
// 6 kap. 37 § kommunallagen 2017:725). Server validates with these schemas; the web imports only
// the types.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDateTime, Nullable } from './schema.ts';


export const DelegationLevel = Type.Enum(['handlaggare', 'arbetsledare']);
export type DelegationLevel = Static<typeof DelegationLevel>;
export const DelegationOutcome = Type.Enum(['bifall', 'delvis_bifall', 'avslag']);
export type DelegationOutcome = Static<typeof DelegationOutcome>;

/** How the page groups decision types: by law and area. */
export const DecisionGroup = Type.Enum(['sol_aldre_funktionsstod', 'sol_ifo', 'sol_ekonomiskt_bistand', 'sol_utredning', 'lss']);
export type DecisionGroup = Static<typeof DecisionGroup>;

export const DelegationRuleView = Type.Object({
  id: Uuid,
  decisionType: Type.String(),
  decisionTypeLabelSv: Type.String(),
  decisionTypeLabelEn: Type.String(),
  group: DecisionGroup,
  level: DelegationLevel,
  outcomes: Type.Array(DelegationOutcome),
  unitId: Nullable(Uuid),
  /** null: the rule holds in every unit. */
  unitName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  updatedAt: IsoDateTime,
  updatedBy: Nullable(Type.String()),
});
export type DelegationRuleView = Static<typeof DelegationRuleView>;

export const DelegationList = Type.Object({
  items: Type.Array(DelegationRuleView),
  decisionTypes: Type.Array(Type.Object({
    key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), law: Type.String(), group: DecisionGroup,
  })),
  /** Decisions the law keeps from officials: for information in the form. */
  nonDelegable: Type.Array(Type.Object({
    key: Type.String(), labelSv: Type.String(), labelEn: Type.String(), decisionBasis: Type.String(), restriction: Type.String(),
  })),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type DelegationList = Static<typeof DelegationList>;

export const DelegationBody = Type.Object({
  decisionType: Type.String({ minLength: 1, maxLength: 100 }),
  level: DelegationLevel,
  outcomes: Type.Array(DelegationOutcome, { minItems: 1, maxItems: 3, uniqueItems: true }),
  unitId: Nullable(Uuid),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false });
export type DelegationBody = Static<typeof DelegationBody>;
