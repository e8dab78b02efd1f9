import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticatePartner } from '../core/partners/authenticate-partner.js';
import { authenticateToken } from '../core/tokens/authenticate-token.js';
import { DomainError } from '../core/errors.js';
import { requestCtx } from './context.js';
import { sendError } from './errors.js';
import { isStorableText, UNSTORABLE_MESSAGE } from './text-guard.js';

/**
 * onRequest hook: establishes who calls, before the body is read. Failures get the same
 * answer whether the key exists or not.
 */
export async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.partner = null;
  request.session = null;
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
