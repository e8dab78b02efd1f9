import type { SavedView, SavedViewPatch } from '../../schemas/case-review.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { assertNameFree, loadOwnView, presentView, viewName, viewOwner, withNameFree } from './own-views.js';

/** Renames one of the caller's views, or replaces its query. */
export async function updateSavedView({ ctx, viewId, input }: { ctx: PartnerCtx; viewId: string; input: SavedViewPatch }): Promise<SavedView> {
  const managerId = viewOwner(ctx);
  const name = input.name === undefined ? undefined : viewName(input.name);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwnView(trx, ctx, managerId, viewId);
    if (name !== undefined) await assertNameFree(trx, row.manager_id, name, viewId);
    const changes = { ...(name !== undefined ? { name } : {}), ...(input.query !== undefined ? { query: input.query } : {}) };
    await withNameFree(name ?? row.name, () => trx.updateTable('saved_views').set(changes).where('id', '=', viewId).execute());
    await recordPartnerAudit(trx, ctx, { action: 'SAVED_VIEW_CHANGED', details: { viewId, changed: Object.keys(changes) }, now: ctx.clock.now() });
    return presentView({ ...row, ...changes });
  });
}
