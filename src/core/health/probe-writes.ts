import type { DatabaseHandle } from '../../db/database.js';
import type { FileStorage } from '../../storage/file-storage.js';

export type WriteProbe = { isWritable: true } | { isWritable: false; failed: 'database' | 'file store'; code: string | null };

/** A probe that takes longer than this counts as failed: a health check must answer. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * Whether this server can write: a tiny file written, synced and deleted in the file store,
 * and a one-row upsert the database commits (and, on SQLite, flushes to disk). A full disk or
 * a read-only volume fails here, so /healthz stops saying "ok" while every upload would fail.
 */
export async function probeWrites({ database, storage, now }: { database: DatabaseHandle; storage: FileStorage; now: number }): Promise<WriteProbe> {
  try {
    await withTimeout(storage.probeWrite());
  } catch (error) {
    return { isWritable: false, failed: 'file store', code: codeOf(error) };
  }
  try {
    await withTimeout(
      (async () => {
        await database.db
          .insertInto('health_checks')
          .values({ id: 'healthz', checked_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: now }))
          .execute();
        await database.flush();
      })(),
    );
  } catch (error) {
    return { isWritable: false, failed: 'database', code: codeOf(error) };
  }
  return { isWritable: true };
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('write probe timed out'), { code: 'ETIMEDOUT' })), PROBE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
