import { Type } from 'typebox';
import { SOS_ENTITY_TYPES } from '../../shared/gov-checks.js';

/**
 * What a provider's answer must look like before anything of it is stored or shown: a register
 * that answers nonsense is a provider failure ("garbage"), recorded like a 500, never a crash.
 */
export const FilingsAnswer = Type.Array(
  Type.Object({
    id: Type.String({ minLength: 1, maxLength: 200 }),
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    type: Type.String({ maxLength: 100 }),
    description: Type.String({ maxLength: 1000 }),
    price: Type.Integer({ minimum: 0 }),
    currency: Type.String({ minLength: 3, maxLength: 3 }),
    deliveryMinutes: Type.Integer({ minimum: 0, maximum: 60 * 24 * 90 }),
  }),
  { maxItems: 10_000 },
);

export const ProfileNameAnswer = Type.Union([Type.Null(), Type.Object({ name: Type.String({ minLength: 1, maxLength: 500 }) })]);

export const SosAnswer = Type.Union([
  Type.Null(),
  Type.Object({
    companyName: Type.String({ minLength: 1, maxLength: 200 }),
    formationDate: Type.Union([Type.Null(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })]),
    entityType: Type.Union([Type.Null(), ...SOS_ENTITY_TYPES.map((t) => Type.Literal(t))]),
    watchlistHitsCount: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
    data: Type.Unknown(),
    report: Type.Unsafe<Buffer>({ 'x-buffer': true }),
  }),
]);

/** A fetched document: bytes, or 'pending'. TypeBox cannot describe a Buffer, hence by hand. */
export function isFilingContent(value: unknown): value is { contentType: string; bytes: Buffer } | 'pending' {
  if (value === 'pending') return true;
  if (!value || typeof value !== 'object') return false;
  const { contentType, bytes } = value as { contentType?: unknown; bytes?: unknown };
  return typeof contentType === 'string' && Buffer.isBuffer(bytes) && bytes.length > 0;
}
