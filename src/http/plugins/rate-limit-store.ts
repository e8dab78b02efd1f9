import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../../core/context.js';
import type { BlockCounter } from '../../core/rate-limits/block-counter.js';
import { countRequest } from '../../core/rate-limits/count-request.js';
import type { Db } from '../../db/database.js';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that counts in the database: with several servers on one
 * PostgreSQL, a limit holds across all of them instead of per process. The app-wide limit (per
 * key pair, token or manager) is counted in reserved blocks (core/rate-limits/block-counter.ts); a
 * route with a limit of its own (sign-in, per client address) is a guard against guessing, and
 * every one of its requests is counted in the database at once, under the route's own prefix.
 */
export function databaseRateLimitStore(db: Db, clock: Clock, counter: BlockCounter): FastifyRateLimitStoreCtor {
  const answer = (callback: IncrCallback, counted: Promise<{ count: number; ttlMs: number }>) =>
    counted.then(
      ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
      (error: Error) => callback(error),
    );

  class RouteRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly prefix: string) {}

    incr(key: string, callback: IncrCallback, timeWindow?: number): void {
      void answer(callback, countRequest(db, { key: `${this.prefix}${key}`, windowMs: timeWindow ?? 60 * 60 * 1000, now: clock.now() }));
    }

    child(routeOptions: { method: string | string[]; url: string }): FastifyRateLimitStore {
      return new RouteRateLimitStore(`${String(routeOptions.method)}${routeOptions.url}-`);
    }
  }

  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow?: number, max?: number): void {
      const windowMs = timeWindow ?? 60 * 60 * 1000;
      void answer(callback, counter.count({ key, windowMs, max: max ?? 0, now: clock.now() }));
    }

    child(routeOptions: { method: string | string[]; url: string }): FastifyRateLimitStore {
      return new RouteRateLimitStore(`${String(routeOptions.method)}${routeOptions.url}-`);
    }
  };
}
