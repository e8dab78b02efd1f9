import type { Entity, EntityKind, NameKind } from '../model.js';
import type { TokenTag } from '../normalize/normalize-name.js';
import type { WeightedToken } from '../match/score-name.js';
import type { KeyTable } from './key-table.js';

export interface IndexedEntity extends Pick<Entity, 'id' | 'birthDates' | 'countries' | 'identifiers' | 'pepTier'> {
  kind: EntityKind;
}

export const NAME_KINDS: readonly NameKind[] = ['primary', 'alias', 'weak-alias', 'original-script'];
export const ENTITY_KIND_PERSON = 0;
export const ENTITY_KIND_OTHER = 1;

/**
 * Everything the search reads, built once and never mutated. Per-name and
 * per-token data sit in typed arrays (compressed sparse rows) so a 300,000-name
 * index stays compact and cheap for the garbage collector.
 */
export interface IndexData {
  /**
   * What a hit needs of each entity, not the entity itself: an integrator can
   * release the parsed entities (addresses, remarks…) once the index is built.
   */
  entities: readonly IndexedEntity[];
  /** Per name record: the listed spelling, for explanations. */
  nameFull: readonly string[];
  /** Per name record: owning entity, NAME_KINDS code, person flag. */
  nameEntity: Uint32Array;
  nameKind: Uint8Array;
  nameIsPerson: Uint8Array;
  /** Tokens of name i are tokenTerm[nameTokenStart[i] .. nameTokenStart[i + 1]). */
  nameTokenStart: Uint32Array;
  tokenTerm: Uint32Array;
  /** Vocabulary: term text -> id, and per term its keys, tag and document frequency. */
  termIds: ReadonlyMap<string, number>;
  /** Per term: its keys and its weight (rarity for words, fixed for particles, legal forms, initials). */
  terms: readonly WeightedToken[];
  termNameCount: Uint32Array;
  /** Names containing term t are postings[postingStart[t] .. postingStart[t + 1]). */
  postingStart: Uint32Array;
  postings: Uint32Array;
  deletionKeys: KeyTable;
  phoneticKeys: KeyTable;
  skeletonKeys: KeyTable;
  nameCount: number;
}

/** Weight of a term by rarity: a name part shared by thousands of listed names says little. */
export function rarityWeight(data: IndexData, nameCount: number): number {
  const idf = Math.log((data.nameCount + 1) / (nameCount + 1));
  const reference = 0.7 * Math.log(data.nameCount + 1);
  return 0.25 + 0.75 * Math.min(1, Math.max(0, idf / reference));
}

/**
 * Vocabulary key: words by their text; particles, initials and legal forms
 * prefixed by their tag, so "AG" in a person's name (a word) and "AG" after a
 * company name (Aktiengesellschaft) stay different terms.
 */
export function termKey(tag: TokenTag, text: string): string {
  return tag === 'word' ? text : `${tag}:${text}`;
}
