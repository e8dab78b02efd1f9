import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/database.js';

export interface PollLoopOptions {
  /** Shown in the log line of a failed pass. */
  name: string;
  logger: Logger;
  /** How long an idle loop sleeps before looking again. */
  intervalMs: number;
  /**
   * Idle back-off: each pass that finds nothing doubles the sleep, up to this (default
   * `intervalMs`: no back-off). A wake-up returns to `intervalMs`.
   */
  idleMaxMs?: number;
  /** Wake-ups closer together than this are merged (a busy server wakes a worker per request). */
  minGapMs?: number;
  /**
   * A wake-up source beside the poll (PostgreSQL LISTEN: `database.onWork(topic, wake)`), so the
   * loop looks as soon as another process commits work; returns its unsubscribe.
   */
  wakeOn?: (wake: () => void) => () => void;
  /**
   * One pass of work; resolves true when more may be due at once (a full batch), 'some' when it
   * did work but emptied its queue (the loop sleeps its base interval, without backing off), false
   * when it found nothing.
   */
  pass: () => Promise<boolean | 'some'>;
}

export interface PollLoop {
  start(): void;
  /** Asks the loop to look now instead of at its next poll (coalesced; cheap to call often). */
  wake(): void;
  /**
   * Says work may be coming (a request was served): a loop that backed off while idle looks now
   * and returns to `intervalMs`; one polling at `intervalMs` is left alone, so a busy server
   * does not run a pass per request.
   */
  nudge(): void;
  /** Stops after the pass in progress, if any. */
  stop(): Promise<void>;
}

/**
 * The one loop every background worker runs: a pass, then again at once when it found a full
 * batch, otherwise a sleep until the next poll or a wake-up. A failing pass is logged (without
 * its message, which may quote data) and retried at the next poll.
 */
export function createPollLoop(options: PollLoopOptions): PollLoop {
  const { name, logger, intervalMs, minGapMs = 0, pass, wakeOn } = options;
  const idleMaxMs = Math.max(intervalMs, options.idleMaxMs ?? intervalMs);
  let delayMs = intervalMs;
  let unsubscribe: (() => void) | null = null;
  let stopping = false;
  let woken = false;
  let interrupt: (() => void) | null = null;
  let running: Promise<void> | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
      interrupt = done;
    });

  const wake = () => {
    woken = true;
    interrupt?.();
  };

  const run = async () => {
    while (!stopping) {
      woken = false;
      let outcome: boolean | 'some' = false;
      try {
        outcome = await pass();
      } catch (error) {
        logger.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, `${name} pass failed`);
      }
      if (stopping) break;
      const more = outcome === true;
      if (more || outcome === 'some' || woken) {
        delayMs = intervalMs;
        if (more) continue;
      }
      await sleep(delayMs);
      delayMs = woken ? intervalMs : Math.min(delayMs * 2, idleMaxMs);
      if (minGapMs > 0 && !stopping) await new Promise((resolve) => setTimeout(resolve, minGapMs));
    }
  };

  return {
    start() {
      if (running || stopping) return;
      running = run();
      unsubscribe = wakeOn?.(wake) ?? null;
    },
    wake,
    nudge() {
      if (delayMs > intervalMs) wake();
    },
    async stop() {
      stopping = true;
      unsubscribe?.();
      interrupt?.();
      await running;
    },
  };
}

export interface BatchWorker<R extends () => Promise<number>> {
  start(): void;
  runOnce: R;
  wake(): void;
  nudge(): void;
  stop(): Promise<void>;
}

/**
 * A worker whose pass is one batch: `runOnce` does up to `batchSize` and says how many it did,
 * and a full batch is followed by another at once. A pass that did less found the queue empty
 * before it finished, so looking again at once would only find nothing (on PostgreSQL, a claim's
 * transaction of three round trips per pass; docs/performance.md, twelfth session): the loop
 * sleeps its base interval instead, without backing off as an idle one does, and what is
 * committed meanwhile wakes it where something says so (a notification on PostgreSQL, the
 * server's own requests on SQLite). `onStop` runs first on stop (to end a batch in progress
 * early); the loop then stops after the pass in progress.
 */
export function createBatchWorker<R extends () => Promise<number>>(
  options: Omit<PollLoopOptions, 'pass'> & { runOnce: R; batchSize: number; onStop?: () => void },
): BatchWorker<R> {
  const { runOnce, onStop, batchSize, ...loopOptions } = options;
  const loop = createPollLoop({
    ...loopOptions,
    pass: async () => {
      const done = await runOnce();
      return done >= batchSize ? true : done > 0 ? 'some' : false;
    },
  });
  return {
    start: () => loop.start(),
    runOnce,
    wake: () => loop.wake(),
    nudge: () => loop.nudge(),
    async stop() {
      onStop?.();
      await loop.stop();
    },
  };
}

/**
 * How long an idle worker's poll may back off to (when its interval is the default, not one a
 * caller chose). Most of an idle server's CPU was these polls; a server that serves a request
 * nudges its own workers back to their base interval, PostgreSQL's notifications wake every
 * process at once, and this bounds how late an idle loop sees what no one announced (a retry
 * that came due, work committed by another process on SQLite).
 */
export const IDLE_POLL_MAX_MS = 30_000;

/**
 * How a worker of work requests (screening, risk) hears of them: at once through the database's
 * notifications on its topic where it has them (PostgreSQL), polling seldom as a fallback; else
 * by polling every 2 s, backing off to `IDLE_POLL_MAX_MS` while idle.
 */
export function workRequestsOf(database: DatabaseHandle, topic: string, pollIntervalMs?: number): Pick<PollLoopOptions, 'intervalMs' | 'idleMaxMs' | 'wakeOn'> {
  return {
    intervalMs: pollIntervalMs ?? (database.canListen ? 10_000 : 2000),
    ...(pollIntervalMs === undefined ? { idleMaxMs: IDLE_POLL_MAX_MS } : {}),
    wakeOn: (wake) => database.onWork(topic, wake),
  };
}
