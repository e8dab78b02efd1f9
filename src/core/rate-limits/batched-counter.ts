import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../context.js';
import { addRequestCounts, storedLimiterKey, windowStartOf, type RequestCount } from './count-request.js';

/** How often a process adds what it counted locally to the database. */
const FLUSH_MS = 50;

/**
 * The headroom below a limit where counting stops being local: at least this many requests, or a
 * tenth of the limit. Limits smaller than this are always counted in the database.
 */
const MIN_SLACK = 100;

export interface BatchedCounter {
  count(input: { key: string; windowMs: number; max: number; now: number }): Promise<RequestCount>;
  /** Adds what is pending now (the timer does this every 50 ms). */
  flush(): Promise<void>;
  /** Adds what is still pending and stops the timer. */
  close(): Promise<void>;
}

interface WindowCount {
  storedKey: string;
  windowStart: number;
  windowMs: number;
  /** The database's count at the last statement that touched this window. */
  known: number;
  /** Requests counted here and not yet added to the database. */
  pending: number;
}

/**
 * Counts requests against per-key limits in the database, shared by every server, without a
 * statement per request. A key's first request in a window, and every request once the count
 * comes within the slack of the limit, is counted at once in one statement (exact, as
 * `countRequest`). Below that, a request is counted here and answered from the last known count
 * plus what this process counted since; what is pending is added in one statement every 50 ms.
 *
 * What this costs in exactness: a request answered locally can be over the limit only when the
 * other servers served more than the slack (100 or a tenth of the limit) with this key within one
 * flush interval, that is, at 2,000 requests a second or more on one key. Limits under 100 are
 * never counted locally.
 */
export function createBatchedCounter(db: Db, clock: Clock, logger: Logger): BatchedCounter {
  const windows = new Map<string, WindowCount>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let closed = false;

  const flush = async (now: number): Promise<void> => {
    timer = null;
    const due = [...windows.values()].filter((w) => w.pending > 0);
    const taken = due.map((w) => w.pending);
    for (const w of due) w.pending = 0;
    if (due.length > 0) {
      try {
        const counts = await addRequestCounts(
          db,
          due.map((w, i) => ({ key: w.storedKey, windowStart: w.windowStart, add: taken[i]! })),
          now,
        );
        due.forEach((w, i) => (w.known = Math.max(w.known, counts[i]!)));
      } catch (error) {
        // A lost increment lets a few more requests through and harms nobody (as a crash would);
        // the next exact count reads the database again.
        logger.warn({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'rate-limit counts not stored');
      }
    }
    for (const [id, w] of windows) if (w.windowStart + w.windowMs <= now && w.pending === 0) windows.delete(id);
  };

  const schedule = () => {
    if (timer || flushing || closed) return;
    timer = setTimeout(() => {
      flushing = flush(clock.now()).finally(() => {
        flushing = null;
        if ([...windows.values()].some((w) => w.pending > 0)) schedule();
      });
    }, FLUSH_MS);
    timer.unref();
  };

  return {
    async count({ key, windowMs, max, now }) {
      const windowStart = windowStartOf(now, windowMs);
      const ttlMs = windowStart + windowMs - now;
      const id = `${windowStart}:${key}`;
      let w = windows.get(id);
      const slack = Math.max(MIN_SLACK, Math.ceil(max / 10));
      if (w && w.known + w.pending + 1 + slack <= max) {
        w.pending += 1;
        schedule();
        return { count: w.known + w.pending, ttlMs };
      }
      if (!w) {
        w = { storedKey: storedLimiterKey(key), windowStart, windowMs, known: 0, pending: 0 };
        windows.set(id, w);
      }
      // Exact: this request and whatever this process still holds for the key, in one statement.
      const add = w.pending + 1;
      w.pending = 0;
      const [counted] = await addRequestCounts(db, [{ key: w.storedKey, windowStart, add }], now);
      w.known = Math.max(w.known, counted!);
      return { count: counted!, ttlMs };
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await flushing;
      await flush(clock.now());
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await flushing;
      await flush(clock.now());
    },
  };
}
