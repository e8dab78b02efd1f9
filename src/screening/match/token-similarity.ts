import { legalFormTable, type TokenTag } from '../normalize/normalize-name.js';
import { boundedEditDistance, editBudget } from './edit-distance.js';

export type PairKind = 'exact' | 'edit' | 'phonetic' | 'skeleton' | 'initial' | 'legal-form' | 'glued';

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
 * a vowel-less (abjad) spelling 0.7-0.75, an initial 0.8.
 * `isAbjad` says the query was written without short vowels (Arabic, Hebrew).
 */
export function tokenSimilarity(a: TokenInfo, b: TokenInfo, isAbjad: boolean): Similarity {
  if (a.tag === 'legal' || b.tag === 'legal') {
    if (a.tag === b.tag) return a.text === b.text ? { value: 1, kind: 'legal-form' } : { value: 0.3, kind: 'legal-form' };
    if (a.tag === 'word') return misspeltLegalForm(a.text, b.text);
    return b.tag === 'word' ? misspeltLegalForm(b.text, a.text) : NONE;
  }
  if (a.text === b.text) return { value: 1, kind: 'exact' };
  if (a.tag === 'stop' || b.tag === 'stop') return a.tag === b.tag ? NONE : misspeltParticle(a.text, b.text);
  if (a.tag === 'initial' || b.tag === 'initial') {
    return a.text[0] === b.text[0] ? { value: 0.8, kind: 'initial' } : NONE;
  }
  return wordSimilarity(a, b, isAbjad);
}

/**
 * A word facing a legal form: one of the form's words (`LegalFormTable.legalWords`), or a
 * misspelling of one ("LEEMITED", "COMPAYN", "ASSOCIATIZN"), counts as that form, by its edit
 * distance; never more than 0.9, and never as a word pair (a name agreeing only on its legal
 * form stays under the ceiling).
 */
function misspeltLegalForm(word: string, canonical: string): Similarity {
  if (word.length < 5) return NONE;
  let best = NONE;
  for (const spelling of legalFormTable().legalWords(canonical)) {
    const value = Math.min(0.9, editValue(word, spelling));
    if (value > best.value) best = { value, kind: 'legal-form' };
  }
  return best.value >= 0.75 ? best : NONE;
}

/**
 * A word facing a particle or title of four letters or more: a typo of it of the same length
 * ("HTJI" for "HAJI") is that particle; a longer or shorter word is another name ("QARIN" is not "QARI").
 */
function misspeltParticle(a: string, b: string): Similarity {
  if (a.length !== b.length || a.length < 4) return NONE;
  const value = editValue(a, b);
  return value >= 0.8 ? { value, kind: 'edit' } : NONE;
}

/** The edit similarity of two spellings within the length-dependent budget; 0 beyond it. */
function editValue(a: string, b: string): number {
  const budget = editBudget(Math.min(a.length, b.length));
  if (budget === 0) return 0;
  const distance = boundedEditDistance(a, b, budget);
  if (distance > budget) return 0;
  return 1 - (0.6 * distance) / Math.max(a.length, b.length) - (a[0] === b[0] ? 0 : 0.08);
}

function wordSimilarity(a: TokenInfo, b: TokenInfo, isAbjad: boolean): Similarity {
  const maxLength = Math.max(a.text.length, b.text.length);
  const budget = editBudget(Math.min(a.text.length, b.text.length));
  let best = NONE;
  if (budget > 0) {
    const distance = boundedEditDistance(a.text, b.text, budget);
    // Spellings rarely differ in the first letter; "ANNA" and "BANNA" are other names.
    const firstLetterPenalty = a.text[0] === b.text[0] ? 0 : 0.08;
    if (distance <= budget) best = { value: 1 - (0.6 * distance) / maxLength - firstLetterPenalty, kind: 'edit' };
  }
  // An abjad query whose first letter the listed name spells otherwise ("qasmi" / "GASMI": ق is "g" in
  // the Maghreb and the Gulf) is read on its skeleton too: the edit paid for the first letter.
  if (best.value >= 0.8 && !(isAbjad && a.text[0] !== b.text[0])) return best;
  const isSoundAlike =
    a.text[0] === b.text[0] && Math.min(a.text.length, b.text.length) >= 0.6 * maxLength && a.codes.some((c) => c.length >= 2 && b.codes.includes(c));
  if (isSoundAlike && best.value < 0.8) best = { value: 0.8, kind: 'phonetic' };
  if (best.value >= 0.75 && !isAbjad) return best;
  // Two vowelled spellings agreeing only on consonants must also start alike:
  // "SLOVAK" and "OSLEG" share a skeleton and nothing else.
  if (!isAbjad && !startAlike(a.text, b.text)) return best;
  let skeleton = skeletonSimilarity(a.skeleton, b.skeleton, isAbjad, b.text);
  // The long vowels an abjad does write (ا و ي) standing where the Latin spelling has them too.
  if (isAbjad && skeleton >= 0.82 && isSubsequence(foldVowels(a.text), foldVowels(b.text))) skeleton = 0.9;
  return skeleton > best.value ? { value: skeleton, kind: 'skeleton' } : best;
}

const VOWELS = 'aeiouy';

function startAlike(a: string, b: string): boolean {
  return a[0] === b[0] || (VOWELS.includes(a[0]!) && VOWELS.includes(b[0]!));
}

const VOWEL_FOLDS: Readonly<Record<string, string>> = { e: 'i', y: 'i', o: 'u', w: 'u', v: 'u', q: 'k', c: 'k', g: 'k' };

function foldVowels(text: string): string {
  let out = '';
  for (const char of text) out += VOWEL_FOLDS[char] ?? char;
  return out;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

/**
 * Consonant skeletons agreeing. For a query written in an abjad (Arabic,
 * Hebrew) the skeleton is all the script says, so agreement there is strong
 * evidence; between two vowelled spellings it is only a hint.
 */
function skeletonSimilarity(a: string, b: string, isAbjad: boolean, listedText: string): number {
  // One consonant is all an abjad says of "طه" (Taha) or "عدي" (Uday).
  if (isAbjad && a.length === 1) return a === b ? 0.7 : 0;
  if (a.length < (isAbjad ? 2 : 3)) return 0;
  if (a === b) return isAbjad ? abjadSkeletonValue(a) : 0.75;
  if (!isAbjad) return 0;
  // Egyptian Arabic reads ج as "g" ("RAGAB", "GAMAL", "HEGAZI"): the query's "j" may stand for a
  // listed "g" (a "k" in the skeleton), not for the "k", "q" or "kh" that share its skeleton letter;
  // a guess about the dialect, so it counts as a skeleton one letter off does.
  if (a.length >= 3 && a.includes('j') && egyptianSkeleton(a) === b && /g(?!h)/.test(listedText)) return 0.72;
  if (a.length >= 4 && boundedEditDistance(a, b, 1) <= 1) return 0.72;
  return 0;
}

function abjadSkeletonValue(skeleton: string): number {
  return skeleton.length >= 4 ? 0.86 : skeleton.length === 3 ? 0.82 : 0.72;
}

/** An abjad query's skeleton with ج read as the Egyptian "g" (whose skeleton letter is "k"). */
export function egyptianSkeleton(skeleton: string): string {
  return skeleton.replace(/j/g, 'k');
}
