import { boundedEditDistance } from '../match/edit-distance.js';
import { titleLengthAt } from './titles.js';
import { bitCount, LegalFormTable, letterMask } from './legal-forms.js';
import { detectScript, isSyllabicChar } from './scripts.js';
import { STOP_WORDS } from './stop-words.js';
import { transliterate } from './transliterate/index.js';

export type TokenTag = 'word' | 'legal' | 'stop' | 'initial';

export interface NameToken {
  /** ASCII, lower case; for a legal form, its canonical class ("llc", "jsc"…). */
  text: string;
  /** The transliterated spelling as written, for explanations. */
  raw: string;
  tag: TokenTag;
}

export interface NormalizedName {
  tokens: NameToken[];
  /** ISO 15924 code of the input's dominant script. */
  script: string;
  /** Other spellings a non-Latin name is also read as (a passport's transliteration…), tried as query variants. */
  alternatives?: NameToken[][];
}

export interface NormalizeOptions {
  /** People have no legal forms: "SA" or "AO" in a person's name is a name. */
  isPerson?: boolean;
}

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const APOSTROPHES = /['’‘`ʻʼʿʾ´]/g;
const DOTTED_ACRONYM = /(?<![a-z0-9])[a-z](?:\.[a-z])+\.?(?![a-z0-9])/g;
/** A dotted acronym typed glued to the word or letter before it ("GADS.A.", "DEC.V.", "WS.A."): its letters each carry a dot, the last one too. */
const GLUED_DOTTED_ACRONYM = /([a-z0-9]+)([a-z](?:\.[a-z])+\.)(?![a-z0-9])/g;

/**
 * The one normalisation applied alike to listed names and queries: NFKC, a
 * script-specific clean-up, transliteration to ASCII (per-script rules in
 * transliterate/, any-ascii for the rest), then tokens tagged as legal forms,
 * particles (stop words, and titles in a person's name) or initials.
 */
export function normalizeName(raw: string, options: NormalizeOptions = {}): NormalizedName {
  const isPerson = options.isPerson === true;
  const { spellings, script } = spellingsOf(raw, !isPerson);
  const isSyllabic = isSyllabicScript(script);
  const [first = [], ...others] = spellings;
  const tokens = tokensOf(first, isPerson, isSyllabic);
  return others.length > 0 ? { tokens, script, alternatives: others.map((spelled) => tokensOf(spelled, isPerson, isSyllabic)) } : { tokens, script };
}

/**
 * The tokens of `normalizeName(raw, { isPerson }).tokens`, without the alternatives: the index
 * build reads only these, at a million names.
 */
export function normalizedTokens(raw: string, isPerson: boolean): NameToken[] {
  const { spellings, script } = spellingsOf(raw, !isPerson);
  return tokensOf(spellings[0] ?? [], isPerson, isSyllabicScript(script));
}

function tokensOf(spelled: string[], isPerson: boolean, isSyllabic: boolean): NameToken[] {
  return tagWords(isPerson ? spelled : joinLetterRuns(spelled), isPerson, isSyllabic);
}

/**
 * The name as ASCII words. `joinsDottedAcronyms` (company names) reads "U.M.V."
 * as one word "umv" and "S.A." as "sa", so an acronym stays apart from the legal
 * form after it; in a person's name "J.R." stays two initials.
 */
export function transliterateWords(raw: string, joinsDottedAcronyms: boolean): { words: string[]; script: string } {
  const { spellings, script } = spellingsOf(raw, joinsDottedAcronyms);
  return { words: spellings[0] ?? [], script };
}

/** Every spelling of the name as ASCII words, best first (transliterate/ gives more than one for some scripts). */
export function spellingsOf(raw: string, joinsDottedAcronyms: boolean): { spellings: string[][]; script: string } {
  // Most listed names are plain ASCII: NFKC leaves ASCII as it is, no script but Latin has an ASCII
  // letter (detectScript's answer is "Latn", or "Zyyy" without letters) and any-ascii returns ASCII
  // unchanged, so `spellingsByScript` would give the same (`normalize-name.test.ts` compares them).
  if (isAscii(raw)) return { spellings: [asciiWords(raw, joinsDottedAcronyms)], script: ASCII_LETTER.test(raw) ? 'Latn' : 'Zyyy' };
  return spellingsByScript(raw, joinsDottedAcronyms);
}

/** `spellingsOf` for any text: NFKC, the script's clean-up and transliteration. */
export function spellingsByScript(raw: string, joinsDottedAcronyms: boolean): { spellings: string[][]; script: string } {
  const nfkc = raw.normalize('NFKC');
  const script = detectScript(nfkc);
  let text = nfkc;
  if (script === 'Arab') text = cleanArabic(text);
  if (script === 'Hani' || script === 'Hang') text = spaceSyllables(text);
  return { spellings: transliterate(text, script).map((spelling) => asciiWords(spelling, joinsDottedAcronyms)), script };
}

const ASCII_LETTER = /[A-Za-z]/;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The words of a spelling: lower case, apostrophes dropped ("O'Brien" is "obrien"), split at
 * everything but ASCII letters and digits; a company name's dotted acronyms joined ("U.M.V." is
 * "umv"). A spelling with no dot to join (or a person's) and no character beyond ASCII, nearly
 * every name, is read in one pass over its characters; the others by `asciiWordsByPatterns`,
 * which gives the same words for the first kind too (`normalize-name.test.ts` compares them).
 */
export function asciiWords(spelling: string, joinsDottedAcronyms: boolean): string[] {
  const lower = spelling.toLowerCase();
  const words: string[] = [];
  // The part of the current word before an apostrophe, and where its rest starts.
  let head = '';
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c > 0x7f || (c === 0x2e && joinsDottedAcronyms)) return asciiWordsByPatterns(spelling, joinsDottedAcronyms);
    if (c === 0x27 || c === 0x60) {
      head += lower.slice(start, i);
    } else {
      const word = head + lower.slice(start, i);
      if (word) words.push(word);
      head = '';
    }
    start = i + 1;
  }
  return words;
}

