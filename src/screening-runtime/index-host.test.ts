import type { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { importUn, screenPending, unWithKatangaChanged } from '../../test/screening-cases.js';

describeEachDialect('screening index host', (h) => {
  it('is not ready before its first build, then serves an empty index without lists', async () => {
    expect(h().screening.lists()).toBeNull();
    await expect(h().screening.search([{ name: 'x' }])).rejects.toThrow(/not ready/);
    await h().screening.reload();
    expect(h().screening.lists()).toEqual([]);
    expect(await h().screening.search([{ name: 'Germain Katanga' }])).toEqual([[]]);
  });

  it('keeps answering searches from the old index while a new one is built, then swaps to it', async () => {
    await importUn(h());
    await h().screening.reload();
    const before = h().screening.lists()!;
    await importUn(h(), await unWithKatangaChanged());
    const reloading = h().screening.reload();
    const during = await Promise.all(Array.from({ length: 20 }, () => h().screening.search([{ name: 'Germain Katanga', kind: 'person' }])));
    await reloading;
    for (const [hits] of during) expect(hits![0]!.entityId).toBe('un:CDi.006');
    const after = h().screening.lists()!;
    expect(after[0]!.sha256).not.toBe(before[0]!.sha256);
    const [hits] = await h().screening.search([{ name: 'Simba', kind: 'person' }]);
    expect(hits![0]!.entityId).toBe('un:CDi.006');
  });

  it('gives a helper thread with an index of the same versions, or none once the live lists moved on', async () => {
    await importUn(h());
    await h().screening.reload();
    const helper = (await h().screening.helper())!;
    try {
      expect(helper.lists()).toEqual(h().screening.lists());
      const query = [{ name: 'Germain Katanga', kind: 'person' as const }];
      expect(await helper.searchAmong(query, ['un:CDi.006'])).toEqual(await h().screening.searchAmong(query, ['un:CDi.006']));
      expect((await helper.search(query))[0]![0]!.entityId).toBe('un:CDi.006');
    } finally {
      await helper.close();
    }
    // A thread that has gone answers a search with an error at once, not never.
    const late = helper.search([{ name: 'Germain Katanga' }]);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('no answer'), 2000));
    await expect(Promise.race([late, timeout])).rejects.toThrow(/screening thread exited/);
    // A new version imported but not yet loaded: a helper would score with other weights.
    await importUn(h(), await unWithKatangaChanged());
    expect(await h().screening.helper()).toBeNull();
  });

  it('says it holds no index once its thread died, so the worker builds a new one at its next pass', async () => {
    await importUn(h());
    await screenPending(h());
    const held = h().screening.lists();
    expect(held).toHaveLength(1);
    // What an out-of-memory kill of the index thread leaves: the thread gone, the host still holding it.
    const thread = (h().screening as unknown as { current: { worker: Worker } }).current.worker;
    await thread.terminate();
    expect(h().screening.lists()).toBeNull();
    await expect(h().screening.search([{ name: 'Germain Katanga' }])).rejects.toThrow(/screening thread exited/);
    expect(h().logs.some((line) => line.includes('"screening thread exited"'))).toBe(true);
    await screenPending(h());
    expect(h().screening.lists()).toEqual(held);
    const [hits] = await h().screening.search([{ name: 'Germain Katanga', kind: 'person' }]);
    expect(hits![0]!.entityId).toBe('un:CDi.006');
  });
});
