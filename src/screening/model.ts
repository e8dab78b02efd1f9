/**
 * The canonical entity model every list parser produces. Entities are plain JSON
 * (no classes, no Dates, no Maps) so an integrator can store them as text and
 * rebuild the index from them at start-up.
 */

export type SourceId = 'ofac-sdn' | 'ofac-nonsdn' | 'un' | 'eu' | 'uk' | 'ftm';

export type EntityKind = 'person' | 'organisation' | 'vessel' | 'aircraft';

/**
 * `weak-alias` follows OFAC's and the UN's own wording ("weak", "Low quality"):
 * such names are indexed but never raise an alert on their own.
 */
export type NameKind = 'primary' | 'alias' | 'weak-alias' | 'original-script';

export interface EntityName {
  full: string;
  kind: NameKind;
  /** ISO 15924 code of the dominant script, e.g. `Latn`, `Arab`, `Cyrl`, `Hani`. */
  script: string;
  /** A former name (f.k.a.): still screened, since sanctions follow renamed companies. */
  isFormer: boolean;
}

/** iDenfy's `PepTierEnum`: 1 national or international office, 2 regional office or state enterprise, 3 local office or a relative or close associate. */
export type PepTier = 'PEP_TIER_1' | 'PEP_TIER_2' | 'PEP_TIER_3';

export type DatePrecision = 'year' | 'month' | 'day';

export interface BirthDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the list is. */
  value: string;
  precision: DatePrecision;
  isApproximate: boolean;
  /** Upper bound (`YYYY...`) when the list gives a range ("1960 to 1962"). */
  rangeTo: string | null;
}

export interface Identifier {
  /** As the list names it: "Passport", "National ID No.", "IMO", "SWIFT/BIC"... */
  type: string;
  value: string;
  /** ISO 3166 alpha-2 of the issuer when the list says it. */
  country: string | null;
}

export interface Address {
  full: string;
  country: string | null;
}

export interface Entity {
  /** Stable across imports of the same listed entity, e.g. `ofac-sdn:12345`, `un:QDi.001`. */
  id: string;
  source: SourceId;
  kind: EntityKind;
  names: EntityName[];
  birthDates: BirthDate[];
  birthPlaces: string[];
  /** ISO 3166 alpha-2, upper case: nationalities, citizenships, address and flag countries. */
  countries: string[];
  identifiers: Identifier[];
  addresses: Address[];
  programs: string[];
  gender: 'male' | 'female' | null;
  /** Free text the list attaches (OFAC remarks, UN comments), kept for reviewers. */
  remarks: string | null;
  /** Set only for politically exposed persons (PEP data sets), absent otherwise so sanctions fingerprints stay as they were. */
  pepTier?: PepTier;
}

/** An entity with nothing known yet but what it is; a parser fills in what its list says. */
export function newEntity(known: Pick<Entity, 'id' | 'source' | 'kind'> & Partial<Entity>): Entity {
  return { names: [], birthDates: [], birthPlaces: [], countries: [], identifiers: [], addresses: [], programs: [], gender: null, remarks: null, ...known };
}

export interface ListVersion {
  /** SHA-256 (hex) of the file, or of the per-file hashes for multi-file sources. */
  sha256: string;
  /** ISO date-time the publisher stamped on the file, when it stamps one. */
  publishedAt: string | null;
  entityCount: number;
}

export interface ParsedList {
  source: SourceId;
  version: ListVersion;
  entities: Entity[];
  /** Oddities that did not justify rejecting the file, for the import log. */
  warnings: string[];
}
