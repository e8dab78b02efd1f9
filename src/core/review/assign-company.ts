import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { ManagerAccount } from '../../schemas/review.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
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
    // A disabled account cannot sign in to work the case: the queue would show it held by no one who can.
    if (input.managerId !== null && (await isDisabled(trx, input.managerId))) throw invalidField('managerId', 'is a disabled manager account');
    await assignInTransaction(
      trx,
      { partnerId: ctx.partnerId, actor: ctx.actor, actingManagerId: ctx.managerId, now: ctx.clock.now() },
      company,
      input.managerId,
    );
    return { assignedTo: manager };
  });
}

/**
 * The assignment itself, inside the caller's transaction (the company loaded, the manager
 * checked): the API's assign and automatic assignment both write it here, so both leave the
 * same row, the same audit entry and the same tie-break stamp on the manager.
 */
export async function assignInTransaction(
  trx: Db,
  by: { partnerId: string; actor: AuditActor; actingManagerId: number | null; now: number; automatic?: boolean },
  company: Pick<CompanyRow, 'id' | 'assigned_to'>,
  managerId: number | null,
): Promise<void> {
  await trx.updateTable('companies').set({ assigned_to: managerId, updated_at: by.now }).where('id', '=', company.id).execute();
  if (managerId !== null) await trx.updateTable('managers').set({ last_assigned_at: by.now }).where('id', '=', managerId).execute();
  await recordAudit(trx, {
    partnerId: by.partnerId,
    companyId: company.id,
    actor: by.actor,
    action: 'COMPANY_ASSIGNED',
    now: by.now,
    details: { from: company.assigned_to, to: managerId, managerId: by.actingManagerId, ...(by.automatic ? { automatic: true } : {}) },
  });
}

async function isDisabled(db: Db, managerId: number): Promise<boolean> {
  const row = await db.selectFrom('managers').select('disabled_at').where('id', '=', managerId).executeTakeFirst();
  return row?.disabled_at != null;
}
