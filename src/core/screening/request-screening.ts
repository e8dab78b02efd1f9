import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';
import { notifyWork } from '../../db/notify.js';
import { nextRequestTime, requestWork, WORK_TOPIC } from '../work-requests.js';

/**
 * Asks for a company to be (re-)screened; the screening worker answers it. A request that
 * arrives while a screening runs is answered by a second run, never lost.
 */
export async function requestScreening(db: Db, companyId: string, now: number): Promise<void> {
  await requestWork(db, 'screening_requested_at', companyId, now);
}

/**
 * Ongoing monitoring: every submitted case that was not denied is screened again (approved
 * customers included: a new listing matters most for them). With `companyIds`, only those of
 * them that are open (incremental re-screening).
 */
export async function requestScreeningOfOpenCases(db: Db, now: number, companyIds?: string[]): Promise<number> {
  let queued = 0;
  const chunks = companyIds ? Array.from({ length: Math.ceil(companyIds.length / 500) }, (_, i) => companyIds.slice(i * 500, i * 500 + 500)) : [null];
  for (const ids of chunks) {
    const result = await db
      .updateTable('companies')
      .where(isOpenCase)
      .set((eb) => ({ screening_requested_at: nextRequestTime(eb, 'screening_requested_at', now) }))
      .$if(ids !== null, (q) => q.where('id', 'in', ids!))
      .executeTakeFirst();
    queued += Number(result.numUpdatedRows);
  }
  if (queued > 0) await notifyWork(db, WORK_TOPIC.screening);
  return queued;
}

/** The cases ongoing monitoring screens again: submitted and not denied. */
export const isOpenCase = (eb: ExpressionBuilder<Database, 'companies'>) =>
  eb.and([eb('submission_time', 'is not', null), eb.or([eb('approval_status', 'is', null), eb('approval_status', '!=', 'DENIED')])]);
