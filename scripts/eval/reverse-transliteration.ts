import anyAscii from 'any-ascii';

/**
 * Latin-letter list names written back in another script, as a client in that
 * country would write them, for the cross-script evaluation. Rules are written
 * from each script's conventions, not derived from the engine's own
 * transliteration tables, so the evaluation does not grade the engine against
 * itself. They are careful, not perfect: short vowels an abjad would not write
 * are dropped, a vowel the Latin spelling leaves ambiguous takes its commonest
 * reading in names.
 */

type Rules = ReadonlyArray<readonly [string, string]>;

/** Longest-first replacement of Latin letter groups, word by word. */
function byRules(word: string, rules: Rules, start?: Rules, end?: Rules): string {
  let out = '';
  let i = 0;
  const lower = word.toLowerCase();
  while (i < lower.length) {
    const tables = [...(i === 0 && start ? [start] : []), ...(end ? [end] : []), rules];
    let matched = false;
    for (const table of tables) {
      for (const [latin, native] of table) {
        if (!lower.startsWith(latin, i)) continue;
        if (table === end && i + latin.length !== lower.length) continue;
        out += native;
        i += latin.length;
        matched = true;
        break;
      }
      if (matched) break;
    }
    if (!matched) i++;
  }
  return out;
}

const CYRILLIC: Rules = [
  ['shch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ['ye', 'е'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['ay', 'ай'],
  ['ey', 'ей'],
  ['oy', 'ой'],
  ['uy', 'уй'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'ы'],
  ['k', 'к'],
  ['c', 'к'],
  ['q', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['x', 'кс'],
  ['j', 'дж'],
];
const CYRILLIC_START: Rules = [
  ['ye', 'е'],
  ['e', 'э'],
];

const GREEK: Rules = [
  ['th', 'θ'],
  ['ch', 'χ'],
  ['kh', 'χ'],
  ['ps', 'ψ'],
  ['ks', 'ξ'],
  ['x', 'ξ'],
  ['ou', 'ου'],
  ['mp', 'μπ'],
  ['nt', 'ντ'],
  ['ng', 'γγ'],
  ['av', 'αυ'],
  ['ev', 'ευ'],
  ['af', 'αυ'],
  ['ef', 'ευ'],
  ['ph', 'φ'],
  ['a', 'α'],
  ['b', 'μπ'],
  ['v', 'β'],
  ['g', 'γ'],
  ['d', 'δ'],
  ['e', 'ε'],
  ['z', 'ζ'],
  ['i', 'ι'],
  ['k', 'κ'],
  ['c', 'κ'],
  ['l', 'λ'],
  ['m', 'μ'],
  ['n', 'ν'],
  ['o', 'ο'],
  ['p', 'π'],
  ['r', 'ρ'],
  ['s', 'σ'],
  ['t', 'τ'],
  ['y', 'υ'],
  ['f', 'φ'],
  ['u', 'ου'],
  ['h', ''],
  ['j', 'τζ'],
];
const GREEK_END: Rules = [
  ['os', 'ος'],
  ['is', 'ης'],
  ['as', 'ας'],
  ['s', 'ς'],
];

const HEBREW: Rules = [
  ['sh', 'ש'],
  ['ch', 'ח'],
  ['kh', 'ח'],
  ['ts', 'צ'],
  ['tz', 'צ'],
  ['ph', 'פ'],
  ['b', 'ב'],
  ['v', 'ב'],
  ['g', 'ג'],
  ['d', 'ד'],
  ['h', 'ה'],
  ['z', 'ז'],
  ['t', 'ט'],
  ['y', 'י'],
  ['k', 'ק'],
  ['c', 'ק'],
  ['q', 'ק'],
  ['l', 'ל'],
  ['m', 'מ'],
  ['n', 'נ'],
  ['s', 'ס'],
  ['p', 'פ'],
  ['f', 'פ'],
  ['r', 'ר'],
  ['w', 'ו'],
  ['j', 'ג׳'],
  ['x', 'קס'],
  ['o', 'ו'],
  ['u', 'ו'],
  ['i', 'י'],
  ['ee', 'י'],
  ['e', ''],
  ['a', ''],
];
const HEBREW_START: Rules = [
  ['a', 'א'],
  ['e', 'א'],
  ['i', 'אי'],
  ['o', 'או'],
  ['u', 'או'],
];
const HEBREW_END: Rules = [
  ['a', 'ה'],
  ['m', 'ם'],
  ['n', 'ן'],
  ['k', 'ך'],
  ['f', 'ף'],
  ['ts', 'ץ'],
];

/** Arabic script as Persian writes it: long vowels written, short "a" and "e" dropped. */
const PERSIAN: Rules = [
  ['kh', 'خ'],
  ['sh', 'ش'],
  ['ch', 'چ'],
  ['zh', 'ژ'],
  ['gh', 'ق'],
  ['ou', 'و'],
  ['oo', 'و'],
  ['ee', 'ی'],
  ['aa', 'ا'],
  ['b', 'ب'],
  ['p', 'پ'],
  ['t', 'ت'],
  ['j', 'ج'],
  ['h', 'ه'],
  ['d', 'د'],
  ['r', 'ر'],
  ['z', 'ز'],
  ['s', 'س'],
  ['f', 'ف'],
  ['q', 'ق'],
  ['k', 'ک'],
  ['g', 'گ'],
  ['l', 'ل'],
  ['m', 'م'],
  ['n', 'ن'],
  ['v', 'و'],
  ['w', 'و'],
  ['y', 'ی'],
  ['i', 'ی'],
  ['u', 'و'],
  ['o', ''],
  ['a', ''],
  ['e', ''],
  ['c', 'ک'],
  ['x', 'کس'],
];
const PERSIAN_START: Rules = [
  ['ou', 'او'],
  ['ee', 'ای'],
  ['a', 'ا'],
  ['e', 'ا'],
  ['i', 'ای'],
  ['o', 'ا'],
  ['u', 'او'],
];
const PERSIAN_END: Rules = [
  ['ah', 'ه'],
  ['eh', 'ه'],
  ['a', 'ا'],
  ['i', 'ی'],
  ['y', 'ی'],
];

const DEVANAGARI_CONSONANTS: Rules = [
  ['chh', 'छ'],
  ['kh', 'ख'],
  ['gh', 'घ'],
  ['ch', 'च'],
  ['jh', 'झ'],
  ['th', 'थ'],
  ['dh', 'ध'],
  ['ph', 'फ'],
  ['bh', 'भ'],
  ['sh', 'श'],
  ['k', 'क'],
  ['g', 'ग'],
  ['c', 'क'],
  ['j', 'ज'],
  ['t', 'त'],
  ['d', 'द'],
  ['n', 'न'],
  ['p', 'प'],
  ['b', 'ब'],
  ['m', 'म'],
  ['y', 'य'],
  ['r', 'र'],
  ['l', 'ल'],
  ['v', 'व'],
  ['w', 'व'],
  ['s', 'स'],
  ['h', 'ह'],
  ['f', 'फ़'],
  ['z', 'ज़'],
  ['q', 'क़'],
  ['x', 'क्स'],
];
const DEVANAGARI_VOWELS: ReadonlyArray<readonly [string, string, string]> = [
  // latin, independent letter, vowel sign
  ['aa', 'आ', 'ा'],
  ['ai', 'ऐ', 'ै'],
  ['au', 'औ', 'ौ'],
  ['ee', 'ई', 'ी'],
  ['oo', 'ऊ', 'ू'],
  ['a', 'अ', ''],
  ['i', 'इ', 'ि'],
  ['u', 'उ', 'ु'],
  ['e', 'ए', 'े'],
  ['o', 'ओ', 'ो'],
];

export function toCyrillic(name: string): string {
  return words(name, (w) => capitalise(byRules(w, CYRILLIC, CYRILLIC_START)));
}

export function toGreek(name: string): string {
  return words(name, (w) => byRules(w, GREEK, undefined, GREEK_END).toUpperCase().normalize('NFC'));
}

export function toHebrew(name: string): string {
  return words(name, (w) => byRules(w, HEBREW, HEBREW_START, HEBREW_END));
}

export function toPersian(name: string): string {
  return words(name, (w) => byRules(w, PERSIAN, PERSIAN_START, PERSIAN_END));
}

export function toDevanagari(name: string): string {
  return words(name, (word) => {
    const lower = word.toLowerCase();
    let out = '';
    let i = 0;
    let afterConsonant = false;
    while (i < lower.length) {
      const vowel = DEVANAGARI_VOWELS.find(([latin]) => lower.startsWith(latin, i));
      if (vowel) {
        out += afterConsonant ? vowel[2] : vowel[1];
        i += vowel[0].length;
        afterConsonant = false;
        continue;
      }
      const consonant = DEVANAGARI_CONSONANTS.find(([latin]) => lower.startsWith(latin, i));
      if (!consonant) {
        i++;
        continue;
      }
      if (afterConsonant) out += '्';
      out += consonant[1];
      i += consonant[0].length;
      afterConsonant = true;
    }
    return out;
  });
}

// Korean name syllables as DPRK and MR spellings write them, with the Hangul a
// Korean writes: "Jong" is 정 and "Un" is 은 far more often than 종 or 운.
const KOREAN_SYLLABLES: ReadonlyMap<string, string> = new Map([
  ['kim', '김'],
  ['ri', '리'],
  ['yi', '이'],
  ['lee', '이'],
  ['pak', '박'],
  ['park', '박'],
  ['choe', '최'],
  ['choi', '최'],
  ['jong', '정'],
  ['chong', '정'],
  ['un', '은'],
  ['yong', '영'],
  ['song', '성'],
  ['chol', '철'],
  ['hyok', '혁'],
  ['hyon', '현'],
  ['ho', '호'],
  ['il', '일'],
  ['ju', '주'],
  ['jang', '장'],
  ['kang', '강'],
  ['han', '한'],
  ['o', '오'],
  ['hwang', '황'],
  ['so', '서'],
  ['sok', '석'],
  ['su', '수'],
  ['sun', '순'],
  ['nam', '남'],
  ['myong', '명'],
  ['gwang', '광'],
  ['kwang', '광'],
  ['chun', '춘'],
  ['hui', '희'],
  ['ok', '옥'],
  ['mun', '문'],
  ['yun', '윤'],
  ['jin', '진'],
  ['gil', '길'],
  ['kil', '길'],
  ['thae', '태'],
  ['tae', '태'],
  ['pyong', '평'],
  ['ryong', '룡'],
  ['chang', '창'],
  ['hak', '학'],
  ['man', '만'],
  ['min', '민'],
  ['nyong', '녕'],
  ['hun', '훈'],
  ['sang', '상'],
  ['dong', '동'],
  ['tong', '동'],
  ['won', '원'],
  ['hae', '해'],
  ['sol', '설'],
  ['ung', '웅'],
  ['gyong', '경'],
  ['kyong', '경'],
  ['ryol', '렬'],
  ['ik', '익'],
  ['guk', '국'],
  ['kuk', '국'],
  ['yang', '양'],
  ['yo', '여'],
  ['jo', '조'],
  ['cho', '조'],
  ['sik', '식'],
  ['ryu', '류'],
  ['u', '우'],
  ['chu', '주'],
  ['bong', '봉'],
  ['pong', '봉'],
  ['hong', '홍'],
  ['an', '안'],
  ['in', '인'],
  ['mu', '무'],
  ['chae', '채'],
]);
const KO_INITIALS: Rules = [
  ['kk', 'ㄲ'],
  ['tt', 'ㄸ'],
  ['pp', 'ㅃ'],
  ['ss', 'ㅆ'],
  ['jj', 'ㅉ'],
  ['ch', 'ㅊ'],
  ['kh', 'ㅋ'],
  ['th', 'ㅌ'],
  ['ph', 'ㅍ'],
  ['g', 'ㄱ'],
  ['k', 'ㄱ'],
  ['n', 'ㄴ'],
  ['d', 'ㄷ'],
  ['t', 'ㄷ'],
  ['r', 'ㄹ'],
  ['l', 'ㄹ'],
  ['m', 'ㅁ'],
  ['b', 'ㅂ'],
  ['p', 'ㅂ'],
  ['s', 'ㅅ'],
  ['j', 'ㅈ'],
  ['h', 'ㅎ'],
  ['', 'ㅇ'],
];
const KO_VOWELS: Rules = [
  ['yae', 'ㅒ'],
  ['yeo', 'ㅕ'],
  ['wae', 'ㅙ'],
  ['ae', 'ㅐ'],
  ['ya', 'ㅑ'],
  ['eo', 'ㅓ'],
  ['ye', 'ㅖ'],
  ['wa', 'ㅘ'],
  ['oe', 'ㅚ'],
  ['yo', 'ㅕ'],
  ['wo', 'ㅝ'],
  ['we', 'ㅞ'],
  ['wi', 'ㅟ'],
  ['yu', 'ㅠ'],
  ['eu', 'ㅡ'],
  ['ui', 'ㅢ'],
  ['a', 'ㅏ'],
  ['e', 'ㅔ'],
  ['o', 'ㅗ'],
  ['u', 'ㅜ'],
  ['i', 'ㅣ'],
];
const KO_FINALS: Rules = [
  ['ng', 'ㅇ'],
  ['k', 'ㄱ'],
  ['n', 'ㄴ'],
  ['l', 'ㄹ'],
  ['m', 'ㅁ'],
  ['p', 'ㅂ'],
  ['t', 'ㅅ'],
];
const JAMO_INITIAL = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const JAMO_VOWEL = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const JAMO_FINAL = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

/** A Korean name in Hangul, one syllable per romanised syllable ("Kim Jong Un" 김정은). */
export function toHangul(name: string): string {
  const syllables = name
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .flatMap((word) => splitKorean(word));
  return syllables.join('');
}

function splitKorean(word: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    const known = [...KOREAN_SYLLABLES.keys()].filter((k) => word.startsWith(k, i) && !/^[aeiouwy]/.test(word.slice(i + k.length)));
    const longest = known.sort((a, b) => b.length - a.length)[0];
    if (longest) {
      out.push(KOREAN_SYLLABLES.get(longest)!);
      i += longest.length;
      continue;
    }
    const initial = KO_INITIALS.find(([l]) => word.startsWith(l, i))!;
    const vowel = KO_VOWELS.find(([l]) => word.startsWith(l, i + initial[0].length));
    if (!vowel) {
      // A letter Korean romanisation does not use: skip it.
      i += Math.max(1, initial[0].length);
      continue;
    }
    i += initial[0].length;
    i += vowel[0].length;
    const final = KO_FINALS.find(([l]) => word.startsWith(l, i) && !/^[aeiouwy]/.test(word.slice(i + l.length)));
    if (final) i += final[0].length;
    const code = 0xac00 + (JAMO_INITIAL.indexOf(initial[1]) * 21 + JAMO_VOWEL.indexOf(vowel[1])) * 28 + (final ? JAMO_FINAL.indexOf(final[1]) : 0);
    out.push(String.fromCodePoint(code));
  }
  return out;
}

const KANA: Rules = [
  ['kya', 'キャ'],
  ['kyu', 'キュ'],
  ['kyo', 'キョ'],
  ['sha', 'シャ'],
  ['shu', 'シュ'],
  ['sho', 'ショ'],
  ['cha', 'チャ'],
  ['chu', 'チュ'],
  ['cho', 'チョ'],
  ['nya', 'ニャ'],
  ['nyu', 'ニュ'],
  ['nyo', 'ニョ'],
  ['hya', 'ヒャ'],
  ['ryu', 'リュ'],
  ['ryo', 'リョ'],
  ['gyo', 'ギョ'],
  ['ja', 'ジャ'],
  ['ju', 'ジュ'],
  ['jo', 'ジョ'],
  ['shi', 'シ'],
  ['chi', 'チ'],
  ['tsu', 'ツ'],
  ['ka', 'カ'],
  ['ki', 'キ'],
  ['ku', 'ク'],
  ['ke', 'ケ'],
  ['ko', 'コ'],
  ['sa', 'サ'],
  ['su', 'ス'],
  ['se', 'セ'],
  ['so', 'ソ'],
  ['ta', 'タ'],
  ['te', 'テ'],
  ['to', 'ト'],
  ['na', 'ナ'],
  ['ni', 'ニ'],
  ['nu', 'ヌ'],
  ['ne', 'ネ'],
  ['no', 'ノ'],
  ['ha', 'ハ'],
  ['hi', 'ヒ'],
  ['fu', 'フ'],
  ['he', 'ヘ'],
  ['ho', 'ホ'],
  ['ma', 'マ'],
  ['mi', 'ミ'],
  ['mu', 'ム'],
  ['me', 'メ'],
  ['mo', 'モ'],
  ['ya', 'ヤ'],
  ['yu', 'ユ'],
  ['yo', 'ヨ'],
  ['ra', 'ラ'],
  ['ri', 'リ'],
  ['ru', 'ル'],
  ['re', 'レ'],
  ['ro', 'ロ'],
  ['wa', 'ワ'],
  ['ga', 'ガ'],
  ['gi', 'ギ'],
  ['gu', 'グ'],
  ['ge', 'ゲ'],
  ['go', 'ゴ'],
  ['za', 'ザ'],
  ['ji', 'ジ'],
  ['zu', 'ズ'],
  ['ze', 'ゼ'],
  ['zo', 'ゾ'],
  ['da', 'ダ'],
  ['de', 'デ'],
  ['do', 'ド'],
  ['ba', 'バ'],
  ['bi', 'ビ'],
  ['bu', 'ブ'],
  ['be', 'ベ'],
  ['bo', 'ボ'],
  ['pa', 'パ'],
  ['pi', 'ピ'],
  ['pu', 'プ'],
  ['pe', 'ペ'],
  ['po', 'ポ'],
  ['a', 'ア'],
  ['i', 'イ'],
  ['u', 'ウ'],
  ['e', 'エ'],
  ['o', 'オ'],
  ['n', 'ン'],
];

/** A Japanese name in katakana, as foreign-facing forms write it ("Yamamoto Taro" ヤマモト タロウ). */
export function toKatakana(name: string): string {
  return words(name, (w) => {
    // Hepburn writes a doubled consonant for the small tsu and a plain "o" for the long "ou".
    const marked = w.toLowerCase().replace(/([kstpgdbc])\1/g, 'ッ$1');
    return [...marked].some((c) => c === 'ッ')
      ? marked
          .split('ッ')
          .map((part) => byRules(part, KANA))
          .join('ッ')
      : byRules(marked, KANA);
  });
}

let pinyinTable: Map<string, string> | null = null;

/**
 * A Chinese name in Han characters: each pinyin syllable written with a
 * character read so. A name that is not all pinyin (a Korean or Western name
 * listed with a Chinese address) gives '' and is left out.
 */
export function toHan(name: string): string {
  pinyinTable ??= buildPinyinTable();
  const table = pinyinTable;
  const parts = name
    .toLowerCase()
    .split(/[\s,-]+/)
    .filter(Boolean)
    .map((word) => segment(word, table));
  return parts.every((p) => p !== null) ? parts.join('') : '';
}

function segment(word: string, table: Map<string, string>): string | null {
  if (word === '') return '';
  for (let length = Math.min(6, word.length); length >= 1; length--) {
    const char = table.get(word.slice(0, length));
    if (!char) continue;
    const rest = segment(word.slice(length), table);
    if (rest !== null) return char + rest;
  }
  return null;
}

// The first character of the CJK block read as each syllable: the block is
// ordered by radical, so this is an arbitrary but valid character for the sound.
function buildPinyinTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (let code = 0x4e00; code <= 0x9fa5; code++) {
    const char = String.fromCodePoint(code);
    const reading = anyAscii(char).toLowerCase();
    if (/^[a-z]+$/.test(reading) && !table.has(reading)) table.set(reading, char);
  }
  return table;
}

function words(name: string, convert: (word: string) => string): string {
  return name
    .split(/[\s,.\-']+/)
    .filter(Boolean)
    .map(convert)
    .filter(Boolean)
    .join(' ');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
