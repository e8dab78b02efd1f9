import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { systemClock } from '../core/context.js';
import { purgeExpiredIdempotencyKeys } from '../core/idempotency/with-idempotency.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { openStorage } from '../storage/open-storage.js';

const HOUR_MS = 60 * 60 * 1000;

/** `openkyb serve`: migrate, then serve HTTP until SIGTERM or SIGINT. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const app = await buildApp({ config, database, storage: openStorage(config), clock: systemClock, logger });
  await app.listen({ port: config.port, host: config.host });

  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(database.db, Date.now()).catch((err: Error) => logger.error({ err: { message: err.message } }, 'idempotency purge failed'));
  }, HOUR_MS);
  purge.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(purge);
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
