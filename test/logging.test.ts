import { expect, it } from 'vitest';
import { api } from './api.js';
import { describeEachDialect } from './harness.js';
import { cookieOf, sessionHeaders, signIn, tokenOf } from './managers.js';
import { totpCode } from '../src/core/managers/totp.js';

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

  it('never contain passwords, session cookies, CSRF tokens, set-password links, TOTP secrets or recovery codes', async () => {
    const partner = await h().partner();
    const call = api(h()).call;
    const password = 'CANARY-password-0451';
    const created = await call('POST', '/v1/managers/', partner.auth, { email: 'canary@example.com', name: 'C', surname: 'L', role: 'admin' });
    const token = tokenOf(created.json.setPasswordUrl);
    await call('POST', '/v1/auth/password/', null, { token, password });
    await signIn(h(), 'canary@example.com', 'CANARY-wrong-password');
    const res = await signIn(h(), 'canary@example.com', password);
    const cookie = cookieOf(res.headers['set-cookie']);
    const { read, write } = sessionHeaders(cookie, res.json.csrfToken);
    await call('GET', '/v1/auth/session/', null, undefined, read);
    const totp = await call('POST', '/v1/auth/totp/', null, undefined, write);
    const codes = await call('POST', '/v1/auth/totp/confirm/', null, { code: totpCode(totp.json.secret, h().clock.now()) }, write);
    expect(codes.json.recoveryCodes).toHaveLength(10);
    await signIn(h(), 'canary@example.com', password, { recoveryCode: codes.json.recoveryCodes[0] });
    await call('POST', '/v1/auth/sign-out/', null, undefined, write);
    const logs = h().logs.join('\n');
    for (const secret of [password, 'CANARY-wrong-password', token, cookie, res.json.csrfToken, totp.json.secret, ...codes.json.recoveryCodes]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('carry the request id of each request', async () => {
    await h().app.inject({ method: 'GET', url: '/livez', headers: { 'x-request-id': 'trace-me-42' } });
    expect(h().logs.some((line) => JSON.parse(line).reqId === 'trace-me-42')).toBe(true);
  });
});
