import { recordAudit } from '../audit/record-audit.js';
import { lockEvents, runPurge, type PurgeInput, type PurgeResult, type RetentionCtx } from './purge.js';
import { findSettledEvents } from './purge-webhook-bodies.js';

/**
 * Deletes events whose every delivery is final and last changed before the cutoff, with those
 * deliveries and their attempts (events that reached no endpoint go at the same age). The unit
 * is the event: one resent recently keeps its whole fan-out. Deletes are conditional and events
 * are locked with SKIP LOCKED on PostgreSQL, so two workers never count a row twice.
 * `purged` counts deliveries; the audit entry also counts events and attempts.
 */
export async function purgeDeliveries({ ctx, input }: { ctx: RetentionCtx; input: PurgeInput }): Promise<PurgeResult> {
  return runPurge(ctx, input, {
    findDue: (db, cutoff, limit) => findSettledEvents(db, cutoff, limit),
    async purgeGroup(trx, rows, { cutoff, now }) {
      const eventIds = await lockEvents(trx, rows);
      if (eventIds.length === 0) return 0;
      const deliveries = trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('event_id', 'in', eventIds)
        .where('status', '!=', 'pending')
        .where('updated_at', '<=', cutoff);
      const attempts = await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).executeTakeFirst();
      const deleted = await trx
        .deleteFrom('webhook_deliveries')
        .where('event_id', 'in', eventIds)
        .where('status', '!=', 'pending')
        .where('updated_at', '<=', cutoff)
        .executeTakeFirst();
      const events = await trx
        .deleteFrom('webhook_events')
        .where('id', 'in', eventIds)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('webhook_deliveries as d').select('d.id').whereRef('d.event_id', '=', 'webhook_events.id'))),
        )
        .executeTakeFirst();
      const counts = { deliveries: Number(deleted.numDeletedRows), attempts: Number(attempts.numDeletedRows), events: Number(events.numDeletedRows) };
      if (counts.deliveries + counts.events > 0) {
        const partnerId = rows[0].partner_id;
        await recordAudit(trx, { partnerId, actor: { kind: 'system' }, action: 'RETENTION_WEBHOOK_DELIVERIES_PURGED', details: { ...counts, cutoff }, now });
      }
      return counts.deliveries;
    },
  });
}
