import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/database.js';

export interface PollLoopOptions {
  /** Shown in the log line of a failed pass. */
  name: string;
  logger: Logger;
  /** How long an idle loop sleeps before looking again. */
  intervalMs: number;
  /** Wake-ups closer together than this are merged (a busy server wakes a worker per request). */
  minGapMs?: number;
  /**
   * A wake-up source beside the poll (PostgreSQL LISTEN: `database.onWork(topic, wake)`), so the
   * loop looks as soon as another process commits work; returns its unsubscribe.
   */
  wakeOn?: (wake: () => void) => () => void;
  /** One pass of work; resolves true when more may be due at once (a full batch). */
  pass: () => Promise<boolean>;
}

export interface PollLoop {
  start(): void;
  /** Asks the loop to look now instead of at its next poll (coalesced; cheap to call often). */
  wake(): void;
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
      let more = false;
      try {
        more = await pass();
      } catch (error) {
        logger.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, `${name} pass failed`);
      }
      if (stopping) break;
      if (more) continue;
      await sleep(intervalMs);
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
  stop(): Promise<void>;
}

/**
 * A worker whose pass is one batch: `runOnce` does up to a batch and says how many it did, and a
 * batch that did anything is followed by another at once. `onStop` runs first on stop (to end a
 * batch in progress early); the loop then stops after the pass in progress.
 */
export function createBatchWorker<R extends () => Promise<number>>(
  options: Omit<PollLoopOptions, 'pass'> & { runOnce: R; onStop?: () => void },
): BatchWorker<R> {
  const { runOnce, onStop, ...loopOptions } = options;
  const loop = createPollLoop({ ...loopOptions, pass: async () => (await runOnce()) > 0 });
  return {
    start: () => loop.start(),
    runOnce,
    wake: () => loop.wake(),
    async stop() {
      onStop?.();
      await loop.stop();
    },
  };
}

/**
 * How a worker of work requests (screening, risk) hears of them: at once through the database's
 * notifications on its topic where it has them (PostgreSQL), polling seldom as a fallback; else
 * by polling every 2 s.
 */
export function workRequestsOf(database: DatabaseHandle, topic: string, pollIntervalMs?: number): Pick<PollLoopOptions, 'intervalMs' | 'wakeOn'> {
  return { intervalMs: pollIntervalMs ?? (database.canListen ? 10_000 : 2000), wakeOn: (wake) => database.onWork(topic, wake) };
}
