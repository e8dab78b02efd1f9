import { boundedEditDistance } from '../match/edit-distance.js';
import { LONG_LEGAL_FORM_WORDS, legalFormOf, MAX_LEGAL_FORM_WORDS } from './legal-forms.js';
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

/**
 * The one normalisation applied alike to listed names and queries: NFKC, a
 * script-specific clean-up, transliteration to ASCII (per-script rules in
 * transliterate/, any-ascii for the rest), then tokens
 * tagged as legal forms, particles (stop words) or initials.
 */
export function normalizeName(raw: string, options: NormalizeOptions = {}): NormalizedName {
  const nfkc = raw.normalize('NFKC');
  const script = detectScript(nfkc);
  let text = nfkc;
  if (script === 'Arab') text = cleanArabic(text);
  if (script === 'Hani' || script === 'Hang') text = spaceSyllables(text);
  const isPerson = options.isPerson === true;
  const [primary = '', ...others] = transliterate(text, script);
  const tokensOf = (spelling: string): NameToken[] => {
    const ascii = spelling
      .toLowerCase()
      .replace(APOSTROPHES, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const words = ascii ? ascii.split(' ') : [];
    return tagWords(isPerson ? words : joinLetterRuns(words), isPerson);
  };
  const tokens = tokensOf(primary);
  return others.length > 0 ? { tokens, script, alternatives: others.map(tokensOf) } : { tokens, script };
}

/** Tags a transliterated word list; exported for query variants built from split or glued words. */
export function tagWords(words: readonly string[], isPerson: boolean): NameToken[] {
  const tokens: NameToken[] = [];
  for (let i = 0; i < words.length;) {
    const legal = isPerson ? undefined : longestLegalForm(words, i);
    if (legal) {
      tokens.push({ text: legal.canonical, raw: words.slice(i, i + legal.length).join(' '), tag: 'legal' });
      i += legal.length;
      continue;
    }
    const word = words[i]!;
    const fuzzyLegal = isPerson ? undefined : misspeltLegalForm(word);
    if (fuzzyLegal) {
      tokens.push({ text: fuzzyLegal, raw: word, tag: 'legal' });
      i++;
      continue;
    }
    // In a person's name a single letter is an initial, even "A" or "E".
    const isInitial = word.length === 1 && /[a-z]/.test(word) && (isPerson || !STOP_WORDS.has(word));
    const tag = isInitial ? 'initial' : STOP_WORDS.has(word) ? 'stop' : 'word';
    tokens.push({ text: word, raw: word, tag });
    i++;
  }
  return tokens;
}

function longestLegalForm(words: readonly string[], start: number): { canonical: string; length: number } | undefined {
  for (let length = Math.min(MAX_LEGAL_FORM_WORDS, words.length - start); length >= 1; length--) {
    const canonical = legalFormOf(words.slice(start, start + length));
    // A lone legal-form word is a name, not a legal form ("AS", "CO" alone).
    if (canonical && !(length === words.length && words.length === 1)) return { canonical, length };
  }
  return undefined;
}

/** "COMPANE", "LIMTIED": a long legal-form word one or two edits off is still a legal form. */
function misspeltLegalForm(word: string): string | undefined {
  if (word.length < 6) return undefined;
  for (const [spelling, canonical] of LONG_LEGAL_FORM_WORDS) {
    const budget = spelling.length >= 9 ? 2 : 1;
    if (Math.abs(spelling.length - word.length) <= budget && boundedEditDistance(word, spelling, budget) <= budget) return canonical;
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
