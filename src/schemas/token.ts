import { RegistrySession } from './gov-session.js';
import { Type, type Static } from 'typebox';
import { DateTime, NOCOMMA_PATTERN, Nullable, Uuid } from './common.js';
import { LIMITS } from '../shared/limits.js';
import { KybLocaleEnum, KybTokenTypeEnum } from './enums.js';
import { KybFormUnifiedFlow } from './flow.js';
import { ThemeCore } from './theme.js';

const strict = { additionalProperties: false } as const;

const tagRules = { maxItems: 5, description: 'Case-sensitive tags, each 1..32 characters without commas.' };
const Tag = Type.String({ minLength: 1, maxLength: 32, pattern: NOCOMMA_PATTERN });
export const Tags = Type.Array(Tag, { ...tagRules, default: [] });
/** iDenfy documents no maxItems for scanRefs; OpenKYB takes up to LIMITS.scanRefs (docs/limits.md). */
export const ScanRefs = Nullable(Type.Array(Type.String({ minLength: 1, maxLength: 40, pattern: NOCOMMA_PATTERN }), { maxItems: LIMITS.scanRefs }));

/** iDenfy's KybTokenRequest (KybFormTokenRequest): `POST /kyb/tokens/`. */
export const KybTokenRequest = Type.Object(
  {
    tokenType: KybTokenTypeEnum,
    clientId: Type.String({ minLength: 1, maxLength: 100 }),
    lifetime: Type.Optional(Type.Integer({ minimum: 0, maximum: 2592000, default: 3600, description: 'Seconds of validity.' })),
    externalRef: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    locale: Type.Optional(Nullable(KybLocaleEnum)),
    flow: Type.Optional(Nullable(Uuid)),
    theme: Type.Optional(Nullable(Uuid)),
    questionnaire: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32, description: 'A questionnaire key (at most 32 characters).' }))),
    questionnaireRequired: Type.Optional(Type.Boolean({ default: true })),
    tags: Type.Optional(Tags),
    scanRefs: Type.Optional(ScanRefs),
  },
  { ...strict, title: 'KybTokenRequest' },
);
export type KybTokenRequest = Static<typeof KybTokenRequest>;

/** iDenfy's KybToken (KybFormToken): exactly the documented fields. */
export const KybToken = Type.Object(
  {
    tokenType: KybTokenTypeEnum,
    tokenString: Type.String(),
    expiration: DateTime,
    isActive: Type.Boolean({ deprecated: true }),
    isValid: Type.Boolean(),
    companyId: Nullable(Type.String()),
    clientId: Type.String(),
    externalRef: Nullable(Type.String()),
    locale: Nullable(KybLocaleEnum),
    flow: Nullable(Uuid),
    theme: Nullable(Uuid),
    tags: Type.Array(Type.String()),
    scanRefs: Nullable(Type.Array(Type.String())),
  },
  { title: 'KybToken' },
);
export type KybToken = Static<typeof KybToken>;

export const KybTokenUpdateRequest = Type.Object(
  { tags: Type.Optional(Tags), scanRefs: Type.Optional(ScanRefs) },
  { ...strict, title: 'KybTokenUpdateRequest' },
);
export type KybTokenUpdateRequest = Static<typeof KybTokenUpdateRequest>;

/** PATCH: no defaults, so a field left out stays as it is. */
export const PatchedKybTokenUpdateRequest = Type.Object(
  { tags: Type.Optional(Type.Array(Tag, tagRules)), scanRefs: Type.Optional(ScanRefs) },
  { ...strict, title: 'PatchedKybTokenUpdateRequest' },
);

export const KybTokenUpdate = Type.Object({ tags: Type.Array(Type.String()), scanRefs: Nullable(Type.Array(Type.String())) }, { title: 'KybTokenUpdate' });
export type KybTokenUpdate = Static<typeof KybTokenUpdate>;

/** Token strings are letters and digits (see create-token.ts); anything else is answered 404. */
export const TokenStringParams = Type.Object({ tokenString: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9]+$' }) });

/**
 * iDenfy's KybInfo: what the form needs to render itself. `registry` is OpenKYB's, present only
 * for GOV1 and GOV2 sessions (a FORM session's answer is iDenfy's exactly).
 */
export const KybInfo = Type.Object(
  { locale: Nullable(KybLocaleEnum), theme: Nullable(ThemeCore), flow: Nullable(KybFormUnifiedFlow), registry: Type.Optional(RegistrySession) },
  { title: 'KybInfo' },
);
export type KybInfo = Static<typeof KybInfo>;
