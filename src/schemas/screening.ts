import { Type } from 'typebox';
import { Nullable, Uuid } from './common.js';
import { CountryEnum } from './enums.js';

const Score = Type.Number({ minimum: 0, maximum: 1 });

export const ScreeningSearchRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    kind: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Literal('any')], { default: 'any' })),
    birthDate: Type.Optional(
      Type.String({ maxLength: 10, pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' }),
    ),
    countries: Type.Optional(Type.Array(CountryEnum, { maxItems: 10 })),
    identifiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10 })),
    threshold: Type.Optional(Type.Number({ minimum: 0.5, maximum: 1, description: 'Lowest score returned; defaults to the alert threshold.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false, title: 'ScreeningSearchRequest' },
);

/** The matcher's explanation of a hit (see src/screening/README.md). */
export const ScreeningMatch = Type.Object(
  {
    entityId: Type.String(),
    entityKind: Type.String(),
    score: Score,
    nameScore: Score,
    listedName: Type.String(),
    nameKind: Type.String(),
    tokenPairs: Type.Array(Type.Object({ query: Type.String(), listed: Type.String(), similarity: Score, kind: Type.String() })),
    unmatchedQuery: Type.Array(Type.String()),
    unmatchedListed: Type.Array(Type.String()),
    qualifiers: Type.Array(Type.Object({ type: Type.String(), outcome: Type.String(), detail: Type.String() })),
    isAlert: Type.Boolean(),
    /** iDenfy's PepTierEnum, when the listed person comes from a PEP data set. */
    pepTier: Type.Optional(Type.Union([Type.Literal('PEP_TIER_1'), Type.Literal('PEP_TIER_2'), Type.Literal('PEP_TIER_3')])),
  },
  { title: 'ScreeningMatch' },
);

export const ScreeningListVersion = Type.Object(
  {
    source: Type.String(),
    sha256: Type.String(),
    publishedAt: Nullable(Type.String()),
    importedAt: Type.String({ format: 'date-time' }),
    entityCount: Type.Integer(),
  },
  { title: 'ScreeningListVersion' },
);

export const ScreeningLists = Type.Object(
  {
    lists: Type.Array(ScreeningListVersion),
    /** Why screening against these lists is not a check (no list, a required one missing, stale), or null. */
    problem: Nullable(Type.String()),
  },
  { title: 'ScreeningLists' },
);

export const ScreeningSearchResult = Type.Object({ ...ScreeningLists.properties, hits: Type.Array(ScreeningMatch) }, { title: 'ScreeningSearchResult' });

export const AmlCheckStatusEnum = Type.Enum(['NOT_CHECKED', 'NO_FLAGS', 'FALSE_POSITIVE', 'TRUE_POSITIVE', 'FLAGS_FOUND'], { title: 'AmlCheckStatusEnum' });

export const ScreeningHit = Type.Object(
  {
    id: Uuid,
    entityId: Type.String(),
    score: Score,
    isAlert: Type.Boolean(),
    isCurrent: Type.Boolean(),
    resolution: Nullable(Type.String()),
    resolutionComment: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String({ format: 'date-time' })),
    firstSeenAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Type.String({ format: 'date-time' }),
    match: ScreeningMatch,
  },
  { title: 'ScreeningHit' },
);

export const CompanyScreening = Type.Object(
  {
    companyId: Uuid,
    /** A screening was requested and has not run yet. */
    isPending: Type.Boolean(),
    subjects: Type.Array(
      Type.Object({
        /** REGISTER_PERSON: an officer or owner the official register names and the client did not declare (GET /v1/companies/{id}/register/). */
        subjectType: Type.Union([Type.Literal('COMPANY'), Type.Literal('BENEFICIARY'), Type.Literal('REGISTER_PERSON')]),
        subjectId: Type.String(),
        status: AmlCheckStatusEnum,
        statusReason: Nullable(Type.String()),
        checkedAt: Nullable(Type.String({ format: 'date-time' })),
        lists: Type.Array(Type.Object({ source: Type.String(), sha256: Type.String(), publishedAt: Nullable(Type.String()) })),
        hits: Type.Array(ScreeningHit),
      }),
    ),
  },
  { title: 'CompanyScreening' },
);

export const ResolveHitRequest = Type.Object(
  {
    resolution: Type.Union([Type.Literal('TRUE_POSITIVE'), Type.Literal('FALSE_POSITIVE')]),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  },
  { additionalProperties: false, title: 'ResolveHitRequest' },
);
