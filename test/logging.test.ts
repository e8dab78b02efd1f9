import { expect, it } from 'vitest';
import { api } from './api.js';
import { describeEachDialect } from './harness.js';

describeEachDialect('logs', (h) => {
  it('never contain request bodies, personal data, secrets or token strings (canary)', async () => {
    const partner = await h().partner();
    const canary = 'CANARY-Jane-Doe-1984';
    const token = await api(h()).createToken(partner, { tokenType: 'FORM', clientId: canary, externalRef: canary, tags: [canary.slice(0, 30)] });
    await api(h()).call('PATCH', `/kyb/tokens/${token.json.tokenString}/`, partner.auth, { scanRefs: [canary] });
    await api(h()).call('PUT', `/kyb/tokens/${token.json.tokenString}/x`, partner.auth, { scanRefs: [canary] });
    await api(h()).info(token.json.tokenString);
    await api(h()).createToken(partner, { tokenType: 'FORM', clientId: canary, lifetime: -1 });
    await api(h()).call('POST', '/v1/themes/', partner.auth, { name: canary, companyName: canary });
    const logs = h().logs.join('\n');
    expect(h().logs.length).toBeGreaterThan(5);
    expect(logs).toContain('request completed');
    for (const secret of [canary, canary.slice(0, 30), token.json.tokenString, partner.apiSecret, partner.auth.slice(6)]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('carry the request id of each request', async () => {
    await h().app.inject({ method: 'GET', url: '/livez', headers: { 'x-request-id': 'trace-me-42' } });
    expect(h().logs.some((line) => JSON.parse(line).reqId === 'trace-me-42')).toBe(true);
  });
});
