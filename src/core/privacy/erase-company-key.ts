import type { Ctx } from '../context.js';

/**
 * Crypto-erasure: deletes the company's data key, so every ciphertext of the company (rows,
 * files, and their copies in backups taken before) can no longer be opened by anyone holding
 * the master keys. Run it inside the transaction that deletes the company (`ctx.db` may be
 * that transaction). Returns whether a key existed.
 */
export async function eraseCompanyKey({ ctx, companyId }: { ctx: Pick<Ctx, 'db' | 'keys'>; companyId: string }): Promise<boolean> {
  const result = await ctx.db.deleteFrom('company_keys').where('company_id', '=', companyId).executeTakeFirst();
  ctx.keys.forget(companyId, ctx.db);
  return result.numDeletedRows > 0n;
}
