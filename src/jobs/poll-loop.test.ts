import pino from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { createBatchWorker } from './poll-loop.js';

afterEach(() => {
  vi.useRealTimers();
});

it('goes again at once only after a full batch, sleeps its base interval after a partial one, and backs off only when idle', async () => {
  vi.useFakeTimers({ now: 0 });
  // What each pass does, in turn: a full batch, a partial one, two empty ones, a partial one, then nothing.
  const script = [5, 2, 0, 0, 3];
  const passesAt: number[] = [];
  const worker = createBatchWorker({
    name: 'test',
    logger: pino({ level: 'silent' }),
    intervalMs: 100,
    idleMaxMs: 1_000,
    batchSize: 5,
    runOnce: async () => {
      passesAt.push(Date.now());
      return script.shift() ?? 0;
    },
  });
  worker.start();
  await vi.advanceTimersByTimeAsync(850);
  await worker.stop();
  // 0: full, again at once; 0: partial, the base interval; 100 and 300: empty, doubling;
  // 700: partial, back to the base interval; 800.
  expect(passesAt).toEqual([0, 0, 100, 300, 700, 800]);
});
