import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { describeEachDialect, TEST_DATABASE_URL, type Harness } from '../../../test/harness.js';
import { startSession } from '../../../test/kyb.js';
import { flowBody, themeBody } from '../../../test/fixtures.js';
import { openDatabase, type Db } from '../../db/database.js';
import { createApiKey } from '../partners/create-api-key.js';
import { revokeApiKey } from '../partners/revoke-api-key.js';
import { recordAudit } from './record-audit.js';
import { verifyAuditChain } from './verify-chain.js';

/** A partner with a real API session behind it: catalog, settings, token, form, webhook. */
async function busyPartner(h: Harness) {
  const session = await startSession(h);
  const call = api(h).call;
  const auth = session.partner.auth;
  const theme = await call('POST', '/v1/themes/', auth, themeBody());
  expect(theme.status, theme.text).toBe(201);
  for (const [method, url, by, body] of [
    ['PUT', `/v1/themes/${theme.json.id}/`, auth, themeBody({ name: 'Brand 2' })],
    ['PATCH', '/v1/settings/', auth, { defaultTheme: theme.json.id, statusOnSubmit: 'NEED_TO_PROCESS' }],
    ['PATCH', `/kyb/tokens/${session.token}/`, auth, { tags: ['vip'] }],
    ['PATCH', `/kyb/forms/${session.companyId}/`, session.bearer, { company: { website: 'https://acme.example/new' } }],
  ] as const) {
    const answer = await call(method, url, by, body);
    expect(answer.status, `${method} ${url}: ${answer.text}`).toBe(200);
  }
  const hook = await call('POST', '/v1/webhooks/', auth, { url: 'https://hooks.example.com/kyb', eventTypes: ['COMPANY_SUBMIT'] });
  expect(hook.status).toBe(201);
  expect((await call('POST', `/v1/webhooks/${hook.json.id}/rotate-signing-key/`, auth)).status).toBe(200);
  expect((await call('DELETE', `/v1/webhooks/${hook.json.id}/`, auth)).status).toBe(204);
  const spare = await call('POST', '/v1/flows/', auth, flowBody({ name: 'Spare', questionnaire: null }));
  expect((await call('DELETE', `/v1/flows/${spare.json.id}/`, auth)).status).toBe(204);
  return session;
}

async function chainOf(db: Db, partnerId: string) {
  return db.selectFrom('audit_logs').selectAll().where('partner_id', '=', partnerId).orderBy('seq').execute();
}

