import { recordAudit } from '../audit/record-audit.js';
import { runPurge, type PurgeInput, type PurgeResult, type RetentionCtx } from './purge.js';

/**
 * Deletes idempotency records older than the period (the config keeps it at least the 24 h
 * replay window). The delete checks the age again: a request may have replaced an expired
 * record with a fresh one since the batch was read. Two workers deleting the same rows each
 * count only what their own statement removed.
 */
export async function purgeIdempotency({ ctx, input }: { ctx: RetentionCtx; input: PurgeInput }): Promise<PurgeResult> {
  return runPurge(ctx, input, {
    findDue: (db, cutoff, limit) =>
      db
        .selectFrom('idempotency_keys')
        .select(['partner_id', 'idempotency_key'])
        .where('created_at', '<=', cutoff)
        .orderBy('created_at')
        .limit(limit)
        .execute(),
    async purgeGroup(trx, rows, { cutoff, now }) {
      const partnerId = rows[0].partner_id;
      const keys = rows.map((row) => row.idempotency_key);
      const result = await trx
        .deleteFrom('idempotency_keys')
        .where('partner_id', '=', partnerId)
        .where('idempotency_key', 'in', keys)
        .where('created_at', '<=', cutoff)
        .executeTakeFirst();
      const count = Number(result.numDeletedRows);
      if (count > 0) {
        await recordAudit(trx, { partnerId, actor: { kind: 'system' }, action: 'RETENTION_IDEMPOTENCY_PURGED', details: { records: count, cutoff }, now });
      }
      return count;
    },
  });
}
