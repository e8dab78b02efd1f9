import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { loadOwnView, viewOwner } from './own-views.js';

/** Deletes one of the caller's views. */
export async function deleteSavedView({ ctx, viewId }: { ctx: PartnerCtx; viewId: string }): Promise<void> {
  const managerId = viewOwner(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await loadOwnView(trx, ctx, managerId, viewId);
    await trx.deleteFrom('saved_views').where('id', '=', viewId).execute();
    await recordPartnerAudit(trx, ctx, { action: 'SAVED_VIEW_DELETED', details: { viewId }, now: ctx.clock.now() });
  });
}
