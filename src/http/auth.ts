import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticatePartner } from '../core/partners/authenticate-partner.js';
import { authenticateToken } from '../core/tokens/authenticate-token.js';
import { DomainError } from '../core/errors.js';
import { requestCtx } from './context.js';
import { authenticateSession, isCsrfTokenValid } from '../core/managers/sessions.js';
import { hasRole } from '../core/managers/roles.js';
import { recordCaseView } from '../core/review/record-case-view.js';
import { requiredRole } from './route-schemas.js';
import { sessionCookieOf } from './session-cookie.js';
import { sendError } from './errors.js';
import { isStorableText, UNSTORABLE_MESSAGE } from './text-guard.js';

/**
 * onRequest hook: establishes who calls, before the body is read. Failures get the same
 * answer whether the key exists or not.
 */
export async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.partner = null;
  request.session = null;
  request.manager = null;
  request.managerSession = null;
  const mode = request.routeOptions.config.auth ?? 'none';
  if (mode === 'none') return;
  const [scheme, credentials] = splitAuthorization(request.headers.authorization);

  if (scheme === 'basic' && (mode === 'partner' || mode === 'either')) {
    const pair = decodeBasic(credentials);
    if (pair && !(isStorableText(pair.apiKey) && isStorableText(pair.apiSecret))) {
      return void sendError(reply, 'VALIDATION_ERROR', { authorization: [UNSTORABLE_MESSAGE] });
    }
    request.partner = pair ? await authenticatePartner({ ctx: requestCtx(request), input: pair }) : null;
    if (!request.partner) return void sendError(reply, 'UNAUTHORIZED', 'Invalid API key or secret.');
    return;
  }
  // The back-office cookie counts only without an Authorization header: a request that names
  // a key pair or a token is judged by that alone.
  const cookie = request.headers.authorization === undefined ? sessionCookieOf(request) : null;
  if (cookie !== null && (mode === 'partner' || mode === 'either' || mode === 'manager')) return authenticateManager(request, reply, cookie);
  if (mode === 'manager') return void sendError(reply, 'UNAUTHORIZED', 'Sign in first (POST /v1/auth/sign-in/).', { challenge: false });
  if (scheme === 'bearer' && (mode === 'token' || mode === 'either')) {
    try {
      request.session = await authenticateToken({ ctx: requestCtx(request), input: { tokenString: credentials } });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return void sendError(reply, 'AUTHENTICATION_FAILED', error.message);
    }
    return;
  }
  if (mode === 'token') return void sendError(reply, 'AUTHENTICATION_FAILED', 'This endpoint needs the KYB token as "Authorization: Bearer <tokenString>".');
  return void sendError(reply, 'UNAUTHORIZED', 'Authentication credentials were not provided or are not accepted here.');
}

/**
 * A manager's session: live, carrying the CSRF token on anything but GET and HEAD, and holding
 * the role the route declares (route-schemas.ts requiredRole). It then acts for its partner.
 */
async function authenticateManager(request: FastifyRequest, reply: FastifyReply, cookie: string): Promise<void> {
  const ctx = requestCtx(request);
  const info = await authenticateSession({ ctx, input: { cookie } });
  if (!info) return void sendError(reply, 'UNAUTHORIZED', 'The session has ended or expired; sign in again.', { challenge: false });
  if (request.method !== 'GET' && request.method !== 'HEAD' && !isCsrfTokenValid(ctx.pepper, info.sessionId, headerOf(request, 'x-csrf-token'))) {
    return void sendError(reply, 'CSRF_FAILED', 'This request needs the x-csrf-token header of the session (see GET /v1/auth/session/).');
  }
  const needed = requiredRole(request.method, request.routeOptions.config);
  if (needed && !hasRole(info.manager.role, needed)) {
    return void sendError(reply, 'FORBIDDEN', `This needs the ${needed} role (or a stronger one); you are signed in as ${info.manager.role}.`);
  }
  request.partner = { partnerId: info.partnerId, keyId: null };
  request.manager = { id: info.manager.id, role: info.manager.role };
  request.managerSession = info;
  // Here rather than in each route, so no read of a case can forget it (see recordCaseView).
  const caseId = request.method === 'GET' ? caseReadBy(request) : null;
  if (caseId !== null) await recordCaseView(ctx, { partnerId: info.partnerId, managerId: info.manager.id, companyId: caseId });
}

/**
 * The case a GET reads through the form routes or the case views; null elsewhere. The case
 * detail (GET /kyb/companies/{id}/) writes its own entry at every opening.
 */
function caseReadBy(request: FastifyRequest): string | null {
  const url = request.routeOptions.url ?? '';
  const params = request.params as Record<string, string | undefined>;
  if (url.startsWith('/kyb/forms/:companyId/')) return params.companyId ?? null;
  if (url === '/kyb/forms/:id/' || url.startsWith('/v1/companies/:id/')) return params.id ?? null;
  return null;
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function splitAuthorization(header: string | undefined): [string, string] {
  if (!header) return ['', ''];
  const space = header.indexOf(' ');
  if (space < 0) return [header.toLowerCase(), ''];
  return [header.slice(0, space).toLowerCase(), header.slice(space + 1).trim()];
}

function decodeBasic(credentials: string): { apiKey: string; apiSecret: string } | null {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { apiKey: decoded.slice(0, colon), apiSecret: decoded.slice(colon + 1) };
}
