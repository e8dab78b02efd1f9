import { newRowId } from '../../db/row-id.js';
import type { KybComments } from '../../schemas/review.js';
import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../errors.js';
import { loadReviewCompany, type ReviewCtx } from './load-company.js';
import { managersById } from './managers.js';

/** A reviewer's note on a company; the audit row records that one was written, not what it says. */
export async function addComment({ ctx, companyId, input }: { ctx: ReviewCtx; companyId: string; input: { content: string } }): Promise<KybComments> {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadReviewCompany(trx, ctx.partnerId, companyId);
    // Retention erased the case's comments with it and will not pass again: a later one would be
    // kept in clear for good. An erased case is not found, as its detail answers.
    if (company.erased_at !== null) throw notFound('Company');
    const now = ctx.clock.now();
    const id = newRowId();
    await trx
      .insertInto('company_comments')
      .values({
        id,
        partner_id: ctx.partnerId,
        company_id: companyId,
        manager_id: ctx.managerId,
        content: input.content,
        created_at: now,
      })
      .execute();
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId,
      actor: ctx.actor,
      action: 'COMMENT_ADDED',
      details: { commentId: id, managerId: ctx.managerId },
      now,
    });
    const managers = await managersById(trx, ctx.partnerId, [ctx.managerId]);
    return { created: new Date(now).toISOString(), content: input.content, manager: ctx.managerId === null ? null : (managers.get(ctx.managerId) ?? null) };
  });
}
