import { notifyWork } from '../../db/notify.js';
import { WORK_TOPIC } from '../work-requests.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertValid, conflict, validationFailed } from '../errors.js';
import { readSettings } from '../partners/settings.js';
import { storeRiskAssessment } from '../risk/assess-risk.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';
import type { CompanyRow } from '../../db/tables.js';
import { isSubmitted, loadCompany, loadFlow, type FormCtx } from './access.js';
import { openInfoRequest } from '../review/open-items.js';
import { checkSubmission } from './check-submission.js';
import { clockAtSubmit } from '../case-review/deadline.js';
import { takeSnapshot } from '../case-review/snapshots.js';
import { autoAssignCase } from '../queue/auto-assign.js';

/**
 * Submits the form: checks it whole against its flow (one error listing every missing item,
 * nothing changed), then in one transaction moves it from PENDING to the partner's status on
 * submit, stamps the submission times, audits it and queues COMPANY_SUBMIT.
 *
 * A re-submission after a request for more information is the same, except that
 * `initialSubmissionTime` stays and the request is closed.
 *
 * With automatic assignment on, an unassigned case is assigned in the same transaction.
 */
export async function submitForm({ ctx }: { ctx: FormCtx }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const company = await loadCompany(trx, ctx);
    const request = openInfoRequest(company);
    if (isSubmitted(company) && !request) throw conflict('The form was already submitted.');
    if (company.info === null) throw validationFailed({ company: ['the company details are not filled in'] });
    const withInfo = company as typeof company & { info: string };
    assertValid(await checkSubmission(trx, ctx, withInfo, await loadFlow(trx, company)));

    const settings = await readSettings(trx, company.partner_id);
    const now = ctx.clock.now();
    // Conditional on the state it was loaded in: of two concurrent submits, one wins.
    const updated = await trx
      .updateTable('companies')
      .set({
        status: settings.statusOnSubmit,
        submission_time: now,
        initial_submission_time: company.initial_submission_time ?? now,
        updated_at: now,
        // The screening worker picks this up: the company and every beneficiary are screened.
        screening_requested_at: now,
        info_request: null,
        // The review clock starts, or resumes after the wait for the client; the risk assessment below sets the due time.
        ...clockAtSubmit(company, now),
      })
      .where('id', '=', company.id)
      .$call((q) => (request ? q.where('info_request', '=', company.info_request) : q.where('submission_time', 'is', null)))
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw conflict('The form was already submitted.');
    await notifyWork(trx, WORK_TOPIC.screening);
    await recordAudit(trx, {
      ...ctx.access,
      now,
      ...(request
        ? { action: 'FORM_RESUBMITTED', details: { status: settings.statusOnSubmit, items: request.items } }
        : { action: 'FORM_SUBMITTED', details: { status: settings.statusOnSubmit } }),
    });
    // Assessed here, in the submit's transaction, so a submitted case always has a level; the
    // screening has not run yet (NOT_CHECKED), and its result triggers a recompute.
    await storeRiskAssessment(trx, ctx, withInfo, 'SUBMIT', now);
    // The reviewer's "what changed since the last submission" compares these.
    await takeSnapshot(trx, ctx, withInfo, now);
    // In the same transaction: the webhook exists if and only if the submit committed.
    await enqueueEvent(trx, { partnerId: company.partner_id, eventType: 'COMPANY_SUBMIT', payload: companySubmitPayload(company, now), now });
    // The case is in review now: with the partner's automatic assignment on, an unheld case gets its reviewer in this transaction.
    await autoAssignCase(trx, { partnerId: company.partner_id, companyId: company.id, now });
  });
}

/** iDenfy's CompanySubmitWebhook, exactly. */
export function companySubmitPayload(company: CompanyRow, submittedAt: number) {
  return {
    id: company.id,
    clientId: company.client_id,
    submissionTime: new Date(submittedAt).toISOString(),
    soleProprietor: company.sole_proprietor === 1,
    externalRef: company.external_ref,
  };
}
