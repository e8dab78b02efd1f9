import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** iDenfy's published OpenAPI document, the wire contract our responses must satisfy. */
const SPEC_PATH = path.resolve(import.meta.dirname, 'fixtures/idenfy-kyb-openapi.yml');

type Json = Record<string, unknown>;

/**
 * The spec mixes OpenAPI 3.0's `nullable: true` into a 3.1 document; JSON Schema needs it as
 * a null type. Discriminators are dropped: each oneOf here is decidable without them.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, discriminator: _discriminator, ...rest } = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(rest)) out[key] = toJsonSchema(value);
  if (nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * Schemas the spec references but never defines (its registry-center checks); OpenKYB's
 * definitions, documented in docs/registries.md. A definition the spec gains later wins.
 */
const UK_STATUS = { type: 'string', enum: ['MATCH', 'NO_DATA', 'NO_MATCH', 'PARTIAL_MATCH'] };
const UK_ADDRESS = {
  type: 'object',
  properties: {
    buildingNumber: { type: 'string', nullable: true, maxLength: 20 },
    buildingName: { type: 'string', nullable: true, maxLength: 100 },
    street: { type: 'string', minLength: 1, maxLength: 255 },
    city: { type: 'string', minLength: 1, maxLength: 100 },
    postCode: { type: 'string', minLength: 1, maxLength: 10 },
  },
  required: ['street', 'city', 'postCode'],
};
const UNDEFINED_IN_SPEC: Json = {
  UkAddress: UK_ADDRESS,
  UkAddressRequest: UK_ADDRESS,
  FirstNameStatus5e4Enum: UK_STATUS,
  LastNameStatus5e4Enum: UK_STATUS,
  DateOfBirthStatusEnum: UK_STATUS,
  AddressStatusEnum: UK_STATUS,
  // The reference (§5) lists its values; the published components leave it out.
  SoftKycMatchStatusEnum: { type: 'string', enum: ['MATCH', 'NO_MATCH', 'PARTIAL_MATCH', 'NO_DATA', 'NO_INPUT', 'INVALID'] },
};

let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

export function contractValidator(schemaName: string): ValidateFunction {
  if (!ajv) {
    const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as { components: { schemas: Json } };
    ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: true }));
    for (const [name, schema] of Object.entries(UNDEFINED_IN_SPEC)) spec.components.schemas[name] ??= schema;
    ajv.addSchema({ $id: 'spec', components: toJsonSchema(spec.components) });
  }
  let validate = cache.get(schemaName);
  if (!validate) {
    validate = ajv.compile({ $ref: `spec#/components/schemas/${schemaName}` });
    cache.set(schemaName, validate);
  }
  return validate;
}

/** Returns the contract violations of `body` against a named spec schema ([] when it conforms). */
export function contractErrors(schemaName: string, body: unknown): string[] {
  const validate = contractValidator(schemaName);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
