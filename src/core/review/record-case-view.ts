import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { lockCompany } from './load-company.js';

// The back office's case page reads the detail and several views of the case at once: one
// entry per manager and case for such a sitting says who read it without one per request.
const SITTING_MS = 10 * 60_000;

/**
 * A manager's read of a case's data outside the case detail (the form routes, the case views)
 * is audited as opening the case (`company.viewed`, as the detail writes it), before anything is
 * shown, unless the same manager opened the case within the sitting. Without it, a viewer could
 * read every beneficiary through `/kyb/forms/` and leave no trace. Another partner's or an
 * unknown company writes nothing: the read itself answers 404.
 */
export async function recordCaseView(ctx: Pick<Ctx, 'db' | 'clock'>, input: { partnerId: string; managerId: number; companyId: string }): Promise<void> {
  const db: Db = ctx.db;
  const now = ctx.clock.now();
  const company = await db.selectFrom('companies').select('id').where('id', '=', input.companyId).where('partner_id', '=', input.partnerId).executeTakeFirst();
  if (!company) return;
  if (await viewedWithin(db, input, now)) return;
  // The case page's views arrive together and would each find no entry: the check is made again
  // with the company's row locked (SQLite's write lock serialises anyway), so one of them writes.
  await db.transaction().execute(async (trx) => {
    await lockCompany(trx, input.companyId);
    if (await viewedWithin(trx, input, now)) return;
    await recordAudit(trx, {
      partnerId: input.partnerId,
      companyId: input.companyId,
      actor: { kind: 'manager', managerId: input.managerId },
      action: 'company.viewed',
      details: { managerId: input.managerId },
      now,
    });
  });
}

async function viewedWithin(db: Db, input: { managerId: number; companyId: string }, now: number): Promise<boolean> {
  const recent = await db
    .selectFrom('audit_logs')
    .select('id')
    .where('company_id', '=', input.companyId)
    .where('created_at', '>', now - SITTING_MS)
    .where('action', '=', 'company.viewed')
    .where('actor_type', '=', 'manager')
    .where('actor_id', '=', String(input.managerId))
    .limit(1)
    .executeTakeFirst();
  return recent !== undefined;
}
