import type { Database } from '../src/db/tables.js';
import type { Harness } from './harness.js';

/** How many rows a table holds, across every partner: "changes nothing" tests compare it before and after. */
export async function countRows(h: Harness, table: keyof Database): Promise<number> {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A company's audit entries with this action. */
export function auditEntries(h: Harness, companyId: string, action: string) {
  return h.database.db.selectFrom('audit_logs').selectAll().where('company_id', '=', companyId).where('action', '=', action).execute();
}
