import { expect, it } from 'vitest';
import { api } from '../../../../test/api.js';
import { describeEachDialect } from '../../../../test/harness.js';
import { withPartnerAdmin, signedInManager } from '../../../../test/managers.js';
import { countRows } from '../../../../test/rows.js';

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

describeEachDialect('/v1/api-keys/', (h) => {
  const the = withPartnerAdmin(h, 'Keys');
  const call: ReturnType<typeof api>['call'] = (...args) => api(h()).call(...args);

  it('lets an admin create a key pair whose secret is shown once and works, list it without the secret, and revoke it', async () => {
    const created = await call('POST', '/v1/api-keys/', null, { label: 'CI' }, the.admin.write);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toEqual({ keyId: expect.any(String), apiKey: expect.any(String), apiSecret: expect.any(String), label: 'CI' });
    const auth = basic(created.json.apiKey, created.json.apiSecret);
    expect((await call('GET', '/v1/settings/', auth)).status).toBe(200);

    const listed = await call('GET', '/v1/api-keys/', null, undefined, the.admin.read);
    expect(listed.status).toBe(200);
    const mine = listed.json.results.find((k: { keyId: string }) => k.keyId === created.json.keyId);
    expect(mine).toEqual({ keyId: created.json.keyId, apiKey: created.json.apiKey, label: 'CI', createdAt: expect.any(String), revokedAt: null });
    expect(listed.text).not.toContain(created.json.apiSecret);

    expect((await call('POST', `/v1/api-keys/${created.json.keyId}/revoke/`, null, undefined, the.admin.write)).status).toBe(204);
    expect((await call('GET', '/v1/settings/', auth)).status).toBe(401);
    const after = await call('GET', '/v1/api-keys/', null, undefined, the.admin.read);
    expect(after.json.results.find((k: { keyId: string }) => k.keyId === created.json.keyId).revokedAt).toEqual(expect.any(String));
    // Revoked once: a second revocation finds no active key.
    expect((await call('POST', `/v1/api-keys/${created.json.keyId}/revoke/`, null, undefined, the.admin.write)).status).toBe(404);

    const audit = await h()
      .database.db.selectFrom('audit_logs')
      .select(['action', 'actor_type', 'actor_id'])
      .where('partner_id', '=', the.partner.partnerId)
      .where('action', 'in', ['API_KEY_CREATED', 'API_KEY_REVOKED'])
      .orderBy('action')
      .execute();
    expect(audit).toEqual([
      { action: 'API_KEY_CREATED', actor_type: 'manager', actor_id: String(the.admin.id) },
      { action: 'API_KEY_REVOKED', actor_type: 'manager', actor_id: String(the.admin.id) },
    ]);
  });

  it("refuses reviewers and viewers with 403, and another partner's key is not found, changing nothing", async () => {
    const reviewer = await signedInManager(h(), the.partner, 'reviewer');
    const viewer = await signedInManager(h(), the.partner, 'viewer');
    const before = await countRows(h(), 'api_keys');
    expect((await call('GET', '/v1/api-keys/', null, undefined, viewer.read)).status).toBe(403);
    expect((await call('GET', '/v1/api-keys/', null, undefined, reviewer.read)).status).toBe(403);
    expect((await call('POST', '/v1/api-keys/', null, {}, reviewer.write)).status).toBe(403);
    expect((await call('POST', `/v1/api-keys/${the.partner.apiKey}/revoke/`, null, undefined, viewer.write)).status).toBe(403);

    const other = await h().partner('Other');
    expect((await call('POST', `/v1/api-keys/${other.apiKey}/revoke/`, null, undefined, the.admin.write)).status).toBe(404);
    expect((await call('GET', '/v1/settings/', other.auth)).status).toBe(200);
    const otherList = await call('GET', '/v1/api-keys/', other.auth);
    expect(otherList.json.results.map((k: { apiKey: string }) => k.apiKey)).toEqual([other.apiKey]);

    const bad = await call('POST', '/v1/api-keys/', null, { label: '', extra: 1 }, the.admin.write);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ identifier: expect.any(String), severity: expect.any(String) });
    expect(await countRows(h(), 'api_keys')).toBe(before + 1);
  });
});
