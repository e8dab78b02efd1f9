import { describe, expect, it } from 'vitest';
import { PRODUCTION_THRESHOLD } from '../../src/screening/engine.js';
import { alertsPerThousand, recallAt, recallAtRank } from '../../scripts/eval/metrics.js';
import { evaluate, isHeadlineCase, recallAtKind, thresholdsAtAlertRate, type EvalResult } from '../../scripts/eval/run-eval.js';
import { screeningDataDir } from './data-dir.js';

/**
 * The small evaluation CI runs (the full one is `npm run eval:screening`). Bounds
 * sit a little below the figures measured when they were set, so a change that
 * costs recall or raises the alert rate fails here instead of reaching a
 * customer. Tighten them when the engine improves; never loosen them quietly.
 */
const BOUNDS = {
  /**
   * 99.7 % measured (28 November 2026) once misspelt, split and narrow legal forms and glued acronyms were read; was 0.99.
   * 99.78 % once a company name's glued letters were cut off again (sixth session): 0.997, just under.
   */
  headlineRecallAt1PercentAlertRate: 0.997,
  allRecallAtProductionThreshold: 0.97,
  recallAt10: 0.99,
  alertsPerThousandAtProductionThreshold: 8,
  /** Generated clean companies share trade words ("Trading", "Logistics") with listed ones: 8.0 measured when set. */
  companyAlertsPerThousandAtProductionThreshold: 10,
};

let result: EvalResult;

describe('screening evaluation (quick)', () => {
  it('runs the quick evaluation', async () => {
    result = await evaluate({
      dataDir: screeningDataDir(),
      seed: 20260226,
      sizes: { persons: 150, organisations: 80 },
      negativesFile: 'negatives_global_1k.csv',
      companyNegatives: 1000,
      sideBySide: null,
    });
    expect(result.ours.positives.length).toBeGreaterThan(2000);
  }, 120_000);

  it(`keeps headline recall (Latin treatments, verbatim excluded) at or above ${BOUNDS.headlineRecallAt1PercentAlertRate} at a 1 % alert rate per kind`, () => {
    const thresholds = thresholdsAtAlertRate(result.ours.negatives, 0.01);
    const headline = result.ours.positives.filter((s) => isHeadlineCase(s.evalCase));
    expect(headline.some((s) => s.evalCase.kind === 'organisation')).toBe(true);
    expect(recallAtKind(headline, thresholds)).toBeGreaterThanOrEqual(BOUNDS.headlineRecallAt1PercentAlertRate);
  });

  it(`keeps recall at the production threshold at or above ${BOUNDS.allRecallAtProductionThreshold}, and recall@10 at or above ${BOUNDS.recallAt10}`, () => {
    const outcomes = result.ours.positives.filter((s) => s.evalCase.treatment !== 'original script, cross-script').map((s) => s.outcome);
    expect(recallAt(outcomes, PRODUCTION_THRESHOLD)).toBeGreaterThanOrEqual(BOUNDS.allRecallAtProductionThreshold);
    expect(recallAtRank(outcomes, 10)).toBeGreaterThanOrEqual(BOUNDS.recallAt10);
  });

  it(`keeps alerts at the production threshold at or below ${BOUNDS.alertsPerThousandAtProductionThreshold} per 1,000 clean persons and ${BOUNDS.companyAlertsPerThousandAtProductionThreshold} per 1,000 clean companies`, () => {
    const persons = [...result.ours.negatives.filter((s) => s.evalCase.kind === 'person'), ...Object.values(result.extraNegatives).flat()];
    const companies = result.ours.negatives.filter((s) => s.evalCase.kind === 'organisation');
    expect(companies.length).toBeGreaterThan(500);
    const rate = (scored: typeof persons) =>
      alertsPerThousand(
        scored.map((s) => s.outcome.score),
        PRODUCTION_THRESHOLD,
      );
    expect(rate(persons)).toBeLessThanOrEqual(BOUNDS.alertsPerThousandAtProductionThreshold);
    expect(rate(companies)).toBeLessThanOrEqual(BOUNDS.companyAlertsPerThousandAtProductionThreshold);
  });

  it('passes every Watchman issue regression case', () => {
    expect(result.regressions.filter((r) => !r.passed)).toEqual([]);
  });
});
