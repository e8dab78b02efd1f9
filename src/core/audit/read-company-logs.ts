import type { Db } from '../../db/database.js';
import type { CompanyLogs } from '../../schemas/audit-log.js';
import { presentKybAuditLog } from './present-audit-log.js';

/** How many entries CompanyDetail shows at most; `logsCount` still counts them all. */
export const COMPANY_LOGS_LIMIT = 1000;

/** The audit entries of one company of one partner (to select from): the one place that scopes them. */
export function companyAuditEntries(db: Db, scope: { partnerId: string; companyId: string }) {
  return db.selectFrom('audit_logs').where('partner_id', '=', scope.partnerId).where('company_id', '=', scope.companyId);
}

/**
 * A company's audit trail as iDenfy's CompanyLogs, oldest first, scoped to the partner (the
 * caller has already checked the company is theirs; another partner's company yields nothing).
 */
export async function readCompanyLogs(db: Db, scope: { partnerId: string; companyId: string }, limit = COMPANY_LOGS_LIMIT): Promise<CompanyLogs> {
  const base = companyAuditEntries(db, scope);
  const [rows, count] = await Promise.all([
    base.select(['id', 'action', 'actor_type', 'details', 'created_at']).orderBy('seq').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { logs: rows.map(presentKybAuditLog), logsCount: Number(count.n) };
}
