/**
 * The screening library's public surface. Pure: no I/O besides reading the list
 * files handed to parseList, no process-global state, no framework.
 */
export type { Address, BirthDate, DatePrecision, Entity, EntityKind, EntityName, Identifier, ListVersion, NameKind, ParsedList, SourceId } from './model.js';
export { ListImportError } from './errors.js';
export { parseList } from './sources/parse-list.js';
export { entityFingerprint } from './fingerprint.js';
export { buildIndex } from './index/build-index.js';
export type { ScreeningIndex, IndexStats } from './index/screening-index.js';
export { PRODUCTION_THRESHOLD } from './match/search.js';
export type { Hit, ScreeningQuery, SearchOptions, TokenPair } from './match/search.js';
export type { Qualifier, QualifierOutcome } from './match/qualifiers.js';
export { normalizeName } from './normalize/normalize-name.js';
export type { NameToken, NormalizedName, TokenTag } from './normalize/normalize-name.js';
