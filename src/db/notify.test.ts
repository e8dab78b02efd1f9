import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { createHarness, TEST_DATABASE_URL, type Harness } from '../../test/harness.js';
import { startReceiver } from '../../test/webhook-receiver.js';
import { createEndpoint, testWorker } from '../../test/webhooks.js';
import { enqueueEvent } from '../core/webhooks/enqueue-event.js';
import { WORK_TOPIC } from '../core/work-requests.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { notifyWork } from './notify.js';

// LISTEN/NOTIFY exists on PostgreSQL only; SQLite has one process, whose server wakes its worker.
describe.skipIf(!TEST_DATABASE_URL)('workers woken by PostgreSQL LISTEN/NOTIFY (needs TEST_DATABASE_URL)', () => {
  let h: Harness;
  let cleanup: () => Promise<void>;
  /** A second process's connection pool on the same schema. */
  let other: DatabaseHandle;
  beforeAll(async () => {
    ({ harness: h, cleanup } = await createHarness('postgres'));
    const schema = (await h.database.db.selectNoFrom((eb) => eb.fn<string>('current_schema').as('s')).executeTakeFirstOrThrow()).s;
    other = openDatabase({ url: TEST_DATABASE_URL, dataDir: h.config.dataDir, schema, poolSize: 2 });
  });
  afterAll(async () => {
    await other.destroy();
    await cleanup();
  });

  it('wakes a listener when the notifying transaction commits, never for a rollback, and only in its own schema', async () => {
    const heard: string[] = [];
    let heardRisk: () => void = () => {};
    const stop = [
      h.database.onWork(WORK_TOPIC.screening, () => heard.push('screening')),
      h.database.onWork(WORK_TOPIC.risk, () => {
        heard.push('risk');
        heardRisk();
      }),
    ];
    // The listener connects on the first subscription and wakes everyone once it is connected.
    await new Promise<void>((resolve) => {
      const unsubscribe = h.database.onWork(WORK_TOPIC.webhooks, () => {
        unsubscribe();
        resolve();
      });
    });
    heard.length = 0;
    const risk = new Promise<void>((resolve) => (heardRisk = resolve));
    await other.db
      .transaction()
      .execute(async (trx) => {
        await notifyWork(trx, WORK_TOPIC.screening);
        throw new Error('rolled back');
      })
      .catch(() => {});
    const elsewhere = await createHarness('postgres');
    await notifyWork(elsewhere.harness.database.db, WORK_TOPIC.screening);
    await elsewhere.cleanup();
    await other.db.transaction().execute((trx) => notifyWork(trx, WORK_TOPIC.risk));
    await risk;
    stop.forEach((unsubscribe) => unsubscribe());
    // Notifications arrive in commit order: had the rollback or the other schema's been delivered, it would come first.
    expect(heard).toEqual(['risk']);
  });

  it("delivers a webhook enqueued by another process's commit at once, with no poll due for an hour", async () => {
    const partner = await h.partner();
    const target = await startReceiver();
    try {
      await createEndpoint(h, partner, `${target.url}/hook`);
      const { worker } = testWorker(h, { pollIntervalMs: 3_600_000 });
      worker.start();
      // The worker's first pass finds nothing; from then on only a notification can wake it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(target.requests).toHaveLength(0);
      await other.db
        .transaction()
        .execute((trx) => enqueueEvent(trx, { partnerId: partner.partnerId, eventType: 'COMPANY_SUBMIT', payload: { id: 'x' }, now: h.clock.now() }));
      await target.waitFor(1);
      await worker.stop();
      expect(target.requests).toHaveLength(1);
    } finally {
      await target.close();
    }
  });

  it('delivers a failed delivery resent through the API at once, with no poll due for an hour', async () => {
    const partner = await h.partner();
    const target = await startReceiver();
    try {
      await createEndpoint(h, partner, `${target.url}/hook`);
      const enqueued = await enqueueEvent(h.database.db, {
        partnerId: partner.partnerId,
        eventType: 'COMPANY_SUBMIT',
        payload: { id: 'y' },
        now: h.clock.now(),
      });
      const deliveryIds = enqueued!.deliveryIds;
      // As if every scheduled attempt had failed.
      await h.database.db.updateTable('webhook_deliveries').set({ status: 'failed', next_attempt_at: null }).where('id', '=', deliveryIds[0]!).execute();
      const { worker } = testWorker(h, { pollIntervalMs: 3_600_000 });
      worker.start();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(target.requests).toHaveLength(0);
      expect((await api(h).call('POST', `/v1/webhooks/deliveries/${deliveryIds[0]}/resend/`, partner.auth)).status).toBe(202);
      await target.waitFor(1);
      await worker.stop();
      expect(target.requests).toHaveLength(1);
    } finally {
      await target.close();
    }
  });
});
