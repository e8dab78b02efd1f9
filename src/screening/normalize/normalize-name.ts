import { boundedEditDistance } from '../match/edit-distance.js';
import { titleLengthAt } from './titles.js';
import { LegalFormTable } from './legal-forms.js';
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
  const tokensOf = (spelled: string[]) => tagWords(isPerson ? spelled : joinLetterRuns(spelled), isPerson, isSyllabicScript(script));
  const [first = [], ...others] = spellings;
  return others.length > 0 ? { tokens: tokensOf(first), script, alternatives: others.map(tokensOf) } : { tokens: tokensOf(first), script };
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
function spellingsOf(raw: string, joinsDottedAcronyms: boolean): { spellings: string[][]; script: string } {
  const nfkc = raw.normalize('NFKC');
  const script = detectScript(nfkc);
  let text = nfkc;
  if (script === 'Arab') text = cleanArabic(text);
  if (script === 'Hani' || script === 'Hang') text = spaceSyllables(text);
  return { spellings: transliterate(text, script).map((spelling) => asciiWords(spelling, joinsDottedAcronyms)), script };
}

function asciiWords(spelling: string, joinsDottedAcronyms: boolean): string[] {
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
  for (const [spelling, canonical, budget] of table.longWordsNear(word.length)) {
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
