import type { ReviewPolicy, ReviewPolicyPatch } from '../../schemas/case-review.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { refreshPartnerDeadlines } from './deadline.js';
import { readPolicy } from './policy.js';

export async function getReviewPolicy({ ctx }: { ctx: PartnerCtx }): Promise<ReviewPolicy> {
  return readPolicy(ctx.db, ctx.partnerId);
}

/** Changes the partner's review controls; every running deadline is recomputed in the same transaction. */
export async function updateReviewPolicy({ ctx, input }: { ctx: PartnerCtx; input: ReviewPolicyPatch }): Promise<ReviewPolicy> {
  return ctx.db.transaction().execute(async (trx) => {
    const policy: ReviewPolicy = { ...(await readPolicy(trx, ctx.partnerId)), ...input };
    const now = ctx.clock.now();
    const definition = JSON.stringify(policy);
    await trx
      .insertInto('review_policies')
      .values({ partner_id: ctx.partnerId, definition, updated_at: now })
      .onConflict((oc) => oc.column('partner_id').doUpdateSet({ definition, updated_at: now }))
      .execute();
    await refreshPartnerDeadlines(trx, ctx.partnerId, policy);
    await recordPartnerAudit(trx, ctx, { action: 'REVIEW_POLICY_CHANGED', now, details: { ...policy } });
    return policy;
  });
}
