import { ENTITY_KIND_PERSON, NAME_KINDS, type IndexData } from '../index/index-data.js';
import { collectCandidates, type Restriction, type Scratch } from './candidates.js';
import { PRODUCTION_THRESHOLD, type Hit, type ScreeningQuery, type SearchOptions } from './hit.js';
import { prepareQuery, type QueryVariant } from './prepare-query.js';
import { compareQualifiers } from './qualifiers.js';
import { scoreName, type WeightedToken } from './score-name.js';
import { tokenSimilarity, type Similarity } from './token-similarity.js';

export { PRODUCTION_THRESHOLD };
export type { Hit, ScreeningQuery, SearchOptions, TokenPair } from './hit.js';

/**
 * Screens one name: candidates from the index, each scored against every query
 * variant, qualifiers applied once per entity, one hit per entity kept.
 */
export function search(data: IndexData, scratch: Scratch, query: ScreeningQuery, options: SearchOptions = {}, restriction?: Restriction): Hit[] {
  const alertThreshold = options.alertThreshold ?? PRODUCTION_THRESHOLD;
  const threshold = options.threshold ?? alertThreshold;
  const kind = query.kind ?? 'any';
  const prepared = prepareQuery(data, query.name, kind, restriction);
  if (prepared.variants[0]!.tokens.length === 0) return [];
  const best = new Map<number, Hit>();
  const similarities = similarityCache(data, prepared.variants, prepared.isAbjad);
  const qualifiersOf = new Map<number, ReturnType<typeof compareQualifiers>>();
  for (const nameId of collectCandidates(data, scratch, prepared.variants, kind, restriction)) {
    const entityIndex = data.nameEntity[nameId]!;
    const termIds = listedTerms(data, nameId);
    const listed: WeightedToken[] = termIds.map((t) => data.terms[t]!);
    const isListedPerson = data.nameIsPerson[nameId] === ENTITY_KIND_PERSON;
    const top = bestVariant(prepared.variants, isListedPerson, listed, (v) => similarities(v, termIds), prepared.isAbjad);
    let nameScore = Math.max(0, top.result.score);
    // A query carrying a legal form names a company: people score lower.
    if (kind === 'any' && prepared.hasLegalForm && isListedPerson) nameScore *= 0.85;
    const entity = data.entities[entityIndex]!;
    let compared = qualifiersOf.get(entityIndex);
    if (!compared) {
      compared = compareQualifiers(entity, query);
      qualifiersOf.set(entityIndex, compared);
    }
    const { qualifiers, adjustment } = compared;
    const score = Math.max(0, Math.min(1, nameScore + adjustment));
    const nameKind = NAME_KINDS[data.nameKind[nameId]!]!;
    const isWeak = nameKind === 'weak-alias' && !qualifiers.some((q) => q.type === 'identifier');
    // An entity is represented by its best alert-capable name when that one
    // alerts, else by its best name: a weak alias scoring higher than a strong
    // name must not hide that the strong name alerts.
    const isAlert = score >= alertThreshold && !isWeak;
    const previous = best.get(entityIndex);
    if (previous && ((previous.isAlert && !isAlert) || (previous.isAlert === isAlert && previous.score >= score))) continue;
    const qTokens = prepared.variants[top.variant]!.tokens;
    best.set(entityIndex, {
      entityId: entity.id,
      entityKind: entity.kind,
      score: round(score),
      nameScore: round(nameScore),
      listedName: data.nameFull[nameId]!,
      nameKind,
      tokenPairs: top.result.pairs.map((p) => ({
        query: p.query.map((i) => qTokens[i]!.raw).join(' '),
        listed: p.listed.map((j) => listed[j]!.raw).join(' '),
        similarity: round(p.similarity.value),
        kind: p.similarity.kind,
      })),
      unmatchedQuery: top.result.unmatchedQuery.map((i) => qTokens[i]!.raw),
      unmatchedListed: top.result.unmatchedListed.map((j) => listed[j]!.raw),
      qualifiers,
      isAlert,
      ...(entity.pepTier ? { pepTier: entity.pepTier } : {}),
    });
  }
  return [...best.values()]
    .filter((h) => h.score >= threshold)
    .sort((a, b) => b.score - a.score || Number(b.isAlert) - Number(a.isAlert))
    .slice(0, options.limit ?? 10);
}

function bestVariant(
  variants: readonly QueryVariant[],
  isListedPerson: boolean,
  listed: WeightedToken[],
  similarityOf: (variant: number) => (i: number, j: number) => Similarity,
  isAbjad: boolean,
) {
  let top = { variant: 0, result: scoreName(variants[0]!.tokens, listed, similarityOf(0), isAbjad) };
  for (let v = 1; v < variants.length; v++) {
    const variant = variants[v]!;
    if (variant.appliesTo !== 'all' && (variant.appliesTo === 'person') !== isListedPerson) continue;
    const result = scoreName(variant.tokens, listed, similarityOf(v), isAbjad);
    result.score -= variant.penalty;
    if (result.score > top.result.score) top = { variant: v, result };
  }
  return top;
}

function listedTerms(data: IndexData, nameId: number): number[] {
  const out: number[] = [];
  for (let i = data.nameTokenStart[nameId]!; i < data.nameTokenStart[nameId + 1]!; i++) out.push(data.tokenTerm[i]!);
  return out;
}

/** Token similarities memoised per (query token, term) for one search: candidates share most terms. */
function similarityCache(data: IndexData, variants: readonly QueryVariant[], isAbjad: boolean) {
  const caches = variants.map((v) => v.tokens.map(() => new Map<number, Similarity>()));
  return (variant: number, termIds: readonly number[]) =>
    (i: number, j: number): Similarity => {
      const cache = caches[variant]![i]!;
      const termId = termIds[j]!;
      let similarity = cache.get(termId);
      if (!similarity) {
        similarity = tokenSimilarity(variants[variant]!.tokens[i]!, data.terms[termId]!, isAbjad);
        cache.set(termId, similarity);
      }
      return similarity;
    };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
