import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { FileStorage } from '../storage/file-storage.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What every verb gets: who acts, for which tenant, with which database, clock and logger. */
export interface Ctx {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The server pepper for keyed hashes. */
  pepper: string;
  files: FilesSettings;
}

export interface FilesSettings {
  storage: FileStorage;
  /** Base URL of this server, for signed file links. */
  publicUrl: string;
  maxUploadBytes: number;
  urlTtlSeconds: number;
}

/** A context acting for one partner (tenant). Everything it loads is scoped to that partner. */
export interface PartnerCtx extends Ctx {
  partnerId: string;
  /** The key pair acting (an API request); absent when an operator or the server acts. */
  keyId?: string;
}
