import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.js';
import { createBlockCounter } from './block-counter.js';
import { storedLimiterKey, windowStartOf } from './count-request.js';

const HOUR = 3_600_000;

describeEachDialect('rate-limit counts in reserved blocks', (h) => {
  const stored = async (key: string, now: number) =>
    (
      await h()
        .database.db.selectFrom('rate_limit_hits')
        .select('count')
        .where('key', '=', storedLimiterKey(key))
        .where('window_start', '=', windowStartOf(now, HOUR))
        .executeTakeFirst()
    )?.count ?? 0;

  it('reserves blocks of 4, 8, 16, ... and admits the requests inside a block without a statement', async () => {
    const counter = createBlockCounter(h().database.db);
    const now = h().clock.now();
    const answers: number[] = [];
    for (let i = 0; i < 50; i += 1) answers.push((await counter.count({ key: 'local', windowMs: HOUR, max: 10_000, now })).count);
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Four reservations (4 + 8 + 16 + 32): the 10 requests left of the last block stay counted.
    expect(await stored('local', now)).toBe(60);
    // Blocks stop growing at 64.
    for (let i = 0; i < 10 + 64 + 64; i += 1) await counter.count({ key: 'local', windowMs: HOUR, max: 10_000, now });
    expect(await stored('local', now)).toBe(60 + 64 + 64);
  });

  it('holds a limit across two servers taking turns, admitting every request under it', async () => {
    const servers = [0, 1].map(() => createBlockCounter(h().database.db));
    const now = h().clock.now();
    const max = 1000;
    const admitted: number[] = [];
    for (let i = 0; i < 1100; i += 1) {
      const { count } = await servers[i % 2]!.count({ key: 'shared', windowMs: HOUR, max, now });
      if (count <= max) admitted.push(i);
    }
    expect(admitted).toEqual(Array.from({ length: max }, (_, i) => i));
  });

  it('never admits past the limit with requests of two servers in flight at once', async () => {
    const servers = [0, 1].map(() => createBlockCounter(h().database.db));
    const now = h().clock.now();
    const max = 1000;
    let admitted = 0;
    for (let round = 0; round < 40; round += 1) {
      const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => servers[(i + round) % 2]!.count({ key: 'burst', windowMs: HOUR, max, now })));
      admitted += answers.filter((a) => a.count <= max).length;
    }
    // 1,280 requests: never more than the limit, and at most a block per server refused early.
    expect(admitted).toBeLessThanOrEqual(max);
    expect(admitted).toBeGreaterThanOrEqual(max - 2 * 64);
  });

  it('reserves again when its block is spent, so a limit another server spent is refused', async () => {
    const [a, b] = [0, 1].map(() => createBlockCounter(h().database.db));
    const now = h().clock.now();
    const max = 1000;
    const admitted = async (counter: typeof a, n: number) => {
      let passed = 0;
      for (let i = 0; i < n; i += 1) if ((await counter!.count({ key: 'elsewhere', windowMs: HOUR, max, now })).count <= max) passed += 1;
      return passed;
    };
    // A reserves a block of four and uses one; B then spends the rest of the limit and more.
    expect(await admitted(a, 1)).toBe(1);
    expect(await admitted(b, max + 10)).toBe(max - 4);
    // A still admits the three left of its block (they were counted before B's), then is refused.
    expect(await admitted(a, 3)).toBe(3);
    expect(await admitted(a, 1)).toBe(0);
  });

  it('refuses a spent key without adding to its count again', async () => {
    const counter = createBlockCounter(h().database.db);
    const now = h().clock.now();
    const max = 200;
    for (let i = 0; i < max; i += 1) expect((await counter.count({ key: 'spent', windowMs: HOUR, max, now })).count).toBe(i + 1);
    // Near the limit every request was counted on its own: the stored count is exactly the limit.
    expect(await stored('spent', now)).toBe(max);
    for (let i = 0; i < 5; i += 1) expect((await counter.count({ key: 'spent', windowMs: HOUR, max, now })).count).toBe(max + 1);
    expect(await stored('spent', now)).toBe(max);
  });

  it('forgets an idle key only when nothing of its block is left, so an idle gap wastes no requests', async () => {
    // Every key counts as idle at once, and every request sweeps.
    const counter = createBlockCounter(h().database.db, { idleMs: -1, sweepMs: 0 });
    const now = h().clock.now();
    const storedAfter: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await counter.count({ key: 'idle', windowMs: HOUR, max: 10_000, now });
      storedAfter.push(await stored('idle', now));
    }
    // A first block of four is used up before the key is forgotten; the fifth request starts over.
    expect(storedAfter).toEqual([4, 4, 4, 4, 8, 8]);
  });

  it('counts every request in the database when the limit is under the slack', async () => {
    const counter = createBlockCounter(h().database.db);
    const now = h().clock.now();
    for (let i = 0; i < 5; i += 1) await counter.count({ key: 'small', windowMs: HOUR, max: 99, now });
    expect(await stored('small', now)).toBe(5);
  });
});
