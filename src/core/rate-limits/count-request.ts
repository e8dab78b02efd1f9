import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RequestCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/** How a limiter key is stored: its SHA-256, since limiter keys may hold a client address. */
export function storedLimiterKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The start of the fixed window of `windowMs` that holds `now`. */
export function windowStartOf(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

/**
 * Counts one request against `key` in the fixed window of `windowMs` that holds `now`, in the
 * database, so every server sharing it counts against one limit. One statement (an upsert that
 * returns the new count): concurrent requests on several servers are counted exactly.
 */
export async function countRequest(db: Db, input: { key: string; windowMs: number; now: number }): Promise<RequestCount> {
  const windowStart = windowStartOf(input.now, input.windowMs);
  const [counted] = await addRequestCounts(db, [{ key: storedLimiterKey(input.key), windowStart, add: 1 }], input.now);
  return { count: counted!, ttlMs: windowStart + input.windowMs - input.now };
}

/** When each database's old windows were last cleared (at most once a minute). */
const clearedAt = new WeakMap<object, number>();
const CLEAR_EVERY_MS = 60_000;

/**
 * Adds `add` requests to each (stored key, window) in one statement and returns the new counts in
 * the input's order; each pair may appear once. A window's first requests clear windows that
 * ended long ago (every limiter's window is far shorter than a day), at most once a minute per
 * database handle, so the table holds about one row per key in use.
 */
export async function addRequestCounts(db: Db, rows: ReadonlyArray<{ key: string; windowStart: number; add: number }>, now: number): Promise<number[]> {
  const counted = await db
    .insertInto('rate_limit_hits')
    .values(rows.map((row) => ({ key: row.key, window_start: row.windowStart, count: row.add })))
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limit_hits.count', '+', eb.ref('excluded.count')) })))
    .returning(['key', 'window_start', 'count'])
    .execute();
  const countOf = new Map(counted.map((row) => [`${row.key}:${row.window_start}`, row.count]));
  const counts = rows.map((row) => countOf.get(`${row.key}:${row.windowStart}`)!);
  if (rows.some((row, i) => counts[i] === row.add) && now - (clearedAt.get(db) ?? -Infinity) >= CLEAR_EVERY_MS) {
    clearedAt.set(db, now);
    // Housekeeping only: the requests are counted, so a failure here must not fail them (the next
    // clearing, a minute later, deletes what this one left).
    await db
      .deleteFrom('rate_limit_hits')
      .where('window_start', '<', now - DAY_MS)
      .execute()
      .catch(() => undefined);
  }
  return counts;
}
