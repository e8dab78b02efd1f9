/**
 * Country names as lists print them, mapped to ISO 3166 alpha-2. The bulk comes
 * from the ICU data Node ships (Intl.DisplayNames); the table below adds the
 * spellings sanctions lists use that ICU does not.
 */

const LIST_SPELLINGS: Record<string, string> = {
  russia: 'RU',
  'russian federation': 'RU',
  iran: 'IR',
  'iran (islamic republic of)': 'IR',
  syria: 'SY',
  'syrian arab republic': 'SY',
  'north korea': 'KP',
  'korea, north': 'KP',
  "democratic people's republic of korea": 'KP',
  "korea, democratic people's republic of": 'KP',
  'south korea': 'KR',
  'korea, south': 'KR',
  'republic of korea': 'KR',
  'korea, republic of': 'KR',
  'democratic republic of the congo': 'CD',
  'congo, democratic republic of the': 'CD',
  'congo (kinshasa)': 'CD',
  congo: 'CG',
  'republic of the congo': 'CG',
  'congo, republic of the': 'CG',
  burma: 'MM',
  myanmar: 'MM',
  "cote d'ivoire": 'CI',
  'ivory coast': 'CI',
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'united kingdom': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'venezuela (bolivarian republic of)': 'VE',
  'bolivia (plurinational state of)': 'BO',
  "lao people's democratic republic": 'LA',
  laos: 'LA',
  'viet nam': 'VN',
  vietnam: 'VN',
  'libyan arab jamahiriya': 'LY',
  libya: 'LY',
  tanzania: 'TZ',
  'united republic of tanzania': 'TZ',
  moldova: 'MD',
  'republic of moldova': 'MD',
  turkey: 'TR',
  turkiye: 'TR',
  palestinian: 'PS',
  palestine: 'PS',
  'state of palestine': 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'the gambia': 'GM',
  gambia: 'GM',
  'the bahamas': 'BS',
  bahamas: 'BS',
  'czech republic': 'CZ',
  macedonia: 'MK',
  'north macedonia': 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  kosovo: 'XK',
  'region: crimea': 'UA',
  crimea: 'UA',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  brunei: 'BN',
  'cape verde': 'CV',
  swaziland: 'SZ',
  'east timor': 'TL',
  'vatican city': 'VA',
  micronesia: 'FM',
  'st. kitts and nevis': 'KN',
  'st. lucia': 'LC',
  'st. vincent and the grenadines': 'VC',
  'netherlands antilles': 'AN',
  'serbia and montenegro': 'CS',
  yugoslavia: 'YU',
  'soviet union': 'SU',
  'bosnia-herzegovina': 'BA',
  'bosnia and herzegovina': 'BA',
  taiwan: 'TW',
  'taiwan, province of china': 'TW',
};

let byName: Map<string, string> | undefined;

function nameTable(): Map<string, string> {
  if (byName) return byName;
  const table = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = display.of(code);
      if (name && name !== code) table.set(simplify(name), code);
    }
  }
  for (const [name, code] of Object.entries(LIST_SPELLINGS)) table.set(simplify(name), code);
  byName = table;
  return table;
}

function simplify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/^region:\s*/, '')
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bst\.?\s/g, 'saint ')
    .replace(/\bd ivoire/, "d'ivoire")
    .replace(/\s+/g, ' ')
    .trim();
}

/** ISO alpha-2 for a country name or code as a list prints it, or null if unknown. */
export function toCountryCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  return nameTable().get(simplify(text)) ?? null;
}

/** Adds codes to a list without duplicates, keeping first-seen order. */
export function addCountry(into: string[], code: string | null): void {
  if (code && !into.includes(code)) into.push(code);
}
