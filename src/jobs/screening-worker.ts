import type { Logger } from 'pino';
import type { Ctx } from '../core/context.js';
import { claimScreeningRequests, completeScreeningRequest } from '../core/screening/claim-screening.js';
import { expireCompanies } from '../core/review/expire-companies.js';
import { finishAutomation } from '../core/review/finish-automation.js';
import { checkCompanyRegister } from '../core/company-register/check-company-register.js';
import { screenCompany } from '../core/screening/screen-company.js';
import { rescreenListChanges } from '../core/screening/rescreen-list-changes.js';
import type { ScreeningPolicy } from '../core/screening/status.js';
import type { DatabaseHandle } from '../db/database.js';
import type { ScreeningIndexHost } from '../screening-runtime/index-host.js';
import { liveLists, liveSetKey } from '../core/screening/live-lists.js';
import { createBatchWorker, workRequestsOf } from './poll-loop.js';
import { WORK_TOPIC } from '../core/work-requests.js';

export interface ScreeningWorkerOptions {
  ctx: Ctx;
  database: DatabaseHandle;
  host: ScreeningIndexHost;
  policy: ScreeningPolicy;
  logger: Logger;
  /** How often the worker looks for new list versions and screening requests (default 2 s; 10 s on PostgreSQL, where requests wake it). */
  pollIntervalMs?: number;
  /** How long a claim on a company lasts (default 2 min). */
  leaseMs?: number;
  /** False: only keep the index on the live lists, screen nothing (servers without background work). */
  screen?: boolean;
  /** Index threads a re-screen after a list change may share its search among (default 1: the host's own). */
  rescreenThreads?: number;
}

export interface ScreeningWorker {
  start(): void;
  /** Brings the index up to the live lists, then screens one batch of requested companies. */
  runOnce(): Promise<number>;
  /** A request was served: a loop that backed off while idle looks now. */
  nudge(): void;
  stop(): Promise<void>;
}

/** Companies claimed per pass; a pass that claims fewer found the queue empty. */
const SCREENING_BATCH = 5;

/**
 * Answers screening requests (set at submit, on demand, and for every open case when a list
 * changes) and keeps this process's index on the live lists. A company is screened only by an
 * index of the live versions, so stored results always name the lists they used.
 */
export function createScreeningWorker(options: ScreeningWorkerOptions): ScreeningWorker {
  const { ctx, database, host, policy } = options;
  const logger = options.logger.child({ worker: 'screening' });
  const leaseMs = options.leaseMs ?? 120_000;
  const syncIndex = async (): Promise<boolean> => {
    const live = await liveLists(database.db);
    const held = host.lists();
    if (held === null || liveSetKey(held) !== liveSetKey(live)) await host.reload(live);
    return liveSetKey(host.lists() ?? []) === liveSetKey(live);
  };

  // Background work that rides on this loop: sessions that ran out before submission.
  const expire = async () => {
    try {
      const expired = await expireCompanies({ ctx, now: ctx.clock.now(), limit: 100 });
      if (expired > 0) logger.info({ expired }, 'companies expired');
    } catch (error) {
      logger.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'expiry run failed');
    }
  };

  // The register check first (when due), so the register's undeclared persons are screened in this pass.
  const checkRegister = async (companyId: string) => {
    try {
      const register = await checkCompanyRegister({ ctx, companyId });
      if (register) logger.info({ companyId, register: register.status, registerMs: register.registerMs }, 'register checked');
    } catch (error) {
      // Not recorded, so due again on the next screening of the company; the screening goes on.
      logger.error({ companyId, err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'register check failed');
    }
  };

  const runOnce = async (): Promise<number> => {
    if (options.screen !== false) await expire();
    if (!(await syncIndex()) || options.screen === false) return 0;
    // A list changed: only the cases that gain or lose a hit are queued (before they are claimed).
    const rescreened = await rescreenListChanges({ ctx, searcher: host, threads: options.rescreenThreads ?? 1 });
    if (rescreened) logger.info(rescreened, 'list changes matched against open cases');
    const due = await claimScreeningRequests({ ctx, input: { leaseMs, limit: SCREENING_BATCH } });
    for (const request of due) {
      await checkRegister(request.companyId);
      const outcome = await screenCompany({ ctx, companyId: request.companyId, searcher: host, policy });
      await completeScreeningRequest({ ctx, input: request });
      logger.info({ companyId: request.companyId, ...outcome }, 'company screened');
      if (await finishAutomation({ ctx, companyId: request.companyId })) logger.info({ companyId: request.companyId }, 'automation run finished');
    }
    return due.length;
  };

  return createBatchWorker({
    name: 'screening',
    logger,
    ...workRequestsOf(database, WORK_TOPIC.screening, options.pollIntervalMs),
    runOnce,
    batchSize: SCREENING_BATCH,
  });
}
