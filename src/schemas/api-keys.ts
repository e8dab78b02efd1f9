import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from './common.js';

const strict = { additionalProperties: false } as const;
const Label = Nullable(Type.String({ minLength: 1, maxLength: 100 }));

/** A key pair as listed: its public half and state, never its secret (only a keyed hash is stored). */
export const ApiKey = Type.Object(
  { keyId: Uuid, apiKey: Type.String(), label: Label, createdAt: DateTime, revokedAt: Nullable(DateTime) },
  { title: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKey>;

export const ApiKeyList = Type.Object({ results: Type.Array(ApiKey) }, { title: 'ApiKeyList' });

export const ApiKeyCreateBody = Type.Object({ label: Type.Optional(Label) }, { ...strict, title: 'ApiKeyCreate' });

export const ApiKeyCreated = Type.Object(
  { keyId: Uuid, apiKey: Type.String(), apiSecret: Type.String({ description: 'Shown once: only its keyed hash is stored.' }), label: Label },
  { title: 'ApiKeyCreated' },
);
export type ApiKeyCreated = Static<typeof ApiKeyCreated>;
