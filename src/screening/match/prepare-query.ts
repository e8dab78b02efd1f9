import { rarityWeight, termKey, type IndexData } from '../index/index-data.js';
import { oneDeletions } from '../index/key-table.js';
import { consonantSkeleton, phoneticCodes } from '../normalize/keys.js';
import { isSyllabicScript, joinLetterRuns, legalFormTable, normalizeName, tagWords, type NameToken } from '../normalize/normalize-name.js';
import type { Restriction } from './candidates.js';
import { MIN_GLUED_SKELETON } from './score-name.js';
import { egyptianSkeleton, tokenSimilarity, type Similarity, type TokenInfo } from './token-similarity.js';
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

/** One reading of the query: as written, or with a glued word split or split words glued. */
export interface QueryVariant {
  tokens: QueryToken[];
  /**
   * Which listed names the reading is scored against. A query of unknown kind
   * is read as a company name against all, its company splits against
   * companies only, and as a person's name (titles, initials) against persons.
   */
  appliesTo: 'all' | 'person' | 'organisation';
  /** Subtracted from the score: a split or glued reading is a guess. */
  penalty: number;
}

export interface PreparedQuery {
  variants: QueryVariant[];
  /** Abjad scripts write no short vowels: only their skeletons can meet Latin spellings. */
  isAbjad: boolean;
  hasLegalForm: boolean;
}

const MAX_NEIGHBOURS = 24;
const MAX_BUCKET = 400;
const GUESS_PENALTY = 0.02;

/** Longer queries are cut: no real name has more words, and cost grows with every word. */
export const MAX_QUERY_TOKENS = 24;

/**
 * A query of unknown kind is read as a company name (legal forms, acronyms)
 * and, against listed persons, also as a person's name (titles, initials), the
 * way each listed name was itself read.
 */
export function prepareQuery(data: IndexData, name: string, kind: 'person' | 'organisation' | 'any', restriction?: Restriction): PreparedQuery {
  const readings = kind === 'any' ? [false, true] : [kind === 'person'];
  const variants: { tokens: NameToken[]; appliesTo: QueryVariant['appliesTo']; penalty: number }[] = [];
  let script = 'Zyyy';
  let hasLegalForm = false;
  for (const isPerson of readings) {
    const normalized = normalizeName(name, { isPerson });
    const tokens = normalized.tokens.slice(0, MAX_QUERY_TOKENS);
    const appliesTo = kind !== 'any' ? 'all' : isPerson ? 'person' : 'organisation';
    if (appliesTo === 'person' && signature(tokens) === signature(variants[0]!.tokens)) continue;
    script = normalized.script;
    hasLegalForm ||= !isPerson && tokens.some((t) => t.tag === 'legal');
    const isSyllabic = isSyllabicScript(normalized.script);
    const words = tokens.flatMap((t) => (t.tag === 'legal' ? t.raw.split(' ') : [t.text]));
    // The company reading applies to every entry; other spellings of a name written in another
    // script (transliterate/) are as good as the first.
    const readingAppliesTo = appliesTo === 'organisation' ? 'all' : appliesTo;
    const spellings = [tokens, ...(normalized.alternatives ?? []).map((alternative) => alternative.slice(0, MAX_QUERY_TOKENS))];
    for (const spelled of spellings) variants.push({ tokens: spelled, appliesTo: readingAppliesTo, penalty: 0 });
    // Syllable names glued ("SUHAN") are a Latin spelling's; an abjad's consonant frame is not cut into them.
    const cutsSyllables = normalized.script === 'Latn';
    for (const split of splitGlued(data, words, isPerson, isSyllabic, cutsSyllables, restriction?.memo))
      variants.push({ tokens: split, appliesTo, penalty: GUESS_PENALTY });
    const glued = glueSplit(data, words, isPerson, isSyllabic, normalized.script === 'Arab');
    if (glued) variants.push({ tokens: glued, appliesTo, penalty: GUESS_PENALTY });
  }
  const isAbjad = script === 'Arab' || script === 'Hebr';
  return {
    variants: variants.map((v) => ({
      ...v,
      tokens: v.tokens.map((t) => (restriction ? restrictedQueryToken(data, t, isAbjad, restriction) : toQueryToken(data, t, isAbjad))),
    })),
    isAbjad,
    hasLegalForm,
  };
}

