import type { Db } from '../../db/database.js';
import { readBytes, type FileStorage } from '../../storage/file-storage.js';

export interface MigrateFilesSummary {
  /** Files the database records. */
  total: number;
  copied: number;
  /** Already in the target store (an earlier, interrupted run; or stored there since). */
  alreadyThere: number;
  /** Recorded, but in neither store: reported by id so an operator can look for them. */
  missing: string[];
}

const PAGE = 200;

/**
 * Copies every file the database records (`stored_files`) from one store to another. A file
 * already in the target is skipped, so a run that was interrupted, or a second run to catch
 * uploads made meanwhile, copies only what is left. The source is never changed: switching
 * `OPENKYB_FILE_STORE` and deleting the old store are the operator's steps, after the summary.
 */
export async function migrateFiles({
  db,
  from,
  to,
  onProgress,
}: {
  db: Db;
  from: FileStorage;
  to: FileStorage;
  onProgress?: (done: number, total: number) => void;
}): Promise<MigrateFilesSummary> {
  const counted = await db
    .selectFrom('stored_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const summary: MigrateFilesSummary = { total: Number(counted.n), copied: 0, alreadyThere: 0, missing: [] };
  let after = '';
  let done = 0;
  for (;;) {
    // Keyset pages in id order: rows added during the run are seen if they sort later, and a
    // second run picks up the rest.
    const page = await db.selectFrom('stored_files').select('hash').where('hash', '>', after).orderBy('hash').limit(PAGE).execute();
    if (page.length === 0) break;
    for (const { hash } of page) {
      if (await to.exists(hash)) summary.alreadyThere += 1;
      else {
        const bytes = await readBytes(from, hash);
        if (bytes) {
          await to.put(hash, bytes);
          summary.copied += 1;
        } else summary.missing.push(hash);
      }
      done += 1;
    }
    after = page[page.length - 1]!.hash;
    onProgress?.(done, Math.max(done, summary.total));
  }
  summary.total = Math.max(done, summary.total);
  return summary;
}
