import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { describeEachDialect, type Harness } from '../../test/harness.js';
import { startReceiver, type Answer, type Receiver } from '../../test/webhook-receiver.js';
import { createEndpoint, receiverExample, testWorker } from '../../test/webhooks.js';
import { enqueueEvent } from '../core/webhooks/enqueue-event.js';
import { sealHeaders } from '../core/webhooks/present.js';
import { claimDueDeliveries } from '../core/webhooks/claim-deliveries.js';

const receivers: Receiver[] = [];
async function receiver(answer?: (index: number) => Answer): Promise<Receiver> {
  const started = await startReceiver(answer ? (_request, index) => answer(index) : undefined);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const submitPayload = (clientId = 'client-1') => ({
  id: 'c0ffee00-0000-4000-8000-000000000001',
  clientId,
  submissionTime: '2026-11-26T10:00:00.000Z',
  soleProprietor: false,
  externalRef: 'Ünïcödé ✓',
});

async function enqueue(h: Harness, partnerId: string, payload: object = submitPayload()) {
  const enqueued = await h.database.db
    .transaction()
    .execute((trx) => enqueueEvent(trx, { partnerId, eventType: 'COMPANY_SUBMIT', payload, now: h.clock.now() }));
  if (!enqueued) throw new Error('nothing enqueued');
  return enqueued;
}

/** A partner with one endpoint on a fresh receiver, and one event queued for it. */
async function oneQueuedDelivery(h: Harness, answer?: (index: number) => Answer) {
  const partner = await h.partner();
  const target = await receiver(answer);
  const endpoint = await createEndpoint(h, partner, `${target.url}/hook`);
  const {
    deliveryIds: [deliveryId],
  } = await enqueue(h, partner.partnerId);
  return { partner, target, endpoint, deliveryId: deliveryId! };
}

async function delivery(h: Harness, auth: string, id: string) {
  const res = await api(h).call('GET', `/v1/webhooks/deliveries/${id}/`, auth);
  expect(res.status).toBe(200);
  return res.json;
}

/** Polls until `check` holds; the deadline only bounds a hang, it measures nothing. */
async function until(check: () => Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDialect('webhook delivery', (h) => {
  // Tests share a database: what one leaves pending must not be sent during the next.
  afterEach(async () => {
    await h().database.db.updateTable('webhook_deliveries').set({ status: 'failed', next_attempt_at: null }).where('status', '=', 'pending').execute();
  });

  it('sends the stored bytes once, with an Idenfy-Signature and a Standard Webhooks signature that verify', async () => {
    const { partner, target, endpoint, deliveryId } = await oneQueuedDelivery(h());
    const { worker } = testWorker(h());

    expect(await worker.runOnce()).toBe(1);
    expect(target.requests).toHaveLength(1);
    const [request] = target.requests;
    const stored = await h().database.db.selectFrom('webhook_events').select('body').executeTakeFirstOrThrow();
    expect(request!.body.equals(Buffer.from(stored.body, 'utf8'))).toBe(true);
    expect(JSON.parse(request!.body.toString('utf8'))).toEqual(submitPayload());
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idenfy-event-type']).toBe('COMPANY_SUBMIT');
    expect(request!.headers['idenfy-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(request!.headers['webhook-id']).toBe(`msg_${deliveryId}`);
    expect(request!.headers['webhook-timestamp']).toBe(String(Math.floor(h().clock.now() / 1000)));

    const verify = await receiverExample();
    const now = Math.floor(h().clock.now() / 1000);
    expect(verify.verifyIdenfySignature(request!.body, request!.headers['idenfy-signature'], endpoint.signingKey)).toBe(true);
    expect(verify.verifyStandardWebhook(request!.body, request!.headers, endpoint.signingKey, now)).toBe(true);
    // The checks can fail: another key, a changed byte, or a replay ten minutes later.
    const tampered = Buffer.from(request!.body.toString('utf8').replace('client-1', 'client-2'));
    expect(verify.verifyIdenfySignature(request!.body, request!.headers['idenfy-signature'], `${endpoint.signingKey}x`)).toBe(false);
    expect(verify.verifyIdenfySignature(tampered, request!.headers['idenfy-signature'], endpoint.signingKey)).toBe(false);
    expect(verify.verifyStandardWebhook(tampered, request!.headers, endpoint.signingKey, now)).toBe(false);
    expect(verify.verifyStandardWebhook(request!.body, request!.headers, endpoint.signingKey, now + 600)).toBe(false);

    const detail = await delivery(h(), partner.auth, deliveryId!);
    expect(detail).toMatchObject({ status: 'delivered', attemptCount: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, webhook: endpoint.id });
    expect(detail.attempts).toEqual([{ attemptedAt: new Date(h().clock.now()).toISOString(), statusCode: 200, durationMs: expect.any(Number), error: null }]);
    expect(await worker.runOnce()).toBe(0);
  });

  it('signs with a partner-given key as UTF-8 bytes in both headers', async () => {
    const partner = await h().partner();
    const target = await receiver();
    const signingKey = 'my-own-signing-key-2026';
    await createEndpoint(h(), partner, `${target.url}/hook`, { signingKey });
    await enqueue(h(), partner.partnerId);
    await testWorker(h()).worker.runOnce();
    const verify = await receiverExample();
    const [request] = target.requests;
    expect(verify.verifyIdenfySignature(request!.body, request!.headers['idenfy-signature'], signingKey)).toBe(true);
    expect(verify.verifyStandardWebhook(request!.body, request!.headers, signingKey, Math.floor(h().clock.now() / 1000))).toBe(true);
  });

  it("fans an event out to the active endpoints subscribed to its type only, in the caller's transaction", async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    const target = await receiver();
    const subscribed = await createEndpoint(h(), partner, `${target.url}/a`);
    await createEndpoint(h(), partner, `${target.url}/b`, { eventTypes: ['COMPANY_REVIEW'] });
    await createEndpoint(h(), partner, `${target.url}/c`, { isActive: false });
    await createEndpoint(h(), other, `${target.url}/d`);

    const enqueued = await enqueue(h(), partner.partnerId);
    const rows = await h().database.db.selectFrom('webhook_deliveries').select(['id', 'endpoint_id']).where('event_id', '=', enqueued.eventId).execute();
    expect(rows).toEqual([{ id: enqueued.deliveryIds[0], endpoint_id: subscribed.id }]);

    const events = async () => (await h().database.db.selectFrom('webhook_events').select('id').execute()).length;
    const before = await events();
    const none = await enqueueEvent(h().database.db, { partnerId: partner.partnerId, eventType: 'COMPANY_DELETE', payload: {}, now: h().clock.now() });
    expect(none).toBeNull();
    await expect(
      h()
        .database.db.transaction()
        .execute(async (trx) => {
          await enqueueEvent(trx, { partnerId: partner.partnerId, eventType: 'COMPANY_SUBMIT', payload: submitPayload(), now: h().clock.now() });
          throw new Error('the change failed');
        }),
    ).rejects.toThrow('the change failed');
    expect(await events()).toBe(before);

    await testWorker(h()).worker.runOnce();
    expect(target.requests.map((r) => r.path)).toEqual(['/a']);
  });

  it('retries a receiver that fails the first three attempts and records one success after four attempts', async () => {
    const partner = await h().partner();
    const statuses = [500, 503, 429, 200];
    const target = await receiver((index) => ({ status: statuses[index] ?? 200 }));
    await createEndpoint(h(), partner, `${target.url}/hook`);
    const {
      deliveryIds: [deliveryId],
    } = await enqueue(h(), partner.partnerId);
    const { worker } = testWorker(h(), { config: { ...h().config, webhookRetryScheduleMs: [1000, 60_000, 3_600_000, 3_600_000] } });

    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0); // not due before its backoff
    for (const delayMs of [1000, 60_000, 3_600_000]) {
      h().clock.advance(delayMs * 1.1);
      expect(await worker.runOnce()).toBe(1);
    }
    h().clock.advance(2 * 24 * 3_600_000);
    expect(await worker.runOnce()).toBe(0);

    expect(target.requests).toHaveLength(4);
    expect(new Set(target.requests.map((r) => r.body.toString('hex'))).size).toBe(1);
    expect(new Set(target.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const detail = await delivery(h(), partner.auth, deliveryId!);
    expect(detail).toMatchObject({ status: 'delivered', attemptCount: 4, lastStatusCode: 200, lastError: null });
    expect(detail.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual(statuses);
    expect(detail.attempts.map((a: { error: string | null }) => a.error === null)).toEqual([false, false, false, true]);
  });

  it('does not follow a redirect: a 3xx is a failed attempt and the redirect target gets nothing', async () => {
    const partner = await h().partner();
    const elsewhere = await receiver();
    const target = await receiver(() => ({ status: 302, headers: { location: `${elsewhere.url}/stolen` } }));
    await createEndpoint(h(), partner, `${target.url}/hook`);
    const {
      deliveryIds: [deliveryId],
    } = await enqueue(h(), partner.partnerId);
    await testWorker(h()).worker.runOnce();

    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    const detail = await delivery(h(), partner.auth, deliveryId!);
    expect(detail).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: 302 });
    expect(detail.attempts[0].error).toMatch(/redirect not followed/);
    expect(Date.parse(detail.nextAttemptAt)).toBeGreaterThan(h().clock.now());
  });

  it('records a timeout when the receiver never answers, without its status', async () => {
    const { partner, deliveryId } = await oneQueuedDelivery(h(), () => 'hang');
    await testWorker(h(), { config: { ...h().config, webhookTimeoutMs: 300 } }).worker.runOnce();

    const detail = await delivery(h(), partner.auth, deliveryId!);
    expect(detail).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: null });
    expect(detail.attempts[0]).toMatchObject({ statusCode: null, error: 'timeout: no response within 300 ms' });
  });

  it('fails a delivery after its last scheduled attempt; a resend through the API then delivers it with the same webhook-id', async () => {
    const partner = await h().partner();
    let isUp = false;
    const target = await receiver(() => ({ status: isUp ? 204 : 500 }));
    await createEndpoint(h(), partner, `${target.url}/hook`);
    const {
      deliveryIds: [deliveryId],
    } = await enqueue(h(), partner.partnerId);
    const { worker } = testWorker(h()); // harness schedule: [1 s, 2 s], so three attempts

    await worker.runOnce();
    for (const delayMs of [1000, 2000]) {
      h().clock.advance(delayMs * 1.1);
      expect(await worker.runOnce()).toBe(1);
    }
    const failed = await delivery(h(), partner.auth, deliveryId!);
    expect(failed).toMatchObject({ status: 'failed', attemptCount: 3, nextAttemptAt: null, lastStatusCode: 500 });
    h().clock.advance(24 * 3_600_000);
    expect(await worker.runOnce()).toBe(0);

    isUp = true;
    const resent = await api(h()).call('POST', `/v1/webhooks/deliveries/${deliveryId}/resend/`, partner.auth);
    expect(resent.status).toBe(202);
    expect(resent.json).toMatchObject({ id: deliveryId, status: 'pending', nextAttemptAt: new Date(h().clock.now()).toISOString() });
    expect(await worker.runOnce()).toBe(1);
    const delivered = await delivery(h(), partner.auth, deliveryId!);
    expect(delivered).toMatchObject({ status: 'delivered', attemptCount: 4, lastStatusCode: 204 });
    expect(delivered.attempts).toHaveLength(4);
    expect(new Set(target.requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([`msg_${deliveryId}`]));

    const again = await api(h()).call('POST', `/v1/webhooks/deliveries/${deliveryId}/resend/`, partner.auth);
    expect(again.status).toBe(202);
    const pending = await api(h()).call('POST', `/v1/webhooks/deliveries/${deliveryId}/resend/`, partner.auth);
    expect(pending.status).toBe(409);
    expect(pending.json.identifier).toBe('CONFLICT');
  });

  it('requires a valid TLS certificate: a self-signed receiver gets nothing and the attempt says why', async () => {
    const partner = await h().partner();
    const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures');
    let received = 0;
    const server = createHttpsServer(
      { key: readFileSync(path.join(fixtures, 'self-signed-key.pem')), cert: readFileSync(path.join(fixtures, 'self-signed-cert.pem')) },
      (_req, res) => {
        received += 1;
        res.end();
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await createEndpoint(h(), partner, `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
      const {
        deliveryIds: [deliveryId],
      } = await enqueue(h(), partner.partnerId);
      await testWorker(h()).worker.runOnce();
      expect(received).toBe(0);
      const detail = await delivery(h(), partner.auth, deliveryId!);
      expect(detail.attempts[0]).toMatchObject({ statusCode: null, error: 'TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('claims a delivery again once the lease of a worker that died mid-send has expired', async () => {
    const { partner, target, deliveryId } = await oneQueuedDelivery(h());
    const dead = await claimDueDeliveries(h().database, { now: h().clock.now(), limit: 10, leaseToken: 'dead-worker', leaseMs: 60_000 });
    expect(dead.map((d) => d.id)).toEqual([deliveryId]);

    const { worker } = testWorker(h());
    expect(await worker.runOnce()).toBe(0);
    h().clock.advance(59_999);
    expect(await worker.runOnce()).toBe(0);
    h().clock.advance(1);
    expect(await worker.runOnce()).toBe(1);
    expect(target.requests).toHaveLength(1);
    expect((await delivery(h(), partner.auth, deliveryId!)).status).toBe('delivered');
  });

  it('claims at most the batch size, and never one delivery twice while its lease runs', async () => {
    const partner = await h().partner();
    const target = await receiver();
    await createEndpoint(h(), partner, `${target.url}/a`);
    await createEndpoint(h(), partner, `${target.url}/b`);
    for (let i = 0; i < 10; i += 1) await enqueue(h(), partner.partnerId);
    const claim = (leaseToken: string) => claimDueDeliveries(h().database, { now: h().clock.now(), limit: 8, leaseToken, leaseMs: 60_000 });
    const batches = [await claim('a'), await claim('b'), await claim('c'), await claim('d')];
    expect(batches.map((b) => b.length)).toEqual([8, 8, 4, 0]);
    expect(new Set(batches.flat().map((d) => d.id)).size).toBe(20);
    expect(batches[1]!.every((d) => d.lease_token === 'b' && d.lease_expires_at === h().clock.now() + 60_000)).toBe(true);
  });

  it('refuses at connection time a host whose DNS now points to a private address (rebinding), unless allowed', async () => {
    const partner = await h().partner();
    const target = await receiver();
    // Saved while the operator allowed private URLs (or while DNS still pointed elsewhere).
    await createEndpoint(h(), partner, `http://rebound.example:${target.port}/hook`);
    await createEndpoint(h(), partner, `http://127.0.0.1:${target.port}/literal`);
    const enqueued = await enqueue(h(), partner.partnerId);
    expect(enqueued.deliveryIds).toHaveLength(2);
    const lookupAll = async (host: string) => {
      if (host !== 'rebound.example') throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return [{ address: '127.0.0.1', family: 4 }];
    };

    const strict = testWorker(h(), { config: { ...h().config, webhookAllowPrivateUrls: false }, lookupAll }).worker;
    expect(await strict.runOnce()).toBe(2);
    expect(target.requests).toHaveLength(0);
    for (const id of enqueued.deliveryIds) {
      const detail = await delivery(h(), partner.auth, id);
      expect(detail.attempts[0].error).toBe('refused: the host points to 127.0.0.1 (loopback)');
    }

    h().clock.advance(1100);
    const lenient = testWorker(h(), { lookupAll }).worker;
    expect(await lenient.runOnce()).toBe(2);
    expect(target.requests.map((r) => r.path).sort()).toEqual(['/hook', '/literal']);
  });

  it('sends custom headers, which can never replace the ones OpenKYB sets', async () => {
    const partner = await h().partner();
    const target = await receiver();
    const endpoint = await createEndpoint(h(), partner, `${target.url}/hook`, { headers: { Authorization: 'Bearer gateway-token', 'X-Tenant': 't1' } });
    // Stored directly, past the API's refusal, to prove the send path holds on its own.
    const forged = { 'X-Tenant': 't1', 'Content-Type': 'text/plain', 'Idenfy-Signature': 'forged', 'WEBHOOK-ID': 'msg_forged' };
    await h()
      .database.db.updateTable('webhook_endpoints')
      .set({ headers: sealHeaders(h().config.secret, endpoint.id, forged) })
      .where('id', '=', endpoint.id)
      .execute();
    await enqueue(h(), partner.partnerId);
    await testWorker(h()).worker.runOnce();

    const [request] = target.requests;
    expect(request!.headers['x-tenant']).toBe('t1');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idenfy-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(request!.headers['webhook-id']).toMatch(/^msg_[0-9a-f-]{36}$/);
    const verify = await receiverExample();
    expect(verify.verifyIdenfySignature(request!.body, request!.headers['idenfy-signature'], endpoint.signingKey)).toBe(true);
  });

  it('fails the pending deliveries of a deactivated webhook, sends nothing, and resends once it is active again', async () => {
    const { partner, target, endpoint, deliveryId } = await oneQueuedDelivery(h());
    expect((await api(h()).call('PATCH', `/v1/webhooks/${endpoint.id}/`, partner.auth, { isActive: false })).status).toBe(200);
    expect(await delivery(h(), partner.auth, deliveryId!)).toMatchObject({ status: 'failed', lastError: 'webhook deactivated', attemptCount: 0 });
    const { worker } = testWorker(h());
    expect(await worker.runOnce()).toBe(0);
    expect((await api(h()).call('POST', `/v1/webhooks/deliveries/${deliveryId}/resend/`, partner.auth)).status).toBe(409);

    await api(h()).call('PATCH', `/v1/webhooks/${endpoint.id}/`, partner.auth, { isActive: true });
    expect((await api(h()).call('POST', `/v1/webhooks/deliveries/${deliveryId}/resend/`, partner.auth)).status).toBe(202);
    expect(await worker.runOnce()).toBe(1);
    expect(target.requests).toHaveLength(1);
  });

  it('runs as a loop that a notification wakes, and on stop gives back the claim of a request in flight', async () => {
    const partner = await h().partner();
    let isHanging = true;
    const target = await receiver(() => (isHanging ? 'hang' : { status: 200 }));
    await createEndpoint(h(), partner, `${target.url}/hook`);
    const {
      deliveryIds: [deliveryId],
    } = await enqueue(h(), partner.partnerId);
    // A long poll interval: only the notification can make this prompt enough to finish.
    const { worker } = testWorker(h(), { pollIntervalMs: 3_600_000 });
    worker.start();
    worker.notify();
    await target.waitFor(1);
    await worker.stop();
    const row = await h().database.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempt_count: 0, lease_token: null, lease_expires_at: null });

    isHanging = false;
    const next = testWorker(h(), { pollIntervalMs: 3_600_000 }).worker;
    next.start();
    next.notify();
    await until(async () => (await delivery(h(), partner.auth, deliveryId!)).status === 'delivered');
    await next.stop();
    expect(target.requests).toHaveLength(2);
  });

  it('logs ids and outcomes, never the body or the signing key', async () => {
    const partner = await h().partner();
    const canary = 'CANARY-Jane-Doe-1984';
    let calls = 0;
    const target = await receiver(() => ({ status: calls++ === 0 ? 500 : 200 }));
    const endpoint = await createEndpoint(h(), partner, `${target.url}/hook`);
    const {
      deliveryIds: [deliveryId],
    } = await enqueue(h(), partner.partnerId, submitPayload(canary));
    const { worker, logs } = testWorker(h());
    await worker.runOnce();
    h().clock.advance(1100);
    await worker.runOnce();
    const all = [...logs, ...h().logs].join('\n');
    expect(logs.filter((line) => line.includes(deliveryId!))).toHaveLength(2);
    expect(all).not.toContain(canary);
    expect(all).not.toContain(endpoint.signingKey);
    expect(all).not.toContain(endpoint.signingKey.slice(6));
  });
});
