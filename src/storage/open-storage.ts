import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { DatabaseFileStorage } from './database-file-storage.js';
import { LocalFileStorage, type FileStorage } from './file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

export type FileStoreName = Config['fileStore'];

/**
 * The store `name` (by default the configured one): files under the data dir, rows of the
 * database, or objects of the configured S3 bucket.
 */
export function openStorage(config: Pick<Config, 'dataDir' | 'fileStore' | 's3'>, db: Db, name: FileStoreName = config.fileStore): FileStorage {
  if (name === 'database') return new DatabaseFileStorage(db);
  if (name === 's3') {
    if (!config.s3) throw new Error('the s3 file store needs OPENKYB_S3_BUCKET and the other OPENKYB_S3_* settings');
    return new S3FileStorage(config.s3);
  }
  return new LocalFileStorage(localFilesRoot(config));
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
