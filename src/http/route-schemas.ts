import { ErrorEnvelope } from '../schemas/error.js';

/** Documents error responses in the OpenAPI document (the handler sends them pre-serialised). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorEnvelope> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorEnvelope]));
}

/**
 * A route declares who may call it once, with one of these; the OpenAPI plugin derives the
 * operation's `security` from it (see plugins/openapi.ts).
 */
export const EITHER = { config: { auth: 'either' as const } };
export const TOKEN_ONLY = { config: { auth: 'token' as const } };
export const PARTNER = { config: { auth: 'partner' as const } };

/** A JSON body carrying `files` base64 uploads of at most `maxBytes` each, plus other fields. */
export function uploadBodyLimit(maxBytes: number, files = 1): number {
  return Math.ceil((maxBytes * 4) / 3) * files + 256 * 1024;
}
