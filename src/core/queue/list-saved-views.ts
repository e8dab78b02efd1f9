import type { SavedView } from '../../schemas/case-review.js';
import type { PartnerCtx } from '../context.js';
import { presentView, viewOwner } from './own-views.js';

/** The caller's saved views, oldest first. */
export async function listSavedViews({ ctx }: { ctx: PartnerCtx }): Promise<SavedView[]> {
  const managerId = viewOwner(ctx);
  if (managerId === null) return [];
  const rows = await ctx.db
    .selectFrom('saved_views')
    .selectAll()
    .where('manager_id', '=', managerId)
    .where('partner_id', '=', ctx.partnerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentView);
}
