import fc from 'fast-check';

/** The JSON Schema subset the route schemas (TypeBox) and /openapi.json use. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minProperties?: number;
  maxProperties?: number;
}

const MAX_ARRAY = 4;

/**
 * Values meant to satisfy `schema`, biased towards its boundaries (minimum and maximum lengths,
 * sizes and numbers). Formats and patterns are honoured; cross-field rules are not, so a
 * generated value can still be refused by a handler, which is what fuzzing wants.
 */
export function validArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => validArbitrary({ ...strip(schema), ...s }, depth)));
  if (schema.allOf) return validArbitrary(Object.assign({}, ...schema.allOf), depth);
  const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => validArbitrary({ ...schema, type }, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integer(schema);
    case 'number':
      return fc.oneof(integer(schema), fc.double({ min: lower(schema, -1e6), max: upper(schema, 1e6), noNaN: true, noDefaultInfinity: true }));
    case 'string':
      return string(schema);
    case 'array':
      return array(schema, depth);
    case 'object':
      return object(schema, depth);
    default:
      return fc.anything();
  }
}

function strip(schema: JsonSchema): JsonSchema {
  const { anyOf: _a, oneOf: _o, ...rest } = schema;
  return rest;
}

const lower = (s: JsonSchema, fallback: number) => s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1e-6 : fallback);
const upper = (s: JsonSchema, fallback: number) => s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1e-6 : fallback);

function integer(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.ceil(lower(schema, -1_000_000));
  const max = Math.floor(upper(schema, 1_000_000));
  return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
}

function string(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 64, Math.max(minLength, 64));
  const fits = (s: string) => [...s].length >= minLength && [...s].length <= (schema.maxLength ?? Infinity);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
      return fc.webUrl().filter(fits);
    case 'ipv4':
      return fc.ipV4();
    case 'ipv6':
      return fc.ipV6();
    case 'byte':
      return fc.base64String({ maxLength: 64 });
    default:
      break;
  }
  if (schema.pattern) {
    // `^[class]+$` with length bounds: draw characters of the class, so a minLength is met
    // without filtering (filtering short matches away can loop for ever).
    const repeated = /^\^(\[(?:\\.|[^\]])+\])[+*]\$$/.exec(schema.pattern);
    if (repeated) {
      const char = fc.stringMatching(new RegExp(`^${repeated[1]}$`));
      return fc.array(char, { minLength: Math.max(minLength, 1), maxLength: Math.max(minLength, 1, Math.min(maxLength, 40)) }).map((cs) => cs.join(''));
    }
    const matching = fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    return maxLength > 0 ? matching : fc.constant('');
  }
  const text = fc.oneof(
    fc.string({ minLength, maxLength }),
    // Valid text is storable text: the API refuses NUL and lone surrogates at the edge.
    fc.string({ minLength, maxLength, unit: 'binary' }).filter((t) => !LONE_SURROGATE.test(t) && !t.includes('\u0000')),
    fc.constant('x'.repeat(minLength)),
    fc.constant('é'.repeat(schema.maxLength ?? maxLength)),
  );
  return text;
}

function array(schema: JsonSchema, depth: number): fc.Arbitrary<unknown[]> {
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.min(schema.maxItems ?? MAX_ARRAY, depth > 2 ? Math.max(minLength, 1) : Math.max(minLength, MAX_ARRAY));
  const items = validArbitrary(schema.items ?? {}, depth + 1);
  if (schema.uniqueItems) return fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
  return fc.array(items, { minLength, maxLength });
}

function object(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) model[name] = validArbitrary(property, depth + 1);
  const record = fc.record(model, { requiredKeys: required.filter((k) => k in properties) });
  const extra =
    schema.patternProperties ?? (typeof schema.additionalProperties === 'object' ? { '^[a-z][a-zA-Z0-9]{0,15}$': schema.additionalProperties } : null);
  if (!extra || depth > 3) return record;
  const [pattern, value] = Object.entries(extra)[0]!;
  const dict = fc.dictionary(
    fc.stringMatching(new RegExp(pattern)).filter((k) => k.length > 0 && k.length <= 32),
    validArbitrary(value, depth + 1),
    { maxKeys: 3 },
  );
  return fc.tuple(record, dict).map(([r, d]) => Object.assign(Object.create(null) as Record<string, unknown>, d, r));
}

/** Values that are odd anywhere in a request: each class has broken some server before. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff x',
    '../..',
    '%00',
    '__proto__',
    'constructor',
    'toString',
    '😀'.repeat(50),
    'x'.repeat(5000),
  ),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, [], {}, [[[[[]]]]]),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 200 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'a', ''), fc.string(), { maxKeys: 3 }),
);

/** A value that breaks `schema` somewhere: a replaced leaf, a dropped or unknown key, or an odd root. */
export function invalidArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof(
    oddValue,
    fc
      .tuple(validArbitrary(schema), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), oddValue, fc.constantFrom('replace', 'drop', 'add'))
      .map(([value, path, odd, how]) => mutate(value, path, odd, how)),
  );
}

function mutate(value: unknown, path: number[], odd: unknown, how: string): unknown {
  if (value === null || typeof value !== 'object') return odd;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const keys = Object.keys(copy);
  const [step, ...rest] = path;
  if (keys.length === 0 || rest.length === 0) {
    if (how === 'add' || keys.length === 0) {
      if (Array.isArray(copy)) copy.push(odd);
      else
        Object.defineProperty(copy, typeof odd === 'string' && odd.length < 40 ? odd : 'unknownField', {
          value: odd,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return copy;
    }
    const key = keys[step! % keys.length]!;
    if (how === 'drop') delete (copy as Record<string, unknown>)[key];
    else (copy as Record<string, unknown>)[key] = odd;
    return copy;
  }
  const key = keys[step! % keys.length]!;
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rest, odd, how);
  return copy;
}
