import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

/** Revokes a key pair, named by its key id or its API key; it stops working on the next request. */
export async function revokeApiKey({ ctx, input }: { ctx: Ctx; input: { key: string } }): Promise<void> {
  const result = await ctx.db
    .updateTable('api_keys')
    .set({ revoked_at: ctx.clock.now() })
    .where((eb) => eb.or([eb('id', '=', input.key), eb('api_key', '=', input.key)]))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('Active API key');
}
