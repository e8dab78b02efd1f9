import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RequestCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/**
 * Counts one request against `key` in the fixed window of `windowMs` that holds `now`, in the
 * database, so every server sharing it counts against one limit. One statement (an upsert that
 * returns the new count): concurrent requests on several servers are counted exactly. The key
 * is stored as its SHA-256: limiter keys may hold a client address.
 */
export async function countRequest(db: Db, input: { key: string; windowMs: number; now: number }): Promise<RequestCount> {
  const key = createHash('sha256').update(input.key).digest('hex');
  const windowStart = Math.floor(input.now / input.windowMs) * input.windowMs;
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limit_hits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  // The first request of a window clears windows that ended long ago (every limiter's window is
  // far shorter than a day), so the table holds about one row per key in use.
  if (row.count === 1)
    await db
      .deleteFrom('rate_limit_hits')
      .where('window_start', '<', input.now - DAY_MS)
      .execute();
  return { count: row.count, ttlMs: windowStart + input.windowMs - input.now };
}
