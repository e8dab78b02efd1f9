import { newRowId } from '../../db/row-id.js';
import type { WebhookEndpointRow } from '../../db/tables.js';
import type { WebhookInput, WebhookWithKey } from '../../schemas/webhook.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { encrypt } from '../crypto.js';
import { checkWebhookFields, type UrlPolicy } from './check-webhook.js';
import { sealHeaders, signingKeyContext, toWebhook } from './present.js';
import { generateSigningKey } from './signatures.js';

/** Registers an endpoint. Its signing key is in the answer, and never again (until rotated). */
export async function createWebhook({ ctx, input, policy }: { ctx: PartnerCtx; input: WebhookInput; policy: UrlPolicy }): Promise<WebhookWithKey> {
  await checkWebhookFields(input, policy);
  const id = newRowId();
  const signingKey = input.signingKey ?? generateSigningKey();
  const now = ctx.clock.now();
  const row: WebhookEndpointRow = {
    id,
    partner_id: ctx.partnerId,
    url: input.url,
    name: input.name ?? null,
    event_types: JSON.stringify(input.eventTypes),
    signing_key: encrypt(ctx.pepper, signingKeyContext(id), signingKey),
    headers: sealHeaders(ctx.pepper, id, input.headers ?? {}),
    is_active: input.isActive === false ? 0 : 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_endpoints').values(row).execute();
    await recordPartnerAudit(trx, ctx, {
      action: 'WEBHOOK_CREATED',
      now,
      details: { webhookId: id, eventTypes: input.eventTypes, isActive: row.is_active === 1, signingKeyGiven: input.signingKey !== undefined },
    });
  });
  ctx.logger.info({ webhookId: id }, 'webhook endpoint created');
  return { ...toWebhook(row, ctx.pepper), signingKey };
}
