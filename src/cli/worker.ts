import type { Config } from '../config.js';
import { buildCtx, systemClock } from '../core/context.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createRetentionWorker } from '../jobs/retention-worker.js';
import { createRiskWorker } from '../jobs/risk-worker.js';
import { createGovChecksWorker } from '../jobs/gov-checks-worker.js';
import { createWebhookWorker } from '../jobs/webhook-worker.js';
import { openStorage } from '../storage/open-storage.js';
import { bufferedStdout, createLogger } from '../logger.js';
import { onSignals } from './signals.js';
import { startScreening } from './start-screening.js';

/**
 * `openkyb worker`: the background worker alone (webhook delivery, screening, list refresh, risk recompute, retention purges, register deliveries), until SIGTERM or SIGINT.
 * Run several against one PostgreSQL, next to servers started with OPENKYB_SERVE_WORKER=false.
 */
export async function worker(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel, bufferedStdout());
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger, poolSize: 4 });
  const applied = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const webhooks = createWebhookWorker({ config, database, clock: systemClock, logger });
  const screening = startScreening(config, database, logger, { work: true });
  const ctx = buildCtx({ config, db: database.db, storage: openStorage(config, database.db), clock: systemClock, logger });
  const risk = createRiskWorker({ ctx, database, logger });
  const retention = createRetentionWorker({ ctx, retention: config.retention, logger });
  const govChecks = createGovChecksWorker({ ctx, database, logger });
  // The handlers go in before the first loop starts and says so: a SIGTERM sent on seeing
  // "webhook worker started" must find them, or the process dies without stopping its loops.
  onSignals(logger, async () => {
    await webhooks.stop();
    await screening.stop();
    await risk.stop();
    await retention.stop();
    await govChecks.stop();
    await database.destroy();
  });
  webhooks.start();
  risk.start();
  retention.start();
  govChecks.start();
}
