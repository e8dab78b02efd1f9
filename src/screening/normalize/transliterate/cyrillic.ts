/**
 * Cyrillic to Latin letters, in the systems the lists and passports use. The
 * first spelling follows BGN/PCGN as OFAC, the UN and the EU write Russian names
 * ("Евгений" "Yevgeniy"); the second the ICAO passport system Russia has used
 * since 2013 ("Evgenii"), which is what a client's identity document says.
 * Ukrainian (і, ї, є, ґ) and Belarusian (ў) text gets its national system first.
 */

const COMMON: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  ж: 'zh',
  з: 'z',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ш: 'sh',
  ъ: '',
  ь: '',
  ч: 'ch',
  ц: 'ts',
  х: 'kh',
};
const BGN: Readonly<Record<string, string>> = { ...COMMON, г: 'g', е: 'e', ё: 'e', и: 'i', й: 'y', щ: 'shch', ы: 'y', э: 'e', ю: 'yu', я: 'ya' };
const PASSPORT: Readonly<Record<string, string>> = { ...COMMON, г: 'g', е: 'e', ё: 'e', и: 'i', й: 'i', щ: 'shch', ы: 'y', э: 'e', ю: 'iu', я: 'ia', ъ: 'ie' };
const UKRAINIAN: Readonly<Record<string, string>> = {
  ...COMMON,
  г: 'h',
  ґ: 'g',
  е: 'e',
  є: 'ie',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  щ: 'shch',
  ю: 'iu',
  я: 'ia',
  ь: '',
};
const BELARUSIAN: Readonly<Record<string, string>> = { ...BGN, г: 'h', і: 'i', ў: 'w', е: 'ye', ё: 'yo' };
/** Word-initial forms of the national systems ("Євген" "Yevhen", "Юрій" "Yurii"). */
const UKRAINIAN_INITIAL: Readonly<Record<string, string>> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
const VOWELS = new Set([...'аеёиоуыэюяіїєъь']);

export function transliterateCyrillic(text: string): string[] {
  const lower = text.toLowerCase();
  if (/[іїєґ]/.test(lower)) return [convert(lower, UKRAINIAN, 'uk'), convert(lower, BGN, 'ru')];
  if (/ў/.test(lower)) return [convert(lower, BELARUSIAN, 'ru'), convert(lower, BGN, 'ru')];
  return [convert(lower, BGN, 'ru'), convert(lower, PASSPORT, 'passport')];
}

function convert(text: string, table: Readonly<Record<string, string>>, system: 'ru' | 'uk' | 'passport'): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const previous = chars[i - 1];
    const isWordStart = previous === undefined || !/\p{L}/u.test(previous);
    if (system === 'uk' && isWordStart && UKRAINIAN_INITIAL[char]) {
      out += UKRAINIAN_INITIAL[char];
      continue;
    }
    // BGN/PCGN writes е as "ye" at the start of a word and after a vowel ("Yevgeniy", "Sergeyev").
    if (system === 'ru' && (char === 'е' || char === 'ё') && (isWordStart || VOWELS.has(previous!))) {
      out += char === 'ё' ? 'yo' : 'ye';
      continue;
    }
    out += table[char] ?? char;
  }
  return out;
}
