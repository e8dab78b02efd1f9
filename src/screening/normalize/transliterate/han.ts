import anyAscii from 'any-ascii';

/**
 * Han to Latin letters: Mandarin pinyin without tones, one syllable a word, as
 * the lists write Chinese names ("王毅" "wang yi"). any-ascii's tables carry the
 * commonest Mandarin reading of each character; a Japanese or Korean reading of
 * the same characters ("金正恩" is "Kim Jong Un") needs a dictionary this
 * engine does not have, so Korean and Japanese names meet the lists only when
 * written in Hangul or kana.
 */
export function transliterateHan(text: string): string[] {
  return [anyAscii(text)];
}
