/**
 * Script detection by Unicode property. Parsers use it to label names; the
 * normaliser uses it to pick a script-specific clean-up before transliteration.
 */

const SCRIPTS: ReadonlyArray<readonly [code: string, pattern: RegExp]> = [
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Latn', /\p{Script=Latin}/u],
];

/** The first non-Latin script found, else `Latn`, else `Zyyy` (no letters at all). */
export function detectScript(text: string): string {
  for (const [code, pattern] of SCRIPTS) {
    if (pattern.test(text)) return code;
  }
  return /\p{L}/u.test(text) ? 'Zzzz' : 'Zyyy';
}

/** Whether a single character is a CJK ideograph or Hangul syllable (written without spaces). */
export function isSyllabicChar(char: string): boolean {
  return /[\p{Script=Han}\p{Script=Hangul}]/u.test(char);
}
