import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { companyBody, startSession } from '../../../../../test/kyb.js';

describeEachDialect('/kyb/forms/', (h) => {
  it('creates the form on the reserved company, lists it for the token, and returns it to token and partner alike', async () => {
    const s = await startSession(h(), { createForm: false });
    const call = api(h()).call;
    const created = await call('POST', '/kyb/forms/', s.bearer, { company: companyBody() });
    expect(created.status).toBe(201);
    expect(created.json.company).toMatchObject({ companyName: 'Acme Payments UAB', country: 'LT', city: null, brandNames: ['AcmePay'] });
    expect(created.json.company.additionalInfo).toEqual({ industry: { title: 'Industry', type: 'SELECT', value: 'it' } });
    const listed = await call('GET', '/kyb/forms/', s.bearer);
    expect(listed.json).toHaveLength(1);
    expect(contractErrors('KybFormList', listed.json[0])).toEqual([]);
    const byToken = await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer);
    const byPartner = await call('GET', `/kyb/forms/${s.companyId}/`, s.partner.auth);
    expect(byPartner.json).toEqual(byToken.json);
    expect(contractErrors('KybForm', byToken.json)).toEqual([]);
    expect((await call('POST', '/kyb/forms/', s.bearer, { company: companyBody() })).status).toBe(409);
  });

  it('creates nested documents and beneficiaries with the form, or nothing when one is invalid', async () => {
    const s = await startSession(h(), { flow: null, createForm: false });
    const call = api(h()).call;
    const bad = await call('POST', '/kyb/forms/', s.bearer, {
      company: companyBody({ additionalInfo: {} }),
      beneficiaries: [{ beneficiaryType: 'CEO', info: { infoType: 'INDIVIDUAL', name: 'A', surname: 'B' } }],
      documents: [{ type: 'OTHER', file: Buffer.from('<html>').toString('base64') }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.message)).toEqual(['documents.0.file']);
    expect((await call('GET', '/kyb/forms/', s.bearer)).json).toEqual([]);
    const rows = await h().database.db.selectFrom('beneficiaries').select('id').where('company_id', '=', s.companyId).execute();
    expect(rows).toEqual([]);
  });

  it('PATCH merges company fields, PUT replaces them', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const patched = await call('PATCH', `/kyb/forms/${s.companyId}/`, s.bearer, { company: { city: 'Vilnius' }, clientSystem: { timeZone: 'Europe/Vilnius' } });
    expect(patched.status).toBe(200);
    expect(patched.json.company).toMatchObject({ companyName: 'Acme Payments UAB', city: 'Vilnius' });
    expect(contractErrors('KybFormUpdate', patched.json)).toEqual([]);
    const put = await call('PUT', `/kyb/forms/${s.companyId}/`, s.bearer, { company: { companyName: 'New Name', country: 'EE' } });
    expect(put.json.company).toMatchObject({ companyName: 'New Name', country: 'EE', city: null, registrationNumber: null, brandNames: [] });
    expect(put.json.clientSystem).toEqual({ ipAddress: null, timeZone: 'Europe/Vilnius' });
  });

  it.each([
    [{ companyName: '' }, 'company.companyName', 'must not be empty'],
    [{ companyName: 'n'.repeat(201) }, 'company.companyName', 'must be at most 200 characters'],
    [{ country: 'XX' }, 'company.country', 'must be one of:'],
    [{ phone: '060000000' }, 'company.phone', 'must be a phone number in E.164 format'],
    [{ email: 'not-an-email' }, 'company.email', 'must be a valid email'],
    [{ website: 'acme.example' }, 'company.website', 'must be a valid uri'],
    [{ region: 'ABC' }, 'company.region', 'must be at most 2 characters'],
    [{ brandNames: Array.from({ length: 11 }, (_, i) => `b${i}`) }, 'company.brandNames', 'must have at most 10 items'],
    [{ activityCode: '123456789' }, 'company.activityCode', 'must be at most 8 characters'],
    [{ tin: 't'.repeat(33) }, 'company.tin', 'must be at most 32 characters'],
    [{ additionalInfo: { industry: { value: 'farming' } } }, 'company.additionalInfo.industry', 'must be one of: it'],
    [{ additionalInfo: { unknown: { value: 1 } } }, 'company.additionalInfo.unknown', 'is not a custom field of this form'],
    [{ nickname: 'Acme' }, 'company.nickname', 'unknown field'],
  ])('rejects company %j and changes nothing', async (change, field, message) => {
    const s = await startSession(h());
    const call = api(h()).call;
    const before = (await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer)).json;
    const res = await call('PUT', `/kyb/forms/${s.companyId}/`, s.bearer, { company: companyBody(change) });
    expect(res.status).toBe(400);
    expect(res.json.message[field]?.join(' ')).toContain(message);
    expect((await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer)).json).toEqual(before);
  });

  it('lets the partner pre-fill read-only fields and refuses the client changing them', async () => {
    const s = await startSession(h(), {
      flow: {
        fields: [
          { field: 'COMPANY_NAME', required: true },
          { field: 'REGISTRATION_NUMBER', readOnly: true },
        ],
      },
    });
    const call = api(h()).call;
    const url = `/kyb/forms/${s.companyId}/`;
    expect((await call('PATCH', url, s.partner.auth, { company: { registrationNumber: 'R-1' } })).status).toBe(200);
    const byClient = await call('PATCH', url, s.bearer, { company: { registrationNumber: 'R-2' } });
    expect(byClient.status).toBe(400);
    expect(byClient.json.message['company.registrationNumber']).toEqual(['is read-only in this form']);
    expect((await call('PATCH', url, s.bearer, { company: { registrationNumber: 'R-1', city: 'Kaunas' } })).status).toBe(200);
  });

  it('keeps forms apart: another token or another partner gets 404, and token-only operations refuse the key pair', async () => {
    const a = await startSession(h(), { flow: null });
    const b = await startSession(h(), { flow: null });
    const call = api(h()).call;
    for (const [auth, id] of [
      [b.bearer, a.companyId],
      [b.partner.auth, a.companyId],
    ] as const) {
      expect((await call('GET', `/kyb/forms/${id}/`, auth)).status).toBe(404);
      expect((await call('PATCH', `/kyb/forms/${id}/`, auth, { company: { city: 'X' } })).status).toBe(404);
    }
    expect((await call('GET', '/kyb/forms/', a.partner.auth)).status).toBe(401);
    expect((await call('POST', '/kyb/forms/', a.partner.auth, { company: companyBody() })).status).toBe(401);
    expect((await call('GET', `/kyb/forms/${a.companyId}/`, null)).status).toBe(401);
    expect((await call('GET', '/kyb/forms/not-a-uuid/', a.bearer)).status).toBe(404);
  });

  it('answers 404 for a form that was not created yet', async () => {
    const s = await startSession(h(), { flow: null, createForm: false });
    expect((await api(h()).call('GET', `/kyb/forms/${s.companyId}/`, s.partner.auth)).status).toBe(404);
  });

  it('PATCH leaves fields it does not name alone, brand names included', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    await call('PATCH', `/kyb/forms/${s.companyId}/`, s.bearer, { company: { city: 'Vilnius' } });
    expect((await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer)).json.company).toMatchObject({ brandNames: ['AcmePay'], city: 'Vilnius' });
    const empty = await h().app.inject({ method: 'PATCH', url: `/kyb/forms/${s.companyId}/`, headers: { authorization: s.bearer } });
    expect(empty.statusCode).toBe(200);
  });

  it('takes back what a GET returned: read-only fields and custom-field titles are ignored', async () => {
    const s = await startSession(h());
    const call = api(h()).call;
    const form = (await call('GET', `/kyb/forms/${s.companyId}/`, s.bearer)).json;
    const put = await call('PUT', `/kyb/forms/${s.companyId}/`, s.bearer, form);
    expect(put.status).toBe(200);
    expect(put.json.company).toEqual(form.company);
  });

  it('treats an empty body as no body, whatever its content type', async () => {
    const s = await startSession(h(), { flow: null });
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      const other = await startSession(h(), { flow: null, partner: s.partner });
      const res = await h().app.inject({
        method: 'POST',
        url: `/kyb/forms/${other.companyId}/submit/`,
        headers: { authorization: other.bearer, 'content-type': type },
        payload: '',
      });
      expect(res.statusCode, type).toBe(200);
    }
    const form = await h().app.inject({
      method: 'POST',
      url: `/kyb/forms/${s.companyId}/submit/`,
      headers: { authorization: s.bearer, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(form.statusCode).toBe(415);
  });
});
