import { buildIndex, PRODUCTION_THRESHOLD, type Entity } from '../../src/screening/engine.js';
import { detectScript } from '../../src/screening/normalize/scripts.js';
import { negatives, type EvalCase } from './cases.js';
import { openKybEngine } from './engines.js';
import { percent, recallAt, thresholdAtAlertRate } from './metrics.js';
import { sample, seededRandom } from './prng.js';
import { toCyrillic, toDevanagari, toGreek, toHan, toHangul, toHebrew, toKatakana, toPersian } from './reverse-transliteration.js';

/**
 * Cross-script recall: queries written in another script against an index that
 * holds Latin names only (every original-script name removed), at the 1 %
 * alert rate measured on the same index. Two kinds of queries: the native
 * spellings the UN list gives as original-script names (real Arabic and
 * Cyrillic), and listed persons written back in the script of their country
 * (reverse-transliteration.ts). Printed per script and kind.
 */

/** Which script a listed person's country writes names in, for the reverse-transliterated queries. */
// Chinese, Korean and Japanese write the family name first, as the lists' "LAST, First" does.
const SCRIPT_BY_COUNTRY: ReadonlyArray<readonly [script: string, countries: readonly string[], write: (name: string) => string, isFamilyFirst: boolean]> = [
  ['Cyrl', ['RU', 'BY', 'UA', 'KZ', 'KG', 'TJ'], toCyrillic, false],
  ['Arab (Persian)', ['IR', 'AF'], toPersian, false],
  ['Hang', ['KP', 'KR'], toHangul, true],
  ['Hani', ['CN', 'HK', 'TW'], toHan, true],
  ['Jpan', ['JP'], toKatakana, true],
  ['Grek', ['GR', 'CY'], toGreek, false],
  ['Hebr', ['IL'], toHebrew, false],
  ['Deva', ['IN', 'NP'], toDevanagari, false],
];

const PER_SCRIPT = 300;

export interface CrossScriptRow {
  script: string;
  kind: 'native list spelling' | 'reverse transliteration';
  n: number;
  recallAt1: number;
  recallAtProduction: number;
}

export interface CrossScriptResult {
  threshold: number;
  rows: CrossScriptRow[];
}

export function crossScriptCases(entities: readonly Entity[], seed: number): EvalCase[] {
  const native: EvalCase[] = entities.flatMap((e) =>
    e.names
      .filter((n) => n.kind === 'original-script' && detectScript(n.full) !== 'Latn')
      .map((n) => ({
        query: n.full,
        kind: e.kind === 'person' ? ('person' as const) : ('organisation' as const),
        targetId: e.id,
        treatment: 'native list spelling',
        script: detectScript(n.full),
      })),
  );
  const random = seededRandom(seed);
  const reverse: EvalCase[] = [];
  for (const [script, countries, write, isFamilyFirst] of SCRIPT_BY_COUNTRY) {
    const eligible = entities.filter(
      (e) => e.kind === 'person' && e.source === 'ofac-sdn' && e.countries.some((c) => countries.includes(c)) && e.names[0]!.script === 'Latn',
    );
    for (const entity of sample(random, eligible, PER_SCRIPT)) {
      const full = entity.names[0]!.full;
      const query = write(isFamilyFirst ? full.replace(', ', ' ') : naturalOrder(full));
      if (detectScript(query) === 'Latn' || query.trim() === '') continue;
      reverse.push({ query, kind: 'person', targetId: entity.id, treatment: 'reverse transliteration', script });
    }
  }
  return [...native, ...reverse];
}

/**
 * Scores the cross-script cases and the negatives on a Latin-only index: the
 * threshold is the one at which 1 % of the negatives (synthetic persons of many
 * scripts) alert on that same index.
 */
export function evaluateCrossScript(dataDir: string, entities: readonly Entity[], negativesFile: string, seed: number): CrossScriptResult {
  const latinOnly = entities.map((e) => ({ ...e, names: e.names.filter((n) => n.kind !== 'original-script' && detectScript(n.full) === 'Latn') }));
  const engine = openKybEngine(buildIndex(latinOnly.filter((e) => e.names.length > 0)));
  const negativeScores = negatives(dataDir, negativesFile, 'synthetic person').map((c) => engine.run(c, false).score);
  const threshold = thresholdAtAlertRate(negativeScores, 0.01);
  const groups = new Map<string, { script: string; kind: CrossScriptRow['kind']; scores: { score: number; rank: number | null }[] }>();
  for (const evalCase of crossScriptCases(entities, seed)) {
    const key = `${evalCase.script}|${evalCase.treatment}`;
    const group = groups.get(key) ?? { script: evalCase.script, kind: evalCase.treatment as CrossScriptRow['kind'], scores: [] };
    group.scores.push(engine.run(evalCase, false));
    groups.set(key, group);
  }
  const rows = [...groups.values()].map((g) => ({
    script: g.script,
    kind: g.kind,
    n: g.scores.length,
    recallAt1: recallAt(g.scores, threshold),
    recallAtProduction: recallAt(g.scores, PRODUCTION_THRESHOLD),
  }));
  return { threshold, rows: rows.sort((a, b) => a.kind.localeCompare(b.kind) || b.n - a.n) };
}

export function printCrossScript(result: CrossScriptResult): void {
  console.log(`\n== cross-script: non-Latin queries against Latin-only entries (1 % alert rate on this index: threshold ${result.threshold.toFixed(3)}) ==`);
  console.log('script          queries                    n   recall@1%  recall@production');
  for (const r of result.rows) {
    console.log(`${r.script.padEnd(15)} ${r.kind.padEnd(24)} ${String(r.n).padStart(5)}   ${percent(r.recallAt1)}     ${percent(r.recallAtProduction)}`);
  }
}

function naturalOrder(full: string): string {
  const comma = full.indexOf(', ');
  return comma > 0 ? `${full.slice(comma + 2)} ${full.slice(0, comma)}` : full;
}