function signature(tokens: readonly NameToken[]): string {
  return tokens.map((t) => `${t.tag}:${t.text}`).join(' ');
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

/**
 * A query token of a restricted search: looked up once per restriction, its neighbours kept only
 * among the restricted terms (the others locate no candidate of a restricted search), its weight
 * still from its best neighbour in the whole vocabulary, as an unrestricted search weighs it.
 */
function restrictedQueryToken(data: IndexData, token: NameToken, isAbjad: boolean, restriction: Restriction): QueryToken {
  let word = restriction.memo.word(isAbjad, token.tag, token.text);
  if (!word) {
    const full = toQueryToken(data, token, isAbjad);
    word = { weight: full.weight, neighbours: full.neighbours.filter((n) => restriction.terms[n.termId] === 1), codes: full.codes, skeleton: full.skeleton };
    if (isWorthRemembering(token.text)) restriction.memo.rememberWord(isAbjad, token.tag, token.text, word);
  }
  return { text: token.text, tag: token.tag, codes: word.codes, skeleton: word.skeleton, raw: token.raw, weight: word.weight, neighbours: word.neighbours };
}

/**
 * Numbers (registration and house numbers in company names) rarely repeat from subject to subject
 * and cost little to look up (no sound or consonant keys): remembered, they filled the memo's room
 * before the names that do repeat.
 */
function isWorthRemembering(text: string): boolean {
  return /[a-z]/.test(text);
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
  if (isAbjad && info.skeleton.length >= 2 && info.skeleton.includes('j')) boundedLookup(data.skeletonKeys, egyptianSkeleton(info.skeleton), consider);
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

/** Particles written glued to the next word ("ALQAIDA", "ABDULRAHMAN"): the only pieces under three letters a split may produce. */
const GLUED_PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'ad',
  'ar',
  'as',
  'at',
  'az',
  'ud',
  'ur',
  'us',
  'bin',
  'ibn',
  'abu',
  'abd',
  'de',
  'da',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'mc',
  'mac',
]);
/** Connecting vowels between glued words ("JAISH-I-MOHAMMED", Persian and Urdu ezafe): a one-letter middle piece. */
const CONNECTING_VOWELS: ReadonlySet<string> = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Words that are two or three vocabulary words glued ("JSCARGUMENT",
 * "JAISHIMOHAMMED"), as up to two alternative splits into two and one into
 * three; the scorer keeps whichever explains the query best. A word the lists
 * know is split only if each piece is commoner than the whole ("ABDULHADI" yes,
 * "MOHAMMAD" into "MO HAMMAD" no). In a person's name a piece under three
 * letters must be a particle, a connecting vowel or a listed syllable name
 * ("SUHAN" is "SU HAN"): "JANET" is not "JAN ET";
 * a company name may hold any listed word ("7THOF" is "7TH OF").
 */
function splitGlued(
  data: IndexData,
  words: string[],
  isPerson: boolean,
  isSyllabic: boolean,
  cutsSyllables: boolean,
  memo?: Restriction['memo'],
): NameToken[][] {
  const splits: WordSplit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.length < (isPerson ? 5 : MIN_LETTER_CUT_LENGTH)) continue;
    let found = memo?.split(isPerson, cutsSyllables, word);
    if (!found) {
      found = wordSplits(data, word, isPerson, cutsSyllables);
      if (memo && isWorthRemembering(word)) memo.rememberSplit(isPerson, cutsSyllables, word, found);
    }
    for (const split of found) if (split.shortest > 1 || isLetterKept(words, i, split.cuts[0]!)) splits.push({ ...split, i });
  }
  const pick = (pieces: number, count: number) =>
    splits
      .filter((s) => s.cuts.length === pieces - 1)
      .sort((a, b) => b.shortest - a.shortest)
      .slice(0, count);
  return [...pick(2, 2), ...pick(3, 1)].map(({ i, cuts }) => {
    const word = words[i]!;
    const pieces = [0, ...cuts].map((from, k) => word.slice(from, cuts[k]));
    const spelled = [...words.slice(0, i), ...pieces, ...words.slice(i + 1)];
    // A letter cut off joins the letters beside it, as the listed name's were joined ("M S" is "MS").
    return tagWords(isPerson ? spelled : joinLetterRuns(spelled), isPerson, isSyllabic);
  });
}

type WordSplit = { i: number; cuts: number[]; shortest: number };

/**
 * A letter cut off a company name's word is kept only beside another letter, which it joins ("M
 * SCONSTRUCTORES" is "MS CONSTRUCTORES", "R EOF" is "RE OF"), or before a legal form ("YCIA" is
 * "Y CIA", "and company"). Standing alone before a word it would turn an unknown word into a known
 * one and a particle or a letter: "HOLDINGS" is not "HOLDING S", "DEA" is not "DE A".
 */
function isLetterKept(words: readonly string[], i: number, cut: number): boolean {
  const word = words[i]!;
  const neighbour = cut === 1 ? words[i - 1] : words[i + 1];
  return neighbour?.length === 1 || (cut === 1 && legalFormTable().classOf(word.slice(1)) !== undefined);
}

/** The shortest company-name word a one-letter cut is tried on ("EOF", from "R/E OF"). */
const MIN_LETTER_CUT_LENGTH = 3;

/** Listed names this many times or more as a word make a two-letter piece a name of its own. */
const SYLLABLE_NAME_COUNT = 3;
/** Two syllable names glued are short ("SUHAN", "WONJO"); a longer word is not cut into syllables. */
const SYLLABLES_WORD_LENGTH = 6;

/**
 * A two-letter piece that the lists hold as a name word ("SU", "JO", "NA": Korean and Chinese
 * names are written a syllable a word, and glued as often), never as a particle: "ET" is a
 * particle, so "JANET" stays whole.
 */
