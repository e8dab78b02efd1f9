import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/harness.js';
import { managerWithPassword, PASSWORD } from '../../../../test/managers.js';

const LIMIT = 4;
const SIGN_IN = { sessionIdleMs: 30 * 60_000, sessionMaxMs: 12 * 3_600_000, maxFailures: 5, lockMs: 15 * 60_000, maxAttemptsPerAddress: LIMIT };

describeEachDialect(
  'sign-in attempts per client address',
  (h) => {
    const attempt = (email: string, password: string, remoteAddress: string) =>
      h().app.inject({ method: 'POST', url: '/v1/auth/sign-in/', remoteAddress, payload: { email, password } });

    it('refuses an address that sprays passwords over many accounts, with 429 in the envelope, and leaves other addresses alone', async () => {
      const partner = await h().partner();
      // The set-password call is limited too: it comes from another address than the spray.
      const victim = await managerWithPassword(h(), partner, 'reviewer');
      const sprayer = '192.0.2.7';
      // One wrong password for each of several accounts: no account reaches its own lock-out.
      for (let i = 0; i < LIMIT; i += 1) {
        const res = await attempt(`nobody-${i}@example.com`, 'Summer2026!Summer', sprayer);
        expect(res.statusCode).toBe(401);
      }
      const refused = await attempt(victim.email, PASSWORD, sprayer);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ identifier: 'TOO_MANY_REQUESTS', severity: 'NOT_SEVERE' });
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.headers['set-cookie']).toBeUndefined();

      const elsewhere = await attempt(victim.email, PASSWORD, '198.51.100.9');
      expect(elsewhere.statusCode).toBe(200);
    });
  },
  { managerSignIn: SIGN_IN },
);
