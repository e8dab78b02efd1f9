import { ELF_LEGAL_FORMS } from './data/elf-legal-forms.js';

/**
 * Legal forms, grouped by what they mean rather than how they are spelled, so
 * "LLC", "Limited Liability Company" and the Russian "OOO" compare as equals.
 * They are tagged, never deleted: a legal form is weak evidence, but a name made
 * only of one ("CORP") must not match every corporation.
 *
 * Two sources: the curated classes below, which make forms of different
 * countries equal (GmbH = OOO = LLC), and GLEIF's ISO 20275 list
 * (`data/elf-legal-forms.ts`, every language and transliteration it gives),
 * whose spellings join a curated class when one of their spellings is in it
 * and otherwise form a class per ELF code.
 */
export const CURATED_LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  llc: [
    'llc',
    'l l c',
    'limited liability company',
    'limited liability co',
    'limited liability',
    'liability company',
    'ooo',
    'too',
    'tov',
    'fzllc',
    'fz llc',
    'obshchestvo s ogranichennoy otvetstvennostyu',
    'obshchestvo s ogranichennoi otvetstvennostiu',
    'sp z o o',
    'spzoo',
    'spolka z ograniczona odpowiedzialnoscia',
    'godo kaisha',
    'yugen kaisha',
  ],
  jsc: [
    'jsc',
    'ojsc',
    'cjsc',
    'pjsc',
    'ao',
    'zao',
    'oao',
    'pao',
    'jsco',
    'joint stock company',
    'open joint stock company',
    'closed joint stock company',
    'public joint stock company',
    'joint stock co',
    'joint stock',
    'joint-stock company',
    'aktsionernoe obshchestvo',
    'aktsionernoye obshchestvo',
    'kabushiki kaisha',
    'kabushiki gaisha',
    'kk',
    'spolka akcyjna',
  ],
  ltd: ['ltd', 'limited', 'ltda', 'limitada', 'sociedad limitada', 'pte', 'pvt', 'pty', 'private limited', 'private ltd', 'pvt ltd'],
  inc: ['inc', 'incorporated'],
  corp: ['corp', 'corporation'],
  co: ['co', 'company', 'compania', 'cia', 'companhia', 'compagnie', 'cie'],
  plc: ['plc', 'public limited company'],
  gmbh: ['gmbh', 'gesellschaft mit beschrankter haftung', 'mbh'],
  ag: ['ag', 'aktiengesellschaft'],
  sa: [
    'sa',
    's a',
    'sociedad anonima',
    'societe anonyme',
    'sa de cv',
    's a de c v',
    'sapi de cv',
    'sab de cv',
    's de rl de cv',
    's de r l de c v',
    's de rl',
    'de cv',
    'sas',
    'saic',
    'saog',
    'saoc',
    'sal',
  ],
  srl: ['srl', 's r l', 'sarl', 'sl', 'sprl', 'spa', 'sro', 's r o'],
  bv: ['bv', 'nv', 'b v', 'n v', 'besloten vennootschap', 'naamloze vennootschap'],
  llp: ['llp', 'lp', 'lllp', 'limited partnership'],
  fze: ['fze', 'fzco', 'fzc', 'fzo'],
  bhd: ['bhd', 'sdn bhd', 'berhad', 'sendirian berhad'],
  pt: ['pt', 'tbk'],
  kg: [
    'kg',
    'gmbh co kg',
    'kft',
    'doo',
    'd o o',
    'ood',
    'eood',
    'ab',
    'oy',
    'aps',
    'as',
    'aktiebolag',
    'osakeyhtio',
    'aksjeselskap',
    'aktieselskab',
    'anpartsselskab',
  ],
};

/** A GLEIF class with at most this many spellings names one kind of entity in one country or two. */
const NARROW_CLASS_SPELLINGS = 6;

/** Spellings (as normalised words) to their class, and the longest match at a position of a word list. */
export class LegalFormTable {
  private readonly classes = new Map<string, string>();
  private readonly byClass = new Map<string, string[]>();
  /** Per first word, the word counts of the spellings starting with it, longest first. */
  private readonly lengthsByFirst = new Map<string, number[]>();
  /** Long single-word curated spellings, recognised despite a typo ("LIMTIED"). */
  readonly longWords: ReadonlyArray<readonly [string, string]>;
  /** Per word length, the long words within their typo budget of it, in `longWords` order. */
  private readonly longWordsByLength: (ReadonlyArray<readonly [string, string, number, number]> | undefined)[] = [];

