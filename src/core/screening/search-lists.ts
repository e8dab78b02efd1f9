import type { Hit, ScreeningQuery } from '../../screening/engine.js';
import type { ScreeningSearcher } from './searcher.js';
import type { LiveList } from './live-lists.js';
import { DomainError } from '../errors.js';
import { listProblem, type ScreeningPolicy } from './status.js';

export function presentLists(lists: LiveList[] | null, policy: ScreeningPolicy, now: number) {
  return {
    lists: (lists ?? []).map((l) => ({
      source: l.source,
      sha256: l.sha256,
      publishedAt: l.publishedAt,
      importedAt: new Date(l.importedAt).toISOString(),
      entityCount: l.entityCount,
    })),
    problem: listProblem(lists, policy, now),
  };
}

/** Searches the lists directly, with the same matcher and threshold cases are screened with. */
export async function searchLists({
  searcher,
  policy,
  now,
  input,
}: {
  searcher: ScreeningSearcher | null;
  policy: ScreeningPolicy;
  now: number;
  input: ScreeningQuery & { threshold?: number; limit?: number };
}): Promise<ReturnType<typeof presentLists> & { hits: Hit[] }> {
  const lists = searcher?.lists() ?? null;
  if (!searcher || lists === null) throw new DomainError('SERVICE_UNAVAILABLE', 'The screening index is not ready yet; retry shortly.');
  const { threshold, limit, ...query } = input;
  const [hits] = await searcher.search([query], { ...(threshold !== undefined ? { threshold } : {}), limit: limit ?? 10 });
  return { ...presentLists(lists, policy, now), hits: hits ?? [] };
}
