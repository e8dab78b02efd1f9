import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { buildCtx, systemClock } from '../core/context.js';
import type { DatabaseHandle } from '../db/database.js';
import { scheduleListRefresh } from '../jobs/list-refresh.js';
import { createScreeningWorker } from '../jobs/screening-worker.js';
import { ScreeningIndexHost } from '../screening-runtime/index-host.js';
import { openStorage } from '../storage/open-storage.js';

/**
 * The screening side of a process: the index (its own thread), and, when this process does
 * background work, the screening worker and the scheduled list refresh.
 */
export function startScreening(config: Config, database: DatabaseHandle, logger: Logger, options: { work: boolean }) {
  const host = new ScreeningIndexHost({ url: config.databaseUrl, dataDir: config.dataDir }, logger);
  const ctx = buildCtx({ config, db: database.db, storage: openStorage(config, database.db), clock: systemClock, logger });
  const worker = createScreeningWorker({
    ctx,
    database,
    host,
    logger,
    policy: { requiredLists: config.screeningRequiredLists, maxListAgeMs: config.screeningMaxListAgeMs },
    // A process that does no background work still follows list changes for its search API.
    screen: options.work,
    rescreenThreads: config.rescreenThreads,
  });
  const stopRefresh = options.work ? scheduleListRefresh(ctx, config.screeningSourceUrls, config.screeningRefreshMs, logger) : () => {};
  worker.start();
  return {
    host,
    nudge: () => worker.nudge(),
    async stop() {
      stopRefresh();
      await worker.stop();
      await host.close();
    },
  };
}