  /** `toWords` is the normaliser's own reading of a company name, so spellings meet names exactly as normalised. */
  constructor(toWords: (raw: string) => string[]) {
    for (const [canonical, spellings] of Object.entries(CURATED_LEGAL_FORMS)) for (const spelling of spellings) this.add(toWords(spelling), canonical);
    for (const line of ELF_LEGAL_FORMS.split('\n')) {
      const [canonical, ...spellings] = line.split('\t');
      if (!canonical) continue;
      for (const spelling of spellings) this.add(toWords(spelling), canonical);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
    this.longWords = Object.entries(CURATED_LEGAL_FORMS).flatMap(([canonical, spellings]) =>
      spellings.filter((s) => !s.includes(' ') && s.length >= 7).map((s) => [s, canonical] as const),
    );
  }

  /**
   * The long words a word of `length` letters can be a typo of (their length within their
   * budget: 2 edits from 9 letters, else 1), in `longWords` order; worked out once per length,
   * so the typo check of every company word does not walk the whole list. The fourth item is the
   * word's `letterMask`.
   */
  longWordsNear(length: number): ReadonlyArray<readonly [string, string, number, number]> {
    let near = this.longWordsByLength[length];
    if (near === undefined) {
      near = this.longWords
        .map(([spelling, canonical]) => [spelling, canonical, spelling.length >= 9 ? 2 : 1, letterMask(spelling)] as const)
        .filter(([spelling, , budget]) => Math.abs(spelling.length - length) <= budget);
      this.longWordsByLength[length] = near;
    }
    return near;
  }

  private add(words: string[], canonical: string): void {
    const key = words.join(' ');
    if (!key || this.classes.has(key)) return;
    this.classes.set(key, canonical);
    this.byClass.set(canonical, [...(this.byClass.get(canonical) ?? []), key]);
    const lengths = this.lengthsByFirst.get(words[0]!) ?? [];
    if (!lengths.includes(words.length)) lengths.push(words.length);
    this.lengthsByFirst.set(words[0]!, lengths);
  }

  /** The class of a spelling ("llc", "gmbh", "elf2hbr"), or undefined. */
  classOf(spelling: string): string | undefined {
    return this.classes.get(spelling);
  }

  /** The longest legal form starting at `start`: its class and its word count. */
  longestAt(words: readonly string[], start: number): { canonical: string; length: number } | undefined {
    for (const length of this.lengthsByFirst.get(words[start]!) ?? []) {
      if (start + length > words.length) continue;
      const canonical = this.classes.get(words.slice(start, start + length).join(' '));
      if (canonical) return { canonical, length };
    }
    return undefined;
  }

  private readonly singleWords = new Map<string, readonly string[]>();

  /**
   * Words of at least five letters that stand for the class when written alone or misspelt:
   * its one-word spellings ("limited", "association"), and, for a narrow class of GLEIF's list
   * (a few spellings, such as "Investment Company" or "Commercial Bank"), the words of its
   * spellings, which are ordinary words a name keeps when its legal form is dropped. The broad
   * classes' multi-word spellings are left out: "Sociedad de Capital Variable" must not make
   * "Capital" an SA.
   */
  legalWords(canonical: string): readonly string[] {
    let words = this.singleWords.get(canonical);
    if (!words) {
      const spellings = this.spellings(canonical);
      const isNarrow = !(canonical in CURATED_LEGAL_FORMS) && spellings.length <= NARROW_CLASS_SPELLINGS;
      const candidates = isNarrow ? spellings.flatMap((s) => s.split(' ')) : spellings.filter((s) => !s.includes(' '));
      words = [...new Set(candidates.filter((w) => w.length >= 5))];
      this.singleWords.set(canonical, words);
    }
    return words;
  }

  /** Every spelling of a class, as normalised words joined by spaces. */
  spellings(canonical: string): readonly string[] {
    return this.byClass.get(canonical) ?? [];
  }
}

/**
 * The letters a to z a word holds, one bit each (other characters leave no bit). A letter of one
 * word that the other lacks costs an edit wherever it stands (substituted or deleted; a
 * transposition moves letters both words hold), so the bits of `mask(a) & ~mask(b)` are at most
 * the edit distance of a to b: a cheap test before the full distance.
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 0x61;
    if (letter >= 0 && letter < 26) mask |= 1 << letter;
  }
  return mask;
}

/** Set bits of a 32-bit mask. */
export function bitCount(mask: number): number {
  let n = mask - ((mask >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
