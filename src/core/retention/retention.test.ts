import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { base64, pdfDocument } from '../../../test/files.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../test/harness.js';
import { startSession } from '../../../test/kyb.js';
import { createEndpoint } from '../../../test/webhooks.js';
import type { WebhookDeliveryStatus } from '../../db/tables.js';
import { createRetentionWorker } from '../../jobs/retention-worker.js';
import { verifyAuditChain } from '../audit/verify-chain.js';
import { insertEvent } from '../webhooks/outbox.js';
import { purgeDecidedCases } from './purge-decided-cases.js';
import { purgeDeliveries } from './purge-deliveries.js';
import { purgeIdempotency } from './purge-idempotency.js';
import { purgeWebhookBodies, PURGED_BODY } from './purge-webhook-bodies.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const BODY = JSON.stringify({ companyId: 'c', beneficiary: { name: 'Rasa Petraite' } });

/** An event to one endpoint, written `at`, whose delivery is in `status` since `changedAt`, with one attempt. */
async function seedEvent(h: Harness, partner: TestPartner, endpointId: string, status: WebhookDeliveryStatus, at: number, changedAt = at) {
  const { eventId, deliveries } = await insertEvent(h.database.db, { partnerId: partner.partnerId, eventType: 'COMPANY_SUBMIT', body: BODY, now: at }, [
    endpointId,
  ]);
  const deliveryId = deliveries[0]!.id;
  await h.database.db
    .updateTable('webhook_deliveries')
    .set({ status, updated_at: changedAt, next_attempt_at: status === 'pending' ? changedAt : null, attempt_count: 1 })
    .where('id', '=', deliveryId)
    .execute();
  await h.database.db
    .insertInto('webhook_attempts')
    .values({ id: randomUUID(), delivery_id: deliveryId, attempted_at: changedAt, status_code: 200, duration_ms: 5, error: null })
    .execute();
  return { eventId, deliveryId };
}

async function webhookSetup(h: Harness) {
  const partner = await h.partner();
  const endpoint = await createEndpoint(h, partner, 'http://127.0.0.1:9/hook');
  const t0 = h.clock.now();
  const seed = (status: WebhookDeliveryStatus, at: number, changedAt?: number) => seedEvent(h, partner, endpoint.id, status, at, changedAt);
  return { partner, t0, seed };
}

const bodyOf = async (h: Harness, eventId: string) =>
  (await h.database.db.selectFrom('webhook_events').select('body').where('id', '=', eventId).executeTakeFirst())?.body;

const auditOf = (h: Harness, partnerId: string, action: string) =>
  h.database.db
    .selectFrom('audit_logs')
    .select(['company_id', 'details', 'actor_type'])
    .where('partner_id', '=', partnerId)
    .where('action', '=', action)
    .execute();

describeEachDialect('retention: webhook bodies', (h) => {
  it('empties the bodies of final deliveries older than the period, never a pending or recent one, with one audit entry per partner', async () => {
    const { partner, t0, seed } = await webhookSetup(h());
    const delivered = await seed('delivered', t0);
    const failed = await seed('failed', t0, t0 + DAY_MS);
    const pending = await seed('pending', t0);
    const recent = await seed('delivered', t0, t0 + 20 * DAY_MS);
    h().clock.advance(31 * DAY_MS);

    const result = await purgeWebhookBodies({ ctx: h().ctx, input: { periodMs: 30 * DAY_MS } });

    expect(result).toEqual({ purged: 2, isFull: false });
    expect(await bodyOf(h(), delivered.eventId)).toBe(PURGED_BODY);
    expect(await bodyOf(h(), failed.eventId)).toBe(PURGED_BODY);
    expect(await bodyOf(h(), pending.eventId)).toBe(BODY);
    expect(await bodyOf(h(), recent.eventId)).toBe(BODY);
    const entries = await auditOf(h(), partner.partnerId, 'RETENTION_WEBHOOK_BODIES_PURGED');
    expect(entries).toEqual([{ company_id: null, actor_type: 'system', details: JSON.stringify({ events: 2, cutoff: h().clock.now() - 30 * DAY_MS }) }]);
    expect(entries[0]!.details).not.toContain('Rasa');

    expect(await purgeWebhookBodies({ ctx: h().ctx, input: { periodMs: 30 * DAY_MS } })).toEqual({ purged: 0, isFull: false });
    expect(await auditOf(h(), partner.partnerId, 'RETENTION_WEBHOOK_BODIES_PURGED')).toHaveLength(1);
    expect((await verifyAuditChain({ db: h().database.db })).broken).toBeNull();
  });

  it('refuses to resend a delivery whose body was purged, and leaves it final', async () => {
    const { partner, t0, seed } = await webhookSetup(h());
    const delivered = await seed('delivered', t0);
    h().clock.advance(31 * DAY_MS);
    await purgeWebhookBodies({ ctx: h().ctx, input: { periodMs: 30 * DAY_MS } });

    const res = await api(h()).call('POST', `/v1/webhooks/deliveries/${delivered.deliveryId}/resend/`, partner.auth);

    expect(res.status).toBe(409);
    expect(res.json.message).toMatch(/purged/);
    const row = await h().database.db.selectFrom('webhook_deliveries').select('status').where('id', '=', delivered.deliveryId).executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
  });

  it('purges nothing when the period is 0', async () => {
    const { t0, seed } = await webhookSetup(h());
    const delivered = await seed('delivered', t0);
    h().clock.advance(400 * DAY_MS);
    expect(await purgeWebhookBodies({ ctx: h().ctx, input: { periodMs: 0 } })).toEqual({ purged: 0, isFull: false });
    expect(await purgeDeliveries({ ctx: h().ctx, input: { periodMs: 0 } })).toEqual({ purged: 0, isFull: false });
    expect(await bodyOf(h(), delivered.eventId)).toBe(BODY);
  });
});

