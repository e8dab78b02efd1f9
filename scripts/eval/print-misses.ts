import { buildIndex, PRODUCTION_THRESHOLD, type Entity, type Hit, type ScreeningIndex } from '../../src/screening/engine.js';
import { detectScript } from '../../src/screening/normalize/scripts.js';
import { screeningDataDir } from '../../test/screening/data-dir.js';
import { treatedPositives, type EvalCase } from './cases.js';
import { crossScriptCases } from './cross-script.js';
import { evaluate, isHeadlineCase, loadEntities, thresholdsAtAlertRate, type Scored } from './run-eval.js';

/**
 * The evaluation's misses, to read while working on the engine, on a
 * development sample held out from the reported one: treated positives drawn
 * with another seed, minus every entity the reported seed samples, and for the
 * cross-script sets (UN native spellings; reverse transliterations, whose
 * small countries any seed samples whole) only the entities of the development
 * half (`isDevelopmentEntity`). Prints each headline miss at the 1 % alert rate
 * of its kind, each negative alerting at the production threshold, and each
 * cross-script miss, with what the engine found instead.
 *
 *   npx tsx scripts/eval/print-misses.ts [--seed=7] [--quick] [--only=latin|negatives|cross]
 */
export const REPORTED_SEED = 20260226;

/** Half the listed entities, by a hash of the id: the fixed case sets are read only on this half. */
export function isDevelopmentEntity(id: string): boolean {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return ((hash >>> 0) & 1) === 0;
}

const argument = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seed = Number(argument('seed') ?? 7);
const quick = process.argv.includes('--quick');
const only = argument('only');
if (seed === REPORTED_SEED) throw new Error('the reported seed is held out: pick another');

const dataDir = screeningDataDir();
const entities = await loadEntities(dataDir);
const byId = new Map(entities.map((e) => [e.id, e]));
const sizes = quick ? { persons: 150, organisations: 80 } : { persons: 700, organisations: 350 };
const reported = new Set(treatedPositives(entities, sizes, REPORTED_SEED).map((c) => c.targetId));
const index = buildIndex(entities);

const describe = (hit: Hit | undefined) =>
  hit ? `${hit.listedName} ${hit.score.toFixed(3)} [${hit.tokenPairs.map((p) => `${p.query}~${p.listed}:${p.kind}`).join(' ')}]` : '-';
const topOf = (idx: ScreeningIndex, c: EvalCase) => idx.search({ name: c.query, kind: c.kind }, { threshold: 0, alertThreshold: 0, limit: 10 });

if (!only || only === 'latin' || only === 'negatives') {
  const result = await evaluate({
    dataDir,
    seed,
    sizes,
    negativesFile: quick ? 'negatives_global_1k.csv' : 'negatives_global_50k.csv',
    companyNegatives: quick ? 1000 : 5000,
    sideBySide: null,
  });
  const t1 = thresholdsAtAlertRate(result.ours.negatives, 0.01);
  console.log(`thresholds at 1 %: persons ${t1.person.toFixed(3)}, companies ${t1.organisation.toFixed(3)}`);
  if (!only || only === 'latin') {
    const dev = result.ours.positives.filter((s) => isHeadlineCase(s.evalCase) && !reported.has(s.evalCase.targetId));
    const misses = dev.filter((s) => s.outcome.score < t1[s.evalCase.kind]);
    console.log(`\n== headline misses on the development sample: ${misses.length} of ${dev.length} ==`);
    for (const s of misses.sort((a, b) => a.evalCase.treatment.localeCompare(b.evalCase.treatment))) printMiss(index, s);
  }
  if (!only || only === 'negatives') {
    const alerts = result.ours.negatives.filter((s) => s.outcome.score >= PRODUCTION_THRESHOLD);
    console.log(`\n== negatives alerting at ${PRODUCTION_THRESHOLD}: ${alerts.length} of ${result.ours.negatives.length} ==`);
    for (const s of alerts) console.log(`${s.evalCase.kind.padEnd(12)} ${s.evalCase.query}  ->  ${describe(topOf(index, s.evalCase).find((h) => h.isAlert))}`);
  }
}

if (!only || only === 'cross') {
  const latinOnly = entities
    .map((e) => ({ ...e, names: e.names.filter((n) => n.kind !== 'original-script' && detectScript(n.full) === 'Latn') }))
    .filter((e) => e.names.length > 0);
  const latinIndex = buildIndex(latinOnly);
  // Small countries' eligible persons are all sampled by any seed: the hash split holds out half.
  const cases = crossScriptCases(entities, REPORTED_SEED).filter((c) => isDevelopmentEntity(c.targetId!));
  // The same 1 % threshold the cross-script evaluation sets, read from its printout; 0.8 if not given.
  const threshold = Number(argument('cross-threshold') ?? PRODUCTION_THRESHOLD);
  const misses = cases.filter((c) => {
    const hit = topOf(latinIndex, c).find((h) => h.entityId === c.targetId);
    return !hit?.isAlert || hit.score < threshold;
  });
  console.log(`\n== cross-script misses at ${threshold} on the development half: ${misses.length} of ${cases.length} ==`);
  for (const c of misses.sort((a, b) => a.script.localeCompare(b.script))) printMiss(latinIndex, { evalCase: c, outcome: { score: 0, rank: null } });
}

function printMiss(idx: ScreeningIndex, s: Scored): void {
  const c = s.evalCase;
  const hits = topOf(idx, c);
  const target = hits.find((h) => h.entityId === c.targetId);
  const entity = byId.get(c.targetId!) as Entity;
  console.log(`${c.kind.slice(0, 3)} ${c.treatment.padEnd(22)} ${c.script} ${JSON.stringify(c.query)}`);
  console.log(`    listed ${JSON.stringify(entity.names[0]!.full)}; target ${describe(target)}`);
  if (hits[0] && hits[0].entityId !== c.targetId) console.log(`    top    ${describe(hits[0])}`);
}
