import type { CaseDecision } from '../../schemas/case-review.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../errors.js';
import { loadReviewCompany, type ReviewCtx } from '../review/load-company.js';
import { presentDeadline } from './deadline.js';
import { evidenceHash } from './evidence-hash.js';
import { actorKey, needsFourEyes, presentActorKey, readPolicy } from './policy.js';

/** Whether the case needs a second reviewer, and the decision waiting for one (void once the evidence changed). */
export async function getCaseDecision({ ctx, companyId }: { ctx: ReviewCtx; companyId: string }): Promise<CaseDecision> {
  const company = await loadReviewCompany(ctx.db, ctx.partnerId, companyId);
  const policy = await readPolicy(ctx.db, ctx.partnerId);
  const pending = await ctx.db.selectFrom('pending_decisions').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  return {
    fourEyesRequired: needsFourEyes(policy, company.risk_level),
    deadline: presentDeadline(company, policy, ctx.clock.now()),
    pending: pending
      ? {
          approvalStatus: pending.approval_status as 'APPROVED' | 'DENIED',
          denyReason: pending.deny_reason,
          proposedBy: presentActorKey(pending.proposed_by),
          proposedAt: new Date(Number(pending.proposed_at)).toISOString(),
          isVoided: pending.evidence_hash !== (await evidenceHash(ctx.db, companyId)),
          isOwnProposal: pending.proposed_by === actorKey(ctx.actor),
        }
      : null,
  };
}

/** Withdraws the decision waiting for confirmation (its proposer changed their mind, or a colleague disagrees). */
export async function withdrawCaseDecision({ ctx, companyId }: { ctx: ReviewCtx; companyId: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadReviewCompany(trx, ctx.partnerId, companyId);
    const pending = await trx.selectFrom('pending_decisions').selectAll().where('company_id', '=', companyId).executeTakeFirst();
    if (!pending) throw conflict('No decision awaits confirmation on this case.');
    await trx.deleteFrom('pending_decisions').where('company_id', '=', companyId).execute();
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId,
      actor: ctx.actor,
      action: 'DECISION_WITHDRAWN',
      now: ctx.clock.now(),
      details: { approvalStatus: pending.approval_status, proposedBy: pending.proposed_by, managerId: ctx.managerId },
    });
  });
}
