/**
 * Arabic and Persian to Latin letters. Arabic writes no short vowels, so the
 * result is a consonant frame with the long vowels (ا و ي) as vowels: its
 * consonant skeleton is what meets the lists' vowelled spellings ("حسين" gives
 * "hsin", skeleton "hsn", as "HUSSEIN" does). Letters are mapped to the
 * spellings the lists use most (ق "q", ع dropped as Latin spellings drop it),
 * not to a scholarly system that no list follows. ظ is "dh" as Iraqi and Gulf
 * names write it ("KADHIM", "NADHIM"); the Persian reading tried beside it
 * gives the "z" of "KAZEM", "NAZIM".
 */

const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'dh',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ۀ: 'h',
  // Persian and Urdu letters.
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ڤ: 'v',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ے: 'e',
};
/** Persian, Urdu and Pashto read these as "s" and "z" (فضل "Fazal", ثناء "Sana"), Arabic as "th", "dh", "d". */
const PERSIAN_READINGS: Readonly<Record<string, string>> = { ث: 's', ذ: 'z', ض: 'z', ظ: 'z' };
const SILENT = new Set(['ء', 'ئ', 'ؤ']);
const AYN = 'ع';
const ALIF = new Set(['ا', 'أ', 'إ', 'آ', 'ٱ']);
const WAW = 'و';
const YA = new Set(['ي', 'ی']);
const PERSIAN_LETTERS = /[پچژگکی]/;

/** Whole words the lists always spell one way. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['بن', 'bin'],
  ['ابن', 'ibn'],
  ['بنت', 'bint'],
  ['ابو', 'abu'],
  ['أبو', 'abu'],
  ['ابي', 'abi'],
  ['أبي', 'abi'],
  ['ولد', 'ould'],
  ['الله', 'allah'],
  ['عبد', 'abd'],
  ['محمد', 'muhammad'],
  ['أحمد', 'ahmad'],
  ['احمد', 'ahmad'],
  // The title "Mr" / "Sayyid" (السيد محمد): written with the article, read as the title word so
  // that it counts as one at the head of a name; ending a name it stays a family name.
  ['السيد', 'sayyid'],
]);

export function transliterateArabic(text: string): string[] {
  const isPersian = PERSIAN_LETTERS.test(text);
  const spellings = spell(text, isPersian);
  // Afghan and Pakistani names are often typed without Persian letters: try their readings too.
  if (!isPersian && /[ثذضظ]/.test(text)) spellings.push(...spell(text, true));
  return [...new Set(spellings)];
}

function spell(text: string, isPersian: boolean): string[] {
  // The normaliser may already have split the article off ("al له", "al سيد"): join it back first.
  const words = text
    .replace(/(^|\s)al (له|سيد)(?=\s|$)/g, '$1ال$2')
    .split(/[\s\u200c\u200d]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const word of words) out.push(...transliterateWord(word, isPersian));
  const split = glueAbdAllah(splitAbdAl(out));
  const glued = glueCompounds(split);
  return glued.join(' ') === split.join(' ') ? [split.join(' ')] : [split.join(' '), glued.join(' ')];
}

/** "عبدالحليم" written as one word: the lists mostly write "ABD AL-HALIM". */
function splitAbdAl(words: string[]): string[] {
  return words.flatMap((w) => (/^abdal[a-z]{2,}/.test(w) && w !== 'abdallah' ? ['abd', 'al', w.slice(5)] : [w]));
}

/**
 * Compound names the lists write as one word as often as apart: "هداية الله"
 * "HIDAYATULLAH", "نور الدين" "NOUREDDINE", "عبد الرحمن" "ABDULRAHMAN". This
 * spelling is tried as an alternative to the one written apart.
 */
function glueCompounds(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [word, next, after] = [words[i]!, words[i + 1], words[i + 2]];
    if (next === 'allah' && word !== 'abd' && word !== 'al') {
      out.push(`${word}ullah`);
      i++;
    } else if (next === 'al' && after === 'din') {
      out.push(`${word}uddin`);
      i += 2;
    } else if (word === 'abd' && next === 'al' && after) {
      out.push(`abdul${after}`);
      i += 2;
    } else out.push(word);
  }
  return out;
}

function transliterateWord(word: string, isPersian: boolean): string[] {
  const known = WORDS.get(word);
  if (known) return [known];
  // The article is written joined to its word; the lists write it apart.
  if (word.length > 3 && word.startsWith('ال')) return ['al', ...transliterateWord(word.slice(2), isPersian)];
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const isFirst = i === 0;
    const next = chars[i + 1];
    const previous = chars[i - 1];
    const isNearVowel = (next !== undefined && (ALIF.has(next) || YA.has(next))) || (previous !== undefined && ALIF.has(previous));
    if (ALIF.has(char)) out += char === 'إ' ? 'i' : 'a';
    else if (char === 'ة' || char === 'ى') out += 'a';
    // A word-initial ayn is written as the vowel it carries ("علي" "Ali", "عمر" "Omar").
    else if (char === AYN) out += isFirst ? 'a' : '';
    else if (char === WAW) out += isFirst || isNearVowel ? (isPersian ? 'v' : 'w') : 'u';
    else if (YA.has(char))
      out += isFirst || (next !== undefined && ALIF.has(next)) || (previous !== undefined && (ALIF.has(previous) || previous === WAW)) ? 'y' : 'i';
    else if (SILENT.has(char)) continue;
    else {
      // Two letters that would read as one Latin digraph ("طه" is "Taha", not "th") get a vowel between them.
      const latin = (isPersian ? PERSIAN_READINGS[char] : undefined) ?? CONSONANTS[char] ?? char;
      if (latin.startsWith('h') && /[dtkgsczp]$/.test(out)) out += 'a';
      out += latin;
    }
  }
  return out ? [out] : [];
}

/** "عبد الله" is one name, written "ABDALLAH" or "ABDULLAH" in the lists. */
function glueAbdAllah(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'abd' && words[i + 1] === 'allah') {
      out.push('abdallah');
      i++;
    } else out.push(words[i]!);
  }
  return out;
}
