import { WEBHOOK_TEST_EVENT_TYPE } from '../../shared/enums.js';
import type { WebhookDelivery } from '../../schemas/webhook.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { DomainError } from '../errors.js';
import { findWebhook } from './find-webhook.js';
import { insertEvent } from './outbox.js';
import { toDelivery } from './present.js';

/**
 * Queues a harmless WEBHOOK_TEST event for one endpoint, whatever it subscribes to, through the
 * same outbox, signing and retries as real events.
 */
export async function sendTestEvent({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<WebhookDelivery> {
  return ctx.db.transaction().execute(async (trx) => {
    const endpoint = await findWebhook(trx, ctx.partnerId, id);
    if (endpoint.is_active !== 1) throw new DomainError('CONFLICT', 'This webhook is inactive; activate it first.');
    const now = ctx.clock.now();
    const body = JSON.stringify({ webhook: endpoint.id, date: new Date(now).toISOString(), message: 'Test event from OpenKYB.' });
    const { deliveries } = await insertEvent(trx, { partnerId: ctx.partnerId, eventType: WEBHOOK_TEST_EVENT_TYPE, body, now }, [endpoint.id]);
    await recordPartnerAudit(trx, ctx, { action: 'WEBHOOK_TEST_SENT', now, details: { webhookId: endpoint.id, deliveryId: deliveries[0]!.id } });
    return toDelivery(deliveries[0]!);
  });
}