export function asciiWordsByPatterns(spelling: string, joinsDottedAcronyms: boolean): string[] {
  let ascii = spelling.toLowerCase().replace(APOSTROPHES, '');
  if (joinsDottedAcronyms) ascii = ascii.replace(GLUED_DOTTED_ACRONYM, '$1 $2').replace(DOTTED_ACRONYM, (acronym) => acronym.replace(/\./g, ''));
  ascii = ascii.replace(/[^a-z0-9]+/g, ' ').trim();
  return ascii ? ascii.split(' ') : [];
}

/** A company name's words, as its tokens are built from them: the legal-form table reads its spellings through this. */
export function organisationWords(raw: string): string[] {
  return joinLetterRuns(transliterateWords(raw, true).words);
}

let legalForms: LegalFormTable | undefined;

/** The legal forms (curated classes and GLEIF's list), read through this normalisation on first use. */
export function legalFormTable(): LegalFormTable {
  legalForms ??= new LegalFormTable(organisationWords);
  return legalForms;
}

/** Scripts written one syllable a token: a one-letter syllable (Korean 이, "i") is a name, never an initial. */
export function isSyllabicScript(script: string): boolean {
  return script === 'Hani' || script === 'Hang';
}

/** Tags a transliterated word list; exported for query variants built from split or glued words. */
export function tagWords(words: readonly string[], isPerson: boolean, isSyllabic = false): NameToken[] {
  const tokens: NameToken[] = [];
  const table = isPerson ? undefined : legalFormTable();
  for (let i = 0; i < words.length;) {
    // A lone legal-form word is a name, not a legal form ("AS", "CO" alone).
    const legal = table && words.length > 1 ? table.longestAt(words, i) : undefined;
    if (legal) {
      tokens.push({ text: legal.canonical, raw: words.slice(i, i + legal.length).join(' '), tag: 'legal' });
      i += legal.length;
      continue;
    }
    const word = words[i]!;
    const fuzzyLegal = table ? misspeltLegalForm(table, word) : undefined;
    if (fuzzyLegal) {
      tokens.push({ text: fuzzyLegal, raw: word, tag: 'legal' });
      i++;
      continue;
    }
    const title = isPerson && !isSyllabic ? titleLengthAt(words, i) : 0;
    if (title > 0) {
      for (const text of words.slice(i, i + title)) tokens.push({ text, raw: text, tag: 'stop' });
      i += title;
      continue;
    }
    tokens.push({ text: word, raw: word, tag: wordTag(word, isPerson, isSyllabic) });
    i++;
  }
  return tokens;
}

// A single letter is an initial only in a person's name (even "A" or "E"): in a
// company name "I" is a word ("JAISH-I-MOHAMMED"), and a syllable is a name.
function wordTag(word: string, isPerson: boolean, isSyllabic: boolean): TokenTag {
  if (isSyllabic) return 'word';
  if (isPerson && word.length === 1 && /[a-z]/.test(word)) return 'initial';
  return STOP_WORDS.has(word) ? 'stop' : 'word';
}

/** "COMPANE", "LIMTIED": a long legal-form word one or two edits off is still a legal form. */
function misspeltLegalForm(table: LegalFormTable, word: string): string | undefined {
  if (word.length < 6) return undefined;
  const letters = letterMask(word);
  for (const [spelling, canonical, budget, spellingLetters] of table.longWordsNear(word.length)) {
    if (bitCount(letters & ~spellingLetters) > budget) continue;
    if (boundedEditDistance(word, spelling, budget) <= budget) return canonical;
  }
  return undefined;
}

/** Acronyms written with dots or spaces ("S.A.", "L L C", "T.R.D.") become one word in company names. */
export function joinLetterRuns(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    while (j < words.length && words[j]!.length === 1) j++;
    if (j - i >= 2) {
      out.push(words.slice(i, j).join(''));
      i = j;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}

// Arabic writes short vowels as optional marks and the article joined to the
// word; dropping the marks and splitting "ال" makes both spellings meet. The
// hamza forms of alif stay: transliterate/arabic.ts reads "إ" as "i".
function cleanArabic(text: string): string {
  return text.replace(ARABIC_MARKS, '').replace(/(^|\s)[اٱ]ل(?=\S{2,})/g, '$1al ');
}

// Chinese and Korean names are written without spaces; one token a syllable lets
// "金正恩" meet "KIM Jong Un" and "Jong-un" alike once glued tokens are compared.
function spaceSyllables(text: string): string {
  let out = '';
  for (const char of text) out += isSyllabicChar(char) ? ` ${char} ` : char;
  return out.replace(/\s+/g, ' ').trim();
}
