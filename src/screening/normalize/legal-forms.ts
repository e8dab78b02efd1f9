/**
 * Legal forms, grouped by what they mean rather than how they are spelled, so
 * "LLC", "Limited Liability Company" and the Russian "OOO" compare as equals.
 * They are tagged, never deleted: a legal form is weak evidence, but a name made
 * only of one ("CORP") must not match every corporation.
 */
const GROUPS: Record<string, string[]> = {
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
  ],
  ltd: ['ltd', 'limited', 'ltda', 'pte', 'pvt', 'pty', 'private limited'],
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
  bv: ['bv', 'nv', 'b v', 'n v'],
  llp: ['llp', 'lp', 'lllp', 'limited partnership'],
  fze: ['fze', 'fzco', 'fzc', 'fzo'],
  bhd: ['bhd', 'sdn bhd', 'berhad', 'sendirian berhad'],
  pt: ['pt', 'tbk'],
  kg: ['kg', 'gmbh co kg', 'kft', 'doo', 'd o o', 'ood', 'eood', 'ab', 'oy', 'aps', 'as'],
};

export const LEGAL_FORM_CLASSES: ReadonlyMap<string, string> = new Map(
  Object.entries(GROUPS).flatMap(([canonical, spellings]) => spellings.map((s) => [s, canonical] as const)),
);

export const MAX_LEGAL_FORM_WORDS = Math.max(...[...LEGAL_FORM_CLASSES.keys()].map((k) => k.split(' ').length));

/** The canonical class of the legal form spelled by `words`, or undefined. */
export function legalFormOf(words: readonly string[]): string | undefined {
  return LEGAL_FORM_CLASSES.get(words.join(' '));
}

/** Spellings of each legal form class, for the evaluation's legal-form variants. */
export function legalFormSpellings(canonical: string): readonly string[] {
  return GROUPS[canonical] ?? [];
}

/** Single-word spellings long enough to be recognised despite a typo. */
export const LONG_LEGAL_FORM_WORDS: ReadonlyArray<readonly [string, string]> = [...LEGAL_FORM_CLASSES].filter(
  ([spelling]) => !spelling.includes(' ') && spelling.length >= 7,
);
