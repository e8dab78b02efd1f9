import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { flowBody, questionnaireBody, themeBody } from '../../../../../test/fixtures.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../../../test/harness.js';

async function storedQuestionnaireKey(h: Harness, companyId: string): Promise<string | null> {
  const row = await h.database.db
    .selectFrom('kyb_tokens')
    .leftJoin('questionnaires', 'questionnaires.id', 'kyb_tokens.questionnaire_id')
    .select('questionnaires.key')
    .where('kyb_tokens.company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  return row.key;
}

async function setUp(h: Harness): Promise<{ partner: TestPartner; flowId: string; flowWithout: string }> {
  const partner = await h.partner();
  const call = api(h).call;
  await call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody('default-q'));
  await call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody('named-q'));
  await call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody('flow-q'));
  const flow = await call('POST', '/v1/flows/', partner.auth, flowBody({ questionnaire: 'flow-q' }));
  const flowWithout = await call('POST', '/v1/flows/', partner.auth, flowBody({ name: 'No questionnaire' }));
  await call('PATCH', '/v1/settings/', partner.auth, { defaultQuestionnaire: 'default-q' });
  return { partner, flowId: flow.json.id, flowWithout: flowWithout.json.id };
}

describeEachDialect('questionnaire, flow and theme of a token', (h) => {
  it('uses the partner default questionnaire when the key is omitted, none for null, the named one otherwise', async () => {
    const { partner } = await setUp(h());
    const omitted = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c' });
    const none = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: null });
    const named = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', questionnaire: 'named-q' });
    expect(await storedQuestionnaireKey(h(), omitted.json.companyId)).toBe('default-q');
    expect(await storedQuestionnaireKey(h(), none.json.companyId)).toBeNull();
    expect(await storedQuestionnaireKey(h(), named.json.companyId)).toBe('named-q');
  });

  it("lets the flow decide the questionnaire, ignoring the token's key", async () => {
    const { partner, flowId, flowWithout } = await setUp(h());
    const withFlow = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', flow: flowId, questionnaire: 'named-q' });
    const flowHasNone = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', flow: flowWithout, questionnaire: 'named-q' });
    expect(withFlow.json.flow).toBe(flowId);
    expect(await storedQuestionnaireKey(h(), withFlow.json.companyId)).toBe('flow-q');
    expect(await storedQuestionnaireKey(h(), flowHasNone.json.companyId)).toBeNull();
  });

  it('applies the default flow and theme when omitted, and none when null', async () => {
    const { partner, flowId } = await setUp(h());
    const theme = await api(h()).call('POST', '/v1/themes/', partner.auth, themeBody());
    await api(h()).call('PATCH', '/v1/settings/', partner.auth, { defaultFlow: flowId, defaultTheme: theme.json.id });
    const omitted = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c' });
    expect(omitted.json).toMatchObject({ flow: flowId, theme: theme.json.id });
    expect(await storedQuestionnaireKey(h(), omitted.json.companyId)).toBe('flow-q');
    const explicitNull = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: 'c', flow: null, theme: null });
    expect(explicitNull.json).toMatchObject({ flow: null, theme: null });
    expect(await storedQuestionnaireKey(h(), explicitNull.json.companyId)).toBe('default-q');
  });
});
