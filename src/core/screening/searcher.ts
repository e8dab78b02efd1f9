import type { Hit, ScreeningQuery, SearchOptions } from '../../screening/engine.js';
import type { LiveList } from './live-lists.js';

/** What the domain needs of the screening index (core depends on this, not on threads). */
export interface ScreeningSearcher {
  /** The list versions the current index holds; null until the first index is ready. */
  lists(): LiveList[] | null;
  /** Screens several names at once; throws when no index is ready. */
  search(queries: ScreeningQuery[], options?: SearchOptions): Promise<Hit[][]>;
  /** The same search limited to some entities: each of their hits exactly as `search` scores it. */
  searchAmong(queries: ScreeningQuery[], entityIds: string[], options?: SearchOptions): Promise<Hit[][]>;
  /**
   * Another searcher over an index of the same list versions, in a thread of its own, for a long
   * restricted search to share; null when none can be had, or when `signal` aborted its build.
   * Optional: a searcher may have none.
   */
  helper?(signal?: AbortSignal): Promise<SearchHelper | null>;
}

/** A helper searcher: the caller closes it when done. */
export interface SearchHelper extends Omit<ScreeningSearcher, 'helper'> {
  close(): Promise<void>;
}
