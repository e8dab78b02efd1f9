import { Type, type Static, type TObject, type TSchema, type TUnion } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** `^[\w_*-]+$`, iDenfy's pattern for keys of questionnaires, sections, questions, choices. */
export const KEY_PATTERN = '^[\\w_*-]+$';
/** No commas: tags and scan refs are stored comma-joined on iDenfy's side. */
export const NOCOMMA_PATTERN = '^[^,]+$';
export const ASCII_PATTERN = '^[\\u0000-\\u007F]+$';
export const HEX_COLOR_PATTERN = '^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$';

/**
 * A string whose length is bounded by something other than maxLength (a file's size limit,
 * the route's body limit); the schema walk in src/http/limits.test.ts accepts it only so marked.
 */
export const boundedBy = (why: string) => ({ 'x-openkyb-bound': why });

export const Key = (maxLength = 32) => Type.String({ minLength: 1, maxLength, pattern: KEY_PATTERN });

/** An absolute http(s) URL; other schemes (javascript:, data:) are refused for rendered links. */
export const HttpUrl = (maxLength = 2048) => Type.String({ format: 'uri', pattern: '^https?://', maxLength });

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
export const DateTime = Type.String({ format: 'date-time' });

/** Timestamps of OpenKYB's own management objects. */
export const Timestamps = {
  createdAt: DateTime,
  updatedAt: DateTime,
};

/**
 * An id in a path. Every OpenKYB id is a UUID; anything else cannot exist, so it is answered
 * 404 (see errors.ts) without reaching the database.
 */
export const PathId = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: PathId });

/**
 * A copy of an object's properties without their defaults: PATCH schemas must not fill in a
 * field the request left out (a default would overwrite the stored value).
 */
export function withoutDefaults<T extends Record<string, TSchema>>(properties: T): T {
  return Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, stripDefault(schema)])) as T;
}

function stripDefault(schema: TSchema): TSchema {
  // Spread keeps TypeBox's symbol markers (Optional and the kind) along with the keywords.
  const copy = { ...schema } as TSchema & { default?: unknown };
  delete copy.default;
  return copy;
}

/**
 * A oneOf chosen by a tag property (OpenAPI's discriminator). Validation then reports only the
 * errors of the chosen variant instead of every variant's.
 */
export const Discriminated = <T extends TObject[]>(propertyName: string, variants: [...T], options: { title?: string } = {}) =>
  Type.Unsafe<Static<TUnion<T>>>({
    type: 'object',
    required: [propertyName],
    discriminator: { propertyName },
    oneOf: variants,
    ...options,
  });
