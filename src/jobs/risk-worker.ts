import type { Logger } from 'pino';
import type { Ctx } from '../core/context.js';
import { storeRiskAssessment } from '../core/risk/assess-risk.js';
import type { DatabaseHandle } from '../db/database.js';
import { createBatchWorker, workRequestsOf } from './poll-loop.js';
import { WORK_TOPIC } from '../core/work-requests.js';

export interface RiskWorker {
  start(): void;
  /** Answers up to `limit` recompute requests, one transaction each; returns how many. */
  runOnce(limit?: number): Promise<number>;
  /** A request was served: a loop that backed off while idle looks now. */
  nudge(): void;
  stop(): Promise<void>;
}

/**
 * Answers risk recompute requests (a model change marks every open case, a finished screening
 * marks its case) in small batches. Each company is claimed, assessed and cleared in one
 * transaction: on PostgreSQL with SKIP LOCKED, so several workers share the work.
 */
export function createRiskWorker(options: { ctx: Ctx; database: DatabaseHandle; logger: Logger; pollIntervalMs?: number; batchSize?: number }): RiskWorker {
  const { ctx, database } = options;
  const logger = options.logger.child({ worker: 'risk' });
  let stopping = false;
  // A case whose assessment fails is set aside for this process's lifetime, so it cannot hold up the queue.
  const failed = new Set<string>();
  let current: string | null = null;

  const claimAndAssess = () =>
    database.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('companies')
        .selectAll()
        .where('risk_requested_at', 'is not', null)
        .$if(failed.size > 0, (q) => q.where('id', 'not in', [...failed]))
        .orderBy('risk_requested_at')
        .limit(1)
        .$if(database.dialect === 'postgres', (q) => q.forUpdate().skipLocked())
        .executeTakeFirst();
      if (!due) return false;
      current = due.id;
      if (due.info !== null) await storeRiskAssessment(trx, ctx, due as typeof due & { info: string }, 'RECOMPUTE', ctx.clock.now());
      await trx
        .updateTable('companies')
        .set({ risk_requested_at: null })
        .where('id', '=', due.id)
        .where('risk_requested_at', '=', due.risk_requested_at)
        .execute();
      return true;
    });

  const answerOne = async () => {
    current = null;
    try {
      return await claimAndAssess();
    } catch (error) {
      if (current === null) throw error;
      failed.add(current);
      logger.error({ companyId: current, err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'risk assessment failed; set aside');
      return true;
    }
  };

  const batchSize = options.batchSize ?? 50;
  const runOnce = async (limit = batchSize): Promise<number> => {
    let done = 0;
    while (done < limit && !stopping && (await answerOne())) done += 1;
    if (done > 0) {
      logger.info({ assessed: done }, 'risk recomputed');
    }
    return done;
  };

  return createBatchWorker({
    name: 'risk',
    logger,
    ...workRequestsOf(database, WORK_TOPIC.risk, options.pollIntervalMs),
    runOnce,
    batchSize,
    onStop: () => (stopping = true),
  });
}