// Its own database: the pass counts every partner's rows, so earlier tests' events must not be there.
describeEachDialect('retention: concurrent passes', (h) => {
  it('counts each body once when two passes run at the same time, in batches', async () => {
    const { partner, t0, seed } = await webhookSetup(h());
    for (let i = 0; i < 12; i += 1) await seed('delivered', t0);
    h().clock.advance(31 * DAY_MS);
    const pass = () => purgeWebhookBodies({ ctx: h().ctx, input: { periodMs: 30 * DAY_MS, batchSize: 5 } });

    let total = 0;
    for (;;) {
      const [a, b] = await Promise.all([pass(), pass()]);
      total += a.purged + b.purged;
      if (a.purged + b.purged === 0) break;
    }

    expect(total).toBe(12);
    const entries = await auditOf(h(), partner.partnerId, 'RETENTION_WEBHOOK_BODIES_PURGED');
    expect(entries.reduce((sum, e) => sum + (JSON.parse(e.details) as { events: number }).events, 0)).toBe(12);
    expect((await verifyAuditChain({ db: h().database.db })).broken).toBeNull();
  });
});

describeEachDialect('retention: webhook deliveries', (h) => {
  it('deletes final deliveries, their attempts and events older than the period, and keeps pending and recent ones', async () => {
    const { partner, t0, seed } = await webhookSetup(h());
    const old = [await seed('delivered', t0), await seed('failed', t0)];
    const pending = await seed('pending', t0);
    const recent = await seed('delivered', t0, t0 + 10 * DAY_MS);
    h().clock.advance(91 * DAY_MS);

    const [a, b] = await Promise.all([
      purgeDeliveries({ ctx: h().ctx, input: { periodMs: 90 * DAY_MS } }),
      purgeDeliveries({ ctx: h().ctx, input: { periodMs: 90 * DAY_MS } }),
    ]);

    expect(a.purged + b.purged).toBe(2);
    const db = h().database.db;
    const remaining = await db.selectFrom('webhook_deliveries').select('id').where('partner_id', '=', partner.partnerId).execute();
    expect(remaining.map((r) => r.id).sort()).toEqual([pending.deliveryId, recent.deliveryId].sort());
    const events = await db.selectFrom('webhook_events').select('id').where('partner_id', '=', partner.partnerId).execute();
    expect(events.map((r) => r.id).sort()).toEqual([pending.eventId, recent.eventId].sort());
    const attempts = await db
      .selectFrom('webhook_attempts')
      .select('delivery_id')
      .where(
        'delivery_id',
        'in',
        old.map((o) => o.deliveryId),
      )
      .execute();
    expect(attempts).toEqual([]);
    const entries = await auditOf(h(), partner.partnerId, 'RETENTION_WEBHOOK_DELIVERIES_PURGED');
    expect(entries.map((e) => JSON.parse(e.details))).toEqual([{ deliveries: 2, attempts: 2, events: 2, cutoff: h().clock.now() - 90 * DAY_MS }]);
    expect((await verifyAuditChain({ db })).broken).toBeNull();
  });
});

