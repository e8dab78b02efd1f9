import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { systemClock } from '../src/core/context.js';
import { createPartner } from '../src/core/partners/create-partner.js';
import { createWebhook } from '../src/core/webhooks/create-webhook.js';
import { enqueueEvent } from '../src/core/webhooks/enqueue-event.js';
import { createLogger } from '../src/logger.js';
import { buildCtx } from '../src/core/context.js';
import { openStorage } from '../src/storage/open-storage.js';
import { DIALECTS, openTestDatabase, TEST_DATABASE_URL, testConfig } from './harness.js';
import { freePort, postgresUrlWithSchema, runCli, startServer, startWorkerProcess } from './process.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';
import { receiverExample } from './webhooks.js';

const SECRET = 'webhook-process-test-secret-webhook-process';
const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

async function until(check: () => Promise<boolean>, what: string, deadlineMs = 60_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const dialect of DIALECTS) {
  it(`delivers an event enqueued before the server was killed with SIGKILL, after a restart [${dialect}]`, async () => {
    const db = await openTestDatabase(dialect);
    const env = {
      OPENKYB_DATA_DIR: db.dataDir,
      OPENKYB_SECRET: SECRET,
      DATABASE_URL: db.url && db.schema ? postgresUrlWithSchema(db.url, db.schema) : '',
      OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      OPENKYB_WEBHOOK_RETRY_SCHEDULE: '100ms,200ms,500ms,1s,1s,1s,1s,1s,1s,1s,1s,1s',
      // A kill that lands mid-attempt leaves a lease of twice this plus 10 s to run out.
      OPENKYB_WEBHOOK_TIMEOUT_MS: '1000',
    };
    try {
      const created = await runCli(['partners', 'create', '--name', 'Killed', '--json'], env);
      const { apiKey, apiSecret } = JSON.parse(created.stdout) as { apiKey: string; apiSecret: string };
      const headers = { authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`, 'content-type': 'application/json' };
      // Nothing listens on the receiver's port yet: the event cannot be delivered before the kill.
      const port = await freePort();

      const server = await startServer(env);
      const hook = await fetch(`${server.url}/v1/webhooks/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook`, eventTypes: ['COMPANY_SUBMIT'] }),
      });
      expect(hook.status).toBe(201);
      const { id: webhookId, signingKey } = (await hook.json()) as { id: string; signingKey: string };
      const test = await fetch(`${server.url}/v1/webhooks/${webhookId}/test/`, { method: 'POST', headers: { authorization: headers.authorization } });
      expect(test.status).toBe(202);
      const { id: deliveryId } = (await test.json()) as { id: string };
      server.child.kill('SIGKILL');
      await server.exited;

      const row = await db.handle.db.selectFrom('webhook_deliveries').select(['status']).where('id', '=', deliveryId).executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');

      const receiver = await startReceiver(() => ({ status: 200 }), port);
      receivers.push(receiver);
      const restarted = await startServer(env);
      try {
        await receiver.waitFor(1, 60_000);
        const [request] = receiver.requests;
        expect(request!.headers['idenfy-event-type']).toBe('WEBHOOK_TEST');
        expect(request!.headers['webhook-id']).toBe(`msg_${deliveryId}`);
        expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({ webhook: webhookId });
        const verify = await receiverExample();
        expect(verify.verifyIdenfySignature(request!.body, request!.headers['idenfy-signature'], signingKey)).toBe(true);
        expect(verify.verifyStandardWebhook(request!.body, request!.headers, signingKey)).toBe(true);
        await until(async () => {
          const res = await fetch(`${restarted.url}/v1/webhooks/deliveries/${deliveryId}/`, { headers: { authorization: headers.authorization } });
          return ((await res.json()) as { status: string }).status === 'delivered';
        }, 'the delivery to be recorded');
        expect(receiver.requests).toHaveLength(1);
      } finally {
        restarted.child.kill('SIGTERM');
        expect(await restarted.exited).toBe(0);
      }
    } finally {
      await db.cleanup();
    }
  }, 120_000);
}

it.skipIf(!TEST_DATABASE_URL)(
  'never sends one delivery from two worker processes at once on PostgreSQL, and sends every one',
  async () => {
    const db = await openTestDatabase('postgres');
    const env = {
      OPENKYB_DATA_DIR: db.dataDir,
      OPENKYB_SECRET: SECRET,
      DATABASE_URL: postgresUrlWithSchema(db.url!, db.schema!),
      OPENKYB_WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    };
    const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];
    try {
      // Slow answers keep both workers busy with the same backlog for a few seconds.
      const receiver = await startReceiver(() => ({ status: 200, delayMs: 150 }));
      receivers.push(receiver);
      const config = testConfig(db.dataDir, { secret: SECRET });
      const ctx = buildCtx({ config, db: db.handle.db, storage: openStorage(config, db.handle.db), clock: systemClock, logger: createLogger('silent') });
      const { partnerId } = await createPartner({ ctx, input: { name: 'Busy' } });
      for (const path of ['/a', '/b', '/c']) {
        await createWebhook({
          ctx: { ...ctx, partnerId },
          input: { url: `${receiver.url}${path}`, eventTypes: ['COMPANY_SUBMIT'] },
          policy: { allowPrivate: true },
        });
      }
      workers.push(await startWorkerProcess(env), await startWorkerProcess(env));

      const deliveryIds = await db.handle.db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (let i = 0; i < 40; i += 1) {
          const enqueued = await enqueueEvent(trx, {
            partnerId,
            eventType: 'COMPANY_SUBMIT',
            payload: { id: randomUUID(), clientId: `c-${i}` },
            now: Date.now(),
          });
          ids.push(...enqueued!.deliveryIds);
        }
        return ids;
      });
      expect(deliveryIds).toHaveLength(120);

      await until(
        async () => {
          const pending = await db.handle.db.selectFrom('webhook_deliveries').select('id').where('status', '!=', 'delivered').execute();
          return pending.length === 0;
        },
        'every delivery to be delivered',
        90_000,
      );

      expect(receiver.overlaps).toEqual([]);
      const received = receiver.requests.map((r) => String(r.headers['webhook-id']));
      expect(received.sort()).toEqual(deliveryIds.map((id) => `msg_${id}`).sort());
      // Both workers took part, so the absence of overlaps says something about their claims.
      for (const worker of workers) {
        const attempts = worker
          .output()
          .split('\n')
          .filter((line) => line.includes('"msg":"webhook attempt"'));
        expect(attempts.length).toBeGreaterThan(0);
      }
    } finally {
      for (const worker of workers) worker.child.kill('SIGTERM');
      for (const worker of workers) expect(await worker.exited).toBe(0);
      await db.cleanup();
    }
  },
  150_000,
);
