import { PRODUCTION_THRESHOLD } from '../src/screening/engine.js';
import { screeningDataDir } from '../test/screening/data-dir.js';
import { alertsPerThousand, percent, recallAt, recallAtRank, thresholdAtAlertRate, type Outcome } from './eval/metrics.js';
import { evaluateCrossScript, printCrossScript } from './eval/cross-script.js';
import { ALERT_RATES, evaluate, loadEntities, type EngineRun, type Scored } from './eval/run-eval.js';

/**
 * `npm run eval:screening`: recall of listed names under realistic treatments,
 * at fixed alert rates on non-listed persons, for OpenKYB's engine and for a
 * re-implementation of Watchman's scoring on the same queries.
 * `--quick` runs a small version (about the size CI uses).
 */
const quick = process.argv.includes('--quick');
const result = await evaluate({
  dataDir: screeningDataDir(),
  seed: 20260226,
  sizes: quick ? { persons: 150, organisations: 80 } : { persons: 700, organisations: 350 },
  negativesFile: quick ? 'negatives_global_1k.csv' : 'negatives_global_50k.csv',
  sideBySide: quick ? { positives: 400, negatives: 1000 } : { positives: 2500, negatives: 5000 },
});

const outcomes = (scored: Scored[]) => scored.map((s) => s.outcome);
const crossScript = result.ours.positives.filter((s) => s.evalCase.treatment === 'original script, cross-script');
result.ours.positives = result.ours.positives.filter((s) => !crossScript.includes(s));
const negScores = outcomes(result.ours.negatives).map((o) => o.score);
const latin = result.ours.positives.filter((s) => s.evalCase.script === 'Latn' && !s.evalCase.treatment.startsWith('provided'));

console.log(`OpenKYB screening evaluation${quick ? ' (quick)' : ''}`);
console.log(`index: ${result.entityCount} entities (OFAC SDN, OFAC non-SDN, UN, 2 regression stand-ins), built in ${result.buildMs.toFixed(0)} ms`);
console.log(
  `positives: ${result.ours.positives.length} (${latin.length} Latin-script treatments); negatives: ${negScores.length} synthetic persons; provided UN rows without a resolvable target: ${result.unresolvedProvided}`,
);
console.log('\n== OpenKYB, all positives (the cross-script row below excepted) ==');
console.log('alert rate  threshold  recall (all)  recall (Latin treatments)');
for (const rate of ALERT_RATES) {
  const t = thresholdAtAlertRate(negScores, rate);
  console.log(
    `${percent(rate)}      ${t.toFixed(3)}     ${percent(recallAt(outcomes(result.ours.positives), t))}        ${percent(recallAt(outcomes(latin), t))}`,
  );
}
console.log(
  `production threshold ${PRODUCTION_THRESHOLD}: recall ${percent(recallAt(outcomes(result.ours.positives), PRODUCTION_THRESHOLD))} (Latin ${percent(recallAt(outcomes(latin), PRODUCTION_THRESHOLD))}), alerts per 1,000 negatives ${alertsPerThousand(negScores, PRODUCTION_THRESHOLD).toFixed(1)}`,
);
console.log(`recall@1 ${percent(recallAtRank(outcomes(result.ours.positives), 1))}, recall@10 ${percent(recallAtRank(outcomes(result.ours.positives), 10))}`);
const qualified = outcomes(result.oursWithQualifiers);
console.log(
  `provided UN set with date of birth and nationality as qualifiers: recall at production threshold ${percent(recallAt(qualified, PRODUCTION_THRESHOLD))} (name only ${percent(recallAt(outcomes(result.ours.positives.filter((s) => s.evalCase.treatment.startsWith('provided'))), PRODUCTION_THRESHOLD))})`,
);

const t1 = thresholdAtAlertRate(negScores, 0.01);
breakdown('treatment', (s) => s.evalCase.treatment, [...result.ours.positives, ...crossScript], t1);
breakdown('script', (s) => s.evalCase.script + (crossScript.includes(s) ? ' (cross-script)' : ''), [...result.ours.positives, ...crossScript], t1);
console.log('\n== negatives: alerts per 1,000 at the production threshold, by script ==');
const byScript = group(result.ours.negatives, (s) => s.evalCase.script);
for (const [script, scored] of byScript)
  console.log(
    `${script.padEnd(6)} n=${String(scored.length).padStart(6)}  ${alertsPerThousand(
      outcomes(scored).map((o) => o.score),
      PRODUCTION_THRESHOLD,
    ).toFixed(1)}`,
  );
