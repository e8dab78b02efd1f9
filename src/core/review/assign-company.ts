import type { ManagerAccount } from '../../schemas/review.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadReviewCompany, type ReviewCtx } from './load-company.js';
import { invalidField } from '../errors.js';
import { managersById } from './managers.js';

/** Assigns the company's review to one of the partner's managers, or unassigns it (null). */
export async function assignCompany({
  ctx,
  companyId,
  input,
}: {
  ctx: ReviewCtx;
  companyId: string;
  input: { managerId: number | null };
}): Promise<{ assignedTo: ManagerAccount | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    const company = await loadReviewCompany(trx, ctx.partnerId, companyId);
    const manager = input.managerId === null ? null : ((await managersById(trx, ctx.partnerId, [input.managerId])).get(input.managerId) ?? null);
    if (input.managerId !== null && !manager) throw invalidField('managerId', 'is not a manager of this account');
    const now = ctx.clock.now();
    await trx.updateTable('companies').set({ assigned_to: input.managerId, updated_at: now }).where('id', '=', companyId).execute();
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      companyId,
      actor: ctx.actor,
      action: 'COMPANY_ASSIGNED',
      now,
      details: { from: company.assigned_to, to: input.managerId, managerId: ctx.managerId },
    });
    return { assignedTo: manager };
  });
}
