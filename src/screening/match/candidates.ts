import { ENTITY_KIND_PERSON, type IndexData } from '../index/index-data.js';
import type { TokenTag } from '../normalize/normalize-name.js';
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
   * against the vocabulary is most of a search's cost.
   */
  memo: RestrictionMemo;
}

/** A query word as a restricted search reads it: the weight (from the whole vocabulary) and the neighbours among the restricted terms only. */
export interface RememberedWord {
  weight: number;
  neighbours: Neighbour[];
  codes: readonly string[];
  skeleton: string;
}

/** Where a word may be cut into vocabulary words. */
export interface RememberedSplit {
  cuts: number[];
  shortest: number;
}

/**
 * The memo of a restricted search, keyed by the word's own text in a map per reading (abjad or
 * not, tag; person or company, syllables cut or not): a key made by joining strings cost a new
 * string and its hash at every lookup, about a tenth of a re-screen.
 */
export class RestrictionMemo {
  private readonly wordMaps = new Map<string, Map<string, RememberedWord>>();
  private readonly splitMaps: Map<string, RememberedSplit[]>[] = [new Map(), new Map(), new Map(), new Map()];
  private words = 0;
  private splitWords = 0;

  get wordCount(): number {
    return this.words;
  }

  get splitCount(): number {
    return this.splitWords;
  }

  private wordMap(isAbjad: boolean, tag: TokenTag): Map<string, RememberedWord> {
    const key = isAbjad ? ABJAD_TAGS[tag] : tag;
    let map = this.wordMaps.get(key);
    if (!map) this.wordMaps.set(key, (map = new Map()));
    return map;
  }

  word(isAbjad: boolean, tag: TokenTag, text: string): RememberedWord | undefined {
    return this.wordMap(isAbjad, tag).get(text);
  }

  rememberWord(isAbjad: boolean, tag: TokenTag, text: string, word: RememberedWord): void {
    if (this.words >= MAX_REMEMBERED_WORDS) return;
    const map = this.wordMap(isAbjad, tag);
    if (!map.has(text)) this.words++;
    map.set(text, word);
  }

  private splitMap(isPerson: boolean, cutsSyllables: boolean): Map<string, RememberedSplit[]> {
    return this.splitMaps[(isPerson ? 2 : 0) + (cutsSyllables ? 1 : 0)]!;
  }

  split(isPerson: boolean, cutsSyllables: boolean, word: string): RememberedSplit[] | undefined {
    return this.splitMap(isPerson, cutsSyllables).get(word);
  }

  rememberSplit(isPerson: boolean, cutsSyllables: boolean, word: string, splits: RememberedSplit[]): void {
    if (this.splitWords >= MAX_REMEMBERED_WORDS) return;
    const map = this.splitMap(isPerson, cutsSyllables);
    if (!map.has(word)) this.splitWords++;
    map.set(word, splits);
  }
}

/** The abjad maps' keys, made once. */
const ABJAD_TAGS: Readonly<Record<TokenTag, string>> = { word: 'aword', stop: 'astop', initial: 'ainitial', legal: 'alegal' };

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
