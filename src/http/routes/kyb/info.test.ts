import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { contractErrors } from '../../../../test/contract.js';
import { flowBody, themeBody } from '../../../../test/fixtures.js';
import { describeEachDialect } from '../../../../test/harness.js';
import { TOKEN_REFUSAL } from '../../../shared/token-refusal.js';

describeEachDialect('GET /kyb/info/', (h) => {
  it('returns locale, theme and flow of the token', async () => {
    const partner = await h().partner();
    const flow = await api(h()).call('POST', '/v1/flows/', partner.auth, flowBody());
    const theme = await api(h()).call('POST', '/v1/themes/', partner.auth, themeBody());
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', locale: 'lt', flow: flow.json.id, theme: theme.json.id });
    const res = await api(h()).info(token.json.tokenString);
    expect(res.status).toBe(200);
    expect(contractErrors('KybInfo', res.json)).toEqual([]);
    expect(res.json.locale).toBe('lt');
    const { name: _name, ...themeCore } = themeBody();
    expect(res.json.theme).toEqual(themeCore);
    expect(res.json.flow.fields).toEqual(flowBody().fields.map((f) => ({ ...f, readOnly: false })));
    expect(res.json.flow.fieldsCustom[0].field.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json.flow.beneficiaries[0].applicants[0].applicantType).toBe('INDIVIDUAL');
    expect(res.json.flow).not.toHaveProperty('name');
  });

  it('returns null theme and flow when the token has none', async () => {
    const partner = await h().partner();
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c' });
    const res = await api(h()).info(token.json.tokenString);
    expect(res.json).toEqual({ locale: null, theme: null, flow: null });
    expect(contractErrors('KybInfo', res.json)).toEqual([]);
  });

  it('gives GOV1 and GOV2 sessions their register mode in `registry`, the other fields as for FORM', async () => {
    const partner = await h().partner();
    for (const tokenType of ['GOV1', 'GOV2']) {
      const token = await api(h()).createToken(partner, { tokenType, clientId: 'c', locale: 'de' });
      const { registry, ...rest } = (await api(h()).info(token.json.tokenString)).json;
      expect(rest).toEqual({ locale: 'de', theme: null, flow: null });
      expect(contractErrors('KybInfo', rest)).toEqual([]);
      expect(registry).toEqual({ mode: tokenType, searchRequired: true, company: null, lockedFields: [], lockedBeneficiaries: [], proposedBeneficiaries: [] });
    }
  });

  it('keeps serving a flow that was deleted after the token was issued', async () => {
    const partner = await h().partner();
    const flow = await api(h()).call('POST', '/v1/flows/', partner.auth, flowBody());
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', flow: flow.json.id });
    await api(h()).call('DELETE', `/v1/flows/${flow.json.id}/`, partner.auth);
    expect((await api(h()).info(token.json.tokenString)).json.flow.fields).toMatchObject(flowBody().fields);
  });

  it('refuses unknown, expired and deactivated tokens with 401 AUTHENTICATION_FAILED, saying which', async () => {
    const partner = await h().partner();
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', lifetime: 60 });
    const deactivated = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c' });
    await h().database.db.updateTable('kyb_tokens').set({ deactivated_at: h().clock.now() }).where('company_id', '=', deactivated.json.companyId).execute();
    const unknown = await api(h()).info('x'.repeat(40));
    expect((await api(h()).info(token.json.tokenString)).status).toBe(200);
    h().clock.advance(60_000);
    const expired = await api(h()).info(token.json.tokenString);
    const inactive = await api(h()).info(deactivated.json.tokenString);
    expect([unknown, expired, inactive].map((res) => res.json.message)).toEqual([TOKEN_REFUSAL.unknown, TOKEN_REFUSAL.expired, TOKEN_REFUSAL.deactivated]);
    for (const res of [unknown, expired, inactive]) {
      expect(res.status).toBe(401);
      expect(res.json.identifier).toBe('AUTHENTICATION_FAILED');
      expect(contractErrors('KybInfoUnauthorized', res.json)).toEqual([]);
    }
    // The session endpoint answers through the same authentication.
    expect((await api(h()).call('GET', '/v1/session/', `Bearer ${'y'.repeat(40)}`)).json.message).toBe(TOKEN_REFUSAL.unknown);
  });

  it('refuses the partner key pair and a missing header', async () => {
    const partner = await h().partner();
    for (const auth of [partner.auth, null]) {
      const res = await api(h()).call('GET', '/kyb/info/', auth);
      expect(res.status).toBe(401);
      expect(res.json.identifier).toBe('AUTHENTICATION_FAILED');
      expect(contractErrors('KybInfoUnauthorized', res.json)).toEqual([]);
    }
  });
});
