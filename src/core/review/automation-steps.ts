import type { Db } from '../../db/database.js';
import type { AmlCheckStatus } from '../screening/status.js';

/** Worst first: the company's screening is as bad as its worst subject. */
const SEVERITY: AmlCheckStatus[] = ['FLAGS_FOUND', 'TRUE_POSITIVE', 'NOT_CHECKED', 'FALSE_POSITIVE', 'NO_FLAGS'];

/** The screening step's outcome: the worst subject status and how many subjects were screened. */
export async function overallScreening(db: Db, companyId: string): Promise<{ status: AmlCheckStatus; subjects: number }> {
  const rows = await db.selectFrom('screening_subjects').select('status').where('company_id', '=', companyId).execute();
  const statuses = new Set(rows.map((r) => r.status));
  return { status: SEVERITY.find((s) => statuses.has(s)) ?? 'NOT_CHECKED', subjects: rows.length };
}
