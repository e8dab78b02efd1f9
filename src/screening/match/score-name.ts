import { consonantSkeleton } from '../normalize/keys.js';
import { tokenSimilarity, type Similarity, type TokenInfo } from './token-similarity.js';

export interface WeightedToken extends TokenInfo {
  raw: string;
  weight: number;
}

export interface AlignedPair {
  query: number[];
  listed: number[];
  similarity: Similarity;
}

export interface NameScore {
  score: number;
  pairs: AlignedPair[];
  unmatchedQuery: number[];
  unmatchedListed: number[];
}

/**
 * Share of the listed name's tokens counted against the query: lists carry full
 * names with patronymics and tribal names that a query rarely repeats, while a
 * query token the listed name lacks is strong evidence of another person.
 */
export const LISTED_SIDE_WEIGHT = 0.35;
/** Ceiling for names that agree only on legal forms, particles or initials ("CORP"). */
export const NO_WORD_MATCH_CEILING = 0.5;
/** Articles the lists write glued to the word after them as often as apart ("ELDIN", "ALQAIDA"). */
const GLUED_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

/**
 * Aligns query and listed tokens one to one (greedy by similarity, with two
 * adjacent tokens allowed to face one glued token) and scores the alignment as
 * the weighted share of both names it explains.
 */
export function scoreName(
  query: readonly WeightedToken[],
  listed: readonly WeightedToken[],
  similarityOf: (i: number, j: number) => Similarity,
  isAbjad = false,
): NameScore {
  const candidates: AlignedPair[] = [];
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < listed.length; j++) {
      const similarity = similarityOf(i, j);
      if (similarity.value > 0) candidates.push({ query: [i], listed: [j], similarity });
    }
  }
  addGluedPairs(query, listed, candidates, false, isAbjad);
  addGluedPairs(listed, query, candidates, true, isAbjad);
  addArticlePairs(query, listed, candidates, false, isAbjad);
  addArticlePairs(listed, query, candidates, true, isAbjad);
  candidates.sort((a, b) => b.similarity.value - a.similarity.value || b.query.length + b.listed.length - (a.query.length + a.listed.length));
  const usedQuery = new Uint8Array(query.length);
  const usedListed = new Uint8Array(listed.length);
  const pairs: AlignedPair[] = [];
  let explained = 0;
  let hasWordPair = false;
  for (const pair of candidates) {
    if (pair.query.some((i) => usedQuery[i]) || pair.listed.some((j) => usedListed[j])) continue;
    pair.query.forEach((i) => (usedQuery[i] = 1));
    pair.listed.forEach((j) => (usedListed[j] = 1));
    pairs.push(pair);
    const weight = sum(pair.query.map((i) => query[i]!.weight)) + LISTED_SIDE_WEIGHT * sum(pair.listed.map((j) => listed[j]!.weight));
    explained += pair.similarity.value * weight;
    if (pair.query.some((i) => query[i]!.tag === 'word') && pair.similarity.value >= 0.7 && pair.similarity.kind !== 'legal-form') hasWordPair = true;
  }
  const total = sum(query.map((t) => t.weight)) + LISTED_SIDE_WEIGHT * sum(listed.map((t) => t.weight));
  let score = total > 0 ? explained / total : 0;
  if (!hasWordPair) score = Math.min(score, NO_WORD_MATCH_CEILING);
  return {
    score,
    pairs,
    unmatchedQuery: query.map((_, i) => i).filter((i) => !usedQuery[i]),
    unmatchedListed: listed.map((_, j) => j).filter((j) => !usedListed[j]),
  };
}

/** Two adjacent word tokens of `side` glued, facing one token of `other` ("JONG UN" / "JONGUN"). */
function addGluedPairs(side: readonly WeightedToken[], other: readonly WeightedToken[], out: AlignedPair[], sideIsListed: boolean, isAbjad: boolean): void {
  for (let i = 0; i + 1 < side.length; i++) {
    const [a, b] = [side[i]!, side[i + 1]!];
    if (!isGluable(a, b)) continue;
    // Listed names print the surname first ("HADI, Abdul"), so the listed side glues both ways.
    const orders = sideIsListed ? [a.text + b.text, b.text + a.text] : [a.text + b.text];
    for (let j = 0; j < other.length; j++) {
      const target = other[j]!;
      if (target.tag !== 'word' || Math.abs(target.text.length - a.text.length - b.text.length) > 3) continue;
      let best = 0;
      for (const text of orders) best = Math.max(best, madeUpSimilarity(text, target, !sideIsListed, isAbjad));
      if (best < 0.75) continue;
      const value = { value: best * 0.97, kind: 'glued' as const };
      out.push(sideIsListed ? { query: [j], listed: [i, i + 1], similarity: value } : { query: [i, i + 1], listed: [j], similarity: value });
    }
  }
}

