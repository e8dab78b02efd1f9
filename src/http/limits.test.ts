import { expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { describeEachDialect } from '../../test/harness.js';
import { startSession } from '../../test/kyb.js';
import { LIMITS } from '../shared/limits.js';

type Schema = Record<string, unknown>;

/** Formats whose own grammar bounds their length. */
const BOUNDED_FORMATS = new Set(['uuid', 'date', 'date-time', 'ipv4', 'ipv6', 'time']);

/**
 * Every place in a request schema that accepts an unbounded amount: an array without
 * maxItems, a string without maxLength, a map without maxProperties, or a value of any shape.
 * `x-openkyb-bound` names a bound enforced outside the schema (e.g. the upload size).
 */
function unbounded(schema: Schema, at: string, resolve: (ref: string) => Schema, seen = new Set<Schema>()): string[] {
  if (typeof schema.$ref === 'string') return unbounded(resolve(schema.$ref), at, resolve, seen);
  if (seen.has(schema)) return [];
  seen.add(schema);
  if ('x-openkyb-bound' in schema || 'const' in schema || 'enum' in schema || BOUNDED_FORMATS.has(String(schema.format))) return [];
  const problems: string[] = [];
  const walk = (child: unknown, path: string) => {
    if (child && typeof child === 'object') problems.push(...unbounded(child as Schema, path, resolve, seen));
  };
  const types = ([] as unknown[]).concat(schema.type ?? []);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) (schema[key] as Schema[] | undefined)?.forEach((s, i) => walk(s, `${at}|${key}${i}`));
  if (types.length === 0 && !schema.anyOf && !schema.oneOf && !schema.allOf && !schema.not) problems.push(`${at}: any value`);
  if (types.includes('string') && schema.maxLength === undefined) problems.push(`${at}: string without maxLength`);
  if (types.includes('array')) {
    if (schema.maxItems === undefined) problems.push(`${at}: array without maxItems`);
    walk(schema.items, `${at}[]`);
  }
  if (types.includes('object')) {
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) walk(child, `${at}.${name}`);
    const open = (schema.additionalProperties && typeof schema.additionalProperties === 'object') || schema.patternProperties;
    if (open && schema.maxProperties === undefined) problems.push(`${at}: map without maxProperties`);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${at}.*`);
    for (const child of Object.values((schema.patternProperties ?? {}) as Record<string, Schema>)) walk(child, `${at}.*`);
  }
  return problems;
}

describeEachDialect('bounds of what the API accepts', (h) => {
  it('bounds every array, string and map of every request (body, query, path), in the published OpenAPI document', async () => {
    const doc = (await api(h()).call('GET', '/openapi.json', null)).json;
    const resolve = (ref: string) =>
      ref
        .split('/')
        .slice(1)
        .reduce((node, part) => node[part], doc);
    const problems: string[] = [];
    let checked = 0;
    for (const [route, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [type, media] of Object.entries((operation.requestBody?.content ?? {}) as Record<string, { schema: Schema }>)) {
          checked += 1;
          problems.push(...unbounded(media.schema, `${method.toUpperCase()} ${route} ${type}`, resolve));
        }
        for (const parameter of (operation.parameters ?? []) as { in: string; name: string; schema: Schema }[]) {
          checked += 1;
          problems.push(...unbounded(parameter.schema, `${method.toUpperCase()} ${route} ${parameter.in} ${parameter.name}`, resolve));
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('issue 11, defect 3: refuses 200,000 scanRefs with a 400, and takes the documented maximum', async () => {
    const partner = await h().partner();
    const tooMany = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', scanRefs: Array.from({ length: 200_000 }, () => 'r') });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.message.scanRefs).toEqual([`must have at most ${LIMITS.scanRefs} items`]);
    const atLimit = await api(h()).createToken(partner, {
      tokenType: 'FORM',
      clientId: 'c',
      scanRefs: Array.from({ length: LIMITS.scanRefs }, (_, i) => `ref-${i}`),
    });
    expect(atLimit.status).toBe(201);
    const token = atLimit.json.tokenString;
    expect(
      (await api(h()).call('PATCH', `/kyb/tokens/${token}/`, partner.auth, { scanRefs: Array.from({ length: LIMITS.scanRefs + 1 }, () => 'r') })).status,
    ).toBe(400);
    expect(await h().database.db.selectFrom('kyb_tokens').select('id').where('partner_id', '=', partner.partnerId).execute()).toHaveLength(1);
  });

  it('issue 11, defect 3: refuses a questionnaire of 10,000 sections with a 400, and stores nothing', async () => {
    const partner = await h().partner();
    const sections = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `s${i}`, title: 'S', questions: [] }));
    const refused = await api(h()).call('POST', '/v1/questionnaires/', partner.auth, { key: 'big', name: 'Big', title: 'Big', sections: sections(10_000) });
    expect(refused.status).toBe(400);
    expect(refused.json.message.sections).toEqual([`must have at most ${LIMITS.questionnaireSections} items`]);
    expect(await h().database.db.selectFrom('questionnaires').select('id').where('partner_id', '=', partner.partnerId).execute()).toEqual([]);
    const atLimit = await api(h()).call('POST', '/v1/questionnaires/', partner.auth, {
      key: 'big',
      name: 'Big',
      title: 'Big',
      sections: sections(LIMITS.questionnaireSections),
    });
    expect(atLimit.status).toBe(201);
  });

  it('refuses a body nested deeper than the JSON depth limit with a 400, before any handler runs', async () => {
    const s = await startSession(h());
    const deep = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;
    // Sent as text: the test's own JSON.stringify would exhaust its stack on this value.
    const tooDeep = await api(h()).call(
      'PUT',
      `/kyb/forms/${s.companyId}/`,
      s.bearer,
      `{"company":{"companyName":"Acme","country":"LT"},"meta":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.json.message).toEqual({ body: [`is nested more than ${LIMITS.jsonDepth} levels deep`] });
    const changeFrom = await api(h()).call('POST', '/v1/flows/', s.partner.auth, { name: 'F', fields: [{ field: 'COMPANY_NAME', changeFrom: [['nested']] }] });
    expect(changeFrom.status).toBe(400);
    const echo = await api(h()).call('PUT', `/kyb/forms/${s.companyId}/`, s.bearer, {
      company: { companyName: 'Acme', country: 'LT', additionalInfo: { industry: { value: 'it' } } },
      meta: deep(LIMITS.jsonDepth - 2),
    });
    expect(echo.status).toBe(200);
  });

  it('refuses a questionnaire condition nested deeper than the limit with a 400', async () => {
    const partner = await h().partner();
    const withCondition = (condition: string) => ({
      key: 'c',
      name: 'C',
      title: 'C',
      sections: [
        {
          key: 's',
          title: 'S',
          questions: [
            { key: 'a', title: 'A', type: 'TEXT' },
            { key: 'b', title: 'B', type: 'TEXT', condition },
          ],
        },
      ],
    });
    const deep = await api(h()).call('POST', '/v1/questionnaires/', partner.auth, withCondition(`${'!'.repeat(LIMITS.conditionDepth + 1)}a`));
    expect(deep.status).toBe(400);
    expect(deep.json.message['sections.0.questions.1.condition']).toEqual([expect.stringContaining(`nested more than ${LIMITS.conditionDepth} levels deep`)]);
    const list = await api(h()).call(
      'POST',
      '/v1/questionnaires/',
      partner.auth,
      withCondition(`a in ${'['.repeat(LIMITS.conditionDepth + 1)}${']'.repeat(LIMITS.conditionDepth + 1)}`),
    );
    expect(list.status).toBe(400);
    const atLimit = await api(h()).call(
      'POST',
      '/v1/questionnaires/',
      partner.auth,
      withCondition(`${'('.repeat(LIMITS.conditionDepth)}a${')'.repeat(LIMITS.conditionDepth)}`),
    );
    expect(atLimit.status).toBe(201);
  });
});
