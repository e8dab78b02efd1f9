import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { flowBody, questionnaireBody } from '../../../../test/fixtures.js';
import { describeEachDialect } from '../../../../test/harness.js';

describeEachDialect('/v1/settings/', (h) => {
  it('starts with no defaults and sets and clears them', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    expect((await call('GET', '/v1/settings/', partner.auth)).json).toEqual({
      defaultFlow: null,
      defaultTheme: null,
      defaultQuestionnaire: null,
      statusOnSubmit: 'NEED_TO_REVIEW',
      submitRedirectUrl: null,
    });
    const flow = await call('POST', '/v1/flows/', partner.auth, flowBody());
    await call('POST', '/v1/questionnaires/', partner.auth, questionnaireBody('dq'));
    const set = await call('PATCH', '/v1/settings/', partner.auth, { defaultFlow: flow.json.id, defaultQuestionnaire: 'dq' });
    expect(set.json).toMatchObject({ defaultFlow: flow.json.id, defaultTheme: null, defaultQuestionnaire: 'dq' });
    const cleared = await call('PATCH', '/v1/settings/', partner.auth, {
      defaultQuestionnaire: null,
      statusOnSubmit: 'NEED_TO_PROCESS',
      submitRedirectUrl: 'https://acme.example/kyb-done',
    });
    expect(cleared.json).toEqual({
      defaultFlow: flow.json.id,
      defaultTheme: null,
      defaultQuestionnaire: null,
      statusOnSubmit: 'NEED_TO_PROCESS',
      submitRedirectUrl: 'https://acme.example/kyb-done',
    });
    const bad = await call('PATCH', '/v1/settings/', partner.auth, { statusOnSubmit: 'COMPLETED', submitRedirectUrl: 'javascript:alert(1)' });
    expect(Object.keys(bad.json.message).sort()).toEqual(['statusOnSubmit', 'submitRedirectUrl']);
  });

  it("refuses another partner's flow as a default, and unknown fields, changing nothing", async () => {
    const a = await h().partner('A');
    const b = await h().partner('B');
    const call = api(h()).call;
    const flow = await call('POST', '/v1/flows/', a.auth, flowBody());
    const res = await call('PATCH', '/v1/settings/', b.auth, { defaultFlow: flow.json.id });
    expect(res.status).toBe(400);
    expect(res.json.message.defaultFlow).toEqual([`no flow with id "${flow.json.id}"`]);
    expect((await call('PATCH', '/v1/settings/', b.auth, { statusOnSubmitt: 'X' })).status).toBe(400);
    expect((await call('GET', '/v1/settings/', b.auth)).json.defaultFlow).toBeNull();
  });
});
