import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';

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
  if (recent) return;
  await recordAudit(db, {
    partnerId: input.partnerId,
    companyId: input.companyId,
    actor: { kind: 'manager', managerId: input.managerId },
    action: 'company.viewed',
    details: { managerId: input.managerId },
    now,
  });
}
