import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../../core/context.js';
import { countRequest } from '../../core/rate-limits/count-request.js';
import type { Db } from '../../db/database.js';

/**
 * A store for @fastify/rate-limit that counts in the database: with several servers on one
 * PostgreSQL, a limit holds across all of them instead of per process. A route with its own
 * limit (sign-in) counts under its own prefix, as the plugin's stores do.
 */
export function databaseRateLimitStore(db: Db, clock: Clock): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow?: number): void {
      countRequest(db, { key: `${this.prefix}${key}`, windowMs: timeWindow ?? 60 * 60 * 1000, now: clock.now() }).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { method: string | string[]; url: string }): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(null, `${String(routeOptions.method)}${routeOptions.url}-`);
    }
  };
}
