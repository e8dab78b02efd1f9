import type { Logger } from 'pino';
import type { CompanyRow } from '../../db/tables.js';
import type { Hit, ScreeningQuery } from '../../screening/engine.js';
import type { Ctx } from '../context.js';
import type { ListChanges } from './list-changes.js';
import { readPageSubjects } from './read-subjects.js';
import { isOpenCase, requestScreeningOfOpenCases } from './request-screening.js';
import type { ScreeningSearcher, SearchHelper } from './searcher.js';
import { SUBJECT_SEARCH } from './screen-company.js';

export interface RescreenOutcome {
  lists: number;
  entities: number;
  /** Open cases whose subjects were matched against the added and changed entities. */
  examined: number;
  /** Cases queued for a screening: they gain a hit, or hold one on a changed or removed entity. */
  queued: number;
  /** Index threads that searched (the worker's own and its helpers). */
  threads: number;
}

/**
 * Incremental re-screening (ongoing monitoring when a list changes). A full re-screen would
 * screen every open case against the whole index; its result differs from the stored one only
 * for a case that (a) gains a hit on an added or changed entity, or (b) holds a hit on a changed
 * or removed entity. (a) is found by searching every open subject among the added and changed
 * entities only, on the index of the new version (so with its term weights: each such hit is
 * scored exactly as a full search scores it, and the restricted search finds a superset of them);
 * (b) is read from the stored hits. Those cases, and only those, are queued for the ordinary
 * screening, which writes exactly what a full re-screen writes for them (a hit on a removed
 * entity is kept with is_current 0 and its resolution, as always). The others are not touched.
 *
 * Runs when the index holds every live version with pending changes; the first import of a
 * list, or an import over a version whose changes were not matched yet, is a full re-screen
 * instead (import-list.ts). A change of matching engine or threshold needs a full re-screen too:
 * `openkyb lists import` of a changed file, or any request of every case, does that.
 */
export async function rescreenListChanges({
  ctx,
  searcher,
  pageSize = 200,
  threads = 1,
  helpAfterCases = HELP_AFTER_CASES,
}: {
  ctx: Ctx;
  searcher: ScreeningSearcher;
  pageSize?: number;
  /** Index threads the search may share (the searcher's own included): `searcher.helper()` gives the others. */
  threads?: number;
  /** Cases examined before helpers are asked for: a small book is done before one is built. */
  helpAfterCases?: number;
}): Promise<RescreenOutcome | null> {
  const held = new Set((searcher.lists() ?? []).map((l) => l.id));
  const pending = (
    await ctx.db.selectFrom('screening_lists').select(['id', 'changes']).where('is_live', '=', 1).where('rescreen_pending', '=', 1).execute()
  ).filter((l) => held.has(l.id));
  if (pending.length === 0) return null;
  const changes = pending.map((l) => JSON.parse(l.changes ?? '{"added":[],"changed":[],"removed":[]}') as ListChanges);
  const searched = [...new Set(changes.flatMap((c) => [...c.added, ...c.changed]))];
  const lost = [...new Set(changes.flatMap((c) => [...c.changed, ...c.removed]))];
  const touched = await companiesHitBy(ctx, lost);
  const gaining =
    searched.length > 0
      ? await companiesGaining(ctx, new SearcherPool(searcher, threads - 1, helpAfterCases, ctx.logger), searched, pageSize, touched)
      : { examined: 0, threads: 0 };
  const now = ctx.clock.now();
  const queued = await ctx.db.transaction().execute(async (trx) => {
    const count = await requestScreeningOfOpenCases(trx, now, [...touched]);
    await trx
      .updateTable('screening_lists')
      .set({ rescreen_pending: 0 })
      .where(
        'id',
        'in',
        pending.map((l) => l.id),
      )
      .execute();
    return count;
  });
  return { lists: pending.length, entities: searched.length + lost.length, examined: gaining.examined, queued, threads: gaining.threads };
}

/** About 4 s of one index thread's search: less work than that is done before a helper's index is built. */
const HELP_AFTER_CASES = 10_000;

async function companiesHitBy(ctx: Ctx, entityIds: string[]): Promise<Set<string>> {
  const companies = new Set<string>();
  for (let i = 0; i < entityIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('screening_hits')
      .select('company_id')
      .distinct()
      .where('entity_id', 'in', entityIds.slice(i, i + 500))
      .where('is_current', '=', 1)
      .execute();
    for (const row of rows) companies.add(row.company_id);
  }
  return companies;
}

/**
 * Walks the open cases a page at a time; adds to `touched` those with a hit among `entityIds`.
 * Pages are searched in the index threads while the next is read from the database.
 */
