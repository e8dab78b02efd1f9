import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { base64, pdfDocument, pngImage } from '../../../../../test/files.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { companyBody, startSession } from '../../../../../test/kyb.js';
import { auditEntries } from '../../../../../test/rows.js';
import { startReceiver } from '../../../../../test/webhook-receiver.js';
import { receiverExample } from '../../../../../test/webhooks.js';
import { createWebhookWorker } from '../../../../jobs/webhook-worker.js';

describeEachDialect('a complete KYB session through the API', (h) => {
  it('fills a form with a two-level ownership tree, lists what is missing, then submits', async () => {
    const s = await startSession(h(), { createForm: false });
    const call = api(h()).call;
    const form = `/kyb/forms/${s.companyId}`;

    // The form does not exist yet; the token sees an empty list.
    expect((await call('GET', '/kyb/forms/', s.bearer)).json).toEqual([]);
    const created = await call('POST', '/kyb/forms/', s.bearer, {
      company: companyBody({ registrationNumber: null }),
      clientSystem: { ipAddress: '203.0.113.7', timeZone: 'Europe/Vilnius' },
    });
    expect(created.status).toBe(201);
    expect(created.json.id).toBe(s.companyId);
    expect(contractErrors('KybFormCreate', created.json)).toEqual([]);

    // A failed submit lists every missing item by path, and changes nothing.
    const early = await call('POST', `${form}/submit/`, s.bearer);
    expect(early.status).toBe(400);
    expect(early.json.identifier).toBe('VALIDATION_ERROR');
    expect(Object.keys(early.json.message).sort()).toEqual(
      ['beneficiaries.UBO', 'company.registrationNumber', 'documents.INCORPORATION_CERT', 'ownership', `questionnaires.${s.questionnaireKey}`].sort(),
    );
    expect((await call('GET', `${form}/`, s.bearer)).json.meta.status).toBe('PENDING');

    // Owners: a holding company (UBO) with an individual under it, and a direct individual UBO.
    const holding = await call('POST', `${form}/beneficiaries/`, s.bearer, {
      beneficiaryTypes: ['UBO'],
      ownershipPercentage: 60,
      info: { infoType: 'COMPANY', companyName: 'Holding SIA', country: 'LV' },
    });
    expect(holding.status).toBe(201);
    expect(contractErrors('BeneficiaryCreate', holding.json)).toEqual([]);
    const owner = await call('POST', `${form}/beneficiaries/`, s.bearer, {
      beneficiaryTypes: ['UBO'],
      parent: holding.json.id,
      ownershipPercentage: 100,
      info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraite', dateOfBirth: '1980-04-02', nationality: 'LT' },
    });
    expect(owner.json.parent).toBe(holding.json.id);
    const direct = await call('POST', `${form}/beneficiaries/`, s.bearer, {
      beneficiaryType: 'UBO',
      ownershipPercentage: 40,
      info: { infoType: 'INDIVIDUAL', name: 'Jonas', surname: 'Jonaitis' },
    });
    expect(direct.json.beneficiaryTypes).toEqual(['UBO']);

    // Still missing: documents, the registration number, each individual UBO's identity document, answers.
    const missing = await call('POST', `${form}/submit/`, s.bearer);
    expect(Object.keys(missing.json.message).sort()).toEqual(
      [
        `beneficiaries.${direct.json.id}.documents.IDENTITY_DOCUMENT`,
        `beneficiaries.${owner.json.id}.documents.IDENTITY_DOCUMENT`,
        'company.registrationNumber',
        'documents.INCORPORATION_CERT',
        `questionnaires.${s.questionnaireKey}`,
      ].sort(),
    );

    expect((await call('PATCH', `${form}/`, s.bearer, { company: { registrationNumber: '305123456' } })).status).toBe(200);
    const certificate = await call('POST', `${form}/documents/`, s.bearer, { type: 'INCORPORATION_CERT', filename: 'cert.pdf', file: base64(pdfDocument()) });
    expect(certificate.status).toBe(201);
    for (const person of [owner, direct]) {
      const id = await call('POST', `${form}/beneficiaries/${person.json.id}/documents/`, s.bearer, {
        type: 'IDENTITY_DOCUMENT',
        filename: 'passport.png',
        file: base64(pngImage()),
      });
      expect(id.status).toBe(201);
    }
    const [questionnaire] = (await call('GET', `${form}/questionnaires/`, s.bearer)).json;
    const answers = await call('PUT', `${form}/questionnaires/${questionnaire.id}/answers/`, s.bearer, {
      sections: { activity: { handlesCash: { value: true }, cashShare: { value: 12.5 }, size: { value: 'large' } }, large: { auditor: { value: 'KPMG' } } },
    });
    expect(answers.status).toBe(200);

    const submitted = await call('POST', `${form}/submit/`, s.bearer);
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    const after = (await call('GET', `${form}/`, s.bearer)).json;
    expect(after.meta).toMatchObject({ status: 'NEED_TO_REVIEW', approvalStatus: null, submissionTime: new Date(h().clock.now()).toISOString() });
    expect(contractErrors('KybForm', after)).toEqual([]);
    const company = await h().database.db.selectFrom('companies').selectAll().where('id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(company.initial_submission_time).toBe(h().clock.now());
    const audit = await h().database.db.selectFrom('audit_logs').select('action').where('company_id', '=', s.companyId).orderBy('created_at').execute();
    expect(audit.map((a) => a.action)).toContain('FORM_SUBMITTED');
  });

  it('makes the form read-only to the token after submit, refuses a second submit, and reports the session completed', async () => {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const form = `/kyb/forms/${s.companyId}`;
    expect((await call('POST', `${form}/submit/`, s.bearer)).status).toBe(200);
    const again = await call('POST', `${form}/submit/`, s.bearer);
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('The form was already submitted.');
    expect((await call('PATCH', `${form}/`, s.bearer, { company: { city: 'Vilnius' } })).status).toBe(409);
    expect(
      (await call('POST', `${form}/beneficiaries/`, s.bearer, { beneficiaryType: 'CEO', info: { infoType: 'INDIVIDUAL', name: 'A', surname: 'B' } })).status,
    ).toBe(409);
    expect((await call('GET', `${form}/`, s.bearer)).status).toBe(200);
    // The partner may still correct a submitted form.
    expect((await call('PATCH', `${form}/`, s.partner.auth, { company: { city: 'Vilnius' } })).status).toBe(200);
    const info = await api(h()).info(s.token);
    expect(info.status).toBe(401);
    expect(info.json.message).toEqual({ detail: 'The KYB form was already submitted.', completed: true });
    expect(contractErrors('KybInfoUnauthorized', info.json)).toEqual([]);
    const session = await call('GET', '/v1/session/', s.bearer);
    expect(session.json).toMatchObject({ companyId: s.companyId, status: 'NEED_TO_REVIEW', redirectUrl: null });
  });

  it("moves to the partner's status on submit", async () => {
    const partner = await h().partner();
    await api(h()).call('PATCH', '/v1/settings/', partner.auth, { statusOnSubmit: 'NEED_TO_PROCESS' });
    const s = await startSession(h(), { flow: null, partner });
    await api(h()).call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer);
    expect((await api(h()).call('GET', `/kyb/forms/${s.companyId}/`, s.bearer)).json.meta.status).toBe('NEED_TO_PROCESS');
  });

  it('refuses submit with the key pair, and before the form exists', async () => {
    const s = await startSession(h(), { flow: null, createForm: false });
    const call = api(h()).call;
    expect((await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.partner.auth)).status).toBe(401);
    const early = await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer);
    expect(early.status).toBe(400);
    expect(early.json.message).toEqual({ company: ['the company details are not filled in'] });
  });

  it('submits once when two submits race', async () => {
    const s = await startSession(h(), { flow: null });
    const url = `/kyb/forms/${s.companyId}/submit/`;
    const results = await Promise.all([api(h()).call('POST', url, s.bearer), api(h()).call('POST', url, s.bearer)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await auditEntries(h(), s.companyId, 'FORM_SUBMITTED')).toHaveLength(1);
  });
});

