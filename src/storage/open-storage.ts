import path from 'node:path';
import type { Config } from '../config.js';
import { LocalFileStorage, type FileStorage } from './file-storage.js';

/** The storage the configuration selects; today the local filesystem under the data dir. */
export function openStorage(config: Pick<Config, 'dataDir'>): FileStorage {
  return new LocalFileStorage(path.join(config.dataDir, 'files'));
}
