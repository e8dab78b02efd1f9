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

/** A key this server has not used for this long lets its block go (what is left of it stays counted). */
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
 * admitted was added to the stored count before it was admitted. What it costs: a block a server
 * reserved and has not used (its key went quiet there, or moved to another server) is counted as
 * spent, so near the limit the other servers may refuse up to one block per server early. A
 * refused request is answered without a statement once the stored count has reached the limit
 * (within a window, the count only grows). Limits under 102 are counted one request at a time.
 */
export function createBlockCounter(db: Db): BlockCounter {
  const blocks = new Map<string, WindowBlock>();
  let sweepAt = performance.now() + SWEEP_MS;

  const sweep = (at: number, now: number) => {
    sweepAt = at + SWEEP_MS;
    for (const [id, block] of blocks) if (!block.reserving && (block.windowEnd <= now || at - block.usedAt > IDLE_MS)) blocks.delete(id);
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
      if (at >= sweepAt) sweep(at, now);
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