describeEachDialect('audit chain', (h) => {
  it('links every change of an API session into one intact chain per partner, partner-level entries included', async () => {
    const session = await busyPartner(h());
    const rows = await chainOf(h().database.db, session.partner.partnerId);
    expect(rows.map((r) => r.action)).toEqual([
      'PARTNER_CREATED',
      'QUESTIONNAIRE_CREATED',
      'FLOW_CREATED',
      'TOKEN_CREATED',
      'FORM_CREATED',
      'THEME_CREATED',
      'THEME_REPLACED',
      'SETTINGS_UPDATED',
      'TOKEN_UPDATED',
      'FORM_UPDATED',
      'WEBHOOK_CREATED',
      'WEBHOOK_SIGNING_KEY_ROTATED',
      'WEBHOOK_DELETED',
      'FLOW_CREATED',
      'FLOW_DELETED',
    ]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.find((r) => r.action === 'SETTINGS_UPDATED')?.company_id).toBeNull();
    expect(rows.find((r) => r.action === 'TOKEN_CREATED')?.company_id).toBe(session.companyId);
    expect(rows.find((r) => r.action === 'WEBHOOK_CREATED')?.actor_id).toEqual(expect.any(String));
    const report = await verifyAuditChain({ db: h().database.db, partnerId: session.partner.partnerId });
    expect(report).toEqual({ partners: 1, entries: rows.length, broken: null });
    expect((await verifyAuditChain({ db: h().database.db })).broken).toBeNull();
  });

  it('records an operator creating and revoking a key pair, with the key id and no secret', async () => {
    const partner = await h().partner();
    const key = await createApiKey({ ctx: h().ctx, input: { partnerId: partner.partnerId, label: 'ci' } });
    await revokeApiKey({ ctx: h().ctx, input: { key: key.apiKey } });
    const rows = await chainOf(h().database.db, partner.partnerId);
    expect(rows.map((r) => [r.seq, r.action, r.actor_type, JSON.parse(r.details)])).toEqual([
      [1, 'PARTNER_CREATED', 'operator', { keyId: expect.any(String) }],
      [2, 'API_KEY_CREATED', 'operator', { keyId: key.keyId }],
      [3, 'API_KEY_REVOKED', 'operator', { keyId: key.keyId }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(key.apiSecret);
  });

  it('catches a row whose details were edited in the database, at that seq', async () => {
    const session = await busyPartner(h());
    const db = h().database.db;
    const target = (await chainOf(db, session.partner.partnerId))[4]!;
    await db.updateTable('audit_logs').set({ details: '{"fields":[]}' }).where('id', '=', target.id).execute();
    const report = await verifyAuditChain({ db, partnerId: session.partner.partnerId });
    expect(report.broken).toMatchObject({ partnerId: session.partner.partnerId, seq: 5, entryId: target.id, problem: 'hash-mismatch' });
  });

  it("catches an edit that recomputes the row's own hash, at the next link", async () => {
    const session = await busyPartner(h());
    const db = h().database.db;
    const rows = await chainOf(db, session.partner.partnerId);
    await db
      .updateTable('audit_logs')
      .set({ hash: 'f'.repeat(64) })
      .where('id', '=', rows[2]!.id)
      .execute();
    const report = await verifyAuditChain({ db, partnerId: session.partner.partnerId });
    expect(report.broken).toMatchObject({ seq: 3, entryId: rows[2]!.id, problem: 'hash-mismatch' });
  });

  it('catches a deleted row as a gap in seq, and a deleted last row through the head', async () => {
    const session = await busyPartner(h());
    const db = h().database.db;
    const rows = await chainOf(db, session.partner.partnerId);
    await db.deleteFrom('audit_logs').where('id', '=', rows.at(-1)!.id).execute();
    const tail = await verifyAuditChain({ db, partnerId: session.partner.partnerId });
    expect(tail.broken).toMatchObject({ seq: rows.length, entryId: null, problem: 'seq-gap' });
    await db.deleteFrom('audit_logs').where('id', '=', rows[6]!.id).execute();
    const middle = await verifyAuditChain({ db, partnerId: session.partner.partnerId });
    expect(middle.broken).toMatchObject({ seq: 7, entryId: rows[7]!.id, problem: 'seq-gap' });
    expect(middle.broken?.message).toContain('entry 7 is missing');
  });

  it('catches two rows swapped (seq and created_at exchanged)', async () => {
    const session = await busyPartner(h());
    const db = h().database.db;
    const [, , , a, b] = await chainOf(db, session.partner.partnerId);
    // Through a free seq: the unique (partner_id, seq) forbids a direct swap.
    await db.updateTable('audit_logs').set({ seq: -1 }).where('id', '=', a!.id).execute();
    await db.updateTable('audit_logs').set({ seq: a!.seq, created_at: a!.created_at }).where('id', '=', b!.id).execute();
    await db.updateTable('audit_logs').set({ seq: b!.seq, created_at: b!.created_at }).where('id', '=', a!.id).execute();
    const report = await verifyAuditChain({ db, partnerId: session.partner.partnerId });
    expect(report.broken).toMatchObject({ seq: 4, entryId: b!.id, problem: 'prev-hash-mismatch' });
  });

  it('keeps one linear chain when two database handles append to one partner concurrently', async () => {
    const partner = await h().partner();
    const database = h().database;
    const schema =
      database.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]!.schema : undefined;
    // Two pools on one PostgreSQL schema stand for two servers. SQLite's writers in one process
    // would block each other's thread (its busy wait is synchronous): there one handle runs the
    // same concurrent transactions, which SQLite serialises with BEGIN IMMEDIATE.
    const second = schema ? openDatabase({ url: TEST_DATABASE_URL, dataDir: h().config.dataDir, schema, poolSize: 5 }) : database;
    try {
      const append = (db: Db, i: number) =>
        db.transaction().execute(async (trx) => {
          await recordAudit(trx, { partnerId: partner.partnerId, actor: { kind: 'system' }, action: 'CONCURRENCY_PROBE', details: { i }, now: 1_000 + i });
        });
      await Promise.all(Array.from({ length: 200 }, (_, i) => append(i % 2 === 0 ? database.db : second.db, i)));
    } finally {
      if (second !== database) await second.destroy();
    }
    const rows = await chainOf(database.db, partner.partnerId);
    expect(rows).toHaveLength(201);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(201);
    expect(new Set(rows.map((r) => JSON.parse(r.details).i)).size).toBe(201);
    expect(await verifyAuditChain({ db: database.db, partnerId: partner.partnerId })).toEqual({ partners: 1, entries: 201, broken: null });
  });

  it("starts a partner's chain once when its first entries are appended concurrently", async () => {
    const db = h().database.db;
    // A partner row with no entry and no head yet (as one created before the audit trail existed).
    const partnerId = 'partner-without-head';
    await db.insertInto('partners').values({ id: partnerId, name: 'Headless', settings: '{}', created_at: 0 }).execute();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction().execute((trx) => recordAudit(trx, { partnerId, actor: { kind: 'system' }, action: 'FIRST_PROBE', details: { i }, now: 2_000 + i })),
      ),
    );
    const rows = await chainOf(db, partnerId);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(await verifyAuditChain({ db, partnerId })).toEqual({ partners: 1, entries: 30, broken: null });
  });

  it('pages through a chain longer than a page and reports progress', async () => {
    const partner = await h().partner();
    for (let i = 0; i < 25; i++) {
      await recordAudit(h().database.db, { partnerId: partner.partnerId, actor: { kind: 'system' }, action: 'PAGE_PROBE', now: i });
    }
    const progress: number[] = [];
    const report = await verifyAuditChain({ db: h().database.db, partnerId: partner.partnerId, pageSize: 10, onProgress: (p) => progress.push(p.checked) });
    expect(report).toEqual({ partners: 1, entries: 26, broken: null });
    expect(progress).toEqual([10, 20, 26]);
  });
});
