import type { Harness } from '../harness.js';
import { importUn } from '../screening-cases.js';
import { seedTenant, type Tenant } from '../tenant.js';

/** Harness settings for fuzzing: enough hourly requests for a long run on one key. */
export const FUZZ_CONFIG = { rateLimitPerHour: 100_000_000 };

/** A partner with one of everything, and a loaded screening index, for requests to reach handlers. */
export async function fuzzTenant(h: Harness): Promise<Tenant> {
  await importUn(h);
  await h.screening.reload();
  return seedTenant(h, 'fuzz-tenant');
}
