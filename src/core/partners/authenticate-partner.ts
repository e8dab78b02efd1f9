import type { Ctx } from '../context.js';
import { prepared } from '../../db/prepared.js';
import { constantTimeEqualHex, keyedHash } from '../crypto.js';

export interface PartnerPrincipal {
  partnerId: string;
  keyId: string;
  /** The partner's settings (JSON), read in the same statement: token creation needs them. */
  settingsJson: string;
}

const selectActiveKey = prepared((db, p: { apiKey: string }) =>
  db
    .selectFrom('api_keys as k')
    .innerJoin('partners as p', 'p.id', 'k.partner_id')
    .select(['k.id', 'k.partner_id', 'k.secret_hash', 'p.settings'])
    .where('k.api_key', '=', p.apiKey)
    .where('k.revoked_at', 'is', null),
);

// Compared against when the key does not exist, so both outcomes cost the same work.
const DUMMY_HASH = '0'.repeat(64);

/** Checks a Basic-auth key pair; null for any failure, with no hint of which part was wrong. */
export async function authenticatePartner({ ctx, input }: { ctx: Ctx; input: { apiKey: string; apiSecret: string } }): Promise<PartnerPrincipal | null> {
  const [row] = await selectActiveKey(ctx.db, { apiKey: input.apiKey });
  const presented = keyedHash(ctx.pepper, input.apiSecret);
  const matches = constantTimeEqualHex(presented, row?.secret_hash ?? DUMMY_HASH);
  return row && matches ? { partnerId: row.partner_id, keyId: row.id, settingsJson: row.settings } : null;
}
