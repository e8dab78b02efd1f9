import type { Webhook } from '../../schemas/webhook.js';
import type { PartnerCtx } from '../context.js';
import { listLive } from '../live-rows.js';
import { findWebhook } from './find-webhook.js';
import { toWebhook } from './present.js';

export async function listWebhooks({ ctx }: { ctx: PartnerCtx }): Promise<Webhook[]> {
  const rows = await listLive(ctx.db, 'webhook_endpoints', ctx.partnerId);
  return rows.map((row) => toWebhook(row, ctx.pepper));
}

export async function getWebhook({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<Webhook> {
  return toWebhook(await findWebhook(ctx.db, ctx.partnerId, id), ctx.pepper);
}
