import { describe, expect, it } from 'vitest';
import { evaluateCrossScript, type CrossScriptResult } from '../../scripts/eval/cross-script.js';
import { loadEntities } from '../../scripts/eval/run-eval.js';
import { screeningDataDir } from './data-dir.js';

/**
 * The cross-script evaluation CI runs (the full one is part of
 * `npm run eval:screening`): non-Latin queries against Latin-only entries at a
 * 1 % alert rate. Bounds sit a little below the figures measured when they
 * were set; tighten them as the transliteration improves, never loosen them quietly.
 */
// Arabic and Persian were set at 0.82 and 0.80 (83.9 % measured on the transliteration branch);
// merged with the Latin fixes (titles, initials, start-alike skeletons) they measured 81.4 % and
// 79.9 %; after the recall fixes of 28 November 2026 (titles as family names where no title
// stands, particles' typos, syllable splits) they measure 82.8 % and 81.0 %, so the bounds are
// back at 0.82 and 0.80. With ظ read "dh" beside the Persian "z" and the title السيد read as
// "sayyid" (issue 13, 28 November 2026) Arabic measures 83.6 %: its bound is 0.83, just under, so
// a change that gives the gain back fails. With sun letters, South Asian compounds, سيد as title
// and name, Arabic-script titles, the Urdu ہ and glued articles (sixth session) Arabic measures
// 86.6 % and Persian 83.3 %: bounds 0.86 and 0.83. With ق and ج read "g" on the skeleton, the
// consonants before ح/ه written together, عبد ال as "abdul" apart and words glued on either side
// met on their skeletons (eighth session) Arabic measures 89.6 %: bound 0.89. With organisation
// words the lists give in English tried translated and an organisation's own acronym not counted
// against it (ninth session) Arabic measures 91.5 %: bound 0.91.
const BOUNDS: ReadonlyArray<readonly [script: string, kind: string, recallAt1: number]> = [
  ['Arab', 'native list spelling', 0.91],
  ['Cyrl', 'native list spelling', 0.9],
  ['Cyrl', 'reverse transliteration', 0.95],
  ['Arab (Persian)', 'reverse transliteration', 0.83],
  ['Hang', 'reverse transliteration', 0.82],
  ['Hani', 'reverse transliteration', 0.9],
];

let result: CrossScriptResult;

describe('cross-script evaluation (quick)', () => {
  it('runs on a Latin-only index', async () => {
    const dataDir = screeningDataDir();
    result = evaluateCrossScript(dataDir, await loadEntities(dataDir), 'negatives_global_1k.csv', 20260226);
    expect(result.rows.length).toBeGreaterThanOrEqual(BOUNDS.length);
  }, 300_000);

  it.each(BOUNDS)('keeps %s (%s) recall at or above %d at a 1 %% alert rate', (script, kind, bound) => {
    const row = result.rows.find((r) => r.script === script && r.kind === kind);
    expect(row?.n ?? 0).toBeGreaterThan(0);
    expect(row!.recallAt1).toBeGreaterThanOrEqual(bound);
  });
});
