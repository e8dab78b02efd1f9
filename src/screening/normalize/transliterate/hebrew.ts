/**
 * Hebrew to Latin letters. Like Arabic, Hebrew writes no short vowels: the
 * result is a consonant frame whose skeleton meets the lists' spellings. Vowel
 * points, when present, are dropped (most names are written without them).
 * ו and י are written as the vowels they usually are inside a word.
 */

const LETTERS: Readonly<Record<string, string>> = {
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  כ: 'k',
  ך: 'kh',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  פ: 'p',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};

const SOFT: Readonly<Record<string, string>> = { ב: 'v', כ: 'kh', פ: 'f' };

export function transliterateHebrew(text: string): string[] {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0591-\u05C7]/g, '')
    .replace(/[׳']/g, '');
  const words = plain.split(/\s+/).filter(Boolean);
  return [words.map(transliterateWord).join(' ')];
}

function transliterateWord(word: string): string {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const isFirst = i === 0;
    // Geminated ו and י ("וו", "יי") are the consonants v and y.
    if (char === 'ו') out += isFirst || chars[i + 1] === 'ו' ? 'v' : chars[i - 1] === 'ו' ? '' : 'o';
    else if (char === 'י') out += isFirst || chars[i + 1] === 'י' ? 'y' : chars[i - 1] === 'י' ? '' : 'i';
    else if (char === 'א' || char === 'ע') out += isFirst ? 'a' : '';
    else if (char === 'ה' && i === chars.length - 1) out += 'a';
    // Without points, ב כ פ are read soft inside a word ("Yaakov", "Ziv"), hard at its start.
    else if (!isFirst && SOFT[char]) out += SOFT[char];
    else out += LETTERS[char] ?? char;
  }
  return out;
}
