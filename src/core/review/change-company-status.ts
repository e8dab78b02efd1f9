import type { CompanyRow } from '../../db/tables.js';
import type { CompanyStatus, CompanyStatusRequest } from '../../schemas/review.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../errors.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';
import { readScreening } from './aml-check.js';
import { loadReviewCompany, type ReviewCtx } from './load-company.js';
import { companyReviewPayload } from './review-payload.js';
import type { Db } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { refreshDeadline } from '../case-review/deadline.js';
import { assertDocumentsSettled } from '../case-review/document-decisions.js';
import { fourEyesGate } from '../case-review/four-eyes.js';

/** AML statuses a reviewer has not settled: open alerts, or a check that could not vouch. */
const UNRESOLVED = new Set(['FLAGS_FOUND', 'NOT_CHECKED']);

/** The status after the call; `isAwaitingConfirmation` when four-eyes held the decision for a second reviewer. */
export type StatusOutcome = CompanyStatus & { isAwaitingConfirmation?: true };

/**
 * A reviewer moves the company to NEED_TO_PROCESS, NEED_TO_REVIEW or COMPLETED (a manual
 * review: approved or denied). A company still being filled in (PENDING) or processed
 * (PROCESSING) cannot change; approval waits until every AML status is resolved. COMPLETED
 * sends COMPANY_REVIEW in the same transaction. Where the partner's policy asks for four eyes
 * (core/case-review/four-eyes.ts) a decision first waits for a second reviewer: nothing else
 * changes and no event is sent until it is confirmed.
 */
export async function changeCompanyStatus({ ctx, id, input }: { ctx: ReviewCtx; id: string; input: CompanyStatusRequest }): Promise<StatusOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadReviewCompany(trx, ctx.partnerId, id);
    if (company.status === 'PENDING' || company.status === 'PROCESSING') {
      throw conflict(`The company's status is ${company.status}: it can change once the form is submitted and processed.`);
    }
    const now = ctx.clock.now();
    const review = input.status === 'COMPLETED' && 'reviewInfo' in input ? input.reviewInfo : null;
    if (review?.approvalStatus === 'APPROVED') {
      await assertAmlResolved(trx, ctx, company);
      await assertDocumentsSettled(trx, company.id);
    }
    const denyReason = review?.approvalStatus === 'DENIED' ? (review.denyReason ?? null) : null;
    if (review && (await fourEyesGate(trx, ctx, company, { approvalStatus: review.approvalStatus, denyReason })).state === 'PROPOSED') {
      return { status: company.status as CompanyStatus['status'], isAwaitingConfirmation: true };
    }
    const changes = {
      status: input.status,
      status_changed_at: now,
      status_changed_by: ctx.managerId,
      updated_at: now,
      // Back to review: the previous decision no longer stands.
      ...(review
        ? { approval_status: review.approvalStatus, deny_reason: denyReason, approval_status_changed_at: now }
        : {
            approval_status: null,
            deny_reason: null,
            approval_status_changed_at: company.approval_status === null ? company.approval_status_changed_at : now,
          }),
    };
    await trx.updateTable('companies').set(changes).where('id', '=', id).execute();
    await refreshDeadline(trx, id);
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId: id,
      actor: ctx.actor,
      action: 'STATUS_CHANGED',
      now,
      details: { from: company.status, to: input.status, ...(review ? { approvalStatus: review.approvalStatus } : {}), managerId: ctx.managerId },
    });
    if (review) {
      const updated = { ...company, ...changes } as CompanyRow & { info: string };
      if (company.info !== null) {
        await enqueueEvent(trx, { partnerId: ctx.partnerId, eventType: 'COMPANY_REVIEW', payload: await companyReviewPayload(trx, ctx, updated, null), now });
      }
      return { status: 'COMPLETED', reviewInfo: { approvalStatus: review.approvalStatus, denyReason } };
    }
    return { status: input.status };
  });
}

/** Refuses approval while the company or a beneficiary has an unresolved AML status, naming each. */
async function assertAmlResolved(db: Db, ctx: Pick<Ctx, 'keys'>, company: CompanyRow): Promise<void> {
  const screening = await readScreening(db, ctx, company.id);
  const beneficiaries = await db.selectFrom('beneficiaries').select('id').where('company_id', '=', company.id).orderBy('created_at').orderBy('id').execute();
  const problems: string[] = [];
  const isPending = company.screening_requested_at !== null && (company.screened_at === null || company.screened_at < company.screening_requested_at);
  if (isPending) problems.push('screening is still running');
  const check = (label: string, subjectId: string) => {
    const status = screening.subjects.get(subjectId)?.status ?? 'NOT_CHECKED';
    if (UNRESOLVED.has(status)) problems.push(`${label}: ${status}`);
  };
  check(`company ${company.id}`, company.id);
  for (const b of beneficiaries) check(`beneficiary ${b.id}`, b.id);
  // Officers and owners the register names and the client did not declare are screened too.
  for (const subject of screening.subjects.values())
    if (subject.subject_type === 'REGISTER_PERSON') check(`register person ${subject.subject_id}`, subject.subject_id);
  if (problems.length > 0) throw conflict(`The company cannot be approved while AML statuses are unresolved: ${problems.join('; ')}.`);
}
