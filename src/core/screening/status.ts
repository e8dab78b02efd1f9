import type { LiveList } from './live-lists.js';

export type AmlCheckStatus = 'NOT_CHECKED' | 'NO_FLAGS' | 'FALSE_POSITIVE' | 'TRUE_POSITIVE' | 'FLAGS_FOUND';

export interface ScreeningPolicy {
  /** Sources that must be live; empty: at least one list. */
  requiredLists: readonly string[];
  maxListAgeMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why screening against these lists cannot vouch for a subject, or null when it can. */
export function listProblem(lists: LiveList[] | null, policy: ScreeningPolicy, now: number): string | null {
  if (!lists || lists.length === 0) return 'no sanctions list is loaded';
  const missing = policy.requiredLists.filter((source) => !lists.some((l) => l.source === source));
  if (missing.length > 0) return `no live ${missing.join(', ')} list`;
  const stale = lists.filter((l) => now - (l.publishedAt ? Date.parse(l.publishedAt) : l.importedAt) > policy.maxListAgeMs);
  if (stale.length > 0) {
    return stale
      .map((l) => `the ${l.source} list is ${Math.floor((now - (l.publishedAt ? Date.parse(l.publishedAt) : l.importedAt)) / DAY_MS)} days old`)
      .join('; ');
  }
  return null;
}

/**
 * iDenfy's AmlCheckStatusEnum for a subject. An unresolved alert is FLAGS_FOUND whatever the
 * lists' state; without one, stale or missing lists make it NOT_CHECKED; then a confirmed hit
 * is TRUE_POSITIVE, all alerts dismissed is FALSE_POSITIVE, none at all is NO_FLAGS.
 */
export function subjectStatus(alerts: { resolution: string | null }[], problem: string | null): AmlCheckStatus {
  if (alerts.some((a) => a.resolution === null)) return 'FLAGS_FOUND';
  if (problem) return 'NOT_CHECKED';
  if (alerts.some((a) => a.resolution === 'TRUE_POSITIVE')) return 'TRUE_POSITIVE';
  return alerts.length > 0 ? 'FALSE_POSITIVE' : 'NO_FLAGS';
}
