import { randomUUID } from 'node:crypto';
import { MAX_SAVED_VIEWS, type SavedView, type SavedViewCreate } from '../../schemas/case-review.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { conflict } from '../errors.js';
import { assertNameFree, presentView, savingOwner, viewName, withNameFree } from './own-views.js';

/** Saves the queue's current URL state under a name, for the calling manager only. */
export async function createSavedView({ ctx, input }: { ctx: PartnerCtx; input: SavedViewCreate }): Promise<SavedView> {
  const managerId = savingOwner(ctx);
  const name = viewName(input.name);
  return ctx.db.transaction().execute(async (trx) => {
    const { count } = await trx
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('manager_id', '=', managerId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_SAVED_VIEWS) throw conflict(`At most ${MAX_SAVED_VIEWS} saved views: delete one first.`);
    await assertNameFree(trx, managerId, name);
    const now = ctx.clock.now();
    const row = { id: randomUUID(), partner_id: ctx.partnerId, manager_id: managerId, name, query: input.query, created_at: now };
    await withNameFree(name, () => trx.insertInto('saved_views').values(row).execute());
    // Ids only: a view's name and query may hold a searched company name.
    await recordPartnerAudit(trx, ctx, { action: 'SAVED_VIEW_CREATED', details: { viewId: row.id }, now });
    return presentView(row);
  });
}
