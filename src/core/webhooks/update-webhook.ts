import type { Db } from '../../db/database.js';
import type { WebhookEndpointRow } from '../../db/tables.js';
import type { Webhook, WebhookPatch } from '../../schemas/webhook.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { checkWebhookFields, type UrlPolicy } from './check-webhook.js';
import { findWebhook } from './find-webhook.js';
import { sealHeaders, toWebhook } from './present.js';

/** Changes what the patch names; `headers` replaces the whole set. Deactivating fails what is pending. */
export async function updateWebhook({ ctx, id, input, policy }: { ctx: PartnerCtx; id: string; input: WebhookPatch; policy: UrlPolicy }): Promise<Webhook> {
  await findWebhook(ctx.db, ctx.partnerId, id);
  await checkWebhookFields(input, policy);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findWebhook(trx, ctx.partnerId, id);
    const now = ctx.clock.now();
    const changes: Partial<WebhookEndpointRow> = { updated_at: now };
    if (input.url !== undefined) changes.url = input.url;
    if (input.name !== undefined) changes.name = input.name;
    if (input.eventTypes !== undefined) changes.event_types = JSON.stringify(input.eventTypes);
    if (input.headers !== undefined) changes.headers = sealHeaders(ctx.pepper, id, input.headers);
    if (input.isActive !== undefined) changes.is_active = input.isActive ? 1 : 0;
    await trx.updateTable('webhook_endpoints').set(changes).where('id', '=', id).execute();
    if (current.is_active === 1 && input.isActive === false) await failPending(trx, id, 'webhook deactivated', now);
    await recordPartnerAudit(trx, ctx, {
      action: 'WEBHOOK_UPDATED',
      now,
      details: { webhookId: id, fields: Object.keys(input).sort(), ...(input.isActive !== undefined ? { isActive: input.isActive } : {}) },
    });
    return toWebhook({ ...current, ...changes }, ctx.pepper);
  });
}

/**
 * An endpoint that stops (deactivated or deleted) fails its pending deliveries at once, so the
 * API never shows them as still coming. They can be resent once the endpoint is active again.
 */
export async function failPending(db: Db, endpointId: string, reason: string, now: number): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, last_error: reason, updated_at: now })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}
