import fc from 'fast-check';
import { ERROR_TABLE } from '../../src/http/errors.js';
import type { AuthMode } from '../../src/http/context.js';
import { api } from '../api.js';
import { base64, pdfDocument } from '../files.js';
import type { Harness } from '../harness.js';
import { startSession } from '../kyb.js';
import { invalidArbitrary, oddValue, validArbitrary, type JsonSchema } from '../schema-arbitrary.js';
import { objectFor, type Tenant } from '../tenant.js';

/** One operation of /openapi.json, with the auth mode its route declares. */
interface Operation {
  key: string;
  method: string;
  /** Fastify form: /kyb/forms/:id/ */
  url: string;
  auth: AuthMode;
  query: JsonSchema | null;
  body: JsonSchema | null;
}

export interface FuzzFailure {
  operation: string;
  request: string;
  status: number;
  reason: string;
  body: string;
}
export interface FuzzSummary {
  requests: number;
  perOperation: Record<string, number>;
  statuses: Record<string, number>;
  /** Requests light-my-request refused to build (e.g. an invalid header character). */
  unsendable: number;
  failureCount: number;
  /** The first failure of each (operation, status, reason) class. */
  failures: FuzzFailure[];
}

const ENVELOPE_KEYS = 'documentation,identifier,message,severity';
const VALID = Symbol('valid');

async function operations(h: Harness): Promise<Operation[]> {
  const doc = (await h.app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Array<{ in: string; name: string; schema: JsonSchema; required?: boolean }>;
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, op] of Object.entries(methods)) {
      const route = h.app.routeTable.find((r) => r.url === url && r.method === method.toUpperCase());
      if (!route) throw new Error(`/openapi.json has ${method} ${path} but the route table does not`);
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const query: JsonSchema | null =
        queryParams.length === 0
          ? null
          : {
              type: 'object',
              properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
              required: queryParams.filter((p) => p.required).map((p) => p.name),
            };
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        url,
        auth: route.auth,
        query,
        body: op.requestBody?.content['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

/** Percent-encodes any text, lone surrogates included (as their WTF-8 bytes, as a raw client could send). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((c) => {
        const code = c.codePointAt(0)!;
        if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(c);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      })
      .join('');
  }
}

const oddId = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(300),
    'a'.repeat(101),
    'é',
    '😀',
    '%00',
    '..',
    '%2e%2e',
    '%2F',
    '..%2F..',
    '%',
    '%ZZ',
    'null',
    '0',
    '-1',
    '\u0000',
    '%C0%AE',
  ),
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 30 }).map(encode),
);
const rawBody = fc.constantFrom(
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '1e999',
  '['.repeat(5000),
  '{"a":'.repeat(2000),
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  'x'.repeat(100_000),
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '\ufeff{}',
  '{"a":1,"a":2}',
);
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
      'application/json; charset=latin1',
      'application/merge-patch+json',
      '*/*',
    ),
  },
);
const oddAuth = fc.constantFrom(
  'Basic',
  'Bearer',
  'Bearer ',
  'Basic !!!',
  `Basic ${Buffer.from(':').toString('base64')}`,
  `Basic ${Buffer.from(`${'a'.repeat(5000)}:b`).toString('base64')}`,
  `Bearer ${'x'.repeat(8000)}`,
  'Digest username="a"',
  'Bearer a b c',
  'Basic =====',
  'NTLM',
  ' ',
);

interface RequestSpec {
  auth: 'valid' | 'none' | string;
  params: Array<typeof VALID | string>;
  query: string;
  body: unknown;
  raw: string | null;
  contentType: string;
  idempotencyKey: string | null;
}

function requestArbitrary(op: Operation): fc.Arbitrary<RequestSpec> {
  const params = [...op.url.matchAll(/:(\w+)/g)].map(() => fc.oneof({ weight: 3, arbitrary: fc.constant(VALID) }, { weight: 2, arbitrary: oddId }));
  const query = fc.oneof(
    { weight: 2, arbitrary: op.query ? validArbitrary(op.query).map(toQuery) : fc.constant('') },
    { weight: 1, arbitrary: op.query ? invalidArbitrary(op.query).map(toQuery) : fc.constant('') },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(fc.constantFrom('page', 'limit', 'type', 'x', '__proto__', 'a[b]', ''), fc.oneof(fc.string(), oddValue), { maxKeys: 3 })
        .map(toQuery),
    },
  );
  const body = op.body
    ? fc.oneof({ weight: 3, arbitrary: validArbitrary(op.body) }, { weight: 3, arbitrary: invalidArbitrary(op.body) })
    : fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: oddValue });
  return fc.record({
    auth: fc.oneof({ weight: 7, arbitrary: fc.constant('valid') }, { weight: 1, arbitrary: fc.constant('none') }, { weight: 2, arbitrary: oddAuth }),
    params: fc.tuple(...params),
    query,
    body,
    raw: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rawBody }),
    contentType,
    idempotencyKey: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('', 'k'.repeat(300), 'é', 'key-1') }),
  });
}

function toQuery(value: unknown): string {
  if (value === null || typeof value !== 'object') return `q=${encode(String(value))}`;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    for (const item of [v].flat()) search.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  return search.toString();
}

