import anyAscii from 'any-ascii';

/**
 * Hiragana and katakana to Latin letters in Hepburn as passports and the lists
 * write it: any-ascii gives the kana syllables ("たろう" "tarou"), then long
 * vowels are written short ("Taro", "Yuko"), as Japanese passports do.
 */
export function transliterateKana(text: string): string[] {
  const syllables = anyAscii(text.replace(/ー/g, '')).toLowerCase();
  return [
    syllables
      .replace(/ou/g, 'o')
      .replace(/oo/g, 'o')
      .replace(/uu/g, 'u')
      .replace(/ei(?=\b|[^aeiou])/g, 'ei'),
  ];
}
