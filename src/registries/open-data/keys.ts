import { normalizeName } from '../../screening/normalize/normalize-name.js';

export interface NameKeys {
  /** Name words in order, legal forms left out: what the trigram index holds. */
  searchText: string;
  /** The same words sorted and de-duplicated, so word order does not matter. */
  nameKey: string;
  /** Canonical legal-form classes found in the name ("ltd", "llc"), for ranking. */
  legalForms: string[];
}

/**
 * The one normalisation applied alike to imported names and to queries: the screening engine's
 * (NFKC, transliteration, case, punctuation, legal forms tagged so "LIMITED" and "Ltd." are one
 * class), keeping the non-legal words.
 */
export function nameKeys(name: string): NameKeys {
  const tokens = normalizeName(name).tokens;
  const words = tokens.filter((token) => token.tag !== 'legal').map((token) => token.text);
  const legalForms = tokens.filter((token) => token.tag === 'legal').map((token) => token.text);
  return { searchText: words.join(' '), nameKey: [...new Set(words)].sort().join(' '), legalForms };
}

/** A registration number as typed: upper case, without spaces, dashes, dots, slashes and leading zeros. */
export function numberKey(number: string): string {
  return number
    .toUpperCase()
    .replace(/[\s\-./]+/g, '')
    .replace(/^0+(?=.)/, '');
}