describeEachDialect('COMPANY_SUBMIT webhook', (h) => {
  it("sends exactly iDenfy's CompanySubmitWebhook, signed, to the partner's endpoint, once per submit", async () => {
    const receiver = await startReceiver();
    try {
      const s = await startSession(h(), { flow: null });
      const hook = await api(h()).call('POST', '/v1/webhooks/', s.partner.auth, { url: `${receiver.url}/kyb`, eventTypes: ['COMPANY_SUBMIT'] });
      expect(hook.status).toBe(201);
      const failed = await api(h()).call('POST', `/kyb/forms/${s.companyId}/submit/`, s.partner.auth);
      expect(failed.status).toBe(401);
      expect((await api(h()).call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(200);
      const worker = createWebhookWorker({ config: h().config, database: h().database, clock: h().clock, logger: h().ctx.logger });
      expect(await worker.runOnce()).toBe(1);
      await worker.stop();
      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      expect(request!.headers['idenfy-event-type']).toBe('COMPANY_SUBMIT');
      const verify = await receiverExample();
      expect(verify.verifyIdenfySignature(request!.body, request!.headers['idenfy-signature'], hook.json.signingKey)).toBe(true);
      const payload = JSON.parse(request!.body.toString('utf8'));
      expect(payload).toEqual({
        id: s.companyId,
        clientId: 'client-1',
        submissionTime: new Date(h().clock.now()).toISOString(),
        soleProprietor: false,
        externalRef: 'ref-1',
      });
      expect(contractErrors('CompanySubmitWebhook', payload)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('queues nothing when the submit fails', async () => {
    const s = await startSession(h());
    await api(h()).call('POST', '/v1/webhooks/', s.partner.auth, { url: 'http://127.0.0.1:9/kyb', eventTypes: ['COMPANY_SUBMIT'] });
    expect((await api(h()).call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(400);
    const events = await h().database.db.selectFrom('webhook_events').select('id').where('partner_id', '=', s.partner.partnerId).execute();
    expect(events).toEqual([]);
  });
});
