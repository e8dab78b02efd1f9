import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { findWebhook } from './find-webhook.js';
import { failPending } from './update-webhook.js';

/** Soft delete: its deliveries and their attempts stay visible; pending ones fail. */
export async function deleteWebhook({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await findWebhook(trx, ctx.partnerId, id);
    const now = ctx.clock.now();
    await trx.updateTable('webhook_endpoints').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await failPending(trx, id, 'webhook deleted', now);
    await recordPartnerAudit(trx, ctx, { action: 'WEBHOOK_DELETED', details: { webhookId: id }, now });
  });
  ctx.logger.info({ webhookId: id }, 'webhook endpoint deleted');
}
