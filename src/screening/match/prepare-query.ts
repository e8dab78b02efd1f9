import { rarityWeight, termKey, type IndexData } from '../index/index-data.js';
import { oneDeletions } from '../index/key-table.js';
import { consonantSkeleton, phoneticCodes } from '../normalize/keys.js';
import { LEGAL_FORM_CLASSES } from '../normalize/legal-forms.js';
import { normalizeName, tagWords, type NameToken } from '../normalize/normalize-name.js';
import { tokenSimilarity, type Similarity, type TokenInfo } from './token-similarity.js';
import { tagWeight } from './weights.js';

export interface Neighbour {
  termId: number;
  similarity: Similarity;
}

export interface QueryToken extends TokenInfo {
  raw: string;
  weight: number;
  neighbours: Neighbour[];
}

export interface PreparedQuery {
  /** The query as written, then with a glued word split or two words glued when the vocabulary says so. */
  variants: QueryToken[][];
  /** Abjad scripts write no short vowels: only their skeletons can meet Latin spellings. */
  isAbjad: boolean;
  hasLegalForm: boolean;
}

const MAX_NEIGHBOURS = 24;
const MAX_BUCKET = 400;

/** Longer queries are cut: no real name has more words, and cost grows with every word. */
export const MAX_QUERY_TOKENS = 24;

export function prepareQuery(data: IndexData, name: string, isPerson: boolean): PreparedQuery {
  const normalized = normalizeName(name, { isPerson });
  normalized.tokens = normalized.tokens.slice(0, MAX_QUERY_TOKENS);
  const isAbjad = normalized.script === 'Arab' || normalized.script === 'Hebr';
  const words = normalized.tokens.flatMap((t) => (t.tag === 'legal' ? t.raw.split(' ') : [t.text]));
  const variants = [normalized.tokens, ...(normalized.alternatives ?? []).map((tokens) => tokens.slice(0, MAX_QUERY_TOKENS))];
  variants.push(...splitGlued(data, words, isPerson));
  const glued = glueSplit(data, words, isPerson);
  if (glued) variants.push(glued);
  return {
    variants: variants.map((tokens) => tokens.map((t) => toQueryToken(data, t, isAbjad))),
    isAbjad,
    hasLegalForm: normalized.tokens.some((t) => t.tag === 'legal'),
  };
}

function toQueryToken(data: IndexData, token: NameToken, isAbjad: boolean): QueryToken {
  const isWord = token.tag === 'word';
  const info: TokenInfo = {
    text: token.text,
    tag: token.tag,
    codes: isWord ? phoneticCodes(token.text) : [],
    skeleton: isWord ? consonantSkeleton(token.text) : '',
  };
  const neighbours = isWord ? wordNeighbours(data, info, isAbjad) : exactNeighbour(data, info);
  let weight = tagWeight(token.tag) ?? 1;
  if (isWord && neighbours[0]) weight = rarityWeight(data, data.termNameCount[neighbours[0].termId]!);
  return { ...info, raw: token.raw, weight, neighbours };
}

function exactNeighbour(data: IndexData, info: TokenInfo): Neighbour[] {
  const id = data.termIds.get(termKey(info.tag, info.text));
  return id === undefined ? [] : [{ termId: id, similarity: { value: 1, kind: 'exact' } }];
}

function wordNeighbours(data: IndexData, info: TokenInfo, isAbjad: boolean): Neighbour[] {
  const found = new Map<number, Similarity>();
  const consider = (termId: number) => {
    if (found.has(termId)) return;
    const similarity = tokenSimilarity(info, data.terms[termId]!, isAbjad);
    if (similarity.value > 0) found.set(termId, similarity);
  };
  const exact = data.termIds.get(info.text);
  if (exact !== undefined) found.set(exact, { value: 1, kind: 'exact' });
  if (info.text.length >= 3) {
    for (const key of [info.text, ...oneDeletions(info.text)]) data.deletionKeys.forEach(key, consider);
  }
  for (const code of info.codes) boundedLookup(data.phoneticKeys, code, consider);
  if (info.skeleton.length >= (isAbjad ? 2 : 3)) boundedLookup(data.skeletonKeys, info.skeleton, consider);
  return [...found]
    .map(([termId, similarity]) => ({ termId, similarity }))
    .sort((a, b) => b.similarity.value - a.similarity.value || data.termNameCount[b.termId]! - data.termNameCount[a.termId]!)
    .slice(0, MAX_NEIGHBOURS);
}

// A phonetic code or skeleton shared by hundreds of terms locates nothing; skip it
// rather than let one vague key flood the candidates.
function boundedLookup(table: IndexData['phoneticKeys'], key: string, visit: (termId: number) => void): void {
  const bucket: number[] = [];
  table.forEach(key, (termId) => bucket.push(termId));
  if (bucket.length <= MAX_BUCKET) bucket.forEach(visit);
}

/**
 * Words that are two vocabulary words glued ("JSCARGUMENT"), as up to two
 * alternative splits; the scorer keeps whichever explains the query best. A
 * word the lists know is split only if each half is commoner than the whole
 * ("ABDULHADI" yes, "MOHAMMAD" into "MO HAMMAD" no).
 */
function splitGlued(data: IndexData, words: string[], isPerson: boolean): NameToken[][] {
  const frequency = (part: string): number => {
    const id = data.termIds.get(part) ?? data.termIds.get(termKey('stop', part));
    if (id !== undefined) return data.termNameCount[id]!;
    return !isPerson && LEGAL_FORM_CLASSES.has(part) ? Number.MAX_SAFE_INTEGER : 0;
  };
  const splits: { i: number; cut: number; shortest: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.length < 5) continue;
    const whole = frequency(word);
    for (let cut = 2; cut <= word.length - 2; cut++) {
      const commonest = Math.min(frequency(word.slice(0, cut)), frequency(word.slice(cut)));
      if (commonest > whole) splits.push({ i, cut, shortest: Math.min(cut, word.length - cut) });
    }
  }
  return splits
    .sort((a, b) => b.shortest - a.shortest)
    .slice(0, 2)
    .map(({ i, cut }) => {
      const word = words[i]!;
      return tagWords([...words.slice(0, i), word.slice(0, cut), word.slice(cut), ...words.slice(i + 1)], isPerson);
    });
}

/** Two words that the vocabulary knows as one ("ABDUL RAHMAN" / "ABDULRAHMAN"). */
function glueSplit(data: IndexData, words: string[], isPerson: boolean): NameToken[] | undefined {
  for (let i = 0; i + 1 < words.length; i++) {
    const glued = words[i]! + words[i + 1]!;
    if (glued.length >= 4 && data.termIds.has(glued)) {
      return tagWords([...words.slice(0, i), glued, ...words.slice(i + 2)], isPerson);
    }
  }
  return undefined;
}
