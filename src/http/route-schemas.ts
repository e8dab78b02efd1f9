import { ErrorEnvelope } from '../schemas/error.js';

/** Documents error responses in the OpenAPI document (the handler sends them pre-serialised). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorEnvelope> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorEnvelope]));
}

export const PARTNER_SECURITY = [{ apiKeyPair: [] }];
export const TOKEN_SECURITY = [{ kybTokenAuth: [] }];
export const EITHER_SECURITY = [{ kybTokenAuth: [] }, { apiKeyPair: [] }];
