import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../context.js';
import { addRequestCounts, countRequest, storedLimiterKey, windowStartOf, type RequestCount } from './count-request.js';

/** How often a process adds what it counted locally to the database. */
const FLUSH_MS = 50;

/**
 * How old the database's count may be for a request to be answered from it: about two flush
 * intervals, so a key this process keeps using stays local, and one it has not used lately is
 * read again (exactly) before it is counted here.
 */
const FRESH_MS = 2 * FLUSH_MS;

/** How often entries nobody counts on any more (stale, nothing pending) are dropped. */
const SWEEP_MS = 1000;

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
  /** The database's count at the last statement that touched this window... */
  known: number;
  /** ...and when that statement answered (performance.now()). */
  knownAt: number;
  /** Requests counted here and not yet added to the database. */
  pending: number;
}

/**
 * Counts requests against per-key limits in the database, shared by every server, without a
 * statement per request. A request is counted at once, in one statement (exact, as
 * `countRequest`), when the count is within the slack of the limit, or when this process has not
 * read the key's count from the database in the last 100 ms. Otherwise it is counted here and
 * answered from that recent count plus what this process counted since; what is pending is added
 * in one statement every 50 ms.
 *
 * What this costs in exactness: a request answered locally rests on a count at most 100 ms old,
 * to which the other servers' counts of the last 100 ms or so (their own pending and their age)
 * are missing. It can pass a spent limit only when the other servers served more than the slack
 * (100, or a tenth of the limit) with this key within about 150 ms: 700 requests a second or more
 * on one key. Limits under 102 are never counted locally.
 */
export function createBatchedCounter(db: Db, clock: Clock, logger: Logger): BatchedCounter {
  const windows = new Map<string, WindowCount>();
  /** The entries with pending counts. */
  const dirty = new Set<WindowCount>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let closed = false;
  let sweepAt = performance.now() + SWEEP_MS;

  const flush = async (now: number): Promise<void> => {
    timer = null;
    const due = [...dirty];
    dirty.clear();
    const taken = due.map((w) => w.pending);
    for (const w of due) w.pending = 0;
    if (due.length === 0) return;
    try {
      const counts = await addRequestCounts(
        db,
        due.map((w, i) => ({ key: w.storedKey, windowStart: w.windowStart, add: taken[i]! })),
        now,
      );
      const at = performance.now();
      due.forEach((w, i) => {
        w.known = Math.max(w.known, counts[i]!);
        w.knownAt = at;
      });
    } catch (error) {
      // A lost increment lets a few more requests through and harms nobody (as a crash would);
      // the next exact count reads the database again.
      logger.warn({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 'rate-limit counts not stored');
    }
  };

  const schedule = () => {
    if (timer || flushing || closed) return;
    timer = setTimeout(() => {
      flushing = flush(clock.now()).finally(() => {
        flushing = null;
        if (dirty.size > 0) schedule();
      });
    }, FLUSH_MS);
    timer.unref();
  };

  const flushNow = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    await flushing;
    await flush(clock.now());
  };

  const sweep = (at: number) => {
    sweepAt = at + SWEEP_MS;
    for (const [id, w] of windows) if (w.pending === 0 && at - w.knownAt > FRESH_MS) windows.delete(id);
  };

  return {
    async count({ key, windowMs, max, now }) {
      const windowStart = windowStartOf(now, windowMs);
      const ttlMs = windowStart + windowMs - now;
      const slack = Math.max(MIN_SLACK, Math.ceil(max / 10));
      // A limit this small is always counted in the database: nothing to remember here.
      if (max < slack + 2) return countRequest(db, { key, windowMs, now });
      const at = performance.now();
      if (at >= sweepAt) sweep(at);
      const id = `${windowStart}:${key}`;
      let w = windows.get(id);
      if (w && at - w.knownAt <= FRESH_MS && w.known + w.pending + 1 + slack <= max) {
        w.pending += 1;
        dirty.add(w);
        schedule();
        return { count: w.known + w.pending, ttlMs };
      }
      const isNew = !w;
      w ??= { storedKey: storedLimiterKey(key), windowStart, known: 0, knownAt: 0, pending: 0 };
      if (isNew) windows.set(id, w);
      // Exact: this request and whatever this process still holds for the key, in one statement.
      const add = w.pending + 1;
      w.pending = 0;
      dirty.delete(w);
      try {
        const [counted] = await addRequestCounts(db, [{ key: w.storedKey, windowStart, add }], now);
        w.known = Math.max(w.known, counted!);
        w.knownAt = performance.now();
        return { count: counted!, ttlMs };
      } catch (error) {
        // Nothing was added: what this process held is held again, and a new entry is forgotten.
        if (add > 1) {
          w.pending += add - 1;
          dirty.add(w);
          schedule();
        } else if (isNew) windows.delete(id);
        throw error;
      }
    },
    flush: flushNow,
    async close() {
      closed = true;
      await flushNow();
    },
  };
}
