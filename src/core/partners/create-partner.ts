import { newRowId } from '../../db/row-id.js';
import { recordAudit } from '../audit/record-audit.js';
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
    const partnerId = newRowId();
    await trx
      .insertInto('partners')
      .values({ id: partnerId, name, settings: JSON.stringify(DEFAULT_SETTINGS), created_at: ctx.clock.now() })
      .execute();
    const { keyId, apiKey, apiSecret } = await insertApiKey(trx, ctx, partnerId, 'first key');
    // The partner's chain starts here; its name is the operator's text, not needed to prove anything.
    await recordAudit(trx, { partnerId, actor: { kind: 'operator' }, action: 'PARTNER_CREATED', details: { keyId }, now: ctx.clock.now() });
    return { partnerId, apiKey, apiSecret };
  });
}
