import type { ManagerRole } from '../core/managers/roles.js';
import { Type } from 'typebox';
import { ErrorEnvelope } from '../schemas/error.js';
import type { AuthMode } from './context.js';

/** Documents error responses in the OpenAPI document (the handler sends them pre-serialised). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorEnvelope> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorEnvelope]));
}

/** A 200 with no body, as iDenfy answers some verbs (submit, document order, change status...). */
export const NO_BODY = Type.Unsafe<undefined>({ description: 'No response body' });

/**
 * A route declares who may call it once, with one of these; the auth hook enforces it and the
 * OpenAPI plugin derives the operation's `security`, its 401/403 and the role from it (see
 * plugins/openapi.ts).
 *
 * PARTNER and EITHER routes also take a manager's back-office session cookie. A key pair acts
 * as the partner itself, with every permission; a manager needs a role: by default a viewer
 * for GET and a reviewer for anything else (see `requiredRole`). ADMIN routes need an admin;
 * `partnerRoute(role)` declares any other role.
 */
export const EITHER = { config: { auth: 'either' as const } };
export const TOKEN_ONLY = { config: { auth: 'token' as const } };
export const PARTNER = { config: { auth: 'partner' as const } };
export const ADMIN = { config: { auth: 'partner' as const, role: 'admin' as const } };
/** Routes of the signed-in manager itself (its session, its two-factor sign-in): the cookie only, any role. */
export const MANAGER_SESSION = { config: { auth: 'manager' as const } };

export function partnerRoute(role: ManagerRole) {
  return { config: { auth: 'partner' as const, role } };
}

/** The role a manager needs for a route (null: managers have no role check there). */
export function requiredRole(method: string, config: { auth?: AuthMode; role?: ManagerRole }): ManagerRole | null {
  if (config.auth !== 'partner' && config.auth !== 'either') return null;
  if (config.role) return config.role;
  return method === 'GET' || method === 'HEAD' ? 'viewer' : 'reviewer';
}

/** A JSON body carrying `files` base64 uploads of at most `maxBytes` each, plus other fields. */
export function uploadBodyLimit(maxBytes: number, files = 1): number {
  return Math.ceil((maxBytes * 4) / 3) * files + 256 * 1024;
}
