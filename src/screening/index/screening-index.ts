import { createScratch, type Scratch } from '../match/candidates.js';
import { search, type Hit, type ScreeningQuery, type SearchOptions } from '../match/search.js';
import type { IndexData } from './index-data.js';

export interface IndexStats {
  entityCount: number;
  nameCount: number;
  termCount: number;
  postingCount: number;
  fuzzyKeyCount: number;
}

/** An immutable index over a set of entities. Build a new one and swap it in to update. */
export class ScreeningIndex {
  private readonly scratch: Scratch;

  constructor(private readonly data: IndexData) {
    this.scratch = createScratch(data.nameCount);
  }

  search(query: ScreeningQuery, options?: SearchOptions): Hit[] {
    return search(this.data, this.scratch, query, options);
  }

  get stats(): IndexStats {
    const d = this.data;
    return {
      entityCount: d.entities.length,
      nameCount: d.nameCount,
      termCount: d.terms.length,
      postingCount: d.postings.length,
      fuzzyKeyCount: d.deletionKeys.size + d.phoneticKeys.size + d.skeletonKeys.size,
    };
  }
}
