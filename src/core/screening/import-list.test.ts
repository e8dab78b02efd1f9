import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.js';
import { importUn, shortUn, truncatedUn, unWithKatangaChanged } from '../../../test/screening-cases.js';
import { importList } from './import-list.js';

describeEachDialect('importing screening lists', (h) => {
  const live = () => h().database.db.selectFrom('screening_lists').selectAll().where('is_live', '=', 1).execute();

  it('records the version (hash, publication date, entity count) and stores every entity', async () => {
    const result = await importUn(h());
    expect(result).toMatchObject({ source: 'un', isUnchanged: false, previous: null, publishedAt: '2026-02-27T00:00:09.554Z' });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [list] = await live();
    expect(list).toMatchObject({ source: 'un', sha256: result.sha256, entity_count: result.entityCount });
    const entities = await h()
      .database.db.selectFrom('screening_entities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('list_id', '=', list!.id)
      .executeTakeFirstOrThrow();
    expect(Number(entities.n)).toBe(result.entityCount);
    expect(result.entityCount).toBeGreaterThan(900);
    expect((await importUn(h())).isUnchanged).toBe(true);
  });

  it('refuses a truncated file whole and keeps the live version', async () => {
    const before = await live();
    await expect(importList({ ctx: h().ctx, input: { source: 'un', path: await truncatedUn() } })).rejects.toThrow(/The un list was refused/);
    expect(await live()).toEqual(before);
  });

  it("refuses a file with under half the live version's entities unless forced", async () => {
    const before = await live();
    const short = await shortUn(50);
    await expect(importList({ ctx: h().ctx, input: { source: 'un', path: short } })).rejects.toThrow(/fewer than half.*--force/);
    expect(await live()).toEqual(before);
    const forced = await importList({ ctx: h().ctx, input: { source: 'un', path: short, force: true } });
    expect(forced.entityCount).toBe(50);
    await importUn(h());
  });

  it('swaps in a new version, drops the old entities, and queues open cases for monitoring', async () => {
    const [before] = await live();
    const result = await importUn(h(), await unWithKatangaChanged());
    expect(result.previous).toEqual({ sha256: before!.sha256, entityCount: before!.entity_count });
    const [after] = await live();
    expect(after!.sha256).toBe(result.sha256);
    const old = await h().database.db.selectFrom('screening_entities').select('entity_id').where('list_id', '=', before!.id).execute();
    expect(old).toEqual([]);
    const history = await h().database.db.selectFrom('screening_lists').select(['sha256', 'is_live']).where('source', '=', 'un').execute();
    expect(history.filter((v) => v.sha256 === before!.sha256 && v.is_live === 0).length).toBeGreaterThan(0);
    expect(history.filter((v) => v.is_live === 1)).toEqual([{ sha256: result.sha256, is_live: 1 }]);
  });
});
