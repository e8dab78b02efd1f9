import { newRowId } from '../../db/row-id.js';
import type { ReviewCtx } from './load-company.js';
import { needsRowLocks } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, DomainError } from '../errors.js';
import { loadCompany } from '../forms/access.js';
import { readSettings } from '../partners/settings.js';
import { nextRequestTime, WORK_TOPIC } from '../work-requests.js';
import { notifyWork } from '../../db/notify.js';

/**
 * Re-runs the automated checks (iDenfy's POST /kyb/companies/{id}/automation/). In one
 * transaction: the run is recorded with the status to return to, the company goes to
 * PROCESSING and screening is requested. The screening worker answers the request and then
 * finishes the run (finishAutomation), which runs the remaining steps and restores the status.
 */
export async function runAutomation({ ctx, input }: { ctx: ReviewCtx; input: { companyId: string } }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    // Runs are counted per partner: on PostgreSQL, the partner row serialises concurrent runs.
    if (needsRowLocks(trx)) await trx.selectFrom('partners').select('id').where('id', '=', ctx.partnerId).forUpdate().execute();
    const access = { partnerId: ctx.partnerId, companyId: input.companyId, actor: ctx.actor };
    const company = await loadCompany(trx, { ...ctx, access });
    if (company.status === 'PENDING') {
      throw conflict(company.info_request ? 'The form is with the client for more information.' : 'The form was not submitted yet.');
    }
    if (company.status === 'PROCESSING') throw conflict('Automation is already running on this company.');

    const { automationRunLimit } = await readSettings(trx, ctx.partnerId);
    if (automationRunLimit !== null) {
      const used = await trx
        .selectFrom('automation_runs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('partner_id', '=', ctx.partnerId)
        .executeTakeFirstOrThrow();
      if (Number(used.n) >= automationRunLimit)
        throw new DomainError('PAYMENT_REQUIRED', `The automation quota of this partner (${automationRunLimit} runs) is spent.`);
    }

    const now = ctx.clock.now();
    const runId = newRowId();
    await trx
      .insertInto('automation_runs')
      .values({
        id: runId,
        partner_id: ctx.partnerId,
        company_id: company.id,
        previous_status: company.status,
        requested_at: now,
        finished_at: null,
        statuses: null,
      })
      .execute();
    const updated = await trx
      .updateTable('companies')
      .set((eb) => ({ status: 'PROCESSING', updated_at: now, screening_requested_at: nextRequestTime(eb, 'screening_requested_at', now) }))
      .where('id', '=', company.id)
      .where('status', '=', company.status)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw conflict('The company changed meanwhile; try again.');
    await notifyWork(trx, WORK_TOPIC.screening);
    await recordAudit(trx, { ...access, action: 'AUTOMATION_REQUESTED', details: { runId, previousStatus: company.status }, now });
  });
}
