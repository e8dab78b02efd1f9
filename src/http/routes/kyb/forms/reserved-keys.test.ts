import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';

const PROTOTYPE_ENTRIES = Object.getOwnPropertyNames(Object.prototype);

/** A questionnaire of one section with one TEXT question. */
const oneQuestion = (key: string, section: string, question: string) => ({
  key,
  name: 'Q',
  title: 'Questionnaire',
  sections: [{ key: section, title: 'Section', questions: [{ key: question, title: 'Question', type: 'TEXT' }] }],
});

/**
 * A questionnaire stored before reserved keys were refused: created with harmless keys, then
 * renamed in the database, as an older server would have stored it.
 */
async function storedQuestionnaire(h: Harness, partner: TestPartner, key: string, section: string, question: string) {
  const created = await api(h).call('POST', '/v1/questionnaires/', partner.auth, oneQuestion(key, 'placeholder_section', 'placeholder_question'));
  expect(created.status).toBe(201);
  const definition = JSON.stringify({ ...oneQuestion(key, section, question), key: undefined, name: undefined, type: 'KYB' });
  await h.database.db.updateTable('questionnaires').set({ definition }).where('id', '=', created.json.id).execute();
}

async function answering(h: Harness, partner: TestPartner, questionnaire: string) {
  const token = await api(h).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire });
  expect(token.status).toBe(201);
  const bearer = `Bearer ${token.json.tokenString}`;
  expect((await api(h).call('POST', '/kyb/forms/', bearer, { company: { companyName: 'Acme', country: 'LT' } })).status).toBe(201);
  const form = `/kyb/forms/${token.json.companyId}`;
  const [listed] = (await api(h).call('GET', `${form}/questionnaires/`, bearer)).json;
  return { bearer, form, answers: `${form}/questionnaires/${listed.id}/answers/` };
}

/** The shared built-ins are as the runtime made them. */
function expectPristineBuiltIns(): void {
  expect({}.constructor).toBe(Object);
  expect(typeof Object.entries).toBe('function');
  expect(Object.entries({ a: 1 })).toEqual([['a', 1]]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual([...PROTOTYPE_ENTRIES].sort());
  for (const name of PROTOTYPE_ENTRIES) {
    const value = (Object.prototype as unknown as Record<string, unknown>)[name];
    if (typeof value === 'function')
      expect(Object.getOwnPropertyNames(value).sort(), name).toEqual(expect.not.arrayContaining(['taxId', 'entries', 'value', 'q']));
  }
}

async function expectOtherPartnerWorks(h: Harness): Promise<void> {
  const other = await startSession(h, { createForm: false });
  const created = await api(h).call('POST', '/kyb/forms/', other.bearer, {
    company: { companyName: 'Other', country: 'LV', additionalInfo: { industry: { value: 'it' } } },
  });
  expect(created.status).toBe(201);
  expect((await api(h).call('GET', '/healthz', null)).status).toBe(200);
}

describeEachDialect('user-chosen keys never reach shared built-ins', (h) => {
  it('issue 11, defect 1: a section "constructor" is refused, and answering one stored earlier breaks no other partner', async () => {
    const x = await h().partner('X');
    const refused = await api(h()).call('POST', '/v1/questionnaires/', x.auth, oneQuestion('proto', 'constructor', 'entries'));
    expect(refused.status).toBe(400);
    expect(refused.json.identifier).toBe('VALIDATION_ERROR');
    expect(refused.json.message['sections.0.key']).toEqual([expect.stringContaining('reserved')]);

    await storedQuestionnaire(h(), x, 'proto', 'constructor', 'entries');
    const s = await answering(h(), x, 'proto');
    const put = await api(h()).call('PUT', `${s.answers}?draft=true`, s.bearer, { sections: { constructor: { entries: { value: 'boom' } } } });
    expect(put.status).toBe(200);
    expect(put.json.sections.constructor.entries).toEqual({ value: 'boom' });
    expect((await api(h()).call('GET', s.answers, s.bearer)).json).toEqual({ sections: { constructor: { entries: { value: 'boom' } } } });
    expectPristineBuiltIns();
    await expectOtherPartnerWorks(h());
  });

  it('issue 11, defect 1: an answer to section "toString" is kept, and another partner never reads it', async () => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    await storedQuestionnaire(h(), a, 'tax', 'toString', 'taxId');
    await storedQuestionnaire(h(), b, 'tax', 'toString', 'taxId');
    const sa = await answering(h(), a, 'tax');
    const sb = await answering(h(), b, 'tax');
    const put = await api(h()).call('PUT', sa.answers, sa.bearer, { sections: { toString: { taxId: { value: 'LT-A-123' } } } });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ sections: { toString: { taxId: { value: 'LT-A-123' } } } });
    expect((await api(h()).call('GET', sa.answers, sa.bearer)).json).toEqual({ sections: { toString: { taxId: { value: 'LT-A-123' } } } });

    expect((await api(h()).call('GET', sb.answers, sb.bearer)).status).toBe(204);
    const bPut = await api(h()).call('PUT', `${sb.answers}?draft=true`, sb.bearer, { sections: {} });
    expect(bPut.status).toBe(200);
    expect(bPut.json).toEqual({ sections: {} });
    const display = await api(h()).call('GET', `${sb.form}/questionnaires/answers/detail/`, b.auth);
    expect(JSON.stringify(display.json ?? null)).not.toContain('LT-A-123');
    expectPristineBuiltIns();
  });
});

