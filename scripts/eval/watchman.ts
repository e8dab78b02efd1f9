/**
 * A re-implementation of Moov Watchman's name scoring, for side-by-side
 * evaluation only (never used in production code). Followed sources:
 * - internal/stringscore/jaro_winkler.go (commit 160a982): BestPairsJaroWinkler,
 *   customJaroWinkler (length-difference and first-letter penalties), the
 *   first-character soundex-class filter (phonetics.go, commit 11c34cd);
 * - github.com/xrash/smetrics jaro.go / jaro-winkler.go (commit 07314ce), byte-wise
 *   like Go strings, boost threshold 0.7, prefix size 4;
 * - pkg/search/similarity_fuzzy.go compareName (commit 01407c3): exact fast path,
 *   best of primary and alternate names, the two-matching-terms penalty (x0.8)
 *   and isNameCloseEnough (x0.85);
 * - internal/prepare pipeline (commit 69cdfdf): reorder "LAST, First" for
 *   individuals, company suffix clean-up, stop words, LowerAndRemovePunctuation.
 * Simplification: Watchman detects the language before removing stop words; here
 * the English list is always used (most listed names are in Latin script).
 */

const encoder = new TextEncoder();

export function jaro(a: Uint8Array, b: Uint8Array): number {
  // smetrics tests len(a) twice (a bug kept for fidelity); tokens are never empty here.
  if (a.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const la = a.length;
  const lb = b.length;
  const matchRange = Math.floor(Math.max(la, lb) / 2) - 1;
  const matchesA = new Uint8Array(la);
  const matchesB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const start = Math.max(0, i - matchRange);
    const end = Math.min(lb - 1, i + matchRange);
    for (let j = start; j <= end; j++) {
      if (matchesB[j]) continue;
      if (a[i] === b[j]) {
        matchesA[i] = 1;
        matchesB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let unaligned = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (!matchesA[i]) continue;
    while (!matchesB[j]) j++;
    if (a[i] !== b[j]) unaligned++;
    j++;
  }
  const transpositions = Math.floor(unaligned / 2);
  return (matches / la + matches / lb + (matches - transpositions) / matches) / 3;
}

export function jaroWinkler(a: Uint8Array, b: Uint8Array, boostThreshold = 0.7, prefixSize = 4): number {
  const j = jaro(a, b);
  if (j <= boostThreshold) return j;
  const size = Math.min(a.length, prefixSize, b.length);
  let prefix = 0;
  for (let i = 0; i < size; i++) {
    if (a[i] === b[i]) prefix++;
    else break;
  }
  return j + 0.1 * prefix * (1 - j);
}

const SOUNDEX: Record<string, string> = {
  A: 'A',
  E: 'A',
  I: 'A',
  O: 'A',
  U: 'A',
  Y: 'A',
  B: 'B',
  F: 'B',
  P: 'B',
  V: 'B',
  C: 'C',
  G: 'C',
  J: 'C',
  K: 'C',
  Q: 'C',
  S: 'C',
  X: 'C',
  Z: 'C',
  D: 'D',
  T: 'D',
  L: 'L',
  M: 'M',
  N: 'M',
  R: 'R',
  H: 'H',
  W: 'H',
};

function phoneticClass(s: string): string {
  const first = [...s][0];
  if (first === undefined) return ' ';
  const upper = first.toUpperCase();
  return SOUNDEX[upper] ?? upper;
}

/** A prepared token: the string (for the phonetic filter) and its UTF-8 bytes (Go's len and indexing). */
export interface WToken {
  text: string;
  bytes: Uint8Array;
}

export function toTokens(prepared: string): WToken[] {
  return prepared
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ text, bytes: encoder.encode(text) }));
}

function customJaroWinkler(indexed: WToken, search: WToken): number {
  let score = jaroWinkler(indexed.bytes, search.bytes);
  const lengthMetric = Math.min(indexed.bytes.length, search.bytes.length) / Math.max(indexed.bytes.length, search.bytes.length);
  if (lengthMetric < 0.9) score *= scalingFactor(lengthMetric, 0.3);
  if (indexed.bytes[0] !== search.bytes[0]) score *= 0.9;
  return score;
}

function scalingFactor(metric: number, weight: number): number {
  return 1 - (1 - metric) * weight;
}

export function bestPairsJaroWinkler(searchTokens: WToken[], indexedTokens: WToken[]): number {
  const scores: { score: number; s: number; i: number }[] = [];
  for (let s = 0; s < searchTokens.length; s++) {
    for (let i = 0; i < indexedTokens.length; i++) {
      if (phoneticClass(indexedTokens[i]!.text) === phoneticClass(searchTokens[s]!.text)) {
        scores.push({ score: customJaroWinkler(indexedTokens[i]!, searchTokens[s]!), s, i });
      }
    }
  }
  // Go's sort.Slice is not stable; ties are rare and do not change the sum.
  scores.sort((x, y) => y.score - x.score);
  const matchedSearch = new Uint8Array(searchTokens.length);
  const matchedIndex = new Uint8Array(indexedTokens.length);
  let matchedIndexLength = 0;
  let total = 0;
  for (const { score, s, i } of scores) {
    if (matchedSearch[s] || matchedIndex[i]) continue;
    total += score * (searchTokens[s]!.bytes.length + indexedTokens[i]!.bytes.length);
    matchedSearch[s] = 1;
    matchedIndex[i] = 1;
    matchedIndexLength += indexedTokens[i]!.bytes.length;
  }
  const searchLength = searchTokens.reduce((n, t) => n + t.bytes.length, 0);
  const indexLength = indexedTokens.reduce((n, t) => n + t.bytes.length, 0);
  const average = total / (searchLength + matchedIndexLength);
  if (!Number.isFinite(average) || indexLength === 0) return 0;
  return average * scalingFactor(matchedIndexLength / indexLength, 0.15);
}

/** compareName from pkg/search/similarity_fuzzy.go, over pre-tokenised names. */
export function compareName(query: WName, names: readonly WName[]): number {
  if (!query.prepared) return 0;
  let best = -1;
  let bestName: WName | undefined;
  for (const name of names) {
    if (name.prepared === query.prepared) return 1;
    const score = bestPairsJaroWinkler(query.tokens, name.tokens);
    if (score > best) {
      best = score;
      bestName = name;
    }
  }
  if (!bestName) return 0;
  let score = best;
  const matchingTerms = score > 0.9 ? query.tokens.length : 0;
  if (matchingTerms < 2 && query.tokens.length >= 2) score *= 0.8;
  // isNameCloseEnough is evaluated on the primary name in Watchman's PreparedFields.
  if (!isNameCloseEnough(query, names[0]!)) score *= 0.85;
  return score;
}

function isNameCloseEnough(query: WName, index: WName): boolean {
  const qCount = query.prepared.split(' ').length;
  const iCount = index.prepared.split(' ').length;
  const ratio = qCount / iCount;
  if (ratio < 0.3 || ratio > 3) return false;
  let matchCount = 0;
  for (const q of query.tokens) {
    if (index.tokens.some((i) => i.text.includes(q.text) || q.text.includes(i.text))) matchCount++;
  }
  return matchCount / qCount >= 0.4;
}

export interface WName {
  prepared: string;
  tokens: WToken[];
}
