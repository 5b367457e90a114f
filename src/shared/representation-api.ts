// Who may act for a person in the e-services, as the municipality registers it: fullmakter (ombud)
// with the case areas and dates they cover, and cases withheld from the guardians.
import { Type, type Static } from 'typebox';
import { CaseArea } from './api.ts';
import { IsoDate, IsoDateTime, Nullable, Uuid } from './schema.ts';

export const FullmaktView = Type.Object({
  id: Uuid,
  ombud: Type.Object({ id: Uuid, name: Type.String(), idNumber: Type.String() }),
  /** What the fullmakt covers, in the principal's words. */
  scope: Nullable(Type.String()),
  /** The case areas the ombud sees in the e-service; empty = every area. */
  scopeAreas: Type.Array(CaseArea),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  active: Type.Boolean(),
});
export type FullmaktView = Static<typeof FullmaktView>;

export const FullmaktList = Type.Object({ fullmakter: Type.Array(FullmaktView) });
export type FullmaktList = Static<typeof FullmaktList>;

export const NewFullmaktBody = Type.Object({
  ombudIdNumber: Type.String({ minLength: 1, maxLength: 20, description: 'Ombudets personnummer' }),
  scope: Type.String({ minLength: 1, maxLength: 500 }),
  scopeAreas: Type.Array(CaseArea, { maxItems: 7, uniqueItems: true }),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
}, { additionalProperties: false });
export type NewFullmaktBody = Static<typeof NewFullmaktBody>;

export const EndFullmaktBody = Type.Object({ endOn: IsoDate }, { additionalProperties: false });
export type EndFullmaktBody = Static<typeof EndFullmaktBody>;

export const FullmaktParams = Type.Object({ id: Uuid, relationId: Uuid });

export const GuardianWithholdReason = Type.Enum(['vardnadshavare_anmald', 'lvu', 'menprovning']);

export const GuardianInsight = Type.Object({
  /** Null: the guardians see the case in the e-service (within the age limits). */
  withheld: Nullable(GuardianWithholdReason),
  note: Nullable(Type.String()),
  setBy: Nullable(Type.String()),
  setAt: Nullable(IsoDateTime),
  /** False when the person is 18 or older: there are no guardians to withhold from. */
  applies: Type.Boolean(),
});
export type GuardianInsight = Static<typeof GuardianInsight>;

export const GuardianInsightBody = Type.Object({
  withheld: Nullable(GuardianWithholdReason),
  note: Nullable(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type GuardianInsightBody = Static<typeof GuardianInsightBody>;