/** Every name a plain object inherits, plus the ones that reach prototypes. */
const RESERVED = [...new Set([...PROTOTYPE_ENTRIES, '__proto__', 'prototype', 'constructor'])];
/** Names a JSON body can carry as a key: the body parser refuses `__proto__` keys outright (400). */
const SENDABLE = RESERVED.filter((name) => name !== '__proto__');
const placeholder = (kind: string, i: number) => `${kind}${i}${kind}`;
/** Replaces every placeholder key of one kind with its reserved name, in stored JSON. */
const rename = (json: string, kind: string) => RESERVED.reduce((text, name, i) => text.replaceAll(placeholder(kind, i), name), json);

/** Section and question keys of every reserved name, and a section whose conditions read them. */
function reservedQuestionnaire(key: string) {
  return {
    key,
    name: 'Reserved',
    title: 'Reserved keys',
    sections: [
      ...RESERVED.map((_, s) => ({
        key: placeholder('sk', s),
        title: 'S',
        questions: RESERVED.map((__, q) => ({ key: placeholder('qk', q), title: 'Q', type: 'TEXT', required: true })),
      })),
      {
        key: 'dependent',
        title: 'Asked when answered',
        questions: RESERVED.map((_, i) => ({ key: `d${i}`, title: 'D', type: 'TEXT', condition: `${placeholder('sk', i)}.${placeholder('qk', i)} == "yes"` })),
      },
    ],
  };
}

/** Custom fields of every reserved name, on the company and on a UBO, all required. */
function reservedFlow(questionnaire: string) {
  const fieldsCustom = RESERVED.map((_, i) => ({ field: { key: placeholder('ck', i), title: 'C', type: 'TEXT' }, required: true }));
  return {
    name: 'Reserved',
    questionnaire,
    fieldsCustom,
    beneficiaries: [{ beneficiaryType: 'UBO', applicants: [{ applicantType: 'INDIVIDUAL', fields: [{ field: 'NAME', required: true }], fieldsCustom }] }],
  };
}

/** A flow and questionnaire with reserved keys, as a server before this fix could have stored them. */
async function storedReservedFlow(h: Harness, partner: TestPartner): Promise<string> {
  const q = await api(h).call('POST', '/v1/questionnaires/', partner.auth, reservedQuestionnaire('reserved'));
  expect(q.status).toBe(201);
  const f = await api(h).call('POST', '/v1/flows/', partner.auth, reservedFlow('reserved'));
  expect(f.status).toBe(201);
  const db = h.database.db;
  const stored = await db.selectFrom('questionnaires').select('definition').where('id', '=', q.json.id).executeTakeFirstOrThrow();
  await db
    .updateTable('questionnaires')
    .set({ definition: rename(rename(stored.definition, 'sk'), 'qk') })
    .where('id', '=', q.json.id)
    .execute();
  const flow = await db.selectFrom('flows').select('definition').where('id', '=', f.json.id).executeTakeFirstOrThrow();
  await db
    .updateTable('flows')
    .set({ definition: rename(flow.definition, 'ck') })
    .where('id', '=', f.json.id)
    .execute();
  return f.json.id;
}

const valuesOf = (names: string[], value: (name: string) => string) => Object.fromEntries(names.map((name) => [name, { value: value(name) }]));

