import type { KybComments } from '../../schemas/review.js';
import type { PartnerCtx } from '../context.js';
import { managersById } from './managers.js';

/** The comments on a company, oldest first (the caller has checked the company is the partner's). */
export async function listComments({ ctx, companyId }: { ctx: PartnerCtx; companyId: string }): Promise<KybComments[]> {
  const rows = await ctx.db
    .selectFrom('company_comments')
    .select(['manager_id', 'content', 'created_at'])
    .where('company_id', '=', companyId)
    .where('partner_id', '=', ctx.partnerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const managers = await managersById(
    ctx.db,
    ctx.partnerId,
    rows.map((r) => r.manager_id),
  );
  return rows.map((row) => ({
    created: new Date(row.created_at).toISOString(),
    content: row.content,
    manager: row.manager_id === null ? null : (managers.get(row.manager_id) ?? null),
  }));
}
