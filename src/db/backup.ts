import { existsSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/**
 * A consistent copy of the SQLite database while servers keep writing: SQLite's online backup
 * API (through better-sqlite3) copies pages in steps and restarts a step that a concurrent write
 * changed, so the copy is one committed state. The copy is a plain database file: restoring is
 * putting it in place as `openkyb.sqlite` in an empty data dir (docs/deployment.md).
 */
export async function backupSqlite(dataDir: string, destination: string, onProgress: (progress: BackupProgress) => void): Promise<BackupProgress> {
  const file = path.join(dataDir, 'openkyb.sqlite');
  if (!existsSync(file)) throw new Error(`no SQLite database at ${file}`);
  if (existsSync(destination)) throw new Error(`${destination} exists; choose a new file`);
  const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    let last: BackupProgress = { totalPages: 0, remainingPages: 0 };
    await source.backup(destination, {
      progress: (progress) => {
        last = progress;
        onProgress(progress);
        // Pages per step: small enough that writers are never held up for long.
        return 1000;
      },
    });
    return last;
  } finally {
    source.close();
  }
}
