import anyAscii from 'any-ascii';
import { transliterateArabic } from './arabic.js';
import { transliterateCyrillic } from './cyrillic.js';
import { transliterateDevanagari } from './devanagari.js';
import { transliterateGreek } from './greek.js';
import { transliterateHan } from './han.js';
import { transliterateHangul } from './hangul.js';
import { transliterateHebrew } from './hebrew.js';
import { transliterateKana } from './kana.js';

const BY_SCRIPT: Readonly<Record<string, (text: string) => string[]>> = {
  Arab: transliterateArabic,
  Cyrl: transliterateCyrillic,
  Deva: transliterateDevanagari,
  Grek: transliterateGreek,
  Hani: transliterateHan,
  Hang: transliterateHangul,
  Hebr: transliterateHebrew,
  Jpan: transliterateKana,
};

/**
 * A name in Latin letters, by the rules of its script: the first spelling is
 * the one the lists most often use, the others (Russian passports, South Korean
 * romanisation…) are alternatives a query is also tried as. Any letter a
 * script's rules leave (a Latin word inside, another script) goes through
 * any-ascii, as does every script without rules of its own.
 */
export function transliterate(text: string, script: string): string[] {
  const rules = BY_SCRIPT[script];
  if (!rules) return [anyAscii(text)];
  return [...new Set(rules(text).map((spelling) => anyAscii(spelling)))];
}
