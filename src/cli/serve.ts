import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { buildCtx, systemClock } from '../core/context.js';
import { purgeExpiredIdempotencyKeys } from '../core/idempotency/with-idempotency.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createRiskWorker } from '../jobs/risk-worker.js';
import { startFileSweeper } from '../jobs/file-sweeper.js';
import { createWebhookWorker } from '../jobs/webhook-worker.js';
import { createLogger } from '../logger.js';
import { onSignals } from './signals.js';
import { startScreening } from './start-screening.js';
import { openStorage } from '../storage/open-storage.js';

const HOUR_MS = 60 * 60 * 1000;

/** `openkyb serve`: migrate, then serve HTTP (and, unless turned off, run the worker) until SIGTERM or SIGINT. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  const applied = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const webhooks = config.serveWorker ? createWebhookWorker({ config, database, clock: systemClock, logger }) : null;
  const screening = startScreening(config, database, logger, { work: config.serveWorker });
  const storage = openStorage(config);
  const risk = config.serveWorker
    ? createRiskWorker({ ctx: buildCtx({ config, db: database.db, storage, clock: systemClock, logger }), database, logger })
    : null;
  const app = await buildApp({ config, database, storage, clock: systemClock, logger, wakeWorker: webhooks?.notify, screening: screening.host });
  await app.listen({ port: config.port, host: config.host });
  webhooks?.start();
  risk?.start();
  const sweeper = startFileSweeper({ database, storage, clock: systemClock, logger });

  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(database.db, Date.now()).catch((err: Error) => logger.error({ err: { message: err.message } }, 'idempotency purge failed'));
  }, HOUR_MS);
  purge.unref();

  onSignals(logger, async () => {
    clearInterval(purge);
    await app.close();
    await sweeper.stop();
    await webhooks?.stop();
    await risk?.stop();
    await screening.stop();
    await database.destroy();
  });
}
