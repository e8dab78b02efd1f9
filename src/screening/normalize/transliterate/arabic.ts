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

/** سيد is the title "Sayyid" or the name "Said", "Sayed": read both ways, as the title first. */
const TITLE_OR_NAME = 'سيد';

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
  // عبد الله written as one word is the same name.
  ['عبدالله', 'abdallah'],
  // The title "Mr" / "Sayyid" (السيد محمد, سيد محمد): read as the title word, with or without the
  // article, so that it counts as one at the head of a name; ending a name it stays a family name.
  ['السيد', 'sayyid'],
  [TITLE_OR_NAME, 'sayyid'],
  // Titles the lists write in Latin letters (data/titles.ts): their Arabic and Persian spellings.
  ['شيخ', 'shaykh'],
  ['الشيخ', 'shaykh'],
  ['حاج', 'haji'],
  ['حاجي', 'haji'],
  ['ملا', 'mulla'],
  ['مولوي', 'mawlawi'],
  ['مولانا', 'mawlana'],
  // "Limited" and "Private" as Pakistani and Afghan company names write them in Urdu and Persian
  // letters (راحت لمتد "RAHAT LTD.", "… پرائیویٹ لمیٹڈ" "… (PVT) LTD."): the legal form's word.
  ['لمتد', 'limited'],
  ['ليمتد', 'limited'],
  ['لميتد', 'limited'],
  ['لميٹڈ', 'limited'],
  ['ليميٹڈ', 'limited'],
  ['پرائيويٹ', 'private'],
]);
/**
 * Words of organisation names that the lists give translated ("شبكة محمد جمال" / "MUHAMMAD JAMAL
 * NETWORK", "الجماعة الاسلامية المقاتلة الليبية" / "LIBYAN ISLAMIC FIGHTING GROUP"), without the
 * article, alif forms folded: a name holding one is also tried with each such word in English.
 */
const TRANSLATED_WORDS: ReadonlyMap<string, string> = new Map([
  ['شبكة', 'network'],
  ['جماعة', 'group'],
  ['حركة', 'movement'],
  ['دولة', 'state'],
  ['اسلامية', 'islamic'],
  ['اسلامي', 'islamic'],
  ['مقاتلة', 'fighting'],
  ['ليبية', 'libyan'],
  ['شام', 'levant'],
  ['جزيرة', 'peninsula'],
  ['عرب', 'arabian'],
  ['غرب', 'west'],
  ['افريقيا', 'africa'],
  ['في', 'in'],
]);
/** Urdu writes ہ and ۃ where Arabic writes ه and ة, and Persian ی and ک where Arabic writes ي and ك: one spelling for the word list. */
const URDU_PERSIAN_FORMS: ReadonlyMap<string, string> = new Map([
  ['ہ', 'ه'],
  ['ۃ', 'ة'],
  ['ی', 'ي'],
  ['ک', 'ك'],
]);
/**
 * Second halves of South Asian and Afghan compound names ("Aziz-ur-Rahman", "Zia-ul-Haq",
 * "Nur-ul-Islam"), as transliterated: the lists write the first half with the article glued to it.
 */
const COMPOUND_ENDS: ReadonlySet<string> = new Set(['rhmn', 'rhman', 'rhim', 'hq', 'aslam', 'islam', 'amin']);
/** A consonant that ends a Latin digraph's first letter ("t", "s", "k", "d"…), then ح or ه, then a long vowel. */
const SPLIT_DIGRAPH_BEFORE_VOWEL = /[تطدضثزسصكکگپ][حهہ][اأإآويیى]/;
/** The letters an article before them is assimilated to ("ar-Rahman", "ad-Din", "ash-Shami"), as transliterated. */
const SUN_LETTER_START = /^(th|dh|sh|[tdrzsnl])/;

export function transliterateArabic(text: string): string[] {
  const isPersian = PERSIAN_LETTERS.test(text);
  const spellings = spell(text, isPersian, true);
  // Afghan and Pakistani names are often typed without Persian letters: try their readings too.
  if (!isPersian && /[ثذضظ]/.test(text)) spellings.push(...spell(text, true, true));
  if (/(^|\s)س[يی]د(?=\s|$)/.test(text)) spellings.push(...spell(text, isPersian, false));
  // "فتحي", "اسحاق" are "FATHI", "ISHAQ" as often as "طه", "الاتحاد" are "TAHA", "ITIHAD": with the
  // consonants before the h written together, as a spelling of its own (the first spelling's words only).
  if (SPLIT_DIGRAPH_BEFORE_VOWEL.test(text)) spellings.push(spell(text, isPersian, true, false)[0]!);
  const translated = translateWords(text);
  if (translated) spellings.push(spell(translated, isPersian, true)[0]!);
  return [...new Set(spellings)];
}

/**
 * The name with its organisation words in English (`TRANSLATED_WORDS`), their article and a
 * conjunction و glued to them ("والشام" "and levant") translated too; undefined without one.
 */
