import type { Ctx } from '../context.js';
import { unwrapKey, wrapKey } from './codec.js';

export interface RotationSummary {
  /** Company keys the current master key did not wrap when the run started. */
  total: number;
  rewrapped: number;
  /** Keys wrapped by a master key that is not configured: left as they are. */
  failed: { companyId: string; masterKeyId: string; reason: string }[];
}

const BATCH = 200;

/**
 * Re-wraps every company key with the current master key. The data itself is not touched:
 * only the 32-byte wrapped keys change, so rotation takes seconds even for large databases.
 * Each key is updated only if it is still wrapped as read (a concurrent rotation or erasure
 * wins), and the run can be repeated: it resumes where an interrupted one stopped.
 */
export async function rotateMasterKey({
  ctx,
  onProgress,
}: {
  ctx: Pick<Ctx, 'db' | 'keys' | 'clock'>;
  onProgress?: (done: number, total: number) => void;
}): Promise<RotationSummary> {
  const { current, byId } = ctx.keys.ring;
  const count = await ctx.db
    .selectFrom('company_keys')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('master_key_id', '!=', current.id)
    .executeTakeFirstOrThrow();
  const summary: RotationSummary = { total: Number(count.n), rewrapped: 0, failed: [] };
  let after = '';
  for (;;) {
    const rows = await ctx.db
      .selectFrom('company_keys')
      .selectAll()
      .where('master_key_id', '!=', current.id)
      .where('company_id', '>', after)
      .orderBy('company_id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.company_id;
    for (const row of rows) {
      const old = byId.get(row.master_key_id);
      if (!old) {
        summary.failed.push({ companyId: row.company_id, masterKeyId: row.master_key_id, reason: 'master key not configured' });
        continue;
      }
      let wrapped: string;
      try {
        wrapped = wrapKey(current.key, current.id, row.company_id, unwrapKey(old.key, old.id, row.company_id, row.wrapped_key));
      } catch (error) {
        summary.failed.push({ companyId: row.company_id, masterKeyId: row.master_key_id, reason: (error as Error).message });
        continue;
      }
      const updated = await ctx.db
        .updateTable('company_keys')
        .set({ wrapped_key: wrapped, master_key_id: current.id, rewrapped_at: ctx.clock.now() })
        .where('company_id', '=', row.company_id)
        .where('master_key_id', '=', row.master_key_id)
        .where('wrapped_key', '=', row.wrapped_key)
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) summary.rewrapped += 1;
    }
    onProgress?.(summary.rewrapped + summary.failed.length, summary.total);
  }
  return summary;
}
