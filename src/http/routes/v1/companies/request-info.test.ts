import { expect, it } from 'vitest';
import { api, bearer } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { base64, pdfDocument } from '../../../../../test/files.js';
import { questionnaireBody } from '../../../../../test/fixtures.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../../../test/harness.js';
import { companyBody, startSession } from '../../../../../test/kyb.js';
import { startReceiver } from '../../../../../test/webhook-receiver.js';
import { receiverExample } from '../../../../../test/webhooks.js';
import { createWebhookWorker } from '../../../../jobs/webhook-worker.js';

const HOUR = 3600_000;

/** A submitted form (no flow) with a CEO, a UBO, a document and questionnaire answers. */
async function submittedForm(h: Harness, partner?: TestPartner) {
  const p = partner ?? (await h.partner());
  const call = api(h).call;
  const key = `q${Math.random().toString(36).slice(2, 8)}`;
  expect((await call('POST', '/v1/questionnaires/', p.auth, questionnaireBody(key))).status).toBe(201);
  const token = await api(h).createToken(p, { tokenType: 'FORM', clientId: 'client-7', flow: null, questionnaire: key });
  const s = { partner: p, companyId: token.json.companyId as string, bearer: bearer(token.json.tokenString), token: token.json.tokenString as string, key };
  const form = `/kyb/forms/${s.companyId}`;
  expect((await call('POST', '/kyb/forms/', s.bearer, { company: companyBody({ additionalInfo: {} }) })).status).toBe(201);
  const ceo = await call('POST', `${form}/beneficiaries/`, s.bearer, {
    beneficiaryType: 'CEO',
    info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraite' },
  });
  const ubo = await call('POST', `${form}/beneficiaries/`, s.bearer, {
    beneficiaryType: 'UBO',
    ownershipPercentage: 100,
    info: { infoType: 'INDIVIDUAL', name: 'Jonas', surname: 'Jonaitis' },
  });
  expect((await call('POST', `${form}/documents/`, s.bearer, { type: 'INCORPORATION_CERT', file: base64(pdfDocument()) })).status).toBe(201);
  const [questionnaire] = (await call('GET', `${form}/questionnaires/`, s.bearer)).json;
  const answers = `${form}/questionnaires/${questionnaire.id}/answers/`;
  expect((await call('PUT', answers, s.bearer, { sections: { activity: { size: { value: 'small' } } } })).status).toBe(200);
  expect((await call('POST', `${form}/submit/`, s.bearer)).status).toBe(200);
  return { ...s, form, answers, ceoId: ceo.json.id as string, uboId: ubo.json.id as string };
}

const requestInfo = (h: Harness, s: { companyId: string; partner: TestPartner }, body: unknown) =>
  api(h).call('POST', `/v1/companies/${s.companyId}/request-info/`, s.partner.auth, body);

