/**
 * Greek to Latin letters after ELOT 743 (the system of Greek passports), with
 * the digraphs that the lists' spellings follow ("ου" "ou", "μπ" "b" at the
 * start of a word, "αυ" "av"). Accents are dropped first.
 */

const LETTERS: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};
const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ου/g, 'ou'],
  [/(^|\s)μπ/g, '$1b'],
  [/μπ/g, 'mb'],
  [/(^|\s)ντ/g, '$1d'],
  [/ντ/g, 'nt'],
  [/γγ/g, 'ng'],
  [/γκ/g, 'gk'],
  [/γ([ξχ])/g, 'n$1'],
  [/([αε])υ(?=[θκξπσςτφχψ]|\s|$)/g, '$1f'],
  [/([αε])υ/g, '$1v'],
];

export function transliterateGreek(text: string): string[] {
  let lower = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [pattern, replacement] of DIGRAPHS) lower = lower.replace(pattern, replacement);
  let out = '';
  for (const char of lower) out += LETTERS[char] ?? char;
  return [out];
}