function isListedSyllable(data: IndexData, part: string): boolean {
  if (part.length !== 2) return false;
  const id = data.termIds.get(part);
  return id !== undefined && data.termNameCount[id]! >= SYLLABLE_NAME_COUNT;
}

/**
 * How good a piece is, for ranking splits (the shortest piece's rank first): its length, a glued
 * particle counting as a three-letter word ("JUNDAL" is "JUND AL" before "JU NDAL").
 */
function pieceRank(piece: string): number {
  return GLUED_PARTICLES.has(piece) ? Math.max(piece.length, 3) : piece.length;
}

/** Where one word may be cut into two or three commoner vocabulary words (splitGlued's rules), in the order tried. */
function wordSplits(data: IndexData, word: string, isPerson: boolean, cutsSyllables: boolean): Array<Omit<WordSplit, 'i'>> {
  const legalForms = isPerson ? undefined : legalFormTable();
  const frequency = (part: string): number => {
    const id = data.termIds.get(part) ?? data.termIds.get(termKey('stop', part));
    if (id !== undefined) return data.termNameCount[id]!;
    return legalForms?.classOf(part) ? Number.MAX_SAFE_INTEGER : 0;
  };
  const isPiece = (part: string, isMiddle: boolean) =>
    !isPerson ||
    part.length >= 3 ||
    GLUED_PARTICLES.has(part) ||
    (isMiddle && CONNECTING_VOWELS.has(part)) ||
    (cutsSyllables && word.length <= SYLLABLES_WORD_LENGTH && isListedSyllable(data, part));
  const whole = frequency(word);
  // Each piece commoner than the whole; the first piece that is not ends the test (most cuts of a
  // word make a first piece the vocabulary does not hold).
  const known = (pieces: string[]) => pieces.every((p, k) => isPiece(p, k > 0 && k < pieces.length - 1)) && pieces.every((p) => frequency(p) > whole);
  const splits: Array<Omit<WordSplit, 'i'>> = [];
  if (!isPerson) {
    // A company name's one-letter word glued to the next or the last ("DAY E-COMMERCE" typed
    // "DAYE-COMMERCE", "M S CONSTRUCTORES" typed "M SCONSTRUCTORES"): the letter is cut off when the
    // rest is a listed word commoner than the whole.
    if (frequency(word.slice(1)) > whole) splits.push({ cuts: [1], shortest: 1 });
    if (frequency(word.slice(0, -1)) > whole) splits.push({ cuts: [word.length - 1], shortest: 1 });
    if (word.length < 5) return splits;
  }
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const pieces = [word.slice(0, cut), word.slice(cut)];
    if (known(pieces)) splits.push({ cuts: [cut], shortest: Math.min(...pieces.map(pieceRank)) });
  }
  if (splits.length > 0 || word.length < 8) return splits;
  for (let a = 2; a <= word.length - 3; a++) {
    for (let b = a + 1; b <= word.length - 2; b++) {
      if (known([word.slice(0, a), word.slice(a, b), word.slice(b)])) splits.push({ cuts: [a, b], shortest: Math.min(a, word.length - b) });
    }
  }
  return splits;
}

/** Two words that the vocabulary knows as one ("ABDUL RAHMAN" / "ABDULRAHMAN"), or, in a company name, a legal form ("CORPORAT ION"). */
function glueSplit(data: IndexData, words: string[], isPerson: boolean, isSyllabic: boolean, isArabic: boolean): NameToken[] | undefined {
  const legalForms = isPerson ? undefined : legalFormTable();
  for (let i = 0; i + 1 < words.length; i++) {
    const glued = words[i]! + words[i + 1]!;
    // Only a long legal form is typed split ("CORPORAT ION"); short ones glue by accident ("CO" + "LTD").
    const isListed =
      data.termIds.has(glued) ||
      (glued.length >= 7 && legalForms?.classOf(glued) !== undefined) ||
      (isArabic && isGluableArabic(words[i]!, words[i + 1]!) && meetsListedSkeleton(data, glued));
    if (glued.length >= 4 && isListed) {
      return tagWords([...words.slice(0, i), glued, ...words.slice(i + 2)], isPerson, isSyllabic);
    }
  }
  return undefined;
}

/** Two names, or the article and its word ("ELSSEID" for الصيد); not a word and the article of the next one. */
function isGluableArabic(first: string, second: string): boolean {
  return (first.length >= 3 || first === 'al') && second.length >= 3;
}

/**
 * Two words of an Arabic-script query that one listed word spells glued ("ولی جان" "WALIJAN"): the
 * glued transliteration meets a listed word on its consonant skeleton and long vowels, as a word of
 * the query would. Only the skeleton's own bucket is read, and not a crowded one.
 */
function meetsListedSkeleton(data: IndexData, glued: string): boolean {
  const info: TokenInfo = { text: glued, tag: 'word', codes: [], skeleton: consonantSkeleton(glued) };
  if (info.skeleton.length < 3) return false;
  let meets = false;
  boundedLookup(data.skeletonKeys, info.skeleton, (termId) => {
    if (!meets && tokenSimilarity(info, data.terms[termId]!, true).value >= MIN_GLUED_SKELETON) meets = true;
  });
  return meets;
}
