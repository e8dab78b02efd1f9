import { expect, it } from 'vitest';
import { submittedNamed } from '../../../test/companies.js';
import { describeEachDialect, type Harness } from '../../../test/harness.js';
import { listVersionA, listVersionB, nearOrg, nearPerson, seeded, writeFtm, type ListEntry, type SubjectNames } from '../../../test/rescreen-cases.js';
import { screenPending } from '../../../test/screening-cases.js';
import { importList } from './import-list.js';
import { requestScreeningOfOpenCases } from './request-screening.js';
import { rescreenListChanges } from './rescreen-list-changes.js';
import type { ScreeningSearcher, SearchHelper } from './searcher.js';

/** Every subject's hits as the back office shows them (entity, alert, current, resolution, entity version), and their scores. */
async function hitSets(h: Harness): Promise<{ hits: string[]; scores: Map<string, number> }> {
  const rows = await h.database.db
    .selectFrom('screening_hits')
    .innerJoin('screening_subjects', 'screening_subjects.id', 'screening_hits.subject_row_id')
    .select(['screening_subjects.subject_id', 'entity_id', 'is_alert', 'is_current', 'score', 'resolution', 'entity_fingerprint'])
    .execute();
  return {
    hits: rows.map((r) => [r.subject_id, r.entity_id, r.is_alert, r.is_current, r.resolution, r.entity_fingerprint].join('|')).sort(),
    scores: new Map(rows.map((r) => [`${r.subject_id}|${r.entity_id}`, r.score])),
  };
}

const screenedAt = async (h: Harness) =>
  new Map((await h.database.db.selectFrom('companies').select(['id', 'screened_at']).execute()).map((r) => [r.id, r.screened_at]));

/** Subjects named near the entities the update touches, and some near unchanged ones. */
function subjectsFor(rand: () => number, a: ListEntry[], b: ReturnType<typeof listVersionB>, count: number): SubjectNames[] {
  const changedIds = new Set(b.changed.map((e) => e.id));
  const pools = [b.added, b.changed, a.filter((e) => changedIds.has(e.id)), b.removed, a];
  const near = (i: number) => pools[i % pools.length]![Math.floor(rand() * pools[i % pools.length]!.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const people: SubjectNames['people'] = [];
    let companyName = `Plain Company ${i} UAB`;
    for (let k = 0; k < 2; k++) {
      const entry = near(i + k);
      if (entry.kind === 'person') people.push(nearPerson(rand, entry, i + k));
      else companyName = nearOrg(entry, i);
    }
    return { companyName, people };
  });
}

/** A few cases screened against a list, then its next version imported and loaded: a re-screen is due. */
async function rescreenDue(h: Harness, seed: number): Promise<void> {
  const rand = seeded(seed);
  const a = listVersionA(rand, 600);
  const b = listVersionB(rand, a, 20);
  await importList({ ctx: h.ctx, input: { source: 'ftm', path: await writeFtm(a) } });
  const partner = await h.partner();
  for (const names of subjectsFor(rand, a, b, 12)) await submittedNamed(h, partner, names);
  await screenPending(h);
  await importList({ ctx: h.ctx, input: { source: 'ftm', path: await writeFtm(b.entries) } });
  await h.screening.reload();
}

