/**
 * How people write the same legal form, for the evaluation's legal-form
 * treatment. Written independently of the engine's tables on purpose: a
 * treatment drawn from the engine's own list would only test that the list
 * agrees with itself. Each group is one form: abbreviations with and without
 * dots, the full name in the local language (umlauts spelled out as often as
 * not), and the English rendering lists use for foreign companies.
 */
export const LEGAL_FORM_GROUPS: readonly (readonly string[])[] = [
  ['LLC', 'L.L.C.', 'Limited Liability Company', 'OOO', "Obshchestvo s Ogranichennoy Otvetstvennost'yu"],
  ['Ltd', 'Ltd.', 'Limited'],
  ['Co', 'Co.', 'Company'],
  ['Co., Ltd.', 'Co Ltd', 'Company Limited'],
  ['Corp', 'Corp.', 'Corporation'],
  ['Inc', 'Inc.', 'Incorporated'],
  ['S.A.', 'SA', 'Sociedad Anonima', 'Société Anonyme'],
  ['S.A. de C.V.', 'SA de CV', 'Sociedad Anonima de Capital Variable'],
  ['S. de R.L. de C.V.', 'S de RL de CV', 'Sociedad de Responsabilidad Limitada de Capital Variable'],
  ['GmbH', 'G.m.b.H.', 'Gesellschaft mit beschraenkter Haftung', 'Gesellschaft mit beschränkter Haftung'],
  ['GmbH & Co. KG', 'GmbH and Co KG', 'GmbH & Co KG'],
  ['JSC', 'Joint Stock Company', 'Joint-Stock Company', 'AO', 'Aktsionernoye Obshchestvo'],
  ['OJSC', 'Open Joint Stock Company', 'OAO'],
  ['CJSC', 'Closed Joint Stock Company', 'ZAO'],
  ['PJSC', 'Public Joint Stock Company', 'PAO'],
  ['AG', 'Aktiengesellschaft'],
  ['PLC', 'P.L.C.', 'Public Limited Company'],
  ['S.R.L.', 'SRL', 'Sociedad de Responsabilidad Limitada', 'Società a responsabilità limitata'],
  ['SARL', 'S.A.R.L.', 'Société à responsabilité limitée', 'Societe a Responsabilite Limitee'],
  ['S.p.A.', 'SpA', 'Società per azioni'],
  ['B.V.', 'BV', 'Besloten Vennootschap'],
  ['N.V.', 'NV', 'Naamloze Vennootschap'],
  ['Sdn Bhd', 'Sdn. Bhd.', 'Sendirian Berhad'],
  ['Pvt Ltd', 'Pvt. Ltd.', 'Private Limited'],
  ['LLP', 'L.L.P.', 'Limited Liability Partnership'],
  ['Sp. z o.o.', 'Sp z oo', 'Spolka z ograniczona odpowiedzialnoscia'],
  ['FZE', 'F.Z.E.'],
  ['FZCO', 'FZ Co', 'F.Z.C.O.'],
  ['FZ-LLC', 'FZ LLC', 'F.Z. L.L.C.'],
  ['LTDA', 'Ltda.', 'Limitada'],
  ['S.A.S.', 'SAS', 'Sociedad por Acciones Simplificada', 'Société par actions simplifiée'],
  ['A.S.', 'AS', 'Anonim Sirketi', 'Aksjeselskap'],
  ['D.O.O.', 'DOO', 'Drustvo s ogranicenom odgovornoscu'],
  ['EOOD', 'E.O.O.D.'],
  ['PT', 'P.T.', 'Perseroan Terbatas'],
];

/** Words of a spelling as compared: lower case, without dots, commas or "&". */
export function simplify(spelling: string): string[] {
  return spelling
    .toLowerCase()
    .replace(/[.,&]/g, ' ')
    .replace(/\band\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const BY_SPELLING = new Map<string, readonly string[]>();
for (const group of LEGAL_FORM_GROUPS) for (const spelling of group) BY_SPELLING.set(simplify(spelling).join(' '), group);
const MAX_WORDS = Math.max(...[...BY_SPELLING.keys()].map((k) => k.split(' ').length));

/** The longest legal form ending a listed name's words: where it starts and its group, or null. */
export function trailingLegalForm(words: readonly string[]): { start: number; group: readonly string[]; spelling: string } | null {
  const simple = words.map((w) => simplify(w));
  for (let length = Math.min(MAX_WORDS, words.length - 1); length >= 1; length--) {
    const start = words.length - length;
    const key = simple.slice(start).flat().join(' ');
    const group = BY_SPELLING.get(key);
    if (group) return { start, group, spelling: key };
  }
  return null;
}
