import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { contractErrors } from '../../../../test/contract.js';
import { flowBody, questionnaireBody, themeBody } from '../../../../test/fixtures.js';
import { describeEachDialect } from '../../../../test/harness.js';

const KINDS = [
  { path: '/v1/flows/', body: () => flowBody(), change: { name: 'Renamed flow' } },
  { path: '/v1/themes/', body: () => themeBody(), change: { name: 'Renamed theme' } },
  { path: '/v1/questionnaires/', body: () => questionnaireBody(), change: { name: 'Renamed' } },
];

describeEachDialect('catalog: flows, themes, questionnaires', (h) => {
  it.each(KINDS)('$path supports create, list, retrieve, replace and delete', async ({ path, body, change }) => {
    const partner = await h().partner();
    const call = api(h()).call;
    const created = await call('POST', path, partner.auth, body());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ...body(), id: expect.any(String) });
    const item = `${path}${created.json.id}/`;
    expect((await call('GET', path, partner.auth)).json.map((e: { id: string }) => e.id)).toEqual([created.json.id]);
    expect((await call('GET', item, partner.auth)).json).toEqual(created.json);
    const replaced = await call('PUT', item, partner.auth, { ...body(), ...change });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject(change);
    expect((await call('GET', item, partner.auth)).json).toMatchObject(change);
    expect((await call('DELETE', item, partner.auth)).status).toBe(204);
    expect((await call('GET', item, partner.auth)).status).toBe(404);
    expect((await call('GET', path, partner.auth)).json).toEqual([]);
  });

  it.each(KINDS)("$path hides one partner's objects from another (404, and not listed)", async ({ path, body }) => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    const call = api(h()).call;
    const created = await call('POST', path, a.auth, body());
    const item = `${path}${created.json.id}/`;
    expect((await call('GET', item, b.auth)).status).toBe(404);
    expect((await call('PUT', item, b.auth, body())).status).toBe(404);
    expect((await call('DELETE', item, b.auth)).status).toBe(404);
    expect((await call('GET', path, b.auth)).json).toEqual([]);
    expect((await call('GET', item, a.auth)).status).toBe(200);
  });

  it("stores a questionnaire whose shape satisfies iDenfy's Questionnaire schema", async () => {
    const partner = await h().partner();
    const created = await api(h()).call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody());
    expect(contractErrors('Questionnaire', created.json)).toEqual([]);
    expect(created.json.type).toBe('KYB');
  });

  it.each([
    ['a colour that is not hex', { colors: { primary: 'red' } }, 'colors.primary', 'must be a hex colour such as #1a2b3c or #abc'],
    ['a 4-digit hex colour', { colors: { border: '#abcd' } }, 'colors.border', 'must be a hex colour such as #1a2b3c or #abc'],
    ['an unknown colour', { colors: { accent: '#fff' } }, 'colors.accent', 'unknown field'],
    ['a javascript: logo', { logo: 'javascript:alert(1)' }, 'logo', 'must be an http or https URL'],
    ['a font that is no URI', { font: 'not a uri' }, 'font', 'must be a valid uri'],
    ['a company name of 33 characters', { companyName: 'c'.repeat(33) }, 'companyName', 'must be at most 32 characters'],
    ['a bad support e-mail', { supportEmail: 'nope' }, 'supportEmail', 'must be a valid email'],
  ])('rejects a theme with %s', async (_name, change, field, message) => {
    const partner = await h().partner();
    const res = await api(h()).call('POST', '/v1/themes/', partner.auth, themeBody(change));
    expect(res.status).toBe(400);
    expect(res.json.message[field]).toContain(message);
  });

  it.each([
    ['a company document type that cannot be uploaded', { documents: [{ docType: 'IDENTITY_DOCUMENT' }] }, 'documents.0.docType'],
    ['the same company field twice', { fields: [{ field: 'TIN' }, { field: 'TIN' }] }, 'fields.1'],
    ['a SELECT custom field without choices', { fieldsCustom: [{ field: { key: 'k', title: 'K', type: 'SELECT' } }] }, 'fieldsCustom.0.field.choices'],
    ['an unknown company field', { fields: [{ field: 'NICKNAME' }] }, 'fields.0.field'],
    ['a threshold above 100', { ownershipPercentageThreshold: 100.5 }, 'ownershipPercentageThreshold'],
    [
      'an applicant with an unknown type',
      { beneficiaries: [{ beneficiaryType: 'UBO', applicants: [{ applicantType: 'TRUST', fields: [] }] }] },
      'beneficiaries.0.applicants.0.applicantType',
    ],
    [
      'an individual document type on a company applicant',
      { beneficiaries: [{ beneficiaryType: 'UBO', applicants: [{ applicantType: 'COMPANY', fields: [], documents: [{ docType: 'IDENTITY_DOCUMENT' }] }] }] },
      'beneficiaries.0.applicants.0.documents.0.docType',
    ],
    ['an unknown questionnaire key', { questionnaire: 'missing' }, 'questionnaire'],
  ])('rejects a flow with %s', async (_name, change, field) => {
    const partner = await h().partner();
    const res = await api(h()).call('POST', '/v1/flows/', partner.auth, flowBody(change));
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.message)).toContain(field);
  });

  it.each([
    ['a condition that does not parse', (q: any) => (q.sections[0].questions[1].condition = 'handlesCash =='), 'sections.0.questions.1.condition'],
    ['a condition on a later question', (q: any) => (q.sections[0].questions[0].condition = 'markets contains "LT"'), 'sections.0.questions.0.condition'],
    ['a condition on an unknown question', (q: any) => (q.sections[1].condition = 'activity.nothing'), 'sections.1.condition'],
    ['a RADIO question without choices', (q: any) => delete q.sections[0].questions[3].choices, 'sections.0.questions.3.choices'],
    ['duplicate section keys', (q: any) => (q.sections[1].key = 'activity'), 'sections.1.key'],
    ['an unknown question type', (q: any) => (q.sections[0].questions[0].type = 'SLIDER'), 'sections.0.questions.0.type'],
    ['a key with spaces', (q: any) => (q.key = 'my key'), 'key'],
  ])('rejects a questionnaire with %s', async (_name, mutate, field) => {
    const partner = await h().partner();
    const body = questionnaireBody();
    mutate(body);
    const res = await api(h()).call('POST', '/v1/questionnaires/', partner.auth, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.message)).toContain(field);
  });

  it('keeps questionnaire keys unique per partner, and frees a deleted one', async () => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    const call = api(h()).call;
    const first = await call('POST', '/v1/questionnaires/', a.auth, questionnaireBody('kyb'));
    const clash = await call('POST', '/v1/questionnaires/', a.auth, questionnaireBody('kyb'));
    expect(clash.status).toBe(400);
    expect(clash.json.message.key).toEqual(['a questionnaire with key "kyb" already exists']);
    expect((await call('POST', '/v1/questionnaires/', b.auth, questionnaireBody('kyb'))).status).toBe(201);
    expect((await call('PUT', `/v1/questionnaires/${first.json.id}/`, a.auth, questionnaireBody('kyb'))).status).toBe(200);
    await call('DELETE', `/v1/questionnaires/${first.json.id}/`, a.auth);
    expect((await call('POST', '/v1/questionnaires/', a.auth, questionnaireBody('kyb'))).status).toBe(201);
  });

  it('refuses to delete what a default or a flow still uses, with 409', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const q = await call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody('q1'));
    const flow = await call('POST', '/v1/flows/', partner.auth, flowBody({ questionnaire: 'q1' }));
    const used = await call('DELETE', `/v1/questionnaires/${q.json.id}/`, partner.auth);
    expect(used.status).toBe(409);
    expect(used.json.message).toContain(flow.json.id);
    await call('PATCH', '/v1/settings/', partner.auth, { defaultFlow: flow.json.id });
    expect((await call('DELETE', `/v1/flows/${flow.json.id}/`, partner.auth)).status).toBe(409);
    await call('PATCH', '/v1/settings/', partner.auth, { defaultFlow: null });
    expect((await call('DELETE', `/v1/flows/${flow.json.id}/`, partner.auth)).status).toBe(204);
    expect((await call('DELETE', `/v1/questionnaires/${q.json.id}/`, partner.auth)).status).toBe(204);
  });

  it('keeps a custom field id stable when a flow is saved again', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const created = await call('POST', '/v1/flows/', partner.auth, flowBody());
    const id = created.json.fieldsCustom[0].field.id;
    const { id: _id, createdAt: _c, updatedAt: _u, ...again } = created.json;
    const replaced = await call('PUT', `/v1/flows/${created.json.id}/`, partner.auth, again);
    expect(replaced.json.fieldsCustom[0].field.id).toBe(id);
  });
});
