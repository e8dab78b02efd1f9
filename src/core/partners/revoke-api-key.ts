import { partnerActor, recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** Revokes a key pair, named by its key id or its API key; it stops working on the next request. */
export async function revokeApiKey({ ctx, input }: { ctx: Ctx & { keyId?: string }; input: { key: string } }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const [revoked] = await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where((eb) => eb.or([eb('id', '=', input.key), eb('api_key', '=', input.key)]))
      .where('revoked_at', 'is', null)
      .returning(['id', 'partner_id'])
      .execute();
    if (!revoked) throw notFound('Active API key');
    await recordAudit(trx, { partnerId: revoked.partner_id, actor: partnerActor(ctx), action: 'API_KEY_REVOKED', details: { keyId: revoked.id }, now });
  });
}