describeEachDialect('retention: idempotency records', (h) => {
  const insertKey = (partnerId: string, key: string, at: number) =>
    h()
      .database.db.insertInto('idempotency_keys')
      .values({ partner_id: partnerId, idempotency_key: key, request_hash: 'h', status_code: 201, response: 'x', created_at: at })
      .execute();

  it('deletes records older than the period once, keeps newer ones, and purges nothing when off', async () => {
    const partner = await h().partner();
    const t0 = h().clock.now();
    await insertKey(partner.partnerId, 'old-1', t0);
    await insertKey(partner.partnerId, 'old-2', t0);
    await insertKey(partner.partnerId, 'new', t0 + 2 * DAY_MS);
    h().clock.advance(3 * DAY_MS);

    expect(await purgeIdempotency({ ctx: h().ctx, input: { periodMs: 0 } })).toEqual({ purged: 0, isFull: false });
    const [a, b] = await Promise.all([
      purgeIdempotency({ ctx: h().ctx, input: { periodMs: 2 * DAY_MS } }),
      purgeIdempotency({ ctx: h().ctx, input: { periodMs: 2 * DAY_MS } }),
    ]);

    expect(a.purged + b.purged).toBe(2);
    const left = await h().database.db.selectFrom('idempotency_keys').select('idempotency_key').where('partner_id', '=', partner.partnerId).execute();
    expect(left.map((r) => r.idempotency_key)).toEqual(['new']);
    const entries = await auditOf(h(), partner.partnerId, 'RETENTION_IDEMPOTENCY_PURGED');
    expect(entries.map((e) => JSON.parse(e.details))).toEqual([{ records: 2, cutoff: h().clock.now() - 2 * DAY_MS }]);
  });
});

function caseHelpers(h: () => Harness) {
  async function decidedCase(status: 'APPROVED' | 'DENIED' | null, decidedAt: number) {
    const s = await startSession(h(), { flow: null });
    const call = api(h()).call;
    const beneficiary = await call('POST', `/kyb/forms/${s.companyId}/beneficiaries/`, s.bearer, {
      beneficiaryType: 'UBO',
      info: { infoType: 'INDIVIDUAL', name: 'Rasa', surname: 'Petraite' },
    });
    expect(beneficiary.status).toBe(201);
    const document = await call('POST', `/kyb/forms/${s.companyId}/documents/`, s.bearer, {
      type: 'INCORPORATION_CERT',
      filename: 'cert.pdf',
      file: base64(pdfDocument(`cert ${s.companyId}`)),
    });
    expect(document.status).toBe(201);
    await h()
      .database.db.updateTable('companies')
      .set({ approval_status: status, status: 'COMPLETED', updated_at: decidedAt })
      .where('id', '=', s.companyId)
      .execute();
    return s;
  }

  const rowsOf = async (companyId: string) => {
    const db = h().database.db;
    const count = async (table: 'beneficiaries' | 'documents' | 'company_keys' | 'stored_files') =>
      (await db.selectFrom(table).select('company_id').where('company_id', '=', companyId).execute()).length;
    const company = await db.selectFrom('companies').select(['info', 'erased_at', 'approval_status']).where('id', '=', companyId).executeTakeFirstOrThrow();
    return {
      beneficiaries: await count('beneficiaries'),
      documents: await count('documents'),
      keys: await count('company_keys'),
      files: await count('stored_files'),
      company,
    };
  };
  return { decidedCase, rowsOf };
}

