// Schema building blocks shared by every API contract file.
import { Type, type TNull, type TSchema, type TUnion } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'ÅÅÅÅ-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time' });

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * T or null. For a primitive T this is `type: [T, 'null']` rather than `anyOf`, because the server
 * coerces request types: with `anyOf` Ajv tries the first branch and turns a JSON null into 0 or ""
 * before the null branch is reached, so "no amount" would be stored as 0 kronor.
 */
export function Nullable<T extends TSchema>(t: T): TUnion<[T, TNull]> {
  const type = (t as { type?: unknown }).type;
  if (typeof type === 'string' && PRIMITIVES.has(type)) {
    return { ...t, type: [type, 'null'] } as unknown as TUnion<[T, TNull]>;
  }
  return Type.Union([t, Type.Null()]);
}
