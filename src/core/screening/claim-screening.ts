import type { Ctx } from '../context.js';
import { PostgresAdapter } from 'kysely';

/** A claimed screening request: the company and the request time it answers. */
export interface ScreeningRequest {
  companyId: string;
  requestedAt: number;
}

/**
 * Claims up to `limit` companies whose screening was requested after their last screening and
 * that no other worker holds. A claim is a lease: a worker that dies leaves it to expire.
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` lets workers claim side by side; SQLite serialises writers.
 */
export async function claimScreeningRequests({ ctx, input }: { ctx: Ctx; input: { leaseMs: number; limit: number } }): Promise<ScreeningRequest[]> {
  const now = ctx.clock.now();
  const isPostgres = ctx.db.getExecutor().adapter instanceof PostgresAdapter;
  return ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('companies')
      .select(['id', 'screening_requested_at'])
      .where('screening_requested_at', 'is not', null)
      .where((eb) => eb.or([eb('screened_at', 'is', null), eb('screened_at', '<', eb.ref('screening_requested_at'))]))
      .where((eb) => eb.or([eb('screening_lease_until', 'is', null), eb('screening_lease_until', '<=', now)]))
      .orderBy('screening_requested_at')
      .limit(input.limit)
      .$if(isPostgres, (q) => q.forUpdate().skipLocked())
      .execute();
    if (due.length > 0) {
      await trx
        .updateTable('companies')
        .set({ screening_lease_until: now + input.leaseMs })
        .where(
          'id',
          'in',
          due.map((d) => d.id),
        )
        .execute();
    }
    return due.map((row) => ({ companyId: row.id, requestedAt: row.screening_requested_at! }));
  });
}

/** Marks the request answered and releases the claim. A newer request stays due. */
export async function completeScreeningRequest({ ctx, input }: { ctx: Ctx; input: ScreeningRequest }): Promise<void> {
  await ctx.db.updateTable('companies').set({ screened_at: input.requestedAt, screening_lease_until: null }).where('id', '=', input.companyId).execute();
}