describeEachDialect('retention: decided cases', (h) => {
  const { decidedCase, rowsOf } = caseHelpers(h);

  it('erases a case decided longer ago than the period and keeps an undecided or recently decided one', async () => {
    const t0 = h().clock.now();
    const approved = await decidedCase('APPROVED', t0);
    const denied = await decidedCase('DENIED', t0);
    const recent = await decidedCase('APPROVED', t0 + 10 * DAY_MS);
    const undecided = await decidedCase(null, t0);
    h().clock.advance(1827 * DAY_MS);

    const [a, b] = await Promise.all([
      purgeDecidedCases({ ctx: h().ctx, input: { periodMs: 1826 * DAY_MS } }),
      purgeDecidedCases({ ctx: h().ctx, input: { periodMs: 1826 * DAY_MS } }),
    ]);

    expect(a.purged + b.purged).toBe(2);
    for (const erased of [approved, denied]) {
      const rows = await rowsOf(erased.companyId);
      expect(rows).toEqual({
        beneficiaries: 0,
        documents: 0,
        keys: 0,
        files: 0,
        company: { info: null, erased_at: h().clock.now(), approval_status: expect.any(String) },
      });
      const entries = await auditOf(h(), erased.partner.partnerId, 'RETENTION_CASE_ERASED');
      expect(entries.map((e) => [e.company_id, JSON.parse(e.details)])).toEqual([
        [
          erased.companyId,
          {
            beneficiaries: 1,
            documents: 1,
            questionnaireAnswers: 0,
            screeningHits: 0,
            cutoff: h().clock.now() - 1826 * DAY_MS,
          },
        ],
      ]);
    }
    for (const kept of [recent, undecided]) {
      const rows = await rowsOf(kept.companyId);
      expect(rows).toMatchObject({ beneficiaries: 1, documents: 1, keys: 1, files: 1, company: { erased_at: null } });
    }
    expect(await purgeDecidedCases({ ctx: h().ctx, input: { periodMs: 0 } })).toEqual({ purged: 0, isFull: false });
    expect((await rowsOf(recent.companyId)).keys).toBe(1);
    expect((await verifyAuditChain({ db: h().database.db })).broken).toBeNull();
  });

  it("erases the reviewers' comments of an erased case (free text about its people, stored in clear) and keeps a kept case's", async () => {
    const t0 = h().clock.now();
    const erased = await decidedCase('APPROVED', t0);
    const kept = await decidedCase('APPROVED', t0 + 10 * DAY_MS);
    for (const s of [erased, kept]) {
      const comment = await api(h()).call('POST', `/v1/companies/${s.companyId}/comments/`, s.partner.auth, { content: 'Rasa Petraite: passport expired' });
      expect(comment.status, comment.text).toBe(201);
    }
    h().clock.advance(1827 * DAY_MS);

    await purgeDecidedCases({ ctx: h().ctx, input: { periodMs: 1826 * DAY_MS } });
    expect((await rowsOf(erased.companyId)).company.erased_at).toBe(h().clock.now());
    expect((await rowsOf(kept.companyId)).company.erased_at).toBeNull();

    const comments = (companyId: string) => h().database.db.selectFrom('company_comments').select('content').where('company_id', '=', companyId).execute();
    expect(await comments(erased.companyId)).toEqual([]);
    expect(await comments(kept.companyId)).toHaveLength(1);
    // An erased case takes no new comment: nothing would ever erase it (404, as its detail answers).
    const late = await api(h()).call('POST', `/v1/companies/${erased.companyId}/comments/`, erased.partner.auth, { content: 'Rasa Petraite: new passport' });
    expect(late.status, late.text).toBe(404);
    expect(await comments(erased.companyId)).toEqual([]);
  });
});

describeEachDialect('retention: an erased case and its link', (h) => {
  it("deactivates the case's links, and a form is never created again in an erased case", async () => {
    const partner = await h().partner();
    const { call } = api(h());
    // A link valid for 30 days, the longest allowed, and a retention period of one day.
    const token = await call('POST', '/kyb/tokens/', partner.auth, { tokenType: 'FORM', clientId: 'erased-1', lifetime: 2_592_000 });
    expect(token.status).toBe(201);
    const bearer = `Bearer ${token.json.tokenString}`;
    const companyId = token.json.companyId as string;
    await h().database.db.updateTable('companies').set({ approval_status: 'DENIED', status: 'COMPLETED' }).where('id', '=', companyId).execute();
    h().clock.advance(2 * DAY_MS);
    expect((await purgeDecidedCases({ ctx: h().ctx, input: { periodMs: DAY_MS } })).purged).toBe(1);

    const form = { company: { companyName: 'Back From The Dead UAB', country: 'LT', additionalInfo: {} } };
    const created = await call('POST', '/kyb/forms/', bearer, form);
    expect(created.status, created.text).toBe(401);
    expect((await call('GET', '/kyb/info/', bearer)).status).toBe(401);
    // Were the link live again, the erased case still takes no form.
    await h().database.db.updateTable('kyb_tokens').set({ deactivated_at: null }).where('company_id', '=', companyId).execute();
    const again = await call('POST', '/kyb/forms/', bearer, form);
    expect(again.status, again.text).toBe(404);
    const row = await h().database.db.selectFrom('companies').select(['info', 'search_text']).where('id', '=', companyId).executeTakeFirstOrThrow();
    expect(row).toEqual({ info: null, search_text: null });
  });
});

describeEachDialect('retention: worker', (h) => {
  const { decidedCase, rowsOf } = caseHelpers(h);
  it('runs every purge from the worker and logs counts only', async () => {
    const t0 = h().clock.now();
    const s = await decidedCase('DENIED', t0);
    h().clock.advance(1827 * DAY_MS);
    const worker = createRetentionWorker({ ctx: h().ctx, retention: h().config.retention, logger: h().ctx.logger });

    const counts = await worker.runOnce();

    expect(counts).toMatchObject({ decidedCases: 1, isFull: false });
    expect((await rowsOf(s.companyId)).beneficiaries).toBe(0);
    const line = h().logs.find((l) => l.includes('retention purged'));
    expect(line).toBeDefined();
    expect(line).not.toContain('Rasa');
    expect(line).not.toContain(s.companyId);
  });
});
