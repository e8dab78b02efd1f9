import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { contractErrors } from '../../../../../test/contract.js';
import { describeEachDialect } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';
import { auditEntries } from '../../../../../test/rows.js';
import { startReceiver } from '../../../../../test/webhook-receiver.js';
import { createEndpoint, testWorker } from '../../../../../test/webhooks.js';
import { recordFlaggedBeneficiary, submittedCompany } from '../../../../../test/companies.js';

/**
 * iDenfy's CompanyStatus lists NeedToStatus twice in a plain oneOf (it relies on the
 * discriminator), so a body is checked against the variant its status selects.
 */
const statusContractErrors = (body: { status: string; reviewInfo?: { approvalStatus: string } }) =>
  body.status === 'COMPLETED'
    ? [
        ...contractErrors('CompletedStatus', body).filter((e) => e !== '/reviewInfo must match exactly one schema in oneOf'),
        ...contractErrors(body.reviewInfo?.approvalStatus === 'APPROVED' ? 'ManualApprove' : 'ManualDeny', body.reviewInfo),
      ]
    : contractErrors('NeedToStatus', body);
/** Deprecated set-by fields iDenfy marks required and not nullable; with no manager they are null (docs/decisions.md). */
const SET_BY = /^\/(beneficiaries\/\d+\/)?(sanctions|news|peps)StatusSetBy must be object$/;

describeEachDialect('POST /kyb/companies/{id}/change-status/', (h) => {
  const change = (companyId: string, auth: string, body: unknown) => api(h()).call('POST', `/kyb/companies/${companyId}/change-status/`, auth, body);

  it('moves a submitted company between the review statuses and records who and when', async () => {
    const s = await submittedCompany(h());
    const res = await change(s.companyId, s.partner.auth, { status: 'NEED_TO_PROCESS' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'NEED_TO_PROCESS' });
    expect(statusContractErrors(res.json)).toEqual([]);
    const detail = await api(h()).call('GET', `/kyb/companies/${s.companyId}/`, s.partner.auth);
    expect(detail.json.meta).toMatchObject({ status: 'NEED_TO_PROCESS', statusChangedAt: new Date(h().clock.now()).toISOString(), statusChangedBy: null });
    expect(await auditEntries(h(), s.companyId, 'STATUS_CHANGED')).toEqual([expect.objectContaining({ action: 'STATUS_CHANGED', actor_type: 'partner' })]);
  });

  it('refuses a company that is still PENDING with 409', async () => {
    const s = await startSession(h(), { flow: null });
    const res = await change(s.companyId, s.partner.auth, { status: 'NEED_TO_REVIEW' });
    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/PENDING/);
  });

  it('refuses approval while an AML status is unresolved, naming each, and changes nothing', async () => {
    const s = await submittedCompany(h());
    const approve = { status: 'COMPLETED', reviewInfo: { approvalStatus: 'APPROVED' } };
    const unscreened = await change(s.companyId, s.partner.auth, approve);
    expect(unscreened.status).toBe(409);
    expect(unscreened.json.message).toMatch(/screening is still running/);
    await recordFlaggedBeneficiary(h(), s);
    const flagged = await change(s.companyId, s.partner.auth, approve);
    expect(flagged.status).toBe(409);
    expect(flagged.json.message).toContain(`beneficiary ${s.beneficiaryId}: FLAGS_FOUND`);
    const company = await h().database.db.selectFrom('companies').select(['status', 'approval_status']).where('id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(company).toEqual({ status: 'NEED_TO_REVIEW', approval_status: null });
    await h().database.db.updateTable('screening_subjects').set({ status: 'FALSE_POSITIVE' }).where('subject_id', '=', s.beneficiaryId).execute();
    const approved = await change(s.companyId, s.partner.auth, approve);
    expect(approved.status).toBe(200);
    expect(approved.json).toEqual({ status: 'COMPLETED', reviewInfo: { approvalStatus: 'APPROVED', denyReason: null } });
    expect(statusContractErrors(approved.json)).toEqual([]);
  });

  it("validates the body as iDenfy's CompanyStatusRequest oneOf", async () => {
    const s = await submittedCompany(h());
    for (const body of [
      {},
      { status: 'PENDING' },
      { status: 'COMPLETED' },
      { status: 'COMPLETED', reviewInfo: { approvalStatus: 'MAYBE' } },
      { status: 'COMPLETED', reviewInfo: { approvalStatus: 'DENIED', denyReason: 'x'.repeat(65) } },
      { status: 'COMPLETED', reviewInfo: { approvalStatus: 'APPROVED', denyReason: 'no' } },
      { status: 'NEED_TO_REVIEW', extra: 1 },
    ]) {
      const res = await change(s.companyId, s.partner.auth, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("answers 404 for another partner's company and leaves it unchanged", async () => {
    const s = await submittedCompany(h());
    const other = await h().partner('Other');
    expect((await change(s.companyId, other.auth, { status: 'NEED_TO_PROCESS' })).status).toBe(404);
    expect((await change('missing', s.partner.auth, { status: 'NEED_TO_PROCESS' })).status).toBe(404);
    const company = await h().database.db.selectFrom('companies').select('status').where('id', '=', s.companyId).executeTakeFirstOrThrow();
    expect(company.status).toBe('NEED_TO_REVIEW');
  });

  it("a denial sends COMPANY_REVIEW in iDenfy's CompanyReviewWebhook shape to a real receiver", async () => {
    const receiver = await startReceiver();
    try {
      const s = await submittedCompany(h());
      await createEndpoint(h(), s.partner, `${receiver.url}/hook`, { eventTypes: ['COMPANY_REVIEW'] });
      await recordFlaggedBeneficiary(h(), s, 'TRUE_POSITIVE', 'TRUE_POSITIVE');
      const res = await change(s.companyId, s.partner.auth, { status: 'COMPLETED', reviewInfo: { approvalStatus: 'DENIED', denyReason: 'Sanctioned owner' } });
      expect(res.status).toBe(200);
      expect(await testWorker(h()).worker.runOnce()).toBe(1);
      await receiver.waitFor(1);
      const [request] = receiver.requests;
      expect(request!.headers['idenfy-event-type']).toBe('COMPANY_REVIEW');
      const body = JSON.parse(request!.body.toString('utf8'));
      expect(contractErrors('CompanyReviewWebhook', body).filter((e) => !SET_BY.test(e))).toEqual([]);
      expect(body).toMatchObject({
        id: s.companyId,
        companyName: 'Acme Payments UAB',
        approvalStatus: 'DENIED',
        denyReason: 'Sanctioned owner',
        clientId: 'client-1',
      });
      expect(body.beneficiaries[0]).toMatchObject({ id: s.beneficiaryId, sanctionsCheckStatus: 'TRUE_POSITIVE', amlCheck: { overallStatus: 'TRUE_POSITIVE' } });
    } finally {
      await receiver.close();
    }
  });
});
