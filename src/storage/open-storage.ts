import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { DatabaseFileStorage } from './database-file-storage.js';
import { LocalFileStorage, type FileStorage } from './file-storage.js';

export type FileStoreName = Config['fileStore'];

/** The store `name` (by default the configured one): files under the data dir, or rows of the database. */
export function openStorage(config: Pick<Config, 'dataDir' | 'fileStore'>, db: Db, name: FileStoreName = config.fileStore): FileStorage {
  return name === 'database' ? new DatabaseFileStorage(db) : new LocalFileStorage(localFilesRoot(config));
}

export function localFilesRoot(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'files');
}

/**
 * True when the configured store is not the local one but the data dir still holds files: a
 * deployment that moved to PostgreSQL (where the database store is the default) before it ran
 * `openkyb files migrate`, whose documents would otherwise look missing.
 */
export function hasUnmigratedLocalFiles(config: Pick<Config, 'dataDir' | 'fileStore'>): boolean {
  if (config.fileStore === 'local') return false;
  try {
    return readdirSync(localFilesRoot(config)).some((entry) => !entry.startsWith('.'));
  } catch {
    return false;
  }
}