for (const [label, scored] of Object.entries(result.extraNegatives)) {
  console.log(
    `${label}: n=${scored.length}, alerts per 1,000 at production threshold ${alertsPerThousand(
      outcomes(scored).map((o) => o.score),
      PRODUCTION_THRESHOLD,
    ).toFixed(1)}`,
  );
}

if (result.sideBySide.length) {
  const [oursRun, watchman] = result.sideBySide as [EngineRun, EngineRun];
  console.log(`\n== side by side on the same ${oursRun.positives.length} positives and ${oursRun.negatives.length} negatives ==`);
  console.log('engine                          recall@0.5%  recall@1%  recall@2%  recall@1  recall@10');
  for (const r of [oursRun, watchman]) {
    const neg = outcomes(r.negatives).map((o) => o.score);
    const cells = ALERT_RATES.map((rate) => percent(recallAt(outcomes(r.positives), thresholdAtAlertRate(neg, rate))));
    console.log(
      `${r.engine.padEnd(31)} ${cells.join('     ')}   ${percent(recallAtRank(outcomes(r.positives), 1))}   ${percent(recallAtRank(outcomes(r.positives), 10))}`,
    );
  }
  const wNeg = outcomes(watchman.negatives).map((o) => o.score);
  console.log(
    `Watchman at a fixed score of 0.85 (a reference point, not a documented default): alerts per 1,000 negatives ${alertsPerThousand(wNeg, 0.85).toFixed(1)}, recall ${percent(recallAt(outcomes(watchman.positives), 0.85))}`,
  );
  breakdownPair(oursRun, watchman);
}

printCrossScript(
  evaluateCrossScript(screeningDataDir(), await loadEntities(screeningDataDir()), quick ? 'negatives_global_1k.csv' : 'negatives_global_50k.csv', 20260226),
);

console.log('\n== Watchman issue regressions ==');
for (const r of result.regressions) console.log(`${r.passed ? 'PASS' : 'FAIL'}  ${r.note} (${r.detail})`);

function group(scored: Scored[], key: (s: Scored) => string): Map<string, Scored[]> {
  const map = new Map<string, Scored[]>();
  for (const s of scored) map.set(key(s), [...(map.get(key(s)) ?? []), s]);
  return new Map([...map].sort((a, b) => b[1].length - a[1].length));
}

function breakdown(label: string, key: (s: Scored) => string, scored: Scored[], threshold: number): void {
  console.log(`\n== recall by ${label} (at 1 % alert rate, threshold ${threshold.toFixed(3)}; and at production threshold) ==`);
  const rows = [...group(scored, key)].map(([name, s]) => ({
    name,
    n: s.length,
    at1: recallAt(outcomes(s), threshold),
    prod: recallAt(outcomes(s), PRODUCTION_THRESHOLD),
    r1: recallAtRank(outcomes(s), 1),
  }));
  rows.sort((a, b) => a.at1 - b.at1);
  for (const r of rows) console.log(`${r.name.padEnd(26)} n=${String(r.n).padStart(5)}  ${percent(r.at1)}  ${percent(r.prod)}  recall@1 ${percent(r.r1)}`);
}

function breakdownPair(a: EngineRun, b: EngineRun): void {
  const ta = thresholdAtAlertRate(
    outcomes(a.negatives).map((o) => o.score),
    0.01,
  );
  const tb = thresholdAtAlertRate(
    outcomes(b.negatives).map((o) => o.score),
    0.01,
  );
  console.log('\nby treatment at 1 % alert rate   OpenKYB   Watchman');
  const ga = group(a.positives, (s) => s.evalCase.treatment);
  const gb = group(b.positives, (s) => s.evalCase.treatment);
  for (const [name, s] of ga) {
    const other: Outcome[] = outcomes(gb.get(name) ?? []);
    console.log(`${name.padEnd(30)} ${percent(recallAt(outcomes(s), ta))}   ${percent(recallAt(other, tb))}`);
  }
}