describeEachDialect('incremental re-screening when a list changes', (h) => {
  it('queues only the cases that gain or lose a hit, and ends with the hits a full re-screen gives', async () => {
    const rand = seeded(13);
    const a = listVersionA(rand, 800);
    const b = listVersionB(rand, a, 40);
    const first = await importList({ ctx: h().ctx, input: { source: 'ftm', path: await writeFtm(a) } });
    expect(first.rescreen).toBe('FULL');
    const partner = await h().partner();
    const companies: string[] = [];
    for (const names of subjectsFor(rand, a, b, 160)) companies.push(await submittedNamed(h(), partner, names));
    await screenPending(h());
    const before = await hitSets(h());
    // A reviewer's resolution of a hit on an entity the update removes must survive it.
    const removedIds = b.removed.map((e) => `ftm:${e.id}`);
    const resolved = await h().database.db.selectFrom('screening_hits').select('id').where('entity_id', 'in', removedIds).where('is_alert', '=', 1).execute();
    expect(resolved.length).toBeGreaterThan(0);
    await h().database.db.updateTable('screening_hits').set({ resolution: 'FALSE_POSITIVE' }).where('id', '=', resolved[0]!.id).execute();

    const second = await importList({ ctx: h().ctx, input: { source: 'ftm', path: await writeFtm(b.entries) } });
    expect(second.rescreen).toBe('INCREMENTAL');
    expect(second.rescreened).toBe(0);
    expect(second.changes).toEqual({ added: 40, changed: 40, removed: 40 });
    const untouchedAt = await screenedAt(h());
    await screenPending(h());
    const incremental = await hitSets(h());
    const afterIncremental = await screenedAt(h());
    const touched = companies.filter((id) => afterIncremental.get(id) !== untouchedAt.get(id));
    const kept = await h()
      .database.db.selectFrom('screening_hits')
      .select(['resolution', 'is_current'])
      .where('id', '=', resolved[0]!.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ resolution: 'FALSE_POSITIVE', is_current: 0 });

    await requestScreeningOfOpenCases(h().database.db, h().ctx.clock.now());
    await screenPending(h());
    const full = await hitSets(h());
    expect(incremental.hits).toEqual(full.hits);
    // A hit on an added or changed entity is scored as the full re-screen scores it. Others keep
    // the score of their last screening: term weights are list-wide, so a full re-screen moves
    // them a little (docs/performance.md, "Incremental re-screening").
    const touchedEntities = new Set([...b.added, ...b.changed].map((e) => `ftm:${e.id}`));
    let drift = 0;
    for (const [key, score] of full.scores) {
      if (touchedEntities.has(key.split('|')[1]!)) expect(incremental.scores.get(key)).toBe(score);
      else drift = Math.max(drift, Math.abs(incremental.scores.get(key)! - score));
    }
    expect(drift).toBeLessThan(0.01);
    // The case is not trivial: the update changed many hits, and most cases were left alone.
    const changedHits = full.hits.filter((row) => !before.hits.includes(row)).length + before.hits.filter((row) => !full.hits.includes(row)).length;
    expect(changedHits).toBeGreaterThan(40);
    expect(touched.length).toBeGreaterThan(20);
    expect(touched.length).toBeLessThan(companies.length);
    // Three screenings of 480 subjects (before, incremental, full): about 25 s on a busy 2-core machine.
  }, 120_000);

  it('re-screens every open case when the previous version’s changes were not matched yet', async () => {
    const rand = seeded(7);
    const a = listVersionA(rand, 1000);
    const b = listVersionB(rand, a, 5);
    const c = listVersionB(rand, b.entries, 5, 'newer');
    await importList({ ctx: h().ctx, input: { source: 'ftm', path: await writeFtm(b.entries) } });
    const pending = await importList({ ctx: h().ctx, input: { source: 'ftm', path: await writeFtm(c.entries) } });
    expect(pending.rescreen).toBe('FULL');
    expect(pending.rescreened).toBeGreaterThan(0);
    await screenPending(h());
    const pendingLists = await h().database.db.selectFrom('screening_lists').select('id').where('rescreen_pending', '=', 1).execute();
    expect(pendingLists).toEqual([]);
  });

  it('shares the search with helper threads and queues the same cases as one thread alone', async () => {
    const rand = seeded(29);
    const a = listVersionA(rand, 600);
    const b = listVersionB(rand, a, 30);
    await importList({ ctx: h().ctx, input: { source: 'ftm', path: await writeFtm(a) } });
    const partner = await h().partner();
    for (const names of subjectsFor(rand, a, b, 90)) await submittedNamed(h(), partner, names);
    await screenPending(h());
    const second = await importList({ ctx: h().ctx, input: { source: 'ftm', path: await writeFtm(b.entries) } });
    expect(second.rescreen).toBe('INCREMENTAL');
    await h().screening.reload();
    const queuedBy = async (threads: number, searcher: ScreeningSearcher) => {
      await h().database.db.updateTable('companies').set({ screening_requested_at: null }).execute();
      await h().database.db.updateTable('screening_lists').set({ rescreen_pending: 1 }).where('is_live', '=', 1).execute();
      const outcome = await rescreenListChanges({ ctx: h().ctx, searcher, threads, helpAfterCases: 0, pageSize: 3 });
      const queued = await h().database.db.selectFrom('companies').select('id').where('screening_requested_at', 'is not', null).orderBy('id').execute();
      return { outcome: outcome!, queued: queued.map((r) => r.id) };
    };
    const alone = await queuedBy(1, h().screening);
    expect(alone.outcome.threads).toBe(1);
    expect(alone.queued.length).toBeGreaterThan(5);

    // The worker's own thread answers only once a helper is ready, so both take pages.
    const host = h().screening;
    let helped!: () => void;
    const helperReady = new Promise<void>((resolve) => (helped = resolve));
    const closed: string[] = [];
    const slowHost: ScreeningSearcher = {
      lists: () => host.lists(),
      search: (queries, options) => host.search(queries, options),
      searchAmong: async (queries, ids, options) => {
        await helperReady;
        return host.searchAmong(queries, ids, options);
      },
      helper: async () => {
        const helper = await host.helper();
        helped();
        return helper && { ...helper, close: () => (closed.push('helper'), helper.close()) };
      },
    };
    const shared = await queuedBy(2, slowHost);
    expect(shared.outcome.threads).toBe(2);
    expect(shared.outcome.examined).toBe(alone.outcome.examined);
    expect(shared.queued).toEqual(alone.queued);
    expect(closed).toEqual(['helper']);
  }, 120_000);

  it('fails, and leaves the lists pending, when the search of a page fails while the next page is read', async () => {
    await rescreenDue(h(), 31);
    const host = h().screening;
    let calls = 0;
    const failing: ScreeningSearcher = {
      lists: () => host.lists(),
      search: (queries, options) => host.search(queries, options),
      // The first page's search fails at once, before the loop waits on it.
      searchAmong: (queries, ids, options) => (calls++ === 0 ? Promise.reject(new Error('index thread failed')) : host.searchAmong(queries, ids, options)),
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(rescreenListChanges({ ctx: h().ctx, searcher: failing, pageSize: 3 })).rejects.toThrow('index thread failed');
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(calls).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
    const pendingLists = await h().database.db.selectFrom('screening_lists').select('id').where('rescreen_pending', '=', 1).execute();
    expect(pendingLists.length).toBeGreaterThan(0);
  }, 60_000);

  it('goes on without a helper that cannot be built, and closes the others before it returns', async () => {
    await rescreenDue(h(), 37);
    const host = h().screening;
    let asked = 0;
    const closed: string[] = [];
    const searcher: ScreeningSearcher = {
      lists: () => host.lists(),
      search: (queries, options) => host.search(queries, options),
      searchAmong: (queries, ids, options) => host.searchAmong(queries, ids, options),
      // The first helper fails to build (a thread that exits before it is ready); the second is built.
      helper: async () => {
        if (asked++ === 0) throw new Error('screening thread exited (1) before it was ready');
        const helper = await host.helper();
        return helper && { ...helper, close: () => (closed.push('helper'), helper.close()) };
      },
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const outcome = await rescreenListChanges({ ctx: h().ctx, searcher, threads: 3, helpAfterCases: 0, pageSize: 3 });
      expect(outcome!.lists).toBe(1);
      expect(asked).toBe(2);
      expect(closed).toEqual(['helper']);
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('stops a helper still being built when the re-screen ends first, instead of waiting for its index', async () => {
    await rescreenDue(h(), 41);
    const host = h().screening;
    let signal: AbortSignal | undefined;
    const builds: Promise<SearchHelper | null>[] = [];
    const searcher: ScreeningSearcher = {
      lists: () => host.lists(),
      search: (queries, options) => host.search(queries, options),
      searchAmong: (queries, ids, options) => host.searchAmong(queries, ids, options),
      helper: (aborted) => {
        signal = aborted;
        builds.push(host.helper(aborted));
        return builds[builds.length - 1]!;
      },
    };
    // Four pages of three cases take milliseconds; a helper's index, a thread started and a list read, far longer.
    const outcome = await rescreenListChanges({ ctx: h().ctx, searcher, threads: 2, helpAfterCases: 0, pageSize: 3 });
    expect(outcome!.threads).toBe(1);
    expect(builds).toHaveLength(1);
    expect(signal?.aborted).toBe(true);
    expect(await builds[0]).toBeNull();
  }, 60_000);
});
