import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.js';
import { insertApiKey } from './create-api-key.js';
import { DEFAULT_SETTINGS } from './settings.js';

export interface NewPartner {
  partnerId: string;
  apiKey: string;
  apiSecret: string;
}

/** A partner (tenant) is born with its first key pair, so it can call the API at once. */
export async function createPartner({ ctx, input }: { ctx: Ctx; input: { name: string } }): Promise<NewPartner> {
  const name = input.name.trim();
  if (!name) throw new Error('a partner needs a name');
  return ctx.db.transaction().execute(async (trx) => {
    const partnerId = randomUUID();
    await trx
      .insertInto('partners')
      .values({ id: partnerId, name, settings: JSON.stringify(DEFAULT_SETTINGS), created_at: ctx.clock.now() })
      .execute();
    const { apiKey, apiSecret } = await insertApiKey(trx, ctx, partnerId, 'first key');
    return { partnerId, apiKey, apiSecret };
  });
}