describeEachDialect('every write path keyed by a user-chosen name, with every reserved name', (h) => {
  it('refuses each reserved name where keys are defined, with a 400 naming the field', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const existing = await call('POST', '/v1/questionnaires/', partner.auth, oneQuestion('existing', 's', 'q'));
    const questionnaires = await h().database.db.selectFrom('questionnaires').select('id').where('partner_id', '=', partner.partnerId).execute();
    for (const name of RESERVED) {
      const refusals: Array<[Promise<{ status: number; json: any }>, string]> = [
        [call('POST', '/v1/questionnaires/', partner.auth, oneQuestion(`s${name.length}`, name, 'q')), 'sections.0.key'],
        [call('POST', '/v1/questionnaires/', partner.auth, oneQuestion(`q${name.length}`, 's', name)), 'sections.0.questions.0.key'],
        [call('PUT', `/v1/questionnaires/${existing.json.id}/`, partner.auth, oneQuestion('existing', name, 'q')), 'sections.0.key'],
        [
          call('POST', '/v1/flows/', partner.auth, { name: 'F', fieldsCustom: [{ field: { key: name, title: 'C', type: 'TEXT' } }] }),
          'fieldsCustom.0.field.key',
        ],
        [
          call('POST', '/v1/flows/', partner.auth, {
            name: 'F',
            beneficiaries: [
              {
                beneficiaryType: 'UBO',
                applicants: [{ applicantType: 'INDIVIDUAL', fields: [], fieldsCustom: [{ field: { key: name, title: 'C', type: 'TEXT' } }] }],
              },
            ],
          }),
          'beneficiaries.0.applicants.0.fieldsCustom.0.field.key',
        ],
        [
          call('POST', '/v1/webhooks/', partner.auth, { url: 'https://hooks.example.com/kyb', eventTypes: ['COMPANY_SUBMIT'], headers: { [name]: 'x' } }),
          `headers.${name}`,
        ],
      ];
      for (const [pending, field] of refusals) {
        const refused = await pending;
        expect(refused.status, `${name} at ${field}`).toBe(400);
        // A `__proto__` header is a JSON key, which the body parser refuses before any field is read.
        const isJsonKey = name === '__proto__' && field.startsWith('headers');
        expect(refused.json.identifier).toBe(isJsonKey ? 'JSON_ERROR' : 'VALIDATION_ERROR');
        if (!isJsonKey) expect(refused.json.message[field], `${name} at ${field}`).toEqual([expect.stringContaining('reserved name')]);
      }
      const unknown = await api(h()).createToken(partner, JSON.parse(`{"tokenType":"FORM","clientId":"c",${JSON.stringify(name)}:1}`));
      expect(unknown.status, name).toBe(400);
    }
    expect(await h().database.db.selectFrom('questionnaires').select('id').where('partner_id', '=', partner.partnerId).execute()).toEqual(questionnaires);
    expect(await h().database.db.selectFrom('flows').select('id').where('partner_id', '=', partner.partnerId).execute()).toEqual([]);
    expect(await h().database.db.selectFrom('webhook_endpoints').select('id').where('partner_id', '=', partner.partnerId).execute()).toEqual([]);
    expectPristineBuiltIns();
  });

  it('stores, merges and checks answers and custom values keyed by each reserved name, for their owner only', async () => {
    const call = api(h()).call;
    const a = await h().partner('A');
    const b = await h().partner('B');
    const flowA = await storedReservedFlow(h(), a);
    const flowB = await storedReservedFlow(h(), b);
    const open = async (partner: TestPartner, flow: string) => {
      const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', flow });
      expect(token.status).toBe(201);
      return { bearer: `Bearer ${token.json.tokenString}`, form: `/kyb/forms/${token.json.companyId}/` };
    };
    const sa = await open(a, flowA);
    const sb = await open(b, flowB);

    // Custom values: create, merge (PATCH), replace (PUT), on the company and on a beneficiary.
    const company = { companyName: 'Acme', country: 'LT', additionalInfo: valuesOf(SENDABLE, (n) => `A:${n}`) };
    const created = await call('POST', '/kyb/forms/', sa.bearer, { company });
    expect(created.status).toBe(201);
    for (const name of SENDABLE) expect(Object.hasOwn(created.json.company.additionalInfo, name), name).toBe(true);
    expect(created.json.company.additionalInfo.toString).toEqual({ title: 'C', type: 'TEXT', value: 'A:toString' });
    const patched = await call('PATCH', sa.form, sa.bearer, { company: { additionalInfo: { valueOf: { value: 'merged' } } } });
    expect(patched.status).toBe(200);
    expect(patched.json.company.additionalInfo.valueOf.value).toBe('merged');
    expect(patched.json.company.additionalInfo.constructor.value).toBe('A:constructor');
    expect((await call('PUT', sa.form, sa.bearer, { company })).status).toBe(200);
    const ubo = await call('POST', `${sa.form}beneficiaries/`, sa.bearer, {
      beneficiaryType: 'UBO',
      info: { infoType: 'INDIVIDUAL', name: 'Ona', surname: 'O', additionalInfo: valuesOf(SENDABLE, (n) => `U:${n}`) },
    });
    expect(ubo.status).toBe(201);
    expect(ubo.json.info.additionalInfo.hasOwnProperty.value).toBe('U:hasOwnProperty');
    const uboPatched = await call('PATCH', `${sa.form}beneficiaries/${ubo.json.id}/`, sa.bearer, {
      info: { infoType: 'INDIVIDUAL', additionalInfo: { isPrototypeOf: { value: 'merged' } } },
    });
    expect(uboPatched.status).toBe(200);
    expect(uboPatched.json.info.additionalInfo.isPrototypeOf.value).toBe('merged');
    expect(uboPatched.json.info.additionalInfo.toLocaleString.value).toBe('U:toLocaleString');
    const proto = await call('POST', '/kyb/forms/', sb.bearer, `{"company":{"companyName":"B","country":"LT","additionalInfo":{"__proto__":{"value":"x"}}}}`);
    expect(proto.status).toBe(400);

    // Answers: every section and question named after a reserved name, and conditions reading them.
    const [listed] = (await call('GET', `${sa.form}questionnaires/`, sa.bearer)).json;
    const answers = `${sa.form}questionnaires/${listed.id}/answers/`;
    // The body parser also refuses `{"constructor": {"prototype": ...}}` (constructor poisoning).
    const sendable = (s: string, q: string) => !(s === 'constructor' && q === 'prototype');
    const sections = Object.fromEntries(
      SENDABLE.map((s) => [
        s,
        valuesOf(
          SENDABLE.filter((q) => sendable(s, q)),
          (q) => (s === q ? 'yes' : `${s}.${q}`),
        ),
      ]),
    );
    // Draft: the `__proto__` section cannot be sent in JSON, so the answers stay incomplete.
    const put = await call('PUT', `${answers}?draft=true`, sa.bearer, { sections: { ...sections, dependent: { d0: { value: 'asked' } } } });
    expect(put.status, put.text.slice(0, 500)).toBe(200);
    expect((await call('GET', answers, sa.bearer)).json).toEqual(put.json);
    for (const s of SENDABLE)
      for (const q of SENDABLE.filter((q) => sendable(s, q))) expect(put.json.sections[s][q], `${s}.${q}`).toEqual({ value: s === q ? 'yes' : `${s}.${q}` });
    const unknownSection = await call('PUT', `${answers}?draft=true`, sa.bearer, {
      sections: Object.fromEntries(SENDABLE.map((s) => [s, { nope: { value: 'x' } }])),
    });
    expect(unknownSection.status).toBe(400);
    const display = await call('GET', `${sa.form}questionnaires/answers/detail/`, a.auth);
    expect(display.status).toBe(200);
    expect(display.json[0].sections.at(-1).questions.map((q: { key: string }) => q.key)).toEqual(
      RESERVED.map((name, i) => `d${i}`).filter((_, i) => RESERVED[i] !== '__proto__'),
    );

    // Another partner with the same keys reads nothing of A's, and submit finds each key missing.
    const bCreated = await call('POST', '/kyb/forms/', sb.bearer, { company: { companyName: 'B', country: 'LV' } });
    expect(bCreated.status).toBe(201);
    expect(JSON.stringify(bCreated.json)).not.toContain('A:');
    const [listedB] = (await call('GET', `${sb.form}questionnaires/`, sb.bearer)).json;
    const bAnswers = `${sb.form}questionnaires/${listedB.id}/answers/`;
    expect((await call('PUT', `${bAnswers}?draft=true`, sb.bearer, { sections: {} })).json).toEqual({ sections: {} });
    const bDisplay = await call('GET', `${sb.form}questionnaires/answers/detail/`, b.auth);
    expect(JSON.stringify(bDisplay.json)).not.toMatch(/yes|A:/);
    expect(bDisplay.json[0].sections.at(-1).questions).toEqual([]);
    const submit = await call('POST', `${sb.form}submit/`, sb.bearer);
    expect(submit.status).toBe(400);
    for (const name of RESERVED) {
      expect(submit.json.message[`company.additionalInfo.${name}`], name).toEqual(['this field is required']);
      expect(submit.json.message[`questionnaires.reserved.${name}.${name}`], name).toEqual(['this question is required']);
    }
    expectPristineBuiltIns();
    await expectOtherPartnerWorks(h());
  });
});
