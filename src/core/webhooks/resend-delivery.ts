import { notifyWork } from '../../db/notify.js';
import { WORK_TOPIC } from '../work-requests.js';
import type { WebhookDelivery } from '../../schemas/webhook.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { needsRowLocks } from '../../db/database.js';
import { DomainError, notFound } from '../errors.js';
import { PURGED_BODY } from '../retention/purge-webhook-bodies.js';
import { findDelivery } from './find-webhook.js';
import { toDelivery } from './present.js';

/**
 * Queues a failed or delivered delivery again, due at once, with a fresh retry schedule. It keeps
 * its id, so `webhook-id` is the same and a receiver that already processed it can tell.
 */
export async function resendDelivery({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<WebhookDelivery> {
  return ctx.db.transaction().execute(async (trx) => {
    const delivery = await findDelivery(trx, ctx.partnerId, id);
    if (delivery.status === 'pending') throw new DomainError('CONFLICT', 'This delivery is still pending; it will be attempted again.');
    const endpoint = await trx
      .selectFrom('webhook_endpoints')
      .select(['id', 'is_active', 'deleted_at'])
      .where('id', '=', delivery.endpoint_id)
      .executeTakeFirstOrThrow();
    if (endpoint.deleted_at !== null) throw new DomainError('CONFLICT', 'The webhook of this delivery was deleted.');
    if (endpoint.is_active !== 1) throw new DomainError('CONFLICT', 'The webhook of this delivery is inactive; activate it first.');
    // Locked (PostgreSQL) before the delivery turns pending: the retention purges lock events
    // the same way, so a body is never emptied or deleted under a delivery about to be sent.
    const event = await trx
      .selectFrom('webhook_events')
      .select('body')
      .where('id', '=', delivery.event_id)
      .$if(needsRowLocks(trx), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!event) throw notFound('Webhook delivery');
    if (event.body === PURGED_BODY)
      throw new DomainError('CONFLICT', 'The payload of this delivery was purged by the retention policy; it cannot be sent again.');
    const now = ctx.clock.now();
    const changes = { status: 'pending' as const, next_attempt_at: now, round_failures: 0, lease_token: null, lease_expires_at: null, updated_at: now };
    const updated = await trx.updateTable('webhook_deliveries').set(changes).where('id', '=', id).executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw notFound('Webhook delivery');
    // Every process's webhook loop wakes at the commit (PostgreSQL), not at its next poll.
    await notifyWork(trx, WORK_TOPIC.webhooks);
    await recordPartnerAudit(trx, ctx, {
      action: 'WEBHOOK_DELIVERY_RESENT',
      now,
      details: { deliveryId: id, webhookId: endpoint.id, previousStatus: delivery.status },
    });
    ctx.logger.info({ deliveryId: id, webhookId: endpoint.id }, 'webhook delivery queued again');
    return toDelivery({ ...delivery, ...changes });
  });
}
