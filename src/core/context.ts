import type { Logger } from 'pino';
import type { Db } from '../db/database.js';

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
}

/** A context acting for one partner (tenant). Everything it loads is scoped to that partner. */
export interface PartnerCtx extends Ctx {
  partnerId: string;
}
