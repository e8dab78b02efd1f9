import type { Db } from '../../db/database.js';
import type { FileStorage } from '../../storage/file-storage.js';

/**
 * How old a temp file or an unrecorded file must be before the sweep removes it: far longer
 * than any upload's transaction, so a file written for a transaction still in progress (its
 * row not yet visible) is never taken. Storing a file again restarts its period.
 */
export const FILE_SWEEP_GRACE_MS = 60 * 60 * 1000;

export interface SweepCounts {
  tempFiles: number;
  unreferencedFiles: number;
}

/**
 * Removes what crashes and failed writes leave in the file store: temp files of interrupted
 * writes, and files with no `stored_files` row (written, then their transaction rolled back
 * or the process died before it committed). Files with a row are released by their verbs.
 */
export async function sweepFiles({
  db,
  storage,
  now,
  graceMs = FILE_SWEEP_GRACE_MS,
}: {
  db: Db;
  storage: FileStorage;
  now: number;
  graceMs?: number;
}): Promise<SweepCounts> {
  const cutoff = now - graceMs;
  const tempFiles = await storage.sweepTemp(cutoff);
  let unreferencedFiles = 0;
  const candidates = await storage.listOlderThan(cutoff);
  for (let start = 0; start < candidates.length; start += 500) {
    const batch = candidates.slice(start, start + 500);
    const rows = await db.selectFrom('stored_files').select('hash').where('hash', 'in', batch).execute();
    const recorded = new Set(rows.map((row) => row.hash));
    for (const hash of batch) {
      if (!recorded.has(hash) && (await storage.removeIfOlderThan(hash, cutoff))) unreferencedFiles += 1;
    }
  }
  return { tempFiles, unreferencedFiles };
}
