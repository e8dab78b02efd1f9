import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { keyedHash } from '../crypto.js';
import { notFound } from '../errors.js';

/**
 * Deactivates a KYB token of the partner, named by its id or by its tokenString (the 201 of
 * POST /kyb/tokens/ shows only the latter). The next request with it is refused: nothing
 * caches a token's validity, authenticateToken reads `deactivated_at` on every request.
 * Revoking a revoked token succeeds again without a second audit row (DELETE is idempotent).
 */
export async function revokeToken({ ctx, input }: { ctx: PartnerCtx; input: { token: string } }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('kyb_tokens')
      .select(['id', 'company_id', 'deactivated_at'])
      .where('partner_id', '=', ctx.partnerId)
      .where((eb) => eb.or([eb('id', '=', input.token), eb('token_hash', '=', keyedHash(ctx.pepper, input.token))]))
      .executeTakeFirst();
    if (!row) throw notFound('Token');
    if (row.deactivated_at !== null) return;
    const now = ctx.clock.now();
    await trx.updateTable('kyb_tokens').set({ deactivated_at: now }).where('id', '=', row.id).execute();
    await recordPartnerAudit(trx, ctx, { companyId: row.company_id, action: 'TOKEN_REVOKED', details: { tokenId: row.id }, now });
  });
}
