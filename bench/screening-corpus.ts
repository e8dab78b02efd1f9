import type { Entity, EntityName } from '../src/screening/model.js';
import { detectScript } from '../src/screening/normalize/scripts.js';
import { pick, seededRandom } from '../scripts/eval/prng.js';

/**
 * A benchmark corpus as varied as real lists, generated reproducibly from real naming patterns.
 * Recombining the 50,000 synthetic negatives' first and last names gives about 32,000 distinct
 * terms however many names are made; real consolidated lists hold hundreds of thousands (every
 * transliteration of a name, coined company names, patronymics). So, besides the real names:
 * - new names from a letter model (order-3 Markov chain) learnt from real given names, surnames
 *   and listed company words;
 * - surnames built from a real root and a suffix of a naming tradition (Petrenko, Ahmadzai,
 *   Gelashvili), patronymics (Ivanovich, bin Ahmed);
 * - aliases as lists print them: another transliteration of a word (kh/h, ou/u, ee/i, ph/f...),
 *   the surname first, a dropped middle name;
 * - companies from coined words, surnames, trades and legal forms.
 * Names from the negatives keep their scripts (Arabic, Cyrillic, Han...), as lists hold
 * original-script names. A name's words are chosen as often as real names are (the negatives
 * are a sample of real name frequencies, duplicates included).
 */
export interface CorpusSource {
  /** The listed entities, kept as they are at the start of the corpus. */
  lists: readonly Entity[];
  /** Rows of the 50,000 synthetic negatives. */
  people: readonly { full_name: string; first_name: string; middle_name: string; last_name: string }[];
}

const SURNAME_SUFFIXES = [
  'ov',
  'ova',
  'ev',
  'eva',
  'in',
  'ina',
  'enko',
  'uk',
  'chuk',
  'ski',
  'ska',
  'sky',
  'vic',
  'ovic',
  'escu',
  'eanu',
  'shvili',
  'dze',
  'ian',
  'yan',
  'oglu',
  'zade',
  'zai',
  'pour',
  'i',
  'son',
  'sen',
  'sson',
  'berg',
  'mann',
  'er',
  'ez',
  'es',
  'ini',
  'elli',
  'ucci',
  'opoulos',
  'akis',
  'idis',
  'oglou',
  'baev',
  'bekov',
  'ullah',
  'uddin',
  'abadi',
];
const PATRONYMICS = ['ovich', 'evich', 'ovna', 'evna', 'ich', 'oglu', 'qizi', 'uly'];
const PARTICLES = ['bin', 'ibn', 'abu', 'al', 'el', 'van', 'de', 'ben', 'ould'];
const TRADES = [
  'Trading',
  'Shipping',
  'Holdings',
  'Logistics',
  'Industries',
  'Energy',
  'Petroleum',
  'Group',
  'Investments',
  'Construction',
  'Engineering',
  'Bank',
  'Capital',
  'Services',
  'Technologies',
  'Electronics',
  'Mining',
  'Chemicals',
  'Metals',
  'Airlines',
  'Maritime',
  'Exchange',
  'Foundation',
  'Import Export',
  'General Trading',
  'Development',
  'Manufacturing',
  'Agro',
  'Textiles',
];
const LEGAL_FORMS = ['LLC', 'Ltd', 'Limited', 'JSC', 'OOO', 'GmbH', 'SA', 'S.A.', 'FZE', 'FZCO', 'Co.', 'Inc.', 'PJSC', 'LLP', 'AG', 'BV', 'SARL', 'Company'];
/** Another transliteration of a sound, as aliases on lists spell it. */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/kh/, 'h'],
  [/ou/, 'u'],
  [/u/, 'ou'],
  [/y/, 'i'],
  [/i/, 'y'],
  [/ee/, 'i'],
  [/ph/, 'f'],
  [/f/, 'ph'],
  [/sh/, 'sch'],
  [/j/, 'dj'],
  [/ov$/, 'off'],
  [/c/, 'k'],
  [/k/, 'q'],
  [/e/, 'a'],
  [/a/, 'e'],
  [/([bdlmnrst])/, '$1$1'],
  [/w/, 'v'],
  [/z/, 's'],
];

