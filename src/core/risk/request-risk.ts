import type { Db } from '../../db/database.js';
import { notifyWork } from '../../db/notify.js';
import { nextRequestTime, requestWork, WORK_TOPIC } from '../work-requests.js';

/** Asks the worker to assess a company's risk again (after a screening, for instance). */
export async function requestRiskAssessment(db: Db, companyId: string, now: number): Promise<void> {
  await requestWork(db, 'risk_requested_at', companyId, now);
}

/**
 * After a model change: every case already assessed and not yet decided (approved or denied)
 * is assessed again. One statement here; the worker does the work in batches.
 */
export async function requestRiskOfOpenCases(db: Db, partnerId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('companies')
    .set((eb) => ({ risk_requested_at: nextRequestTime(eb, 'risk_requested_at', now) }))
    .where('partner_id', '=', partnerId)
    .where('risk_level', 'is not', null)
    .where((eb) => eb.or([eb('approval_status', 'is', null), eb('approval_status', 'not in', ['APPROVED', 'DENIED'])]))
    .executeTakeFirst();
  await notifyWork(db, WORK_TOPIC.risk);
  return Number(result.numUpdatedRows);
}
