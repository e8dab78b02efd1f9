import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.js';
import { createBatchedCounter } from './batched-counter.js';
import { storedLimiterKey, windowStartOf } from './count-request.js';

const HOUR = 3_600_000;

describeEachDialect('rate-limit counts in batches', (h) => {
  const stored = async (key: string, now: number) =>
    (
      await h()
        .database.db.selectFrom('rate_limit_hits')
        .select('count')
        .where('key', '=', storedLimiterKey(key))
        .where('window_start', '=', windowStartOf(now, HOUR))
        .executeTakeFirst()
    )?.count ?? 0;

  it('counts a key locally between flushes, and loses nothing it acknowledged', async () => {
    const counter = createBatchedCounter(h().database.db, h().clock, h().ctx.logger);
    const now = h().clock.now();
    const answers: number[] = [];
    for (let i = 0; i < 50; i += 1) answers.push((await counter.count({ key: 'local', windowMs: HOUR, max: 10_000, now })).count);
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Only the first request of the window was a statement; the other 49 wait for a flush.
    expect(await stored('local', now)).toBe(1);
    await counter.close();
    expect(await stored('local', now)).toBe(50);
  });

  it('adds what it holds on its own timer', async () => {
    const counter = createBatchedCounter(h().database.db, h().clock, h().ctx.logger);
    const now = h().clock.now();
    try {
      for (let i = 0; i < 10; i += 1) await counter.count({ key: 'timer', windowMs: HOUR, max: 10_000, now });
      // A liveness bound, not a measurement: the timer fires after 50 ms.
      const deadline = Date.now() + 10_000;
      while ((await stored('timer', now)) < 10 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await stored('timer', now)).toBe(10);
    } finally {
      await counter.close();
    }
  });

  it('holds a limit exactly across two servers that flush more often than the slack fills', async () => {
    const servers = [0, 1].map(() => createBatchedCounter(h().database.db, h().clock, h().ctx.logger));
    const now = h().clock.now();
    const max = 1000;
    let allowed = 0;
    for (let i = 0; i < 1100; i += 1) {
      // Alternating, as a load balancer would; each server adds its counts every 80 requests,
      // under the slack of 100 (the 50 ms timer at 1,600 requests a second).
      if (i % 80 === 79) await Promise.all(servers.map((s) => s.flush()));
      const { count } = await servers[i % 2]!.count({ key: 'shared', windowMs: HOUR, max, now });
      if (count <= max) allowed += 1;
    }
    await Promise.all(servers.map((s) => s.close()));
    expect(allowed).toBe(max);
    expect(await stored('shared', now)).toBe(1100);
  });

  it('reads the count again before counting locally on a key it has not read lately', async () => {
    const [a, b] = [0, 1].map(() => createBatchedCounter(h().database.db, h().clock, h().ctx.logger));
    const now = h().clock.now();
    const max = 1000;
    try {
      expect((await a!.count({ key: 'stale', windowMs: HOUR, max, now })).count).toBe(1);
      // Server B spends the rest of the limit and more; A's count of 1 is now far behind.
      for (let i = 0; i < max; i += 1) await b!.count({ key: 'stale', windowMs: HOUR, max, now });
      await b!.flush();
      await new Promise((resolve) => setTimeout(resolve, 150));
      const answer = await a!.count({ key: 'stale', windowMs: HOUR, max, now });
      expect(answer.count).toBe(max + 2);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  it('counts every request in the database when the limit is under the slack', async () => {
    const counter = createBatchedCounter(h().database.db, h().clock, h().ctx.logger);
    const now = h().clock.now();
    for (let i = 0; i < 5; i += 1) await counter.count({ key: 'small', windowMs: HOUR, max: 99, now });
    expect(await stored('small', now)).toBe(5);
    await counter.close();
  });
});
