import type { KybTokenUpdate, KybTokenUpdateRequest } from '../../schemas/token.js';
import type { PartnerCtx } from '../context.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import { keyedHash } from '../crypto.js';
import { notFound } from '../errors.js';

/**
 * Changes a token's tags and scan refs. `replace` (PUT) resets what the body leaves out to
 * the defaults ([] and null); otherwise (PATCH) only the given fields change.
 */
export async function updateToken({
  ctx,
  input,
}: {
  ctx: PartnerCtx;
  input: { tokenString: string; changes: KybTokenUpdateRequest; replace: boolean };
}): Promise<KybTokenUpdate> {
  const { changes, replace } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('kyb_tokens')
      .select(['id', 'company_id', 'tags', 'scan_refs'])
      .where('token_hash', '=', keyedHash(ctx.pepper, input.tokenString))
      .where('partner_id', '=', ctx.partnerId)
      .executeTakeFirst();
    if (!row) throw notFound('Token');
    const tags = changes.tags ?? (replace ? [] : (JSON.parse(row.tags) as string[]));
    const scanRefs = changes.scanRefs !== undefined ? changes.scanRefs : replace ? null : (JSON.parse(row.scan_refs) as string[] | null);
    await trx
      .updateTable('kyb_tokens')
      .set({ tags: JSON.stringify(tags), scan_refs: JSON.stringify(scanRefs) })
      .where('id', '=', row.id)
      .execute();
    await recordPartnerAudit(trx, ctx, {
      companyId: row.company_id,
      action: 'TOKEN_UPDATED',
      now: ctx.clock.now(),
      details: { tokenId: row.id, replace, fields: Object.keys(changes).sort() },
    });
    return { tags, scanRefs };
  });
}
