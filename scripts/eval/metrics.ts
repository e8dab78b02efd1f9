/** A case's outcome under one engine: the alert-capable score of the target (positives) or of the best entity (negatives). */
export interface Outcome {
  score: number;
  /** 1-based rank of the target among all hits, or null if absent from the top 10. */
  rank: number | null;
}

/** The lowest threshold at which at most `rate` of the negatives alert. */
export function thresholdAtAlertRate(negativeScores: readonly number[], rate: number): number {
  const sorted = [...negativeScores].sort((a, b) => b - a);
  const allowed = Math.floor(rate * sorted.length);
  const boundary = sorted[allowed];
  if (boundary === undefined) return 0;
  return boundary + 1e-9;
}

export function recallAt(outcomes: readonly Outcome[], threshold: number): number {
  if (outcomes.length === 0) return NaN;
  return outcomes.filter((o) => o.score >= threshold).length / outcomes.length;
}

export function recallAtRank(outcomes: readonly Outcome[], k: number): number {
  if (outcomes.length === 0) return NaN;
  return outcomes.filter((o) => o.rank !== null && o.rank <= k).length / outcomes.length;
}

export function alertsPerThousand(negativeScores: readonly number[], threshold: number): number {
  return (1000 * negativeScores.filter((s) => s >= threshold).length) / negativeScores.length;
}

export function percent(value: number): string {
  return Number.isNaN(value) ? '   n/a' : `${(100 * value).toFixed(1).padStart(5)}%`;
}
