import { emptyRecord } from '../../shared/records.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { assessRisk } from '../risk/assess-risk.js';
import { overallScreening } from './automation-steps.js';
import { autoAssignCase } from '../queue/auto-assign.js';
import { loadRegisterCheck, registerStepOutcome } from '../company-register/register-check.js';

/**
 * The automated checks of a run after screening answered, in order; each records its outcome
 * under its name in `automationStatuses`. A step runs with the plain context (it may open its
 * own transaction), before the run is closed. Adding a check is one line here.
 */
const STEPS: ReadonlyArray<{ name: string; run: (input: { ctx: Ctx; companyId: string; partnerId: string }) => Promise<unknown> }> = [
  { name: 'screening', run: ({ ctx, companyId }) => overallScreening(ctx.db, companyId) },
  // The screening worker checked the register before it screened (core/company-register); this reports how it ended.
  { name: 'register', run: async ({ ctx, companyId }) => registerStepOutcome(await loadRegisterCheck(ctx.db, ctx, companyId)) },
  {
    name: 'riskAssessment',
    run: async ({ ctx, companyId, partnerId }) => {
      const { level, score } = await assessRisk({ ctx: { ...ctx, partnerId }, input: { companyId } });
      return { status: level, score };
    },
  },
];

/**
 * Closes the company's open automation run once screening answered a request made at or after
 * the run began: runs the steps, records their outcomes and `automationRanAt`, and returns the
 * company from PROCESSING to the status it had. Returns whether a run was closed. Called by
 * the screening worker after each screening; a second worker closing the same run loses the
 * conditional update and changes nothing.
 */
export async function finishAutomation({ ctx, companyId }: { ctx: Ctx; companyId: string }): Promise<boolean> {
  const run = await ctx.db
    .selectFrom('automation_runs as r')
    .innerJoin('companies as c', 'c.id', 'r.company_id')
    .select(['r.id', 'r.partner_id', 'r.previous_status', 'r.requested_at', 'c.screened_at'])
    .where('r.company_id', '=', companyId)
    .where('r.finished_at', 'is', null)
    .executeTakeFirst();
  if (!run || run.screened_at === null || run.screened_at < run.requested_at) return false;

  const statuses = emptyRecord<unknown>();
  for (const step of STEPS) statuses[step.name] = await step.run({ ctx, companyId, partnerId: run.partner_id });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('automation_runs')
      .set({ finished_at: now, statuses: JSON.stringify(statuses) })
      .where('id', '=', run.id)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    if (closed.numUpdatedRows !== 1n) return false;
    await trx
      .updateTable('companies')
      .set({ status: run.previous_status, automation_ran_at: now, automation_statuses: JSON.stringify(statuses), updated_at: now })
      .where('id', '=', companyId)
      .where('status', '=', 'PROCESSING')
      .execute();
    await recordAudit(trx, {
      partnerId: run.partner_id,
      companyId,
      actor: { kind: 'system' },
      action: 'AUTOMATION_FINISHED',
      details: { runId: run.id, statuses },
      now,
    });
    // Back in review: an unheld case gets its reviewer when the partner's automatic assignment is on.
    await autoAssignCase(trx, { partnerId: run.partner_id, companyId, now });
    return true;
  });
}
