import type { Logger } from 'pino';
import type { Clock } from '../core/context.js';
import { sweepFiles } from '../core/files/sweep-files.js';
import type { DatabaseHandle } from '../db/database.js';
import type { FileStorage } from '../storage/file-storage.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Sweeps the file store once at start-up and then every `intervalMs`. Logs counts only: file
 * names are hashes of personal documents.
 */
export function startFileSweeper({
  database,
  storage,
  clock,
  logger,
  intervalMs = HOUR_MS,
}: {
  database: DatabaseHandle;
  storage: FileStorage;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const counts = await sweepFiles({ db: database.db, storage, now: clock.now() });
        if (counts.tempFiles + counts.unreferencedFiles > 0) logger.info(counts, 'file store swept');
      } catch (error) {
        logger.warn({ err: { message: (error as Error).message, code: (error as NodeJS.ErrnoException).code } }, 'file store sweep failed');
      }
    });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
