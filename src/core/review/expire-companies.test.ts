import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { contractErrors } from '../../../test/contract.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../test/harness.js';
import { companyBody } from '../../../test/kyb.js';
import { screenPending } from '../../../test/screening-cases.js';
import { startReceiver } from '../../../test/webhook-receiver.js';
import { createWebhookWorker } from '../../jobs/webhook-worker.js';
import { expireCompanies } from './expire-companies.js';

const token = async (h: Harness, partner: TestPartner, lifetime: number) => {
  const created = await api(h).createToken(partner, { tokenType: 'FORM', clientId: 'client-9', flow: null, lifetime });
  expect(created.status).toBe(201);
  return { companyId: created.json.companyId as string, bearer: `Bearer ${created.json.tokenString}` };
};
const marks = (h: Harness, ids: string[]) =>
  h.database.db.selectFrom('companies').select(['id', 'expiration_status']).where('id', 'in', ids).orderBy('id').execute();

describeEachDialect('expiry of sessions that ran out before submission (COMPANY_EXPIRATION)', (h) => {
  it('marks each expired unsubmitted company once and sends the event once, with two workers at once', async () => {
    const receiver = await startReceiver();
    try {
      const partner = await h().partner();
      const hook = await api(h()).call('POST', '/v1/webhooks/', partner.auth, { url: `${receiver.url}/kyb`, eventTypes: ['COMPANY_EXPIRATION'] });
      expect(hook.status).toBe(201);
      const expired = await token(h(), partner, 60);
      const live = await token(h(), partner, 3600);
      const submitted = await token(h(), partner, 60);
      expect((await api(h()).call('POST', '/kyb/forms/', submitted.bearer, { company: companyBody({ additionalInfo: {} }) })).status).toBe(201);
      expect((await api(h()).call('POST', `/kyb/forms/${submitted.companyId}/submit/`, submitted.bearer)).status).toBe(200);
      h().clock.advance(120_000);

      const now = h().clock.now();
      const [a, b] = await Promise.all([expireCompanies({ ctx: h().ctx, now, limit: 100 }), expireCompanies({ ctx: h().ctx, now, limit: 100 })]);
      expect(a + b).toBeGreaterThanOrEqual(1);
      const ids = [expired.companyId, live.companyId, submitted.companyId];
      expect(Object.fromEntries((await marks(h(), ids)).map((m) => [m.id, m.expiration_status]))).toEqual({
        [expired.companyId]: 'EXPIRED',
        [live.companyId]: null,
        [submitted.companyId]: null,
      });
      expect(await expireCompanies({ ctx: h().ctx, now, limit: 100 })).toBe(0);
      const audit = await h()
        .database.db.selectFrom('audit_logs')
        .select('company_id')
        .where('action', '=', 'COMPANY_EXPIRED')
        .where('company_id', 'in', ids)
        .execute();
      expect(audit).toEqual([{ company_id: expired.companyId }]);

      const worker = createWebhookWorker({ config: h().config, database: h().database, clock: h().clock, logger: h().ctx.logger });
      expect(await worker.runOnce()).toBe(1);
      await worker.stop();
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]!.headers['idenfy-event-type']).toBe('COMPANY_EXPIRATION');
      const payload = JSON.parse(receiver.requests[0]!.body.toString('utf8'));
      expect(payload).toEqual({ id: expired.companyId, expirationStatus: 'EXPIRED' });
      expect(contractErrors('CompanyExpirationWebhook', payload)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('runs from the worker loop', async () => {
    const partner = await h().partner();
    const session = await token(h(), partner, 60);
    h().clock.advance(120_000);
    await screenPending(h());
    expect(await marks(h(), [session.companyId])).toEqual([{ id: session.companyId, expiration_status: 'EXPIRED' }]);
  });
});
