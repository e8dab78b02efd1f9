/**
 * Devanagari to Latin letters as Indian names are spelled in Latin letters:
 * each consonant carries the inherent vowel "a" unless a vowel sign or a virama
 * follows, and the inherent vowel is not written at the end of a word after a
 * single consonant (Hindi "मोदी" "Modi", "राम" "Ram", but "नरेन्द्र" "Narendra").
 */

const CONSONANTS: Readonly<Record<string, string>> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'n',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'n',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  ळ: 'l',
  क़: 'q',
  ख़: 'kh',
  ग़: 'gh',
  ज़: 'z',
  ड़: 'r',
  ढ़: 'rh',
  फ़: 'f',
};
const VOWELS: Readonly<Record<string, string>> = {
  अ: 'a',
  आ: 'a',
  इ: 'i',
  ई: 'i',
  उ: 'u',
  ऊ: 'u',
  ऋ: 'ri',
  ए: 'e',
  ऐ: 'ai',
  ओ: 'o',
  औ: 'au',
};
const SIGNS: Readonly<Record<string, string>> = {
  'ा': 'a',
  'ि': 'i',
  'ी': 'i',
  'ु': 'u',
  'ू': 'u',
  'ृ': 'ri',
  'े': 'e',
  'ै': 'ai',
  'ो': 'o',
  'ौ': 'au',
};
const VIRAMA = '्';
const NASAL = new Set(['ं', 'ँ']);

export function transliterateDevanagari(text: string): string[] {
  return [text.normalize('NFC').split(/\s+/).filter(Boolean).map(transliterateWord).join(' ')];
}

function transliterateWord(word: string): string {
  const chars = [...word.normalize('NFD')].reduce<string[]>((acc, char) => {
    // Nukta letters arrive decomposed: fold them back onto their base.
    if (char === '़' && acc.length) acc[acc.length - 1] = `${acc[acc.length - 1]}़`.normalize('NFC');
    else acc.push(char);
    return acc;
  }, []);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const consonant = CONSONANTS[char];
    if (consonant === undefined) {
      out += VOWELS[char] ?? (NASAL.has(char) ? 'n' : char === 'ः' ? 'h' : '');
      continue;
    }
    out += consonant;
    const next = chars[i + 1];
    if (next === VIRAMA) {
      i++;
    } else if (next !== undefined && SIGNS[next] !== undefined) {
      out += SIGNS[next];
      i++;
    } else {
      const isWordEnd =
        next === undefined || (NASAL.has(next) === false && CONSONANTS[next] === undefined && SIGNS[next] === undefined && VOWELS[next] === undefined);
      const isAfterCluster = chars[i - 1] === VIRAMA;
      if (!isWordEnd || isAfterCluster || out.length <= consonant.length) out += 'a';
    }
  }
  return out;
}