/**
 * Two words glue, and so does a word and a one-letter particle beside it ("DAY E-COMMERCE" typed
 * "DAYE-COMMERCE"): the particle is a letter of the word.
 */
function isGluable(a: WeightedToken, b: WeightedToken): boolean {
  if (a.tag === 'word') return b.tag === 'word' || isLetterParticle(b);
  return b.tag === 'word' && isLetterParticle(a);
}

function isLetterParticle(token: WeightedToken): boolean {
  return token.tag === 'stop' && token.text.length === 1;
}

/**
 * A word after an article ("NUR AL DIN") facing a word with the article glued to it ("NOR
 * ELDIN"): the word meets the other without its article, and the article of `side` stays free to
 * meet an article elsewhere (as gluing the two would not let it: the greedy alignment takes the
 * exact "al" pair first).
 */
function addArticlePairs(side: readonly WeightedToken[], other: readonly WeightedToken[], out: AlignedPair[], sideIsListed: boolean, isAbjad: boolean): void {
  for (let i = 1; i < side.length; i++) {
    const word = side[i]!;
    if (word.tag !== 'word' || side[i - 1]!.tag !== 'stop' || !GLUED_ARTICLES.has(side[i - 1]!.text)) continue;
    for (let j = 0; j < other.length; j++) {
      const target = other[j]!;
      if (target.tag !== 'word' || target.text.length < word.text.length + 2 || !startsWithArticle(target.text)) continue;
      const value = madeUpSimilarity(target.text.slice(2), word, sideIsListed, isAbjad);
      if (value < 0.75) continue;
      const similarity = { value: value * 0.97, kind: 'glued' as const };
      out.push(sideIsListed ? { query: [j], listed: [i], similarity } : { query: [i], listed: [j], similarity });
    }
  }
}

/**
 * A word made up for a glued or article pair (`text`, on the query's side when `isQuery`) against a
 * token of the other name. For an abjad query its consonant skeleton counts too, the only part of an
 * unvowelled spelling that can meet the lists' ("khdayrhim" / "KHUDAI RAHIM"), but only where the
 * skeletons agree with the long vowels in place (0.9): a made-up word is long and its skeleton loose
 * ("mhyaahmdi" has the skeleton of "MUHAMMAD"). Other pairs are compared on their letters alone.
 */
function madeUpSimilarity(text: string, other: TokenInfo, isQuery: boolean, isAbjad: boolean): number {
  if (isAbjad) {
    const skeleton = gluedSkeleton(text);
    if (skeleton === other.skeleton) {
      const made: TokenInfo = { text, tag: 'word', codes: [], skeleton };
      const similarity = isQuery ? tokenSimilarity(made, other, true) : tokenSimilarity(other, made, true);
      return similarity.kind === 'skeleton' && similarity.value < MIN_GLUED_SKELETON ? 0 : similarity.value;
    }
  }
  return tokenSimilarity({ text, tag: 'word', codes: [], skeleton: '' }, other, false).value;
}

/** The least a glued or article pair met on the consonant skeleton counts: its long vowels in place too. */
export const MIN_GLUED_SKELETON = 0.9;

/** Skeletons of glued words, remembered: the same pairs are glued for every candidate of a search. */
const gluedSkeletons = new Map<string, string>();

function gluedSkeleton(text: string): string {
  let skeleton = gluedSkeletons.get(text);
  if (skeleton === undefined) {
    if (gluedSkeletons.size >= 50_000) gluedSkeletons.clear();
    skeleton = consonantSkeleton(text);
    gluedSkeletons.set(text, skeleton);
  }
  return skeleton;
}

/** "al…" or "el…", without slicing: this runs for every candidate name. */
function startsWithArticle(text: string): boolean {
  const first = text.charCodeAt(0);
  return text.charCodeAt(1) === 108 && (first === 97 || first === 101);
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
