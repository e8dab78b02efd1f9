import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockEvents, runPurge, type PurgeInput, type PurgeResult, type RetentionCtx } from './purge.js';

/** What a purged event's body becomes: the column stays NOT NULL, and nothing can be sent from it. */
export const PURGED_BODY = '';

/** True when no delivery of the event is pending or changed after the cutoff. */
export function everyDeliveryFinalBefore(cutoff: number) {
  return (eb: ExpressionBuilder<Database, 'webhook_events'>) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('webhook_deliveries as d')
          .select('d.id')
          .whereRef('d.event_id', '=', 'webhook_events.id')
          .where((d) => d.or([d('d.status', '=', 'pending'), d('d.updated_at', '>', cutoff)])),
      ),
    );
}

/**
 * Empties the bodies of events whose every delivery is final (delivered or failed) and last
 * changed before the cutoff: a body holds personal data and is only needed to send it. Events
 * are locked with SKIP LOCKED on PostgreSQL, and a resend locks its event and refuses a purged
 * body, so a body is never emptied under a delivery that is about to be sent.
 */
export async function purgeWebhookBodies({ ctx, input }: { ctx: RetentionCtx; input: PurgeInput }): Promise<PurgeResult> {
  return runPurge(ctx, input, {
    findDue: (db, cutoff, limit) => findSettledEvents(db, cutoff, limit, { withBody: true }),
    async purgeGroup(trx, rows, { cutoff, now }) {
      const ids = await lockEvents(trx, rows);
      if (ids.length === 0) return 0;
      const result = await trx
        .updateTable('webhook_events')
        .set({ body: PURGED_BODY })
        .where('id', 'in', ids)
        .where('body', '!=', PURGED_BODY)
        .where(everyDeliveryFinalBefore(cutoff))
        .executeTakeFirst();
      const count = Number(result.numUpdatedRows);
      if (count > 0) {
        const partnerId = rows[0].partner_id;
        await recordAudit(trx, { partnerId, actor: { kind: 'system' }, action: 'RETENTION_WEBHOOK_BODIES_PURGED', details: { events: count, cutoff }, now });
      }
      return count;
    },
  });
}

/**
 * Up to `limit` events created before the cutoff whose every delivery is final before it, oldest
 * first; `withBody` keeps only those whose body is not purged yet.
 */
export function findSettledEvents(db: Db, cutoff: number, limit: number, { withBody = false } = {}) {
  return db
    .selectFrom('webhook_events')
    .select(['id', 'partner_id'])
    .$if(withBody, (q) => q.where('body', '!=', PURGED_BODY))
    .where('created_at', '<=', cutoff)
    .where(everyDeliveryFinalBefore(cutoff))
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
