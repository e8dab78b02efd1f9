import { expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { describeEachDialect } from '../../test/harness.js';
import { createApiKey } from '../core/partners/create-api-key.js';
import { revokeApiKey } from '../core/partners/revoke-api-key.js';

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

describeEachDialect('partner authentication', (h) => {
  it('answers a wrong secret and an unknown key identically: 401 UNAUTHORIZED with WWW-Authenticate: Basic', async () => {
    const partner = await h().partner();
    const wrongSecret = await api(h()).call('GET', '/v1/settings/', basic(partner.apiKey, 'x'.repeat(40)));
    const unknownKey = await api(h()).call('GET', '/v1/settings/', basic('y'.repeat(32), partner.apiSecret));
    const missing = await api(h()).call('GET', '/v1/settings/', null);
    const garbage = await api(h()).call('GET', '/v1/settings/', 'Basic !!!');
    for (const res of [wrongSecret, unknownKey, missing, garbage]) {
      expect(res.status).toBe(401);
      expect(res.json.identifier).toBe('UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    }
    expect(wrongSecret.json).toEqual(unknownKey.json);
  });

  it('stores secrets only as keyed hashes', async () => {
    const partner = await h().partner();
    const rows = await h().database.db.selectFrom('api_keys').selectAll().where('partner_id', '=', partner.partnerId).execute();
    expect(JSON.stringify(rows)).not.toContain(partner.apiSecret);
  });

  it("stops accepting a revoked key at once, while the partner's other keys keep working", async () => {
    const partner = await h().partner();
    const second = await createApiKey({ ctx: h().ctx, input: { partnerId: partner.partnerId, label: 'ci' } });
    const secondAuth = basic(second.apiKey, second.apiSecret);
    expect((await api(h()).call('GET', '/v1/settings/', partner.auth)).status).toBe(200);
    await revokeApiKey({ ctx: h().ctx, input: { key: partner.apiKey } });
    expect((await api(h()).call('GET', '/v1/settings/', partner.auth)).status).toBe(401);
    expect((await api(h()).call('GET', '/v1/settings/', secondAuth)).status).toBe(200);
  });
});

describeEachDialect(
  'rate limit',
  (h) => {
    it('answers 429 TOO_MANY_REQUESTS with Retry-After once a key used its hourly quota, per key', async () => {
      const a = await h().partner('A');
      const b = await h().partner('B');
      for (let i = 0; i < 3; i += 1) expect((await api(h()).call('GET', '/v1/settings/', a.auth)).status).toBe(200);
      const limited = await api(h()).call('GET', '/v1/settings/', a.auth);
      expect(limited.status).toBe(429);
      expect(limited.json.identifier).toBe('TOO_MANY_REQUESTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await api(h()).call('GET', '/v1/settings/', b.auth)).status).toBe(200);
    });

    it('does not count failed authentications against the key', async () => {
      const partner = await h().partner();
      for (let i = 0; i < 5; i += 1) await api(h()).call('GET', '/v1/settings/', basic(partner.apiKey, 'wrong'));
      expect((await api(h()).call('GET', '/v1/settings/', partner.auth)).status).toBe(200);
    });
  },
  { rateLimitPerHour: 3 },
);
