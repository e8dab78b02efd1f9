import { partnerActor, recordAudit } from '../audit/record-audit.js';
import type { Ctx, PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';

/**
 * Revokes a key pair, named by its key id or its API key; it stops working on the next request.
 * With `partnerId` (a partner revoking through the API) only that partner's keys are found:
 * another partner's key is "not found".
 */
export async function revokeApiKey({
  ctx,
  input,
}: {
  ctx: Ctx & Pick<PartnerCtx, 'keyId' | 'manager'>;
  input: { key: string; partnerId?: string };
}): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const [revoked] = await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where((eb) => eb.or([eb('id', '=', input.key), eb('api_key', '=', input.key)]))
      .where('revoked_at', 'is', null)
      .$if(input.partnerId !== undefined, (q) => q.where('partner_id', '=', input.partnerId!))
      .returning(['id', 'partner_id'])
      .execute();
    if (!revoked) throw notFound('Active API key');
    await recordAudit(trx, { partnerId: revoked.partner_id, actor: partnerActor(ctx), action: 'API_KEY_REVOKED', details: { keyId: revoked.id }, now });
  });
}
