import { beforeAll, describe, expect, it } from 'vitest';
import { readEvalCsv } from '../../scripts/eval/cases.js';
import { loadEntities } from '../../scripts/eval/run-eval.js';
import { boundedEditDistance } from '../../src/screening/match/edit-distance.js';
import { bitCount, letterMask } from '../../src/screening/normalize/legal-forms.js';
import { asciiWords, asciiWordsByPatterns, legalFormTable, spellingsByScript, spellingsOf } from '../../src/screening/normalize/normalize-name.js';
import { screeningDataDir } from './data-dir.js';

/**
 * The index build reads most names through shortcuts (an ASCII name skips NFKC, script detection
 * and any-ascii; its words come from one pass over its characters; a typo check skips legal-form
 * words by their letters). Each must give exactly what the general path gives, on every real name
 * the tests hold: the listed names, the eval sets' treated (noisy) queries and the 50,000 synthetic
 * names in many scripts.
 */
let names: string[];
beforeAll(async () => {
  const dir = screeningDataDir();
  const listed = (await loadEntities(dir)).flatMap((e) => e.names.map((n) => n.full));
  const rows = ['positives_un_treated.csv', 'positives_un_untreated.csv', 'negatives_global_50k.csv', 'negatives_us_1k.csv'].flatMap((file) =>
    readEvalCsv(dir, file).map((row) => (row as unknown as { full_name: string }).full_name),
  );
  names = [...new Set([...listed, ...rows, ...HAND_MADE])];
}, 120_000);

const HAND_MADE = [
  '',
  '   ',
  '---',
  "O'Brien",
  "a ' b",
  '`x` y',
  "x''y",
  "'lead",
  "trail'",
  'J.R. Smith',
  'U.M.V. S.A.',
  'GADS.A.',
  'A.B',
  '.a.b.',
  'Acme Trading L.L.C.',
  'AB12-CD34 / EF',
  'Tab\there',
  'Ivan  Petrov.',
  'K\u212Aelvin', // the Kelvin sign lower-cases to an ASCII k
  'İstanbul Ltd',
  'Ｆｕｌｌ ｗｉｄｔｈ',
  'O’Neil ‘Umayr',
];

describe('the ASCII shortcuts give what the general path gives', () => {
  it('spellingsOf equals spellingsByScript, for companies and people', () => {
    expect(names.length).toBeGreaterThan(50_000);
    for (const name of names) {
      for (const joins of [true, false]) expect(spellingsOf(name, joins), `${name} (${joins})`).toEqual(spellingsByScript(name, joins));
    }
  }, 120_000);

  it('asciiWords equals asciiWordsByPatterns, on names and on their transliterated spellings', () => {
    for (const name of names) {
      const spellings = [name, ...spellingsByScript(name, false).spellings.map((words) => words.join(' '))];
      for (const spelling of spellings) {
        for (const joins of [true, false]) expect(asciiWords(spelling, joins), `${spelling} (${joins})`).toEqual(asciiWordsByPatterns(spelling, joins));
      }
    }
  }, 120_000);
});

describe('the letter test of legal-form typos', () => {
  it('never skips a long legal-form word within its typo budget of a word', () => {
    const table = legalFormTable();
    const words = new Set(names.flatMap((name) => spellingsOf(name, true).spellings.flat()).filter((w) => w.length >= 6));
    // Typos of the long words themselves: the words the check exists for.
    for (const [spelling] of table.longWords) {
      for (let i = 0; i < spelling.length; i++) {
        words.add(spelling.slice(0, i) + spelling.slice(i + 1));
        words.add(spelling.slice(0, i) + 'x' + spelling.slice(i + 1));
        if (i > 0) words.add(spelling.slice(0, i - 1) + spelling[i] + spelling[i - 1] + spelling.slice(i + 1));
      }
    }
    let withinBudget = 0;
    for (const word of words) {
      for (const [spelling, , budget, letters] of table.longWordsNear(word.length)) {
        if (boundedEditDistance(word, spelling, budget) > budget) continue;
        withinBudget++;
        expect(bitCount(letterMask(word) & ~letters), `${word} / ${spelling}`).toBeLessThanOrEqual(budget);
      }
    }
    expect(withinBudget).toBeGreaterThan(100);
  }, 120_000);

  it('counts bits', () => {
    expect([0, 1, 0b1011, 0x3ffffff, letterMask('abcz')].map(bitCount)).toEqual([0, 1, 3, 26, 4]);
  });
});
