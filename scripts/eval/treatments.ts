import { simplify, trailingLegalForm } from './legal-form-spellings.js';
import { pick } from './prng.js';

/**
 * Seeded, deterministic treatments of a listed name, each mimicking how a real
 * client record differs from the list. A treatment returns null when it does
 * not apply (no middle name to drop, no legal form to vary…).
 */
export type Treatment = (words: string[], random: () => number) => string | null;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Spellings of one sound, as names are written down from hearing them or
 * transliterated by different conventions (after the first letter, which a
 * clerk rarely gets wrong).
 */
const SOUND_ALIKE: readonly (readonly [string, string])[] = [
  ['ph', 'f'],
  ['f', 'ph'],
  ['ou', 'u'],
  ['oo', 'u'],
  ['u', 'ou'],
  ['ee', 'i'],
  ['i', 'ee'],
  ['y', 'i'],
  ['i', 'y'],
  ['ck', 'k'],
  ['c', 'k'],
  ['k', 'c'],
  ['kh', 'h'],
  ['sh', 'ch'],
  ['dh', 'd'],
  ['z', 's'],
  ['s', 'z'],
  ['w', 'v'],
  ['v', 'w'],
  ['j', 'dj'],
  ['q', 'k'],
  ['ie', 'y'],
];

/** Titles a client record may carry before a name, in the forms they are typed. */
const TITLES = ['Mr', 'Mr.', 'Dr.', 'Sheikh', 'General', 'Colonel', 'President', 'Haji', 'Sayyed', 'Maulana', 'Prof.', 'Minister', 'Brigadier General'];

function longWordIndex(words: string[], random: () => number, minLength: number): number | null {
  const eligible = words.map((w, i) => (w.length >= minLength && /^[A-Za-z]+$/.test(w) ? i : -1)).filter((i) => i >= 0);
  return eligible.length ? pick(random, eligible) : null;
}

function matchCase(letter: string, like: string): string {
  return like === like.toUpperCase() ? letter.toUpperCase() : letter;
}

export const PERSON_TREATMENTS: Record<string, Treatment> = {
  'as listed': (w) => w.join(' '),
  typo: (w, r) => {
    const i = longWordIndex(w, r, 4);
    if (i === null) return null;
    const word = w[i]!;
    const at = 1 + Math.floor(r() * (word.length - 1));
    let letter = pick(r, [...LETTERS]);
    if (letter === word[at]!.toLowerCase()) letter = letter === 'z' ? 'a' : String.fromCharCode(letter.charCodeAt(0) + 1);
    const out = [...w];
    out[i] = word.slice(0, at) + matchCase(letter, word[at]!) + word.slice(at + 1);
    return out.join(' ');
  },
  transposition: (w, r) => {
    const i = longWordIndex(w, r, 4);
    if (i === null) return null;
    const word = w[i]!;
    const at = 1 + Math.floor(r() * (word.length - 2));
    const out = [...w];
    out[i] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    return out[i] === word ? null : out.join(' ');
  },
  'dropped middle name': (w, r) => (w.length < 3 ? null : w.filter((_, i) => i !== 1 + Math.floor(r() * (w.length - 2))).join(' ')),
  'middle name as initial': (w, r) => {
    if (w.length < 3) return null;
    const i = 1 + Math.floor(r() * (w.length - 2));
    return w.map((x, j) => (j === i ? `${x[0]}.` : x)).join(' ');
  },
  'first name as initial': (w) => (w.length < 2 || w[0]!.length < 2 ? null : [`${w[0]![0]}.`, ...w.slice(1)].join(' ')),
  'word order': (w) => (w.length < 2 ? null : [...w].reverse().join(' ')),
  'Last, First': (w) => (w.length < 2 ? null : `${w[w.length - 1]}, ${w.slice(0, -1).join(' ')}`),
  'token glue': (w, r) => {
    if (w.length < 2) return null;
    const i = Math.floor(r() * (w.length - 1));
    return [...w.slice(0, i), w[i]! + w[i + 1]!, ...w.slice(i + 2)].join(' ');
  },
  'token split': (w, r) => {
    const i = longWordIndex(w, r, 8);
    if (i === null) return null;
    const word = w[i]!;
    const at = 3 + Math.floor(r() * (word.length - 5));
    return [...w.slice(0, i), word.slice(0, at), word.slice(at), ...w.slice(i + 1)].join(' ');
  },
  'phonetic spelling': (w, r) => {
    const options = w.flatMap((word, i) =>
      /^[A-Za-z]{4,}$/.test(word) ? SOUND_ALIKE.filter(([from]) => word.slice(1).toLowerCase().includes(from)).map((rule) => [i, rule] as const) : [],
    );
    if (options.length === 0) return null;
    const [i, [from, to]] = pick(r, options);
    const word = w[i]!;
    const at = 1 + word.slice(1).toLowerCase().indexOf(from);
    const out = [...w];
    out[i] = word.slice(0, at) + (word[at] === word[at]!.toUpperCase() ? to.toUpperCase() : to) + word.slice(at + from.length);
    return out.join(' ');
  },
  'title added': (w, r) => [pick(r, TITLES), ...w].join(' '),
};

export const ORGANISATION_TREATMENTS: Record<string, Treatment> = {
  'as listed': PERSON_TREATMENTS['as listed']!,
  typo: PERSON_TREATMENTS['typo']!,
  transposition: PERSON_TREATMENTS['transposition']!,
  'token glue': PERSON_TREATMENTS['token glue']!,
  'token split': PERSON_TREATMENTS['token split']!,
  'legal-form variant': (w, r) => {
    const found = trailingLegalForm(w);
    if (!found) return null;
    const rest = w.slice(0, found.start);
    const others = found.group.filter((s) => simplify(s).join(' ') !== found.spelling);
    if (others.length === 0 || r() < 0.25) return rest.join(' ');
    return [...rest, pick(r, others)].join(' ');
  },
  'phonetic spelling': PERSON_TREATMENTS['phonetic spelling']!,
};
