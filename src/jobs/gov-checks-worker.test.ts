import { expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { describeEachDialect } from '../../test/harness.js';
import { createGovChecksWorker } from './gov-checks-worker.js';

const ORDER = { countryCode: 'FR', registrationNumber: '900000001', companyName: 'Sandbox Trading SAS', productKey: 'doc-accounts-2025' };

describeEachDialect('register delivery worker', (h) => {
  it('delivers an order once when two workers run side by side', async () => {
    const partner = await h().partner();
    expect((await api(h()).call('POST', '/api/v2/gov-ordered-documents/document-order/', partner.auth, ORDER)).status).toBe(200);
    const workers = [0, 1].map(() => createGovChecksWorker({ ctx: h().ctx, logger: h().ctx.logger }));
    const counts = await Promise.all(workers.map((w) => w.runOnce()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const rows = await h().database.db.selectFrom('gov_document_orders').select(['status', 'attempts']).where('partner_id', '=', partner.partnerId).execute();
    expect(rows).toEqual([{ status: 'FINISHED', attempts: 1 }]);
    const audit = await h()
      .database.db.selectFrom('audit_logs')
      .select('action')
      .where('partner_id', '=', partner.partnerId)
      .where('action', 'like', 'gov_document.%')
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['gov_document.ordered', 'gov_document.delivered']);
  });

  it('is woken by the commit of an order where the database notifies (PostgreSQL), with no one calling wake', async () => {
    if (!h().database.canListen) return void expect(h().database.dialect).toBe('sqlite');
    const partner = await h().partner();
    const worker = createGovChecksWorker({ ctx: h().ctx, logger: h().ctx.logger, database: h().database, pollIntervalMs: 60_000 });
    worker.start();
    try {
      // The loop's first pass finds nothing; the order comes after it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await api(h()).call('POST', '/api/v2/gov-ordered-documents/document-order/', partner.auth, ORDER)).status).toBe(200);
      // A liveness bound far below the 60 s poll: only the notification can wake it in time.
      const deadline = Date.now() + 20_000;
      let status = 'IN_PROGRESS';
      while (status === 'IN_PROGRESS' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (
          await h().database.db.selectFrom('gov_document_orders').select('status').where('partner_id', '=', partner.partnerId).executeTakeFirstOrThrow()
        ).status;
      }
      expect(status).toBe('FINISHED');
    } finally {
      await worker.stop();
    }
  });

  it('delivers on its own poll loop once woken, and stops cleanly', async () => {
    const partner = await h().partner();
    const worker = createGovChecksWorker({ ctx: h().ctx, logger: h().ctx.logger, pollIntervalMs: 60_000 });
    worker.start();
    try {
      expect(
        (
          await api(h()).call('POST', '/api/v2/sos-filing-documents/', partner.auth, {
            companyName: 'Loop Inc',
            state: 'NY',
            city: 'Albany',
            street: '1 State St',
            postalCode: '12207',
          })
        ).status,
      ).toBe(201);
      worker.wake();
      // A liveness bound, not a measurement: the pass normally ends in milliseconds.
      const deadline = Date.now() + 20_000;
      let status = 'IN_PROGRESS';
      while (status === 'IN_PROGRESS' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await h().database.db.selectFrom('sos_reports').select('status').where('partner_id', '=', partner.partnerId).executeTakeFirstOrThrow())
          .status;
      }
      expect(status).toBe('FINISHED');
    } finally {
      await worker.stop();
    }
  });
});
