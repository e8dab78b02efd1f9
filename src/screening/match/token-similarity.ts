import type { TokenTag } from '../normalize/normalize-name.js';
import { boundedEditDistance, editBudget } from './edit-distance.js';

export type PairKind = 'exact' | 'edit' | 'phonetic' | 'skeleton' | 'initial' | 'prefix' | 'legal-form' | 'glued';

/** A token with its fuzzy keys computed once (at index build, or once per query). */
export interface TokenInfo {
  text: string;
  tag: TokenTag;
  codes: readonly string[];
  skeleton: string;
}

export interface Similarity {
  value: number;
  kind: PairKind;
}

const NONE: Similarity = { value: 0, kind: 'exact' };

/**
 * How alike two tokens are, in [0, 1], and why. Values are deliberately coarse:
 * an exact token is 1, one edit in a long token stays near 0.9, a sound-alike or
 * a vowel-less (abjad) spelling 0.75-0.8, an initial 0.8, a prefix 0.7.
 * `allowShortSkeleton` admits two-consonant skeletons, only for abjad queries.
 */
export function tokenSimilarity(a: TokenInfo, b: TokenInfo, allowShortSkeleton: boolean): Similarity {
  if (a.tag === 'legal' || b.tag === 'legal') {
    if (a.tag !== b.tag) return NONE;
    return a.text === b.text ? { value: 1, kind: 'legal-form' } : { value: 0.3, kind: 'legal-form' };
  }
  if (a.text === b.text) return { value: 1, kind: 'exact' };
  if (a.tag === 'stop' || b.tag === 'stop') return NONE;
  if (a.tag === 'initial' || b.tag === 'initial') {
    return a.text[0] === b.text[0] ? { value: 0.8, kind: 'initial' } : NONE;
  }
  return wordSimilarity(a, b, allowShortSkeleton);
}

function wordSimilarity(a: TokenInfo, b: TokenInfo, allowShortSkeleton: boolean): Similarity {
  const maxLength = Math.max(a.text.length, b.text.length);
  const budget = editBudget(Math.min(a.text.length, b.text.length));
  let best = NONE;
  if (budget > 0) {
    const distance = boundedEditDistance(a.text, b.text, budget);
    if (distance <= budget) best = { value: 1 - (0.6 * distance) / maxLength, kind: 'edit' };
  }
  if (best.value >= 0.8) return best;
  if (a.codes.some((c) => c.length >= 2 && b.codes.includes(c))) best = { value: 0.8, kind: 'phonetic' };
  if (best.value >= 0.75) return best;
  if (a.skeleton.length >= (allowShortSkeleton ? 2 : 3) && a.skeleton === b.skeleton) {
    best = { value: a.skeleton.length >= 3 ? 0.75 : 0.7, kind: 'skeleton' };
  }
  if (best.value > 0) return best;
  const [short, long] = a.text.length < b.text.length ? [a.text, b.text] : [b.text, a.text];
  if (short.length >= 3 && long.startsWith(short)) return { value: 0.7, kind: 'prefix' };
  return NONE;
}
