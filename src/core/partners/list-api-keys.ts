import type { Ctx } from '../context.js';

export interface ApiKeySummary {
  keyId: string;
  partnerId: string;
  apiKey: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Lists key pairs without secrets (only their hashes are stored). */
export async function listApiKeys({ ctx, input }: { ctx: Ctx; input: { partnerId?: string } }): Promise<ApiKeySummary[]> {
  let query = ctx.db.selectFrom('api_keys').selectAll().orderBy('created_at');
  if (input.partnerId) query = query.where('partner_id', '=', input.partnerId);
  const rows = await query.execute();
  return rows.map((row) => ({
    keyId: row.id,
    partnerId: row.partner_id,
    apiKey: row.api_key,
    label: row.label,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  }));
}
