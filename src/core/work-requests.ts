import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { notifyWork } from '../db/notify.js';
import type { Database } from '../db/tables.js';

/** A column of `companies` that asks a worker for work; the worker compares it with the time it answered. */
export type RequestColumn = 'screening_requested_at' | 'risk_requested_at';

/**
 * The new request time: now, but always after the previous request, so a request made in the
 * same millisecond as the run that answered the last one is still seen as new.
 */
export function nextRequestTime(eb: ExpressionBuilder<Database, 'companies'>, column: RequestColumn, now: number) {
  return eb
    .case()
    .when(column, '>=', now)
    .then(eb(column, '+', 1))
    .else(now)
    .end();
}

/** The topics workers listen on (`notifyWork`, `DatabaseHandle.onWork`). */
export const WORK_TOPIC = { webhooks: 'webhooks', screening: 'screening', risk: 'risk', registers: 'registers' } as const;

const TOPIC_OF: Record<RequestColumn, string> = { screening_requested_at: WORK_TOPIC.screening, risk_requested_at: WORK_TOPIC.risk };

/**
 * Asks the worker behind `column` to (re-)run for one company. A request made while it runs is
 * answered by a second run, never lost. On PostgreSQL the workers of every process are woken
 * when the caller's transaction commits.
 */
export async function requestWork(db: Db, column: RequestColumn, companyId: string, now: number): Promise<void> {
  await db
    .updateTable('companies')
    .set((eb) => ({ [column]: nextRequestTime(eb, column, now) }))
    .where('id', '=', companyId)
    .execute();
  await notifyWork(db, TOPIC_OF[column]);
}
