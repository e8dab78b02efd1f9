import type { EntityKind, NameKind, PepTier } from '../model.js';
import type { Qualifier, QualifierQuery } from './qualifiers.js';
import type { PairKind } from './token-similarity.js';

/**
 * The score from which a hit is an alert, chosen on the evaluation so that at
 * most about 0.5 % of the 50,000 synthetic non-listed persons alert (0.5 % was
 * measured at 0.795; 0.80 gave 4.3 alerts per 1,000). Changing it changes the
 * alert rate: re-run `npm run eval:screening`.
 */
export const PRODUCTION_THRESHOLD = 0.8;

export interface ScreeningQuery extends QualifierQuery {
  name: string;
  kind?: 'person' | 'organisation' | 'any';
}

export interface SearchOptions {
  /** Lowest score returned; defaults to the alert threshold (lower it to show near misses). */
  threshold?: number;
  /** Score from which a hit alerts; defaults to PRODUCTION_THRESHOLD. */
  alertThreshold?: number;
  /** Most hits returned, best first; defaults to 10. */
  limit?: number;
}

export interface TokenPair {
  query: string;
  listed: string;
  similarity: number;
  kind: PairKind;
}

export interface Hit {
  entityId: string;
  entityKind: EntityKind;
  /** Name score adjusted by the qualifiers, in [0, 1]. */
  score: number;
  nameScore: number;
  listedName: string;
  nameKind: NameKind;
  tokenPairs: TokenPair[];
  unmatchedQuery: string[];
  unmatchedListed: string[];
  qualifiers: Qualifier[];
  /** False below the alert threshold, and when only a weak alias matched without a matching identifier. */
  isAlert: boolean;
  /** The listed person is politically exposed (from a PEP data set), at this tier. */
  pepTier?: PepTier;
}
