import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { buildCtx, systemClock } from '../core/context.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createRetentionWorker } from '../jobs/retention-worker.js';
import { createRiskWorker } from '../jobs/risk-worker.js';
import { createGovChecksWorker } from '../jobs/gov-checks-worker.js';
import { startFileSweeper } from '../jobs/file-sweeper.js';
import { createWebhookWorker } from '../jobs/webhook-worker.js';
import { bufferedStdout, createLogger } from '../logger.js';
import { onSignals } from './signals.js';
import { startScreening } from './start-screening.js';
import { hasUnmigratedLocalFiles, openStorage } from '../storage/open-storage.js';
import { buildRegistryProviders } from '../registries/build-providers.js';

/** `openkyb serve`: migrate, then serve HTTP (and, unless turned off, run the worker) until SIGTERM or SIGINT. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel, bufferedStdout());
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  const applied = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const webhooks = config.serveWorker ? createWebhookWorker({ config, database, clock: systemClock, logger }) : null;
  const screening = startScreening(config, database, logger, { work: config.serveWorker });
  const storage = openStorage(config, database.db);
  if (hasUnmigratedLocalFiles(config)) {
    logger.warn(
      { fileStore: config.fileStore },
      'the data dir still holds local files: run `openkyb files migrate --to database` (or set OPENKYB_FILE_STORE=local)',
    );
  }
  // One set of registry providers for the app and the worker: a provider may hold connections or state.
  const registries = buildRegistryProviders({ config, db: database.db, now: () => systemClock.now() });
  const workerCtx = buildCtx({ config, db: database.db, storage, clock: systemClock, logger, registries });
  const risk = config.serveWorker ? createRiskWorker({ ctx: workerCtx, database, logger }) : null;
  const retention = config.serveWorker ? createRetentionWorker({ ctx: workerCtx, retention: config.retention, logger }) : null;
  const govChecks = config.serveWorker ? createGovChecksWorker({ ctx: workerCtx, database, logger }) : null;
  const app = await buildApp({
    config,
    database,
    storage,
    clock: systemClock,
    logger,
    wakeWorker: () => {
      // PostgreSQL's notifications wake the webhook and register loops when work is committed
      // (any process's); SQLite has none, so each write request wakes them here.
      if (!database.canListen) {
        webhooks?.notify();
        govChecks?.wake();
      }
      // Screening and risk requests are found by polling on SQLite; a loop that backed off
      // while the server was idle returns to its base interval.
      screening.nudge();
      risk?.nudge();
    },
    screening: screening.host,
    registries,
  });
  await app.listen({ port: config.port, host: config.host });
  // The handlers go in before anything says the server is up (as in worker.ts).
  const sweeper = startFileSweeper({ database, storage, clock: systemClock, logger });
  onSignals(logger, async () => {
    await app.close();
    await sweeper.stop();
    await webhooks?.stop();
    await risk?.stop();
    await retention?.stop();
    await govChecks?.stop();
    await screening.stop();
    await database.destroy();
  });
  // The links the server writes (signed document links, the form link of an information request)
  // start with the public URL, not with the address it listens on: an operator who opens the form
  // at another origin sees here which one the links will name. No personal data in this line.
  logger.info({ publicUrl: config.publicUrl, host: config.host, port: config.port }, 'serving; links will use the public URL');
  webhooks?.start();
  risk?.start();
  retention?.start();
  govChecks?.start();
}
