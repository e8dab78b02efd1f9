import type { Db } from '../../db/database.js';
import type { CompanyRow, PendingDecisionRow } from '../../db/tables.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../errors.js';
import type { ReviewCtx } from '../review/load-company.js';
import { evidenceHash } from './evidence-hash.js';
import { actorKey, needsFourEyes, readPolicy } from './policy.js';

export interface ProposedReview {
  approvalStatus: 'APPROVED' | 'DENIED';
  denyReason: string | null;
}

/** APPLY: the decision takes effect now. PROPOSED: it waits for a second reviewer. */
export type GateOutcome = { state: 'APPLY'; confirmedProposal: PendingDecisionRow | null } | { state: 'PROPOSED' };

/**
 * Four-eyes: when the partner's policy asks it for the case's risk level, a decision is first
 * proposed, and takes effect only when another actor makes the same decision on the same
 * evidence. The proposer cannot confirm; a proposal whose evidence changed since is void (a
 * new decision replaces it as a fresh proposal). Runs in the decision's transaction, with the
 * company row locked.
 */
export async function fourEyesGate(trx: Db, ctx: ReviewCtx, company: CompanyRow, review: ProposedReview): Promise<GateOutcome> {
  const policy = await readPolicy(trx, ctx.partnerId);
  const pending = await trx.selectFrom('pending_decisions').selectAll().where('company_id', '=', company.id).executeTakeFirst();
  if (!needsFourEyes(policy, company.risk_level)) {
    if (pending) await trx.deleteFrom('pending_decisions').where('company_id', '=', company.id).execute();
    return { state: 'APPLY', confirmedProposal: null };
  }
  const now = ctx.clock.now();
  const me = actorKey(ctx.actor);
  const evidence = await evidenceHash(trx, company.id);
  if (pending && pending.evidence_hash === evidence) {
    if (pending.proposed_by === me) {
      throw conflict('You proposed this decision: a second reviewer must confirm it (four-eyes), and nobody confirms their own.');
    }
    if (pending.approval_status !== review.approvalStatus) {
      throw conflict(`A decision to ${pending.approval_status === 'APPROVED' ? 'approve' : 'deny'} awaits confirmation: confirm it, or withdraw it first.`);
    }
    await trx.deleteFrom('pending_decisions').where('company_id', '=', company.id).execute();
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId: company.id,
      actor: ctx.actor,
      action: 'DECISION_CONFIRMED',
      now,
      details: { approvalStatus: review.approvalStatus, proposedBy: pending.proposed_by, managerId: ctx.managerId },
    });
    return { state: 'APPLY', confirmedProposal: pending };
  }
  const row: PendingDecisionRow = {
    company_id: company.id,
    partner_id: ctx.partnerId,
    approval_status: review.approvalStatus,
    deny_reason: review.denyReason,
    proposed_by: me,
    proposed_at: now,
    evidence_hash: evidence,
  };
  // A void proposal (the evidence changed) is replaced: the audit trail keeps both.
  if (pending) await trx.deleteFrom('pending_decisions').where('company_id', '=', company.id).execute();
  await trx.insertInto('pending_decisions').values(row).execute();
  await recordAudit(trx, {
    partnerId: ctx.partnerId,
    companyId: company.id,
    actor: ctx.actor,
    action: 'DECISION_PROPOSED',
    now,
    details: {
      approvalStatus: review.approvalStatus,
      riskLevel: company.risk_level,
      ...(pending ? { replacesVoided: pending.proposed_by } : {}),
      managerId: ctx.managerId,
    },
  });
  return { state: 'PROPOSED' };
}