/** Why an answer breaks the contract, or null. */
function check(status: number, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  if (status < 400) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return 'error body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Object.keys(body).sort().join() !== ENVELOPE_KEYS)
    return 'error body is not {message, identifier, documentation, severity}';
  if (!(String(body.identifier) in ERROR_TABLE)) return `identifier ${String(body.identifier)} not in ERROR_TABLE`;
  if (body.severity !== 'NOT_SEVERE' && body.severity !== 'SEVERE') return `severity ${String(body.severity)}`;
  return null;
}

/** Replaces the tenant's session-level objects, so deletes and revocations do not starve the run. */
async function refresh(h: Harness, t: Tenant): Promise<void> {
  const call = api(h).call;
  const open = await startSession(h, { partner: t.partner, flow: null });
  const form = `/kyb/forms/${open.companyId}/`;
  const owner = await call('POST', `${form}beneficiaries/`, open.bearer, {
    beneficiaryType: 'UBO',
    info: { infoType: 'INDIVIDUAL', name: 'Fuzz', surname: 'Owner' },
  });
  const doc = await call('POST', `${form}documents/`, open.bearer, { type: 'INCORPORATION_CERT', file: base64(pdfDocument()) });
  const ownerDoc = await call('POST', `${form}beneficiaries/${owner.json?.id}/documents/`, open.bearer, {
    type: 'IDENTITY_DOCUMENT',
    file: base64(pdfDocument()),
  });
  const hook = await call('POST', '/v1/webhooks/', t.partner.auth, { url: 'http://127.0.0.1:9/fuzz', eventTypes: ['COMPANY_SUBMIT'] });
  const delivery = await call('POST', `/v1/webhooks/${hook.json?.id}/test/`, t.partner.auth);
  const failed = [owner, doc, ownerDoc, hook, delivery].find((r) => r.status >= 300);
  if (failed) throw new Error(`fuzz refresh: ${failed.status} ${failed.text.slice(0, 300)}`);
  t.open = open;
  Object.assign(t.ids, {
    beneficiaryId: owner.json.id,
    companyDocumentId: doc.json.id,
    beneficiaryDocumentId: ownerDoc.json.id,
    webhookId: hook.json.id,
    deliveryId: delivery.json.id,
  });
}

/**
 * Sends `requests` generated requests, round-robin over the operations of /openapi.json, with
 * the tenant's credentials (so most reach the handlers) or none or odd ones. Deterministic for
 * a seed. The tenant's session objects are renewed every `refreshEvery` requests.
 */
export async function runContractFuzz(
  h: Harness,
  tenant: Tenant,
  options: { seed: number; requests: number; refreshEvery?: number; onProgress?: (summary: FuzzSummary) => void; progressEvery?: number },
): Promise<FuzzSummary> {
  const ops = await operations(h);
  const arbitraries = ops.map(requestArbitrary);
  const summary: FuzzSummary = { requests: 0, perOperation: {}, statuses: {}, unsendable: 0, failureCount: 0, failures: [] };
  const seen = new Set<string>();
  for (let i = 0; i < options.requests; i++) {
    if (i > 0 && i % (options.refreshEvery ?? 500) === 0) await refresh(h, tenant);
    const op = ops[i % ops.length]!;
    const [spec] = fc.sample(arbitraries[i % ops.length]!, { seed: options.seed + i, numRuns: 1 });
    const { url, headers, payload } = buildRequest(op, spec!, tenant, i % 2 === 1);
    summary.requests++;
    summary.perOperation[op.key] = (summary.perOperation[op.key] ?? 0) + 1;
    let response;
    try {
      response = await h.app.inject({ method: op.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
    } catch {
      summary.unsendable++;
      continue;
    }
    summary.statuses[response.statusCode] = (summary.statuses[response.statusCode] ?? 0) + 1;
    const reason = check(response.statusCode, response.body);
    if (reason) {
      summary.failureCount++;
      const kind = `${op.key} ${response.statusCode} ${reason}`;
      if (!seen.has(kind)) {
        seen.add(kind);
        summary.failures.push({
          operation: op.key,
          request: `${op.method} ${url.slice(0, 300)} ${JSON.stringify(headers).slice(0, 200)} ${String(payload).slice(0, 300)}`,
          status: response.statusCode,
          reason,
          body: response.body.slice(0, 300),
        });
      }
    }
    if (options.onProgress && (i + 1) % (options.progressEvery ?? 1000) === 0) options.onProgress(summary);
  }
  return summary;
}

function buildRequest(
  op: Operation,
  spec: RequestSpec,
  t: Tenant,
  preferToken: boolean,
): { url: string; headers: Record<string, string>; payload: string | undefined } {
  let index = 0;
  // Revoking the open session's token would starve the run: /v1/tokens/ and /kyb/tokens/ get the submitted one's.
  const url = op.url.replace(/:(\w+)/g, (_m, name: string) => {
    const value = spec.params[index++];
    return value === VALID ? encodeURIComponent(objectFor(t, op.url, name, t.submitted.token) ?? 'unknown') : String(value);
  });
  const headers: Record<string, string> = {};
  const auth =
    spec.auth === 'valid'
      ? op.auth === 'token' || (op.auth === 'either' && preferToken)
        ? t.open.bearer
        : t.partner.auth
      : spec.auth === 'none'
        ? null
        : spec.auth;
  if (auth !== null) headers.authorization = auth;
  const payload = spec.raw ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body));
  if (payload !== undefined && spec.contentType) headers['content-type'] = spec.contentType;
  if (spec.idempotencyKey !== null) headers['idempotency-key'] = spec.idempotencyKey;
  return { url: spec.query ? `${url}?${spec.query}` : url, headers, payload };
}