async function companiesGaining(
  ctx: Ctx,
  pool: SearcherPool,
  entityIds: string[],
  pageSize: number,
  touched: Set<string>,
): Promise<{ examined: number; threads: number }> {
  let examined = 0;
  let after = '';
  try {
    for (;;) {
      const page = await ctx.db.selectFrom('companies').selectAll().where(isOpenCase).where('id', '>', after).orderBy('id').limit(pageSize).execute();
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      const { queries, owners } = await pageQueries(ctx, page, touched);
      examined += new Set(owners).size;
      pool.examined(page.length);
      if (queries.length === 0) continue;
      await pool.search(queries, entityIds, (found) =>
        found.forEach((hits, i) => {
          if (hits.length > 0) touched.add(owners[i]!);
        }),
      );
    }
    await pool.drain();
    return { examined, threads: pool.threadsUsed() };
  } finally {
    await pool.close();
  }
}

/**
 * The searcher and, once a re-screen has examined `helpAfterCases` cases, up to `helperCount` helper
 * threads built while it goes on (each with an index of the same list versions). A page goes to the
 * first idle one; `search` returns once it is handed over, and waits only while every one is busy.
 */
class SearcherPool {
  private readonly idle: ScreeningSearcher[];
  private readonly running = new Set<Promise<void>>();
  private readonly helpers: SearchHelper[] = [];
  private readonly used = new Set<ScreeningSearcher>();
  private seen = 0;
  private asked = false;
  private closed = false;
  private joining: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  /** Stops the helpers still being built when the re-screen ends first. */
  private readonly building = new AbortController();

  constructor(
    private readonly searcher: ScreeningSearcher,
    private readonly helperCount: number,
    private readonly helpAfterCases: number,
    private readonly logger: Logger,
  ) {
    this.idle = [searcher];
  }

  examined(cases: number): void {
    this.seen += cases;
    if (this.asked || this.helperCount <= 0 || this.seen < this.helpAfterCases) return;
    this.asked = true;
    if (!this.searcher.helper) return;
    const ask = this.searcher.helper.bind(this.searcher);
    // Each helper on its own: one that cannot be built (its thread exits, memory runs short) is
    // only a thread fewer, and `joining` settles once every other is ready or closed.
    this.joining = Promise.all(
      Array.from({ length: this.helperCount }, async () => {
        const helper = await ask(this.building.signal).catch((error: unknown) => {
          this.logger.warn({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, 're-screen helper thread not built');
          return null;
        });
        if (!helper) return;
        if (this.closed) return void (await helper.close());
        this.helpers.push(helper);
        this.idle.push(helper);
      }),
    ).then(() => undefined);
  }

  async search(queries: ScreeningQuery[], entityIds: string[], take: (found: Hit[][]) => void): Promise<void> {
    this.throwIfFailed();
    while (this.idle.length === 0) {
      await Promise.race(this.running);
      this.throwIfFailed();
    }
    const searcher = this.idle.pop()!;
    this.used.add(searcher);
    // A failed search is kept, not left to reject: it may fail while the next page is read, with
    // nothing awaiting it, and by the time anything did it would have left `running`.
    const running: Promise<void> = searcher
      .searchAmong(queries, entityIds, SUBJECT_SEARCH)
      .then(take)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(running);
        this.idle.push(searcher);
      });
    this.running.add(running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.throwIfFailed();
  }

  /** A page whose search failed fails the re-screen: its cases were not examined. */
  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  threadsUsed(): number {
    return this.used.size;
  }

  /**
   * Lets the helpers go; those still being built are stopped, so a re-screen that ends first does
   * not wait for an index build it no longer needs.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.building.abort();
    await Promise.allSettled(this.running);
    await this.joining.catch(() => {});
    await Promise.all(this.helpers.map((h) => h.close()));
  }
}

/** The page's subjects' queries, each with the company it belongs to. */
async function pageQueries(ctx: Ctx, page: CompanyRow[], touched: Set<string>): Promise<{ queries: ScreeningQuery[]; owners: string[] }> {
  // One key scope per page: names are opened in memory only, for this search.
  const keyed = { ...ctx, keys: ctx.keys.fresh() };
  const subjects = await readPageSubjects(
    ctx.db,
    keyed,
    page.filter((row) => !touched.has(row.id)),
  );
  const queries: ScreeningQuery[] = [];
  const owners: string[] = [];
  for (const [companyId, companySubjects] of subjects) {
    for (const query of companySubjects.flatMap((s) => s.queries)) {
      queries.push(query);
      owners.push(companyId);
    }
  }
  return { queries, owners };
}
