import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { fieldErrors, type FieldErrors } from '../core/errors.js';
import { ASCII_PATTERN, HEX_COLOR_PATTERN, KEY_PATTERN, NOCOMMA_PATTERN } from '../schemas/common.js';
import { isDate, parseDateTime } from '../shared/dates.js';
import { E164_PATTERN } from '../schemas/company.js';
import { HEADER_VALUE_PATTERN, SIGNING_KEY_PATTERN } from '../schemas/webhook.js';

const require = createRequire(import.meta.url);
const shared: Options = { allErrors: true, strict: false, useDefaults: true, discriminator: true, verbose: true };

/**
 * JSON bodies are strict: no coercion, no silently removed properties. Query strings and path
 * parameters arrive as text, so they may be coerced. Ajv is loaded with the first request that
 * needs a validator, not at start-up.
 */
let ajvs: { body: Ajv; text: Ajv } | null = null;
function ajvFor(httpPart: string | undefined): Ajv {
  if (!ajvs) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    const addFormats = require('ajv-formats') as typeof import('ajv-formats');
    // `date` and `date-time` are read by the same helpers as every other date a client sends, so
    // a value the schema accepts is one the code can turn into a time (ajv-formats' own
    // date-time let a leap second through, which no JavaScript Date holds).
    const withFormats = (ajv: Ajv) =>
      addFormats
        .default(ajv)
        .addFormat('date', { type: 'string', validate: isDate })
        .addFormat('date-time', { type: 'string', validate: (value: string) => parseDateTime(value) !== null });
    ajvs = {
      body: withFormats(new Ajv({ ...shared, coerceTypes: false, removeAdditional: false })),
      text: withFormats(new Ajv({ ...shared, coerceTypes: 'array', removeAdditional: false })),
    };
  }
  return httpPart === 'body' ? ajvs.body : ajvs.text;
}

/**
 * Each route's validator is compiled at its first request, not at start-up: a server compiles
 * only the routes it is asked for (the compiled code of every route was megabytes of heap and
 * most of the start-up time). Fastify reads `errors` off the function after a call, as Ajv's.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  let compiled: ValidateFunction | null = null;
  const validate = Object.assign(
    (data: unknown) => {
      compiled ??= ajvFor(httpPart).compile(schema);
      const valid = compiled(data);
      validate.errors = compiled.errors ?? null;
      return valid;
    },
    { errors: null as ErrorObject[] | null },
  );
  return validate;
};

const PATTERN_MESSAGES: Record<string, string> = {
  [NOCOMMA_PATTERN]: 'must not contain commas',
  [KEY_PATTERN]: 'may contain only letters, digits, "_", "*" and "-"',
  [ASCII_PATTERN]: 'must contain only ASCII characters',
  [HEX_COLOR_PATTERN]: 'must be a hex colour such as #1a2b3c or #abc',
  '^https?://': 'must be an http or https URL',
  [E164_PATTERN]: 'must be a phone number in E.164 format, such as +37060000000',
  [HEADER_VALUE_PATTERN]: 'may contain only printable ASCII characters, spaces and tabs',
  [SIGNING_KEY_PATTERN]: 'may contain only visible ASCII characters (no spaces)',
};

/**
 * True when `value` nests arrays or objects deeper than `maxDepth`. Iterative, so a hostile
 * body cannot exhaust the stack here; bounding depth at the parser keeps every later recursive
 * step (schema validation, JSON.stringify, structuredClone) safe, including fields the schema
 * leaves open (read-only echoes).
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/** The charset a Content-Type header names, unquoted and in lower case, or null when it names none. */
export function charsetOf(contentType: string | undefined): string | null {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name = '', ...rest] = parameter.split('=');
    const value = rest.join('=').trim().toLowerCase();
    if (name.trim().toLowerCase() === 'charset') return value.replace(/^"(.*)"$/, '$1');
  }
  return null;
}

/** Turns Ajv errors into iDenfy-style `{field: [messages]}`, one entry per offending field and rule. */
export function toFieldErrors(errors: ErrorObject[], part: string): FieldErrors {
  const fields = fieldErrors();
  for (const error of relevant(errors)) {
    const path = fieldPath(error, part);
    const message = describe(error);
    const list = (fields[path] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return fields;
}

/**
 * A nullable field that fails reports three errors (the rule, "must be null", "anyOf"); only
 * the rule helps. Branch errors are dropped when a more specific error exists for the field.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'));
  return specific.length > 0 ? specific : errors;
}

function fieldPath(error: ErrorObject, part: string): string {
  let segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments = [...segments, String(error.params.missingProperty)];
  if (error.keyword === 'additionalProperties') segments = [...segments, String(error.params.additionalProperty)];
  if (error.keyword === 'discriminator') segments = [...segments, String(error.params.tag)];
  const path = segments.join('.');
  if (part === 'body') return path || 'body';
  return path ? `${part}.${path}` : part;
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'this field is required';
    case 'additionalProperties':
      return 'unknown field';
    case 'type':
      return error.instancePath === '' ? `must be a JSON ${String(p.type)}` : `must be of type ${String(p.type)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`;
    case 'minItems':
      return `must have at least ${String(p.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items`;
    case 'minimum':
      return `must be >= ${String(p.limit)}`;
    case 'maximum':
      return `must be <= ${String(p.limit)}`;
    case 'pattern':
      return PATTERN_MESSAGES[String(p.pattern)] ?? `must match the pattern ${String(p.pattern)}`;
    case 'format':
      return `must be a valid ${String(p.format)}`;
    case 'discriminator': {
      const variants = (error.parentSchema?.oneOf ?? []) as { properties?: Record<string, { const?: unknown }> }[];
      const tags = variants.map((v) => v.properties?.[String(p.tag)]?.const).filter((t) => t !== undefined);
      return p.error === 'tag' ? 'this field is required' : `must be one of: ${tags.join(', ')}`;
    }
    default:
      return error.message ?? 'is invalid';
  }
}
