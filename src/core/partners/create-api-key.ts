import { newRowId } from '../../db/row-id.js';
import { partnerActor, recordAudit } from '../audit/record-audit.js';
import type { Ctx, PartnerCtx } from '../context.js';
import { keyedHash, randomString } from '../crypto.js';
import { notFound } from '../errors.js';
import type { Db } from '../../db/database.js';

export interface NewApiKey {
  keyId: string;
  apiKey: string;
  /** Shown once; only its keyed hash is stored. */
  apiSecret: string;
}

/** Key pairs are the partner's Basic-auth credentials: the key names the pair, the secret proves it. */
export async function insertApiKey(db: Db, ctx: Ctx, partnerId: string, label: string | null): Promise<NewApiKey> {
  const keyId = newRowId();
  const apiKey = randomString(32);
  const apiSecret = randomString(40);
  await db
    .insertInto('api_keys')
    .values({
      id: keyId,
      partner_id: partnerId,
      api_key: apiKey,
      secret_hash: keyedHash(ctx.pepper, apiSecret),
      label,
      created_at: ctx.clock.now(),
      revoked_at: null,
    })
    .execute();
  return { keyId, apiKey, apiSecret };
}

/** `ctx.keyId` names the key pair acting when a partner creates one; without it an operator acts. */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: Ctx & Pick<PartnerCtx, 'keyId' | 'manager'>;
  input: { partnerId: string; label?: string | null };
}): Promise<NewApiKey> {
  return ctx.db.transaction().execute(async (trx) => {
    const partner = await trx.selectFrom('partners').select('id').where('id', '=', input.partnerId).executeTakeFirst();
    if (!partner) throw notFound('Partner');
    const created = await insertApiKey(trx, ctx, input.partnerId, input.label ?? null);
    await recordAudit(trx, {
      partnerId: input.partnerId,
      actor: partnerActor(ctx),
      action: 'API_KEY_CREATED',
      details: { keyId: created.keyId },
      now: ctx.clock.now(),
    });
    return created;
  });
}
