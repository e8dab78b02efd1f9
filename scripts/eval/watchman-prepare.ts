import type { WName } from './watchman.js';
import { toTokens } from './watchman.js';

/**
 * Watchman's name preparation (internal/prepare, commit 69cdfdf): reorder
 * "LAST, First" for individuals, strip a few company suffixes, drop stop words,
 * then lower-case, remove punctuation and diacritics. No transliteration: a
 * name in Arabic or Cyrillic stays in its script.
 */
const SURNAME_PRECEDES = /(,?[\s?a-zA-Z.]{1,})$/;
const COMPANY_SUFFIXES: [string, string][] = [
  [' CO.', ''],
  [' D.O.O.', ''],
  [' INC.', ''],
  [' GMBH', ''],
  [' LLC', ''],
  [' L.L.C.', ''],
  [' LLP', ''],
  [' LTD.', ''],
  [' LTD ', ' '],
  [', LTD', ''],
  [' LTDA.', ''],
  [' SA DE CV', ''],
];
// English stop words as in the bbalet/stopwords list Watchman uses (abridged to the words that occur in names).
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'has',
  'he',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'that',
  'the',
  'to',
  'was',
  'were',
  'will',
  'with',
  'de',
  'la',
  'y',
]);

export function reorderSdnName(name: string, isIndividual: boolean): string {
  if (!isIndividual || !name.includes(',')) return name;
  const match = SURNAME_PRECEDES.exec(name);
  if (!match || !match[0]) return name;
  const v = match[0];
  return `${v.replace(/^,/, '')} ${name.slice(0, name.length - v.length)}`.trim();
}

function removeCompanyTitles(name: string): string {
  let out = name;
  for (const [from, to] of COMPANY_SUFFIXES) out = out.split(from).join(to);
  return out;
}

function lowerAndRemovePunctuation(s: string): string {
  const replaced = s.replace(/\./g, '').replace(/,/g, '').replace(/-/g, ' ').replace(/ {2}/g, ' ');
  return replaced
    .toLowerCase()
    .trim()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
}

export function prepareWatchmanName(raw: string, isIndividual: boolean, isCompany: boolean): WName {
  let name = reorderSdnName(raw, isIndividual);
  if (isCompany) {
    name = removeCompanyTitles(name);
    // Watchman's stopwords step skips individuals.
    name = name
      .split(/\s+/)
      .filter((w) => !STOP_WORDS.has(w.toLowerCase()))
      .join(' ');
  }
  const prepared = lowerAndRemovePunctuation(name);
  return { prepared, tokens: toTokens(prepared) };
}
