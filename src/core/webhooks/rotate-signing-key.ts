import type { RotateKeyInput, WebhookWithKey } from '../../schemas/webhook.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { encrypt } from '../crypto.js';
import { checkWebhookFields } from './check-webhook.js';
import { findWebhook } from './find-webhook.js';
import { signingKeyContext, toWebhook } from './present.js';
import { generateSigningKey } from './signatures.js';

/**
 * Replaces the signing key (a given one, or a new whsec_ key). Every attempt from now on, retries
 * of older events included, is signed with the new key: receivers should accept both keys
 * while they switch.
 */
export async function rotateSigningKey({ ctx, id, input }: { ctx: PartnerCtx; id: string; input: RotateKeyInput }): Promise<WebhookWithKey> {
  await findWebhook(ctx.db, ctx.partnerId, id);
  await checkWebhookFields({ signingKey: input.signingKey }, { allowPrivate: true });
  const signingKey = input.signingKey ?? generateSigningKey();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findWebhook(trx, ctx.partnerId, id);
    const changes = { signing_key: encrypt(ctx.pepper, signingKeyContext(id), signingKey), updated_at: ctx.clock.now() };
    await trx.updateTable('webhook_endpoints').set(changes).where('id', '=', id).execute();
    await recordPartnerAudit(trx, ctx, {
      action: 'WEBHOOK_SIGNING_KEY_ROTATED',
      now: changes.updated_at,
      details: { webhookId: id, signingKeyGiven: input.signingKey !== undefined },
    });
    ctx.logger.info({ webhookId: id }, 'webhook signing key rotated');
    return { ...toWebhook({ ...current, ...changes }, ctx.pepper), signingKey };
  });
}
