import { needsRowLocks, type Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import type { Actor } from '../forms/access.js';

/**
 * A reviewer's context: the partner, and who acts. A key pair acts as the partner (no
 * manager); manager logins come with the back office.
 */
export interface ReviewCtx extends PartnerCtx {
  actor: Actor;
  managerId: number | null;
}

/**
 * One of the partner's companies (another partner's is "not found"). Inside a transaction on
 * PostgreSQL the row is locked, so two reviews of one company run one after the other.
 */
export async function loadReviewCompany(db: Db, partnerId: string, id: string): Promise<CompanyRow> {
  let query = db.selectFrom('companies').selectAll().where('id', '=', id).where('partner_id', '=', partnerId);
  if (needsRowLocks(db)) query = query.forUpdate();
  const company = await query.executeTakeFirst();
  if (!company) throw notFound('Company');
  return company;
}

/**
 * Locks a company's row until the transaction ends on PostgreSQL (SQLite's write lock serialises
 * writers anyway), so the writers of what hangs off it (screening results, their resolutions)
 * take turns instead of overwriting each other's reads. False when the company is gone.
 */
export async function lockCompany(trx: Db, companyId: string): Promise<boolean> {
  let query = trx.selectFrom('companies').select('id').where('id', '=', companyId);
  if (needsRowLocks(trx)) query = query.forUpdate();
  return (await query.executeTakeFirst()) !== undefined;
}
