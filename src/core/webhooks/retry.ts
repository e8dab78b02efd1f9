/** Up to this share of a delay is added at random, so retries of many deliveries spread out. */
const JITTER = 0.1;

/**
 * When a delivery that just failed for the `failures`-th time in a row is tried again, or null
 * when the schedule is used up (the delivery then fails). Jitter only ever adds, so the
 * schedule's total span is a lower bound.
 */
export function nextAttemptAt(scheduleMs: readonly number[], failures: number, now: number, random: () => number = Math.random): number | null {
  const delay = scheduleMs[failures - 1];
  if (delay === undefined) return null;
  return now + Math.round(delay * (1 + JITTER * random()));
}
