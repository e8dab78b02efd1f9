import type { Db } from '../../db/database.js';
import { addRequestCounts, countRequest, storedLimiterKey, windowStartOf, type RequestCount } from './count-request.js';

/**
 * The headroom below a limit where blocks stop: at least this many requests, or a tenth of the
 * limit. Limits smaller than this are always counted one request at a time.
 */
const MIN_SLACK = 100;

/** The first block of a key in a window: a form session makes a dozen requests or so. */
const FIRST_BLOCK = 4;

/** The largest block a server reserves at once (smaller for small limits: a quarter of the slack). */
const MAX_BLOCK = 64;

/** A key this server has not used for this long is forgotten, unless its block has requests left. */
const IDLE_MS = 60_000;

/** How often idle and ended entries are dropped. */
const SWEEP_MS = 1000;

export interface BlockCounter {
  /** Counts one request; nothing is ever pending, so a server that stops loses nothing. */
  count(input: { key: string; windowMs: number; max: number; now: number }): Promise<RequestCount>;
}

interface WindowBlock {
  storedKey: string;
  windowStart: number;
  windowEnd: number;
  /** The count of the window's requests up to this server's last admitted one. */
  last: number;
  /** The database's count after this server's last reservation: `last` may run up to it. */
  reservedTo: number;
  /** The size of the last reservation (doubling to the block limit while far from the limit). */
  size: number;
  /** A reservation in flight: requests of the same key wait for it instead of reserving too. */
  reserving: Promise<void> | null;
  usedAt: number;
}

/**
 * Counts requests against per-key limits in the database, shared by every server, without a
 * statement per request: a server reserves a block of a key's requests in one statement (it adds
 * the block's size to the stored count) and admits them locally. A key's first request in a
 * window reserves four, the next reservations 8, 16, ... up to 64 (or a quarter of the slack), and
 * within the slack of the limit (100 requests or a tenth of the limit) every request is counted
 * on its own again.
 *
 * What this gives: a limit is never exceeded, whatever the number of servers, since every request
 * admitted was added to the stored count before it was admitted (a PostgreSQL crash may lose the
 * last reservations, as the counters commit without waiting for a flush). What it costs: the
 * requests left of a block a server reserved (its key went quiet there, or moved to another
 * server) are counted as spent, so near the limit the other servers may refuse up to one block
 * per server early; an entry with requests left is kept until its window ends, so each server
 * holds at most one such block per key and window. The count answered is this server's place in
 * the key's window, so between servers it is not monotonic (X-RateLimit-Remaining may rise by up
 * to a block). A refused request is answered without a statement once the stored count has
 * reached the limit (within a window, the count only grows). Limits under 102 are counted one
 * request at a time. `timing` shortens the idle and sweep intervals in tests.
 */
export function createBlockCounter(db: Db, timing: { idleMs: number; sweepMs: number } = { idleMs: IDLE_MS, sweepMs: SWEEP_MS }): BlockCounter {
  const blocks = new Map<string, WindowBlock>();
  let sweepAt = performance.now() + timing.sweepMs;

  const sweep = (at: number, now: number, max: number) => {
    sweepAt = at + timing.sweepMs;
    for (const [id, block] of blocks) {
      if (block.reserving) continue;
      // An idle key is forgotten only when nothing of its block is left (or its limit is spent):
      // a block given up would be counted as spent, once more at each idle gap.
      const nothingLeft = block.last >= block.reservedTo || block.last >= max;
      if (block.windowEnd <= now || (at - block.usedAt > timing.idleMs && nothingLeft)) blocks.delete(id);
    }
  };

  const reserve = async (block: WindowBlock, size: number, now: number) => {
    const [counted] = await addRequestCounts(db, [{ key: block.storedKey, windowStart: block.windowStart, add: size }], now);
    // The block is the `size` requests ending at `counted`; those past the limit are never admitted.
    block.last = counted! - size;
    block.reservedTo = counted!;
    block.size = size;
  };

  return {
    async count({ key, windowMs, max, now }) {
      const windowStart = windowStartOf(now, windowMs);
      const ttlMs = windowStart + windowMs - now;
      const slack = Math.max(MIN_SLACK, Math.ceil(max / 10));
      // A limit this small is always counted in the database: nothing to remember here.
      if (max < slack + 2) return countRequest(db, { key, windowMs, now });
      const at = performance.now();
      if (at >= sweepAt) sweep(at, now, max);
      const id = `${windowStart}:${key}`;
      let block = blocks.get(id);
      if (!block) {
        block = {
          storedKey: storedLimiterKey(key),
          windowStart,
          windowEnd: windowStart + windowMs,
          last: 0,
          reservedTo: 0,
          size: 0,
          reserving: null,
          usedAt: at,
        };
        blocks.set(id, block);
      }
      block.usedAt = at;
      for (;;) {
        if (block.reserving) {
          await block.reserving;
          continue;
        }
        // Spent here and refused: the stored count is at the limit or past it, and cannot fall.
        if (block.last >= max) return { count: block.last + 1, ttlMs };
        if (block.last < block.reservedTo) {
          block.last += 1;
          return { count: block.last, ttlMs };
        }
        const next = Math.min(Math.max(FIRST_BLOCK, block.size * 2), MAX_BLOCK, Math.floor(slack / 4));
        const size = block.reservedTo + next + slack > max ? 1 : next;
        const reserving = reserve(block, size, now);
        block.reserving = reserving;
        try {
          await reserving;
        } catch (error) {
          // Nothing was added; a new key's entry is forgotten, so the next request starts over.
          if (block.reservedTo === 0) blocks.delete(id);
          throw error;
        } finally {
          block.reserving = null;
        }
      }
    },
  };
}
