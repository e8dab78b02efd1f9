import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { questionnaireBody } from '../../../../test/fixtures.js';
import { describeEachDialect } from '../../../../test/harness.js';

describeEachDialect('GET /v1/session/', (h) => {
  it('says whether the session has a questionnaire before the form exists, so the form can count its steps from the start', async () => {
    const partner = await h().partner();
    expect((await api(h()).call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody('aml'))).status).toBe(201);
    const withQuestionnaire = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: 'aml' });
    const without = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: null });
    const session = (token: string) => api(h()).call('GET', '/v1/session/', `Bearer ${token}`);
    const first = await session(withQuestionnaire.json.tokenString);
    expect(first.status).toBe(200);
    expect(first.json.hasQuestionnaire).toBe(true);
    expect((await session(without.json.tokenString)).json.hasQuestionnaire).toBe(false);
  });
});
