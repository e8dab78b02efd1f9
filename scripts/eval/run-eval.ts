import { join } from 'node:path';
import { buildIndex, parseList, type Entity } from '../../src/screening/engine.js';
import { companyNegatives } from './company-negatives.js';
import { negatives, originalScriptPositives, providedTreatedPositives, treatedPositives, type CaseSizes, type EvalCase } from './cases.js';
import { openKybEngine, watchmanEngine, type Engine } from './engines.js';
import { thresholdAtAlertRate, type Outcome } from './metrics.js';
import { sample, seededRandom } from './prng.js';
import { REGRESSION_CASES, REGRESSION_ENTITIES } from './regression-cases.js';

/** Treatments that query a listed name exactly as listed: shown, never part of a headline. */
export const VERBATIM_TREATMENTS: ReadonlySet<string> = new Set(['as listed', 'provided set, unchanged', 'original script']);

export type KindThresholds = Record<EvalCase['kind'], number>;

/** The threshold at which `rate` of each kind's negatives alert: persons on clean persons, companies on clean companies. */
export function thresholdsAtAlertRate(negatives: readonly Scored[], rate: number): KindThresholds {
  const of = (kind: EvalCase['kind']) =>
    thresholdAtAlertRate(
      negatives.filter((s) => s.evalCase.kind === kind).map((s) => s.outcome.score),
      rate,
    );
  return { person: of('person'), organisation: of('organisation') };
}

/** Share of positives whose target alerts at the threshold of their kind. */
export function recallAtKind(positives: readonly Scored[], thresholds: KindThresholds): number {
  if (positives.length === 0) return NaN;
  return positives.filter((s) => s.outcome.score >= thresholds[s.evalCase.kind]).length / positives.length;
}

/** The headline's positives: Latin-script treated names of our own treatments (not verbatim, not the provided set). */
export function isHeadlineCase(evalCase: EvalCase): boolean {
  return evalCase.script === 'Latn' && !VERBATIM_TREATMENTS.has(evalCase.treatment) && !evalCase.treatment.startsWith('provided');
}

export const ALERT_RATES = [0.005, 0.01, 0.02] as const;

export interface EvalOptions {
  dataDir: string;
  seed: number;
  sizes: CaseSizes;
  negativesFile: 'negatives_global_50k.csv' | 'negatives_global_1k.csv';
  /** Clean company names generated as negatives: company thresholds are set on these, person thresholds on persons. */
  companyNegatives: number;
  /** Cases scored by both engines (the Watchman re-implementation is brute force, so a sample). */
  sideBySide: { positives: number; negatives: number } | null;
}

export interface Scored {
  evalCase: EvalCase;
  outcome: Outcome;
}

export interface EngineRun {
  engine: string;
  positives: Scored[];
  negatives: Scored[];
}

export interface EvalResult {
  entityCount: number;
  buildMs: number;
  unresolvedProvided: number;
  ours: EngineRun;
  oursWithQualifiers: Scored[];
  extraNegatives: Record<string, Scored[]>;
  sideBySide: EngineRun[];
  regressions: { note: string; passed: boolean; detail: string }[];
  thresholds: ({ rate: number } & KindThresholds)[];
}

export async function loadEntities(dataDir: string): Promise<Entity[]> {
  const lists = await Promise.all([
    parseList('ofac-sdn', { path: join(dataDir, 'ofac-sdn') }),
    parseList('ofac-nonsdn', { path: join(dataDir, 'ofac-nonsdn') }),
    parseList('un', { path: join(dataDir, 'un/consolidated.xml') }),
  ]);
  return [...lists.flatMap((l) => l.entities), ...REGRESSION_ENTITIES];
}

export async function evaluate(options: EvalOptions): Promise<EvalResult> {
  const entities = await loadEntities(options.dataDir);
  const started = performance.now();
  const index = buildIndex(entities);
  const buildMs = performance.now() - started;
  const provided = providedTreatedPositives(options.dataDir, entities);
  const positives = [...treatedPositives(entities, options.sizes, options.seed), ...originalScriptPositives(entities), ...provided.cases];
  const personNegatives = negatives(options.dataDir, options.negativesFile, 'synthetic person');
  const companyCases = companyNegatives(options.dataDir, options.companyNegatives, options.seed + 2);
  const negativeCases = [...personNegatives, ...companyCases];
  const ours = openKybEngine(index);
  const run = (engine: Engine, pos: EvalCase[], neg: EvalCase[], useQualifiers = false): EngineRun => ({
    engine: engine.name,
    positives: pos.map((evalCase) => ({ evalCase, outcome: engine.run(evalCase, useQualifiers) })),
    negatives: neg.map((evalCase) => ({ evalCase, outcome: engine.run(evalCase, useQualifiers) })),
  });
  const oursRun = run(ours, positives, negativeCases);
  // Original-script names are indexed, so the row above finds them verbatim; this
  // one removes them from the index to measure transliteration across scripts.
  const latinOnly = openKybEngine(buildIndex(entities.map((e) => ({ ...e, names: e.names.filter((n) => n.kind !== 'original-script') }))));
  oursRun.positives.push(
    ...originalScriptPositives(entities).map((evalCase) => {
      const crossCase = { ...evalCase, treatment: 'original script, cross-script' };
      return { evalCase: crossCase, outcome: latinOnly.run(crossCase, false) };
    }),
  );
  const qualified = provided.cases.map((evalCase) => ({ evalCase, outcome: ours.run(evalCase, true) }));
  const extraNegatives: Record<string, Scored[]> = {};
  for (const [label, file] of [
    ['US synthetic persons (1k)', 'negatives_us_1k.csv'],
    ['US Congress members (PEPs, not sanctioned)', 'positives_us_congress_untreated.csv'],
  ] as const) {
    extraNegatives[label] = negatives(options.dataDir, file, label).map((evalCase) => ({ evalCase, outcome: ours.run(evalCase, false) }));
  }
  const sideBySide: EngineRun[] = [];
  if (options.sideBySide) {
    const random = seededRandom(options.seed + 1);
    const pos = sample(random, positives, options.sideBySide.positives);
    // Half persons, half companies: each kind's threshold needs its own negatives.
    const half = Math.floor(options.sideBySide.negatives / 2);
    const neg = [...sample(random, personNegatives, half), ...sample(random, companyCases, half)];
    sideBySide.push(run(ours, pos, neg), run(watchmanEngine(entities), pos, neg));
  }
  const regressions = REGRESSION_CASES.map((c) => {
    const hit = index.search({ name: c.query, kind: c.kind }, { threshold: 0, limit: 50 }).find((h) => h.entityId === c.listedId);
    const alerted = hit?.isAlert ?? false;
    return { note: c.note, passed: alerted === c.shouldAlert, detail: hit ? `score ${hit.score.toFixed(3)}` : 'not a candidate' };
  });
  return {
    entityCount: entities.length,
    buildMs,
    unresolvedProvided: provided.unresolved,
    ours: oursRun,
    oursWithQualifiers: qualified,
    extraNegatives,
    sideBySide,
    regressions,
    thresholds: ALERT_RATES.map((rate) => ({ rate, ...thresholdsAtAlertRate(oursRun.negatives, rate) })),
  };
}
