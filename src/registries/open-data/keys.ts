import anyAscii from 'any-ascii';
import { joinLetterRuns, legalFormTable } from '../../screening/normalize/normalize-name.js';

export interface NameKeys {
  /** Name words in order, legal forms left out: what the trigram index holds. */
  searchText: string;
  /** The same words sorted and de-duplicated, so word order does not matter. */
  nameKey: string;
  /** Canonical legal-form classes found in the name ("ltd", "llc"), for ranking. */
  legalForms: string[];
}

const APOSTROPHES = /['’‘`ʻʼ´]/g;

/**
 * The one normalisation applied alike to imported names and to queries: NFKC, transliteration to
 * ASCII (any-ascii), case, punctuation, letters spelled with dots joined ("L.L.C." is "llc"), and
 * legal forms recognised with the screening engine's table, so "LIMITED" and "Ltd." are one class.
 * It is the screening normaliser without its typo tolerance: millions of names are keyed on import,
 * and this costs a few microseconds a name where that costs tens.
 */
export function nameKeys(name: string): NameKeys {
  const text = /^[\x00-\x7f]*$/.test(name) ? name : anyAscii(name.normalize('NFKC'));
  const raw = text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = joinLetterRuns(raw ? raw.split(' ') : []);
  const kept: string[] = [];
  const legalForms: string[] = [];
  for (let i = 0; i < words.length;) {
    const legal = words.length > 1 ? legalFormTable().longestAt(words, i) : undefined;
    if (legal) {
      legalForms.push(legal.canonical);
      i += legal.length;
    } else {
      kept.push(words[i]!);
      i += 1;
    }
  }
  // A name made only of legal-form words ("COMPANY LIMITED") keeps them as its words.
  const searchWords = kept.length > 0 ? kept : words;
  return { searchText: searchWords.join(' '), nameKey: [...new Set(searchWords)].sort().join(' '), legalForms };
}

/**
 * A registration number as typed: upper case, without spaces, dashes, dots, slashes and the zeros
 * that lead its digits, after a letter prefix too ("SC012345" and "sc 12345" are one key).
 */
export function numberKey(number: string): string {
  return number
    .toUpperCase()
    .replace(/[\s\-./]+/g, '')
    .replace(/^([A-Z]*)0+(?=\d)/, '$1');
}
