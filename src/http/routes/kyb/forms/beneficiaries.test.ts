import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';

const person = (extra: Record<string, unknown> = {}) => ({ infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraite', ...extra });
const company = (extra: Record<string, unknown> = {}) => ({ infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV', ...extra });

describeEachDialect('/kyb/forms/{companyId}/beneficiaries/', (h) => {
  it('adds, lists, reads, replaces, patches and deletes beneficiaries', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    const created = await call('POST', base, s.bearer, {
      beneficiaryTypes: ['SHAREHOLDER', 'CEO'],
      positions: ['director'],
      formFiller: true,
      ownershipPercentage: 33.33,
      info: person({ dateOfBirth: '1980-02-29', phone: '+37060000001' }),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      beneficiaryType: 'SHAREHOLDER',
      beneficiaryTypes: ['SHAREHOLDER', 'CEO'],
      positions: ['director'],
      formFiller: true,
      ownershipPercentage: 33.33,
      parent: null,
    });
    expect(created.json.info).toMatchObject({ infoType: 'INDIVIDUAL', name: 'Rasa', dateOfBirth: '1980-02-29', email: null, additionalInfo: {} });
    expect(contractErrors('BeneficiaryCreate', created.json)).toEqual([]);
    const item = `${base}${created.json.id}/`;
    expect((await call('GET', base, s.partner.auth)).json).toEqual([created.json]);
    expect(contractErrors('Beneficiary', (await call('GET', item, s.bearer)).json)).toEqual([]);

    const patched = await call('PATCH', item, s.bearer, { info: { infoType: 'INDIVIDUAL', city: 'Vilnius' }, ownershipPercentage: 50 });
    expect(patched.json).toMatchObject({ ownershipPercentage: 50, positions: ['director'], info: { name: 'Rasa', city: 'Vilnius' } });
    const put = await call('PUT', item, s.bearer, { beneficiaryType: 'UBO', info: person({ name: 'Ona' }) });
    expect(put.json).toMatchObject({
      beneficiaryType: 'UBO',
      beneficiaryTypes: ['UBO'],
      positions: [],
      formFiller: false,
      ownershipPercentage: null,
      info: { name: 'Ona', city: null },
    });
    expect((await call('DELETE', item, s.bearer)).status).toBe(204);
    expect((await call('GET', item, s.bearer)).status).toBe(404);
  });

  it('keeps the legacy beneficiaryType the first of beneficiaryTypes', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    const both = await call('POST', base, s.bearer, { beneficiaryType: 'UBO', beneficiaryTypes: ['CEO', 'UBO'], info: person() });
    expect(both.json).toMatchObject({ beneficiaryType: 'UBO', beneficiaryTypes: ['UBO', 'CEO'] });
    const conflicting = await call('POST', base, s.bearer, { beneficiaryType: 'ABO', beneficiaryTypes: ['CEO'], info: person() });
    expect(conflicting.json.message.beneficiaryType).toEqual(['must be one of beneficiaryTypes']);
    const neither = await call('POST', base, s.bearer, { info: person() });
    expect(Object.keys(neither.json.message)).toEqual(['beneficiaryTypes']);
  });

  it('builds a tree under company beneficiaries only, and refuses to delete a company with owners under it', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    const holding = await call('POST', base, s.bearer, { beneficiaryType: 'SHAREHOLDER', info: company() });
    const owner = await call('POST', base, s.bearer, { beneficiaryType: 'UBO', parent: holding.json.id, info: person() });
    expect(owner.json.parent).toBe(holding.json.id);
    const underPerson = await call('POST', base, s.bearer, { beneficiaryType: 'UBO', parent: owner.json.id, info: person() });
    expect(underPerson.json.message.parent).toEqual(['must be a company beneficiary']);
    const unknownParent = await call('POST', base, s.bearer, { beneficiaryType: 'UBO', parent: 'nope', info: person() });
    expect(unknownParent.json.message.parent).toEqual(['no beneficiary with this id in this form']);
    const reparent = await call('PATCH', `${base}${owner.json.id}/`, s.bearer, { parent: null });
    expect(reparent.json.message.parent).toEqual(['cannot change; delete the beneficiary and add it again under the new parent']);
    expect((await call('PATCH', `${base}${owner.json.id}/`, s.bearer, { parent: holding.json.id })).status).toBe(200);
    const refused = await call('DELETE', `${base}${holding.json.id}/`, s.bearer);
    expect(refused.status).toBe(409);
    expect(refused.json.identifier).toBe('CONFLICT');
    await call('DELETE', `${base}${owner.json.id}/`, s.bearer);
    expect((await call('DELETE', `${base}${holding.json.id}/`, s.bearer)).status).toBe(204);
  });

  it('refuses a parent from another form', async () => {
    const a = await startSession(h(), { flow: null });
    const b = await startSession(h(), { flow: null, partner: a.partner });
    const holding = await api(h()).call('POST', `/kyb/forms/${a.companyId}/beneficiaries/`, a.bearer, { beneficiaryType: 'SHAREHOLDER', info: company() });
    const res = await api(h()).call('POST', `/kyb/forms/${b.companyId}/beneficiaries/`, b.bearer, {
      beneficiaryType: 'UBO',
      parent: holding.json.id,
      info: person(),
    });
    expect(res.json.message.parent).toEqual(['no beneficiary with this id in this form']);
  });

  it('follows the flow: allowed types, allowed applicant kinds, typed custom fields', async () => {
    const s = await startSession(h(), {
      flow: {
        beneficiaries: [
          {
            beneficiaryType: 'UBO',
            applicants: [{ applicantType: 'INDIVIDUAL', fields: [], fieldsCustom: [{ field: { key: 'pepRole', title: 'PEP role', type: 'TEXT' } }] }],
          },
          { beneficiaryType: 'CEO', readOnly: true, applicants: [{ applicantType: 'INDIVIDUAL', fields: [] }] },
        ],
      },
    });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    expect((await call('POST', base, s.bearer, { beneficiaryType: 'SHAREHOLDER', info: person() })).json.message.beneficiaryTypes).toEqual([
      'SHAREHOLDER is not part of this form',
    ]);
    expect((await call('POST', base, s.bearer, { beneficiaryType: 'UBO', info: company() })).json.message['info.infoType']).toEqual([
      'a UBO cannot be a company in this form',
    ]);
    expect((await call('POST', base, s.bearer, { beneficiaryType: 'CEO', info: person() })).json.message.beneficiaryTypes).toEqual([
      'CEO entries are read-only in this form',
    ]);
    expect((await call('POST', base, s.partner.auth, { beneficiaryType: 'CEO', info: person() })).status).toBe(201);
    const typed = await call('POST', base, s.bearer, { beneficiaryType: 'UBO', info: person({ additionalInfo: { pepRole: { value: 'Mayor' } } }) });
    expect(typed.json.info.additionalInfo).toEqual({ pepRole: { title: 'PEP role', type: 'TEXT', value: 'Mayor' } });
    const wrong = await call('POST', base, s.bearer, { beneficiaryType: 'UBO', info: person({ additionalInfo: { pepRole: { value: 5 } } }) });
    expect(wrong.json.message['info.additionalInfo.pepRole']).toEqual(['must be text of at most 100 characters']);
  });

  it.each([
    [{ info: person({ name: '' }) }, 'info.name'],
    [{ info: person({ surname: 's'.repeat(101) }) }, 'info.surname'],
    [{ info: person({ dateOfBirth: '1980-13-01' }) }, 'info.dateOfBirth'],
    [{ info: person({ dateOfBirth: '1981-02-29' }) }, 'info.dateOfBirth'],
    [{ info: person({ dateOfBirth: '1980-04-31' }) }, 'info.dateOfBirth'],
    [{ info: person({ nationality: 'ZZ' }) }, 'info.nationality'],
    [{ info: person({ documentNumber: 'ĄČĘ' }) }, 'info.documentNumber'],
    [{ info: person({ tin: 't'.repeat(21) }) }, 'info.tin'],
    [{ info: person({ phone: '+0123' }) }, 'info.phone'],
    [{ info: { infoType: 'TRUST', name: 'x' } }, 'info.infoType'],
    [{ info: company({ companyName: undefined }) }, 'info.companyName'],
    [{ positions: ['a', 'b', 'c', 'd'], info: person() }, 'positions'],
    [{ positions: ['a,b'], info: person() }, 'positions.0'],
    [{ ownershipPercentage: 100.01, info: person() }, 'ownershipPercentage'],
    [{ ownershipPercentage: -1, info: person() }, 'ownershipPercentage'],
    [{ beneficiaryTypes: [], info: person() }, 'beneficiaryTypes'],
  ])('rejects %j', async (body, field) => {
    const s = await startSession(h(), { flow: null });
    const res = await api(h()).call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, { beneficiaryType: 'UBO', ...body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.message)).toContain(field);
  });

  it("ignores a client's scan ref and keeps the partner's", async () => {
    const s = await startSession(h(), { flow: null });
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    const byClient = await api(h()).call('POST', base, s.bearer, { beneficiaryType: 'UBO', info: person({ scanRef: 'scan-1' }) });
    const byPartner = await api(h()).call('POST', base, s.partner.auth, { beneficiaryType: 'UBO', info: person({ scanRef: 'scan-2' }) });
    const rows = await h().database.db.selectFrom('beneficiaries').select(['id', 'scan_ref']).where('company_id', '=', s.companyId).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.scan_ref]))).toEqual({ [byClient.json.id]: null, [byPartner.json.id]: 'scan-2' });
  });

  it("keeps beneficiaries of one company out of reach of another company's token (404)", async () => {
    const a = await startSession(h(), { flow: null });
    const b = await startSession(h(), { flow: null, partner: a.partner });
    const call = api(h()).call;
    const created = await call('POST', `/kyb/forms/${a.companyId}/beneficiaries/`, a.bearer, { beneficiaryType: 'UBO', info: person() });
    expect((await call('GET', `/kyb/forms/${a.companyId}/beneficiaries/${created.json.id}/`, b.bearer)).status).toBe(404);
    expect((await call('GET', `/kyb/forms/${b.companyId}/beneficiaries/${created.json.id}/`, b.bearer)).status).toBe(404);
    expect((await call('DELETE', `/kyb/forms/${b.companyId}/beneficiaries/${created.json.id}/`, b.bearer)).status).toBe(404);
    const other = await h().partner('Other');
    expect((await call('GET', `/kyb/forms/${a.companyId}/beneficiaries/`, other.auth)).status).toBe(404);
  });

  it('keeps the types on a PUT that names none, and takes back what a GET returned', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    const created = await call('POST', base, s.bearer, { beneficiaryTypes: ['UBO', 'CEO'], info: person() });
    const put = await call('PUT', `${base}${created.json.id}/`, s.bearer, { info: person({ city: 'Riga' }) });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ beneficiaryType: 'UBO', beneficiaryTypes: ['UBO', 'CEO'], info: { city: 'Riga' } });
    const again = await call('PUT', `${base}${created.json.id}/`, s.bearer, put.json);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(put.json);
  });

  it('caps a form at 100 beneficiaries', async () => {
    const s = await startSession(h(), { flow: null });
    const base = `/kyb/forms/${s.companyId}/beneficiaries/`;
    for (let i = 0; i < 100; i += 1) {
      expect((await api(h()).call('POST', base, s.bearer, { beneficiaryType: 'SHAREHOLDER', info: person({ name: `P${i}` }) })).status).toBe(201);
    }
    const over = await api(h()).call('POST', base, s.bearer, { beneficiaryType: 'SHAREHOLDER', info: person() });
    expect(over.status).toBe(400);
    expect(over.json.message).toEqual({ beneficiaries: ['a form holds at most 100 beneficiaries'] });
  });
});