/** Order-3 letter model of a word list: new words that look like the old ones. */
function letterModel(words: readonly string[]): (random: () => number) => string {
  const next = new Map<string, string[]>();
  for (const word of words) {
    const padded = `^^^${word}$`;
    for (let i = 3; i < padded.length; i++) {
      const key = padded.slice(i - 3, i);
      let followers = next.get(key);
      if (!followers) next.set(key, (followers = []));
      followers.push(padded[i]!);
    }
  }
  return (random) => {
    for (;;) {
      let word = '^^^';
      while (word.length < 18) {
        const char = pick(random, next.get(word.slice(-3))!);
        if (char === '$') break;
        word += char;
      }
      const out = word.slice(3);
      if (out.length >= 3 && out.length <= 14) return out[0]!.toUpperCase() + out.slice(1);
    }
  };
}

const isLatinWord = (word: string) => /^[a-z]{3,}$/.test(word);

export function variedCorpus(source: CorpusSource, names: number, seed: number): Entity[] {
  const random = seededRandom(seed);
  const isLatinName = (text: string) => /^[A-Za-z' .-]+$/.test(text);
  const rows = source.people.filter((r) => r.first_name && r.last_name);
  const latinRows = rows.filter((r) => isLatinName(r.full_name));
  // Original-script names: a first name and a surname of the same script, from two people.
  const otherScripts = new Map<string, typeof rows>();
  for (const row of rows.filter((r) => !isLatinName(r.full_name))) {
    const script = detectScript(row.full_name);
    otherScripts.set(script, [...(otherScripts.get(script) ?? []), row]);
  }
  const scriptGroups = [...otherScripts.values()];
  const firsts = latinRows.map((r) => r.first_name);
  const lasts = [...latinRows.map((r) => r.last_name), ...source.lists.filter((e) => e.kind === 'person').map((e) => e.names[0]!.full.split(',')[0]!)].filter(
    (l) => l && isLatinName(l),
  );
  const latin = (words: readonly string[]) => words.flatMap((w) => w.toLowerCase().split(/[\s-]+/)).filter(isLatinWord);
  const orgWords = latin(source.lists.filter((e) => e.kind !== 'person').flatMap((e) => e.names.flatMap((n) => n.full.split(/[\s,.]+/))));
  const newGiven = letterModel(latin(firsts));
  const newSurname = letterModel(latin(lasts));
  const newOrgWord = letterModel(orgWords);
  const simpleLasts = lasts.filter((l) => /^[A-Za-z]{3,}$/.test(l));

  const given = () => (random() < 0.75 ? pick(random, firsts) : newGiven(random));
  const surname = (): string => {
    const r = random();
    if (r < 0.55) return pick(random, lasts);
    if (r < 0.75) return stem(pick(random, simpleLasts)) + pick(random, SURNAME_SUFFIXES);
    return newSurname(random);
  };
  const middle = (): string[] => {
    const r = random();
    if (r < 0.2) return [given()];
    if (r < 0.3) return [stem(given()) + pick(random, PATRONYMICS)];
    if (r < 0.37) return [pick(random, PARTICLES), given()];
    return [];
  };
  const originalScript = (): string => {
    const group = pick(random, scriptGroups);
    return `${pick(random, group).first_name} ${pick(random, group).last_name}`;
  };
  const company = (): string => {
    const coined = () => (random() < 0.7 ? newOrgWord(random) : pick(random, orgWords));
    const patterns = [
      () => `${coined()} ${pick(random, TRADES)} ${pick(random, LEGAL_FORMS)}`,
      () => `${surname()} ${pick(random, TRADES)} ${pick(random, LEGAL_FORMS)}`,
      () => `${coined()} ${coined()} ${pick(random, LEGAL_FORMS)}`,
      () => `${coined()}${newOrgWord(random).toLowerCase()} ${pick(random, LEGAL_FORMS)}`,
      () => `${given()} ${surname()} ${pick(random, TRADES)}`,
      () => `${coined()} ${pick(random, TRADES)}`,
    ];
    return pick(random, patterns)();
  };

  const out: Entity[] = [...source.lists];
  let count = out.reduce((n, e) => n + e.names.length, 0);
  for (let i = 0; count < names; i++) {
    const isPerson = random() < 0.7;
    const words = isPerson ? [given(), ...middle(), surname()] : company().split(' ');
    const aliases: string[] = [];
    const r = random();
    const aliasCount = r < 0.45 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
    for (let a = 0; a < aliasCount; a++) aliases.push(alias(random, words, isPerson, a));
    if (isPerson && random() < 0.15) aliases.push(originalScript());
    const full = [words.join(' '), ...aliases].slice(0, Math.max(1, names - count));
    count += full.length;
    out.push(entity(`gen:${i}`, isPerson, full, random));
  }
  return out;
}

function stem(word: string): string {
  const lower = word.toLowerCase();
  const cut = lower.replace(/[aeiouy]+$/, '');
  return (cut.length >= 3 ? cut : lower).replace(/^./, (c) => c.toUpperCase());
}

/** An alias as lists print them: another spelling of one word, the surname first, or a dropped middle name. */
function alias(random: () => number, words: readonly string[], isPerson: boolean, n: number): string {
  const kind = (n + Math.floor(random() * 3)) % 3;
  if (isPerson && kind === 1) return `${words[words.length - 1]!.toUpperCase()}, ${words.slice(0, -1).join(' ')}`;
  if (isPerson && kind === 2 && words.length > 2) return `${words[0]} ${words[words.length - 1]}`;
  const at = Math.floor(random() * words.length);
  const spelled = respell(random, words[at]!);
  return [...words.slice(0, at), spelled, ...words.slice(at + 1)].join(' ');
}

function respell(random: () => number, word: string): string {
  const start = Math.floor(random() * SPELLINGS.length);
  for (let k = 0; k < SPELLINGS.length; k++) {
    const [pattern, replacement] = SPELLINGS[(start + k) % SPELLINGS.length]!;
    const lower = word.toLowerCase();
    if (!pattern.test(lower.slice(1))) continue;
    const changed = lower[0] + lower.slice(1).replace(pattern, replacement);
    return word[0] === word[0]!.toUpperCase() ? changed[0]!.toUpperCase() + changed.slice(1) : changed;
  }
  return `${word}a`;
}

const COUNTRIES = ['RU', 'IR', 'SY', 'KP', 'CN', 'AE', 'TR', 'BY', 'VE', 'IQ', 'LB', 'AF', 'PK', 'UA', 'CY', 'GB', 'US', 'DE', 'HK', 'MM'];

/** Most listed persons carry a birth date and a nationality, companies a country and sometimes a registration number. */
function entity(id: string, isPerson: boolean, fulls: readonly string[], random: () => number): Entity {
  // Flattened: template strings are rope-like in V8, and names read from a database are flat.
  const names: EntityName[] = fulls.map((full, i) => ({ full: flat(full), kind: i === 0 ? 'primary' : 'alias', script: 'Zyyy', isFormer: false }));
  const year = 1940 + Math.floor(random() * 60);
  const day = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  return {
    id,
    source: 'ftm',
    kind: isPerson ? 'person' : 'organisation',
    names,
    birthDates: isPerson && random() < 0.6 ? [{ value: day, precision: 'day', isApproximate: false, rangeTo: null }] : [],
    birthPlaces: [],
    countries: random() < 0.7 ? [pick(random, COUNTRIES)] : [],
    identifiers: !isPerson && random() < 0.15 ? [{ type: 'Registration Number', value: flat(`${Math.floor(random() * 1e9)}`), country: null }] : [],
    addresses: [],
    programs: [],
    gender: null,
    remarks: null,
  };
}

function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
