import { ENTITY_KIND_PERSON, type IndexData } from '../index/index-data.js';
import type { Neighbour, QueryVariant } from './prepare-query.js';

/** Per-index buffers reused across searches (search is synchronous, so never shared mid-call). */
export interface Scratch {
  evidence: Float32Array;
  touched: Uint32Array;
}

/**
 * Limits a search to some entities (incremental re-screening): only their names are candidates,
 * and postings of terms none of them holds are not walked. Term weights stay the whole index's,
 * so a restricted search scores those entities exactly as an unrestricted one does.
 */
export interface Restriction {
  names: Uint8Array;
  terms: Uint8Array;
  /**
   * Per restricted term, the restricted names holding it, in the order of the full postings: a
   * common word's full postings list (thousands of names) is not walked to find the few kept.
   */
  postings: ReadonlyMap<number, Uint32Array>;
  /**
   * What this restricted search already worked out about query words. A re-screen asks about a
   * million subjects whose words repeat (first names, surnames, trade words), and reading a word
   * against the vocabulary is most of a search's cost. `words`, by tag and text: the weight (from
   * the whole vocabulary) and the neighbours among the restricted terms only. `splits`, by reading
   * and word: where the word may be cut into vocabulary words.
   */
  memo: {
    words: Map<string, { weight: number; neighbours: Neighbour[]; codes: readonly string[]; skeleton: string }>;
    splits: Map<string, Array<{ cuts: number[]; shortest: number }>>;
  };
}

/**
 * Past this many words the memo takes no more (about 50 MB): it bounds memory, not correctness.
 * The words met first are kept, and the common ones are met first.
 */
export const MAX_REMEMBERED_WORDS = 500_000;

export function createScratch(nameCount: number): Scratch {
  return { evidence: new Float32Array(nameCount), touched: new Uint32Array(nameCount) };
}

const MAX_CANDIDATES = 80;
const MIN_EVIDENCE_SHARE = 0.2;

/**
 * Listed names worth scoring: every name sharing a word (or a fuzzy neighbour
 * of one) with the query, ranked by the rarity-weighted evidence they share,
 * the best MAX_CANDIDATES kept. Particles and legal forms locate nothing.
 */
export function collectCandidates(
  data: IndexData,
  scratch: Scratch,
  variants: readonly QueryVariant[],
  kind: 'person' | 'organisation' | 'any',
  restriction?: Restriction,
): number[] {
  const { evidence, touched } = scratch;
  let touchedCount = 0;
  let bestTotal = 0;
  for (const { tokens, appliesTo } of variants) {
    const locating = tokens.filter((t) => t.tag === 'word');
    const usable = locating.length > 0 ? locating : tokens.filter((t) => t.tag !== 'stop');
    const total = usable.reduce((s, t) => s + t.weight, 0);
    bestTotal = Math.max(bestTotal, total);
    for (const token of usable) {
      for (const { termId, similarity } of token.neighbours) {
        let postings = data.postings;
        let from = data.postingStart[termId]!;
        let to = data.postingStart[termId + 1]!;
        if (restriction) {
          const kept = restriction.postings.get(termId);
          if (!kept) continue;
          postings = kept;
          from = 0;
          to = kept.length;
        }
        const contribution = token.weight * similarity.value;
        for (let p = from; p < to; p++) {
          const name = postings[p]!;
          const isPerson = data.nameIsPerson[name] === ENTITY_KIND_PERSON;
          if ((kind !== 'any' && isPerson !== (kind === 'person')) || (appliesTo !== 'all' && (appliesTo === 'person') !== isPerson)) continue;
          if (evidence[name] === 0) touched[touchedCount++] = name;
          evidence[name]! += contribution;
        }
      }
    }
  }
  const floor = MIN_EVIDENCE_SHARE * bestTotal;
  // Equal evidence favours shorter names (they can explain more of the query),
  // folded into one key so the common case needs no comparator sort.
  const kept: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const name = touched[i]!;
    const value = evidence[name]!;
    evidence[name] = 0;
    if (value < floor) continue;
    kept.push(name);
    keys.push(value - 0.001 * (data.nameTokenStart[name + 1]! - data.nameTokenStart[name]!));
  }
  let cutoff = -Infinity;
  if (kept.length > MAX_CANDIDATES) {
    const sorted = Float64Array.from(keys).sort();
    cutoff = sorted[sorted.length - MAX_CANDIDATES]!;
  }
  const chosen: number[] = [];
  for (let i = 0; i < kept.length; i++) if (keys[i]! >= cutoff) chosen.push(i);
  chosen.sort((a, b) => keys[b]! - keys[a]!);
  return chosen.slice(0, MAX_CANDIDATES).map((i) => kept[i]!);
}
