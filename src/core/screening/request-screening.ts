import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';

/**
 * The new request time: now, but always after the previous request, so a request made in the
 * same millisecond as the screening that answered the last one is still seen as new.
 */
export function nextRequestTime(eb: ExpressionBuilder<Database, 'companies'>, now: number) {
  return eb
    .case()
    .when('screening_requested_at', '>=', now)
    .then(eb('screening_requested_at', '+', 1))
    .else(now)
    .end();
}

/**
 * Asks for a company to be (re-)screened; the screening worker answers it. A request that
 * arrives while a screening runs is answered by a second run, never lost.
 */
export async function requestScreening(db: Db, companyId: string, now: number): Promise<void> {
  await db
    .updateTable('companies')
    .set((eb) => ({ screening_requested_at: nextRequestTime(eb, now) }))
    .where('id', '=', companyId)
    .execute();
}

/**
 * Ongoing monitoring: every submitted case that was not denied is screened again (approved
 * customers included: a new listing matters most for them).
 */
export async function requestScreeningOfOpenCases(db: Db, now: number): Promise<number> {
  const result = await db
    .updateTable('companies')
    .set((eb) => ({ screening_requested_at: nextRequestTime(eb, now) }))
    .where('submission_time', 'is not', null)
    .where((eb) => eb.or([eb('approval_status', 'is', null), eb('approval_status', '!=', 'DENIED')]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
