import { beforeAll, expect, it, vi } from 'vitest';
import { api } from '../../../test/api.js';
import { describeEachDialect } from '../../../test/harness.js';
import { importUn, screenPending, submittedCase } from '../../../test/screening-cases.js';

/** Runs once, inside the next screening's transaction, when it seals its first hit. */
let insideScreening: (() => Promise<void>) | null = null;
vi.mock('../privacy/seal.js', async (original) => {
  const seal = await original<typeof import('../privacy/seal.js')>();
  return {
    ...seal,
    sealForCompany: async (...args: Parameters<typeof seal.sealForCompany>) => {
      const hook = insideScreening;
      if (hook && args[0].isTransaction) {
        insideScreening = null;
        await hook();
      }
      return seal.sealForCompany(...args);
    },
  };
});

describeEachDialect('screening a company while a reviewer resolves its hits', (h) => {
  beforeAll(async () => {
    await importUn(h());
    await h().screening.reload();
  });

  it('keeps a resolution sent while the company is screened again', async () => {
    const s = await submittedCase(h());
    await screenPending(h());
    const db = h().database.db;
    const [hit] = await db.selectFrom('screening_hits').selectAll().where('company_id', '=', s.companyId).where('is_alert', '=', 1).execute();
    expect(hit).toBeDefined();
    h().clock.advance(1000);
    await db.updateTable('companies').set({ screening_requested_at: h().clock.now() }).where('id', '=', s.companyId).execute();
    // The resolution is sent once the screening has read the stored results, and given time to
    // commit before the screening writes them back.
    let resolved: Promise<{ status: number }> | null = null;
    insideScreening = async () => {
      resolved = api(h()).call('POST', `/v1/screening/hits/${hit!.id}/resolve/`, s.partner.auth, { resolution: 'FALSE_POSITIVE' });
      await new Promise((resolve) => setTimeout(resolve, 300));
    };
    try {
      expect(await screenPending(h())).toBe(1);
    } finally {
      insideScreening = null;
    }
    expect(resolved).not.toBeNull();
    expect((await resolved!).status).toBe(200);
    const after = await db.selectFrom('screening_hits').select(['resolution', 'is_current']).where('id', '=', hit!.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ resolution: 'FALSE_POSITIVE', is_current: 1 });
  });
});
