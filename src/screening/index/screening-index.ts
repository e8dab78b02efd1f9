import { createScratch, RestrictionMemo, type Restriction, type Scratch } from '../match/candidates.js';
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

  /** A restricted search finds only these entities' hits, each exactly as an unrestricted search scores it. */
  search(query: ScreeningQuery, options?: SearchOptions, restriction?: Restriction): Hit[] {
    return search(this.data, this.scratch, query, options, restriction);
  }

  /**
   * The names and terms of some entities, for `search`. A superset of what an unrestricted search
   * finds of them: the candidate cap and the hit limit only ever drop names that rank below others,
   * and a restricted search has fewer names to rank above them.
   */
  restrictTo(entityIds: Iterable<string>): Restriction {
    const d = this.data;
    const wanted = new Set(entityIds);
    const isWanted = new Uint8Array(d.entities.length);
    d.entities.forEach((e, i) => (isWanted[i] = wanted.has(e.id) ? 1 : 0));
    const names = new Uint8Array(d.nameCount);
    const terms = new Uint8Array(d.terms.length);
    const holders = new Map<number, number[]>();
    for (let n = 0; n < d.nameCount; n++) {
      if (isWanted[d.nameEntity[n]!] === 0) continue;
      names[n] = 1;
      for (let i = d.nameTokenStart[n]!; i < d.nameTokenStart[n + 1]!; i++) {
        const term = d.tokenTerm[i]!;
        terms[term] = 1;
        let held = holders.get(term);
        if (!held) holders.set(term, (held = []));
        // Names ascend, so the lists keep the full postings' order; a name repeating a word is listed once, as there.
        if (held[held.length - 1] !== n) held.push(n);
      }
    }
    const postings = new Map([...holders].map(([term, held]) => [term, Uint32Array.from(held)]));
    return { names, terms, postings, memo: new RestrictionMemo() };
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
