import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { buildRegistryProviders } from '../registries/build-providers.js';
import type { RegistryProviders } from '../registries/providers.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { ManagerPrincipal } from './managers/roles.js';
import { KeyScope } from './privacy/company-keys.js';
import { masterKeyring, type MasterKeyring } from './privacy/master-keys.js';

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
  /** The master keys and this request's cache of company data keys (personal data at rest). */
  keys: KeyScope;
  managerSignIn: Config['managerSignIn'];
  /** The company and person registers, built once per process (docs/registries.md). */
  registries: RegistryProviders;
  /** Register call timeout and the retry schedule of register deliveries. */
  registrySettings: { timeoutMs: number; retryScheduleMs: readonly number[] };
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
  /** The manager acting through a back-office session; absent for key pairs and operators. */
  manager?: ManagerPrincipal | null;
  /**
   * The partner's settings (JSON) as authentication read them, in the statement that checked
   * the key pair: `settingsOf` uses them instead of a second read. Fresh as of this request's
   * start, as any read at the start of the transaction would be.
   */
  settingsJson?: string;
}

/** The one way to build a context: from the settings and the process's dependencies. */
export function buildCtx(deps: {
  config: Config;
  db: Db;
  storage: FileStorage;
  clock: Clock;
  logger: Logger;
  keyring?: MasterKeyring;
  /** Built once per process and shared; absent (one-off commands), built here. */
  registries?: RegistryProviders;
}): Ctx {
  const { config, db, storage, clock, logger } = deps;
  return {
    db,
    clock,
    logger,
    pepper: config.secret,
    // A fresh cache of unwrapped company keys per context: they live no longer than it does.
    keys: new KeyScope(deps.keyring ?? masterKeyring(config)),
    managerSignIn: config.managerSignIn,
    registries: deps.registries ?? buildRegistryProviders({ config, db, now: () => clock.now() }),
    registrySettings: { timeoutMs: config.registryTimeoutMs, retryScheduleMs: config.registryRetryScheduleMs },
    files: { storage, publicUrl: config.publicUrl, maxUploadBytes: config.maxUploadBytes, urlTtlSeconds: config.fileUrlTtlSeconds },
  };
}