function translateWords(text: string): string | undefined {
  let found = false;
  const words = text.split(/\s+/).map((written) => {
    const parts = /^(و?)(?:ال)?(.+)$/u.exec(written.replace(/[أإآ]/g, 'ا'))!;
    let english = TRANSLATED_WORDS.get(parts[2]!);
    // و alone begins words too ("وزير"): read as "and" only when the rest is a word of the list.
    if (english && parts[1]) english = `and ${english}`;
    else if (!english) english = TRANSLATED_WORDS.get(parts[1]! + parts[2]!);
    if (english) found = true;
    return english ?? written;
  });
  // The normaliser split the article off ("al جماعة"): it goes with its translated word.
  return found ? words.join(' ').replace(/(^|\s)al (?=[a-z])/g, '$1') : undefined;
}

function spell(text: string, isPersian: boolean, readsTitle: boolean, separatesDigraphs = true): string[] {
  // The normaliser may already have split the article off ("al له", "al سيد"): join it back first.
  const words = text
    .replace(/[ہۃ]/g, (char) => URDU_PERSIAN_FORMS.get(char)!)
    .replace(/(^|\s)al (له|سيد|سید|شيخ|شیخ)(?=\s|$)/g, '$1ال$2')
    .split(/[\s\u200c\u200d]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const written of words) {
    // A word already in Latin letters (the article the normaliser split off, a translated word) stays.
    if (/^[a-z]+$/.test(written)) {
      out.push(written);
      continue;
    }
    // "أبوغيث" written as one word: the lists write "ABU GHAITH" (the scorer glues the two back to meet "ABUGHAITH").
    const abu = /^[اأ]بو(.{3,})$/u.exec(written);
    if (abu) out.push('abu');
    // An article is never written twice: after one, "الفي" is the name "Alfi" (الالفي "al-Alfi").
    out.push(...transliterateWord(abu ? abu[1]! : written, isPersian, readsTitle, separatesDigraphs, out[out.length - 1] === 'al'));
  }
  const split = glueAbdAllah(splitAbdAl(out));
  const spellings = [split, glueCompounds(split, false), glueCompounds(split, true), glueCompounds(split, false, true)].map((w) => w.join(' '));
  return [...new Set(spellings)];
}

/** "عبدالحليم" written as one word: the lists mostly write "ABD AL-HALIM". */
function splitAbdAl(words: string[]): string[] {
  return words.flatMap((w) => (/^abdal[a-z]{2,}/.test(w) && w !== 'abdallah' ? ['abd', 'al', w.slice(5)] : [w]));
}

/**
 * Compound names the lists write as one word as often as apart: "هداية الله"
 * "HIDAYATULLAH", "نور الدين" "NOUREDDINE", "عبد الرحمن" "ABDULRAHMAN". This
 * spelling is tried as an alternative to the one written apart. With
 * `assimilates`, the article of "abd al" before a sun letter is written as that
 * letter, as in "ABDURRAHMAN", "ABDUS SALAM", "ABDERRAHMANE": a third spelling.
 */
function glueCompounds(words: string[], assimilates: boolean, keepsAbdulApart = false): string[] {
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
      const sun = assimilates ? SUN_LETTER_START.exec(after)?.[1] : undefined;
      if (keepsAbdulApart) out.push('abdul', after);
      else out.push(sun ? `abdu${sun}${after}` : `abdul${after}`);
      i += 2;
    } else if (assimilates && next === 'al' && after && COMPOUND_ENDS.has(after) && word !== 'al') {
      // "عزيز الرحمن" "AZIZ UR RAHMAN", "AZIZUR RAHMAN"; "ضياء الحق" "ZIAUL HAQ".
      out.push(`${word}u${SUN_LETTER_START.exec(after)?.[1] ?? 'l'}`);
      i++;
    } else out.push(word);
  }
  return out;
}

function transliterateWord(word: string, isPersian: boolean, readsTitle: boolean, separatesDigraphs: boolean, followsArticle = false): string[] {
  const folded = [...word].map((char) => (char === 'ی' || char === 'ک' ? URDU_PERSIAN_FORMS.get(char)! : char)).join('');
  const known = readsTitle || folded !== TITLE_OR_NAME ? WORDS.get(folded) : undefined;
  if (known) return [known];
  // The article is written joined to its word; the lists write it apart.
  if (!followsArticle && word.length > 3 && word.startsWith('ال'))
    return ['al', ...transliterateWord(word.slice(2), isPersian, readsTitle, separatesDigraphs, true)];
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
      // Without `separatesDigraphs`, not before a long vowel: "فتحي" "fthi" as "FATHI" writes it.
      const isBeforeLongVowel = next !== undefined && (ALIF.has(next) || YA.has(next) || next === WAW);
      if (latin.startsWith('h') && /[dtkgsczp]$/.test(out) && (separatesDigraphs || !isBeforeLongVowel)) out += 'a';
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
