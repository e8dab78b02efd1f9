import { beforeAll, expect, it } from 'vitest';
import { runContractFuzz } from './fuzz/contract-fuzz.js';
import { FUZZ_CONFIG, fuzzTenant } from './fuzz/setup.js';
import { describeEachDialect } from './harness.js';
import type { Tenant } from './tenant.js';

/** The short, seeded run; `npm run fuzz` is the long one (scripts/fuzz.ts). */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);

describeEachDialect(
  'contract fuzzing from /openapi.json',
  (h) => {
    let tenant: Tenant;
    beforeAll(async () => {
      tenant = await fuzzTenant(h());
    }, 120_000);

    it(`answers ${REQUESTS} generated requests without a 5xx, every error in the envelope, and stays healthy`, async () => {
      const summary = await runContractFuzz(h(), tenant, { seed: 20261127, requests: REQUESTS });
      expect(summary.requests).toBe(REQUESTS);
      expect(Object.keys(summary.perOperation).length).toBeGreaterThan(60);
      expect(summary.failures).toEqual([]);
      const health = await h().app.inject({ url: '/healthz' });
      expect(health.statusCode).toBe(200);
    }, 600_000);
  },
  FUZZ_CONFIG,
);