describeEachDialect('request more information (COMPANY_INFO_REQUEST)', (h) => {
  it('sends the form back with only the named items open, signals it by webhook, and takes the re-submission', async () => {
    const receiver = await startReceiver();
    try {
      const s = await submittedForm(h());
      const call = api(h()).call;
      const hook = await call('POST', '/v1/webhooks/', s.partner.auth, { url: `${receiver.url}/kyb`, eventTypes: ['COMPANY_INFO_REQUEST', 'COMPANY_SUBMIT'] });
      expect(hook.status).toBe(201);
      const firstSubmit = h().clock.now();
      h().clock.advance(HOUR);

      const items = ['company.phone', 'documents.PROOF_OF_ADDRESS', `beneficiaries.${s.ceoId}`, `questionnaires.${s.key}.activity.markets`];
      const requested = await requestInfo(h(), s, { items, message: 'Please add a proof of address and correct the phone number.' });
      expect(requested.status).toBe(201);
      expect(requested.json).toMatchObject({ companyId: s.companyId, status: 'REQUESTED', items, date: new Date(h().clock.now()).toISOString() });
      const riToken: string = requested.json.tokenString;
      expect(riToken).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(requested.json.url).toBe(`http://openkyb.test/welcome?authToken=${riToken}`);
      expect(requested.json.expiration).toBe(new Date(h().clock.now() + 7 * 24 * HOUR).toISOString());

      // The event, as a receiver gets it, against iDenfy's CompanyInfoRequestWebhook.
      const worker = createWebhookWorker({ config: h().config, database: h().database, clock: h().clock, logger: h().ctx.logger });
      expect(await worker.runOnce()).toBe(1);
      const [event] = receiver.requests;
      expect(event!.headers['idenfy-event-type']).toBe('COMPANY_INFO_REQUEST');
      expect((await receiverExample()).verifyIdenfySignature(event!.body, event!.headers['idenfy-signature'], hook.json.signingKey)).toBe(true);
      const payload = JSON.parse(event!.body.toString('utf8'));
      expect(payload).toEqual({ companyId: s.companyId, token: riToken, date: requested.json.date, email: null, manager: null, status: 'REQUESTED' });
      expect(contractErrors('CompanyInfoRequestWebhook', payload)).toEqual([]);

      // The new link opens the form again; the old one no longer works.
      const ri = bearer(riToken);
      expect((await api(h()).info(riToken)).status).toBe(200);
      const old = await api(h()).info(s.token);
      expect(old.status).toBe(401);
      expect(old.json.message).not.toHaveProperty('completed');
      const session = await call('GET', '/v1/session/', ri);
      expect(session.json).toMatchObject({ status: 'PENDING', infoRequest: { message: 'Please add a proof of address and correct the phone number.', items } });
      expect((await call('GET', `${s.form}/`, s.partner.auth)).json.meta.status).toBe('PENDING');

      // Only the open items change.
      const city = await call('PATCH', `${s.form}/`, ri, { company: { city: 'Kaunas' } });
      expect(city.status).toBe(409);
      expect(city.json.message).toBe('Only the items open for correction can change; not open: company.city.');
      expect((await call('PATCH', `${s.form}/`, ri, { company: { phone: '+37060000001' } })).status).toBe(200);
      const form = (await call('GET', `${s.form}/`, ri)).json;
      const { id: _id, ...resent } = { ...form.company, phone: '+37060000002', additionalInfo: {} };
      expect((await call('PUT', `${s.form}/`, ri, { company: resent })).status).toBe(200);
      expect((await call('POST', `${s.form}/documents/`, ri, { type: 'BANK_STATEMENT', file: base64(pdfDocument()) })).status).toBe(409);
      expect((await call('POST', `${s.form}/documents/`, ri, { type: 'PROOF_OF_ADDRESS', file: base64(pdfDocument()) })).status).toBe(201);
      expect((await call('DELETE', `${s.form}/documents/${form.documents[0].id}/`, ri)).status).toBe(409);
      expect(
        (await call('PATCH', `${s.form}/beneficiaries/${s.uboId}/`, ri, { info: { infoType: 'INDIVIDUAL', name: 'Jonas', surname: 'Other' } })).status,
      ).toBe(409);
      expect(
        (await call('PATCH', `${s.form}/beneficiaries/${s.ceoId}/`, ri, { info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraitė' } })).status,
      ).toBe(200);
      expect(
        (await call('POST', `${s.form}/beneficiaries/`, ri, { beneficiaryType: 'SHAREHOLDER', info: { infoType: 'INDIVIDUAL', name: 'A', surname: 'B' } }))
          .status,
      ).toBe(409);
      const size = await call('PUT', s.answers, ri, { sections: { activity: { size: { value: 'large' } }, large: { auditor: { value: 'KPMG' } } } });
      expect(size.status, JSON.stringify(size.json)).toBe(409);
      expect(size.json.message).toContain(`questionnaires.${s.key}.activity.size`);
      expect((await call('PUT', s.answers, ri, { sections: { activity: { size: { value: 'small' }, markets: { value: ['LT'] } } } })).status).toBe(200);
      // The partner may still correct anything.
      expect((await call('PATCH', `${s.form}/`, s.partner.auth, { company: { city: 'Kaunas' } })).status).toBe(200);

      h().clock.advance(HOUR);
      expect((await call('POST', `${s.form}/submit/`, ri)).status).toBe(200);
      const company = await h().database.db.selectFrom('companies').selectAll().where('id', '=', s.companyId).executeTakeFirstOrThrow();
      expect(company).toMatchObject({ status: 'NEED_TO_REVIEW', info_request: null, initial_submission_time: firstSubmit, submission_time: h().clock.now() });
      const after = (await call('GET', `${s.form}/`, s.partner.auth)).json;
      expect(after.meta.submissionTime).toBe(new Date(h().clock.now()).toISOString());
      expect((await call('GET', '/v1/session/', ri)).json.infoRequest).toBeNull();
      expect((await api(h()).info(riToken)).json.message).toEqual({ detail: 'The KYB form was already submitted.', completed: true });
      expect((await call('PATCH', `${s.form}/`, ri, { company: { phone: '+37060000003' } })).status).toBe(409);
      const audit = await h().database.db.selectFrom('audit_logs').select(['action', 'details']).where('company_id', '=', s.companyId).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['INFO_REQUESTED', 'FORM_RESUBMITTED']));
      expect(audit.find((a) => a.action === 'INFO_REQUESTED')!.details).not.toContain('proof of address');

      // The re-submission is a COMPANY_SUBMIT with the new submission time.
      expect(await worker.runOnce()).toBe(1);
      await worker.stop();
      const resubmit = receiver.requests[1]!;
      expect(resubmit.headers['idenfy-event-type']).toBe('COMPANY_SUBMIT');
      expect(JSON.parse(resubmit.body.toString('utf8'))).toMatchObject({ id: s.companyId, submissionTime: new Date(h().clock.now()).toISOString() });
    } finally {
      await receiver.close();
    }
  });

  it('opens every beneficiary of a type with beneficiaries.<TYPE>, new ones included', async () => {
    const s = await submittedForm(h());
    const call = api(h()).call;
    const ri = bearer((await requestInfo(h(), s, { items: ['beneficiaries.UBO'], message: 'Add the other owner.' })).json.tokenString);
    expect((await call('PATCH', `${s.form}/beneficiaries/${s.uboId}/`, ri, { ownershipPercentage: 60 })).status).toBe(200);
    const added = await call('POST', `${s.form}/beneficiaries/`, ri, {
      beneficiaryType: 'UBO',
      ownershipPercentage: 40,
      info: { infoType: 'INDIVIDUAL', name: 'Ona', surname: 'Onaite' },
    });
    expect(added.status).toBe(201);
    expect((await call('DELETE', `${s.form}/beneficiaries/${s.ceoId}/`, ri)).status).toBe(409);
    expect((await call('PATCH', `${s.form}/beneficiaries/${s.uboId}/`, ri, { beneficiaryTypes: ['UBO', 'CEO'] })).status).toBe(409);
  });

  it('refuses unknown items with 400 naming each, and changes nothing', async () => {
    const s = await submittedForm(h());
    const items = [
      'company.phone',
      'company.favouriteColour',
      'documents.PASSPORT',
      'beneficiaries.00000000-0000-4000-8000-000000000000',
      `questionnaires.${s.key}.activity.nope`,
      'questionnaires.other',
      'company.additionalInfo.constructor',
    ];
    const refused = await requestInfo(h(), s, { items, message: 'Fix these.' });
    expect(refused.status).toBe(400);
    expect(refused.json.identifier).toBe('VALIDATION_ERROR');
    expect(Object.keys(refused.json.message).sort()).toEqual(['items.1', 'items.2', 'items.3', 'items.4', 'items.5', 'items.6']);
    expect(refused.json.message['items.1']).toEqual(['"company.favouriteColour" is not an item of this form']);
    const company = await h().database.db.selectFrom('companies').select(['status', 'info_request']).where('id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(company).toEqual({ status: 'NEED_TO_REVIEW', info_request: null });
    expect((await api(h()).info(s.token)).json.message).toMatchObject({ completed: true });
    expect((await requestInfo(h(), s, { items: ['company.phone'] })).status).toBe(400);
    expect((await requestInfo(h(), s, { items: [], message: 'x' })).status).toBe(400);
  });

  it('asks only from review: 409 before submit and while a request is open', async () => {
    const draft = await startSession(h(), { flow: null });
    const early = await requestInfo(h(), draft, { items: ['company.phone'], message: 'x' });
    expect(early.status).toBe(409);
    expect(early.json.message).toBe('The form was not submitted yet.');
    const s = await submittedForm(h());
    expect((await requestInfo(h(), s, { items: ['company.phone'], message: 'x' })).status).toBe(201);
    const twice = await requestInfo(h(), s, { items: ['company.city'], message: 'y' });
    expect(twice.status).toBe(409);
    expect(twice.json.message).toBe('Information was already requested; the client has not re-submitted yet.');

    // Once the correction link ran out unanswered, the reviewer can send a new one.
    h().clock.advance(8 * 24 * HOUR);
    const renewed = await requestInfo(h(), s, { items: ['company.city'], message: 'Still waiting for the city.' });
    expect(renewed.status).toBe(201);
    expect((await api(h()).call('GET', '/v1/session/', bearer(renewed.json.tokenString))).json.infoRequest).toMatchObject({ items: ['company.city'] });
  });

  it("answers 404 for another partner's company, and 401 without the key pair", async () => {
    const s = await submittedForm(h());
    const other = await h().partner();
    const foreign = await requestInfo(h(), { companyId: s.companyId, partner: other }, { items: ['company.phone'], message: 'x' });
    expect(foreign.status).toBe(404);
    expect((await api(h()).call('POST', `/v1/companies/${s.companyId}/request-info/`, s.bearer, { items: ['company.phone'], message: 'x' })).status).toBe(401);
    expect(
      (await h().database.db.selectFrom('companies').select('info_request').where('id', '=', s.companyId).executeTakeFirstOrThrow()).info_request,
    ).toBeNull();
  });
});
