import { expect, it } from 'vitest';
import { api } from '../../../../../test/api.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../../../test/harness.js';
import { startSession } from '../../../../../test/kyb.js';
import { screenPending } from '../../../../../test/screening-cases.js';
import { setAutomationQuota } from '../../../../core/partners/set-automation-quota.js';
import { presentLifecycleMeta } from '../../../../core/review/present-lifecycle.js';

/** A submitted case (no flow) with one UBO, its submit screening already answered. */
async function reviewedCase(h: Harness, partner?: TestPartner) {
  const s = await startSession(h, { flow: null, ...(partner ? { partner } : {}) });
  const call = api(h).call;
  await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
    beneficiaryType: 'UBO',
    ownershipPercentage: 100,
    info: { infoType: 'INDIVIDUAL', name: 'Jonas', surname: 'Jonaitis' },
  });
  expect((await call('POST', `/kyb/forms/${s.companyId}/submit/`, s.bearer)).status).toBe(200);
  await screenPending(h);
  return s;
}

const automate = (h: Harness, companyId: string, auth: string) => api(h).call('POST', `/kyb/companies/${companyId}/automation/`, auth);
const row = (h: Harness, id: string) => h.database.db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describeEachDialect('re-running automation (POST /kyb/companies/{id}/automation/)', (h) => {
  it('answers 202, keeps the company PROCESSING until the screening worker ran, then returns it to review with the run recorded', async () => {
    const s = await reviewedCase(h());
    h().clock.advance(60_000);
    const started = await automate(h(), s.companyId, s.partner.auth);
    expect(started.status).toBe(202);
    expect(started.text).toBe('');
    expect((await row(h(), s.companyId)).status).toBe('PROCESSING');
    expect((await api(h()).call('GET', `/kyb/forms/${s.companyId}/`, s.partner.auth)).json.meta.status).toBe('PROCESSING');
    const again = await automate(h(), s.companyId, s.partner.auth);
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('Automation is already running on this company.');

    h().clock.advance(5_000);
    expect(await screenPending(h())).toBe(1);
    const after = await row(h(), s.companyId);
    expect(after.status).toBe('NEED_TO_REVIEW');
    expect(presentLifecycleMeta(after)).toEqual({
      informationRequested: false,
      expirationStatus: null,
      automationRanAt: new Date(h().clock.now()).toISOString(),
      // No list is loaded in this suite: screened, but nothing to vouch with.
      automationStatuses: {
        screening: { status: 'NOT_CHECKED', subjects: 2 },
        // The test company's LT number is in the sandbox register's format but none of its magic numbers.
        register: { status: 'NOT_FOUND', provider: 'sandbox' },
        riskAssessment: { status: expect.any(String), score: expect.any(Number) },
      },
    });
    const subjects = await h().database.db.selectFrom('screening_subjects').select('checked_at').where('company_id', '=', s.companyId).execute();
    expect(subjects.map((x) => x.checked_at)).toEqual([h().clock.now(), h().clock.now()]);
    const audit = await h().database.db.selectFrom('audit_logs').select('action').where('company_id', '=', s.companyId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['AUTOMATION_REQUESTED', 'AUTOMATION_FINISHED']));
  });

  it('returns a completed case to COMPLETED', async () => {
    const s = await reviewedCase(h());
    await h().database.db.updateTable('companies').set({ status: 'COMPLETED', approval_status: 'APPROVED' }).where('id', '=', s.companyId).execute();
    expect((await automate(h(), s.companyId, s.partner.auth)).status).toBe(202);
    await screenPending(h());
    expect(await row(h(), s.companyId)).toMatchObject({ status: 'COMPLETED', approval_status: 'APPROVED' });
  });

  it('refuses a form that was never submitted, or is back with the client, with 409', async () => {
    const s = await startSession(h(), { flow: null });
    const refused = await automate(h(), s.companyId, s.partner.auth);
    expect(refused.status).toBe(409);
    expect(refused.json.message).toBe('The form was not submitted yet.');
    const reviewed = await reviewedCase(h());
    const ri = await api(h()).call('POST', `/v1/companies/${reviewed.companyId}/request-info/`, reviewed.partner.auth, {
      items: ['company.city'],
      message: 'City?',
    });
    expect(ri.status).toBe(201);
    expect((await automate(h(), reviewed.companyId, reviewed.partner.auth)).json.message).toBe('The form is with the client for more information.');
  });

  it("answers 402 in the error envelope once the partner's automation quota is spent, and changes nothing", async () => {
    const partner = await h().partner();
    await setAutomationQuota({ ctx: h().ctx, input: { partnerId: partner.partnerId, limit: 1 } });
    const s = await reviewedCase(h(), partner);
    expect((await automate(h(), s.companyId, partner.auth)).status).toBe(202);
    await screenPending(h());
    const spent = await automate(h(), s.companyId, partner.auth);
    expect(spent.status).toBe(402);
    expect(spent.json).toEqual({
      message: 'The automation quota of this partner (1 runs) is spent.',
      identifier: 'PAYMENT_REQUIRED',
      documentation: 'http://openkyb.test/docs/errors#PAYMENT_REQUIRED',
      severity: 'NOT_SEVERE',
    });
    expect((await row(h(), s.companyId)).status).toBe('NEED_TO_REVIEW');
    // Unlimited by default: another partner is not affected.
    const other = await reviewedCase(h());
    expect((await automate(h(), other.companyId, other.partner.auth)).status).toBe(202);
  });

  it("answers 404 for another partner's company and an unknown id, 401 for a token", async () => {
    const s = await reviewedCase(h());
    const other = await h().partner();
    expect((await automate(h(), s.companyId, other.auth)).status).toBe(404);
    expect((await automate(h(), '00000000-0000-4000-8000-000000000000', s.partner.auth)).status).toBe(404);
    expect((await automate(h(), s.companyId, s.bearer)).status).toBe(401);
    expect((await row(h(), s.companyId)).status).toBe('NEED_TO_REVIEW');
  });
});
