import type { Logger } from 'pino';
import type { Ctx } from '../core/context.js';
import { expireCompanies } from '../core/review/expire-companies.js';
import { finishAutomation } from '../core/review/finish-automation.js';
import { screenCompany } from '../core/screening/screen-company.js';
import type { ScreeningPolicy } from '../core/screening/status.js';
import type { DatabaseHandle } from '../db/database.js';
import type { ScreeningIndexHost } from '../screening-index/index-host.js';
import { liveLists, liveSetKey } from '../screening-index/live-lists.js';

export interface ScreeningWorkerOptions {
  ctx: Ctx;
  database: DatabaseHandle;
  host: ScreeningIndexHost;
  policy: ScreeningPolicy;
  logger: Logger;
  /** How often the worker looks for new list versions and screening requests (default 2 s). */
  pollIntervalMs?: number;
  /** How long a claim on a company lasts (default 2 min). */
  leaseMs?: number;
  /** False: only keep the index on the live lists, screen nothing (servers without background work). */
  screen?: boolean;
}

export interface ScreeningWorker {
  start(): void;
  /** Brings the index up to the live lists, then screens one batch of requested companies. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Answers screening requests (set at submit, on demand, and for every open case when a list
 * changes) and keeps this process's index on the live lists. A company is screened only by an
 * index of the live versions, so stored results always name the lists they used.
 */
export function createScreeningWorker(options: ScreeningWorkerOptions): ScreeningWorker {
  const { ctx, database, host, policy } = options;
  const logger = options.logger.child({ worker: 'screening' });
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const leaseMs = options.leaseMs ?? 120_000;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const syncIndex = async (): Promise<boolean> => {
    const live = await liveLists(database.db);
    const held = host.lists();
    if (held === null || liveSetKey(held) !== liveSetKey(live)) await host.reload();
    return liveSetKey(host.lists() ?? []) === liveSetKey(live);
  };

  const claim = async (now: number) => {
    const db = database.db;
    return db.transaction().execute(async (trx) => {
      const due = await trx.selectFrom('companies').select(['id', 'screening_requested_at'])
        .where('screening_requested_at', 'is not', null)
        .where((eb) => eb.or([eb('screened_at', 'is', null), eb('screened_at', '<', eb.ref('screening_requested_at'))]))
        .where((eb) => eb.or([eb('screening_lease_until', 'is', null), eb('screening_lease_until', '<=', now)]))
        .orderBy('screening_requested_at').limit(5)
        .$if(database.dialect === 'postgres', (q) => q.forUpdate().skipLocked())
        .execute();
      if (due.length > 0) await trx.updateTable('companies').set({ screening_lease_until: now + leaseMs }).where('id', 'in', due.map((d) => d.id)).execute();
      return due;
    });
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

  const runOnce = async (): Promise<number> => {
    if (options.screen !== false) await expire();
    if (!(await syncIndex()) || options.screen === false) return 0;
    const due = await claim(ctx.clock.now());
    for (const company of due) {
      const outcome = await screenCompany({ ctx, companyId: company.id, searcher: host, policy });
      await database.db.updateTable('companies').set({ screened_at: company.screening_requested_at, screening_lease_until: null })
        .where('id', '=', company.id).execute();
      logger.info({ companyId: company.id, ...outcome }, 'company screened');
      if (await finishAutomation({ ctx, companyId: company.id })) logger.info({ companyId: company.id }, 'automation run finished');
    }
    await database.flush();
    return due.length;
  };

  const run = async () => {
    while (!stopping) {
      let screened = 0;
      try {
        screened = await runOnce();
      } catch (error) {
        logger.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'screening run failed');
      }
      if (stopping || screened > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => { clearTimeout(timer); resolve(); };
      });
      wake = null;
    }
  };

  return {
    start() {
      loop ??= run();
    },
    runOnce,
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
