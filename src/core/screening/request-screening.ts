import type { Db } from '../../db/database.js';
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
 * customers included: a new listing matters most for them).
 */
export async function requestScreeningOfOpenCases(db: Db, now: number): Promise<number> {
  const result = await db
    .updateTable('companies')
    .set((eb) => ({ screening_requested_at: nextRequestTime(eb, 'screening_requested_at', now) }))
    .where('submission_time', 'is not', null)
    .where((eb) => eb.or([eb('approval_status', 'is', null), eb('approval_status', '!=', 'DENIED')]))
    .executeTakeFirst();
  await notifyWork(db, WORK_TOPIC.screening);
  return Number(result.numUpdatedRows);
}
