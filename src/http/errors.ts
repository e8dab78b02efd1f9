import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../core/errors.js';
import { toFieldErrors } from './validation.js';

type Severity = 'NOT_SEVERE' | 'SEVERE';

/** Every error identifier OpenKYB sends, its status and its meaning (served at /docs/errors). */
export const ERROR_TABLE = {
  BAD_REQUEST: { status: 400, meaning: 'The request is not well-formed HTTP (e.g. a NUL or a line break in a header).' },
  VALIDATION_ERROR: { status: 400, meaning: 'A field failed validation; `message` maps each field to its problems.' },
  JSON_ERROR: { status: 400, meaning: 'The body is not valid JSON.' },
  UNAUTHORIZED: { status: 401, meaning: 'API key or secret missing or wrong (HTTP Basic).' },
  AUTHENTICATION_FAILED: { status: 401, meaning: 'The Bearer token is unknown, expired or deactivated.' },
  SIGN_IN_FAILED: { status: 401, meaning: 'E-mail, password or two-factor code wrong (the same answer whether the account exists or not).' },
  TOTP_REQUIRED: { status: 401, meaning: 'The account has two-factor sign-in on: send the code of the authenticator app (or a recovery code) too.' },
  FORBIDDEN: { status: 403, meaning: "The signed-in manager's role does not allow this; the message names the role needed." },
  CSRF_FAILED: { status: 403, meaning: 'A request signed in by the back-office cookie lacks the right `x-csrf-token` header.' },
  ACCOUNT_LOCKED: { status: 423, meaning: 'Too many failed sign-ins in a row: the account is locked until the time in the message.' },
  PAYMENT_REQUIRED: { status: 402, meaning: 'A quota of this partner is spent (e.g. automation runs); the operator can raise it.' },
  NOT_FOUND: { status: 404, meaning: 'No such resource for these credentials (mind the trailing slash).' },
  METHOD_NOT_ALLOWED: { status: 405, meaning: 'The path exists but not with this method; see the Allow header.' },
  CONFLICT: { status: 409, meaning: 'The change conflicts with the current state, e.g. deleting an object in use.' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body exceeds the size limit of this endpoint.' },
  ENCODING_ERROR: { status: 415, meaning: 'The body is not in a supported media type or charset (send application/json in UTF-8).' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, meaning: 'This Idempotency-Key was already used with a different request.' },
  REQUEST_TIMEOUT: { status: 408, meaning: 'The request did not arrive in time; send it again.' },
  TOO_MANY_REQUESTS: {
    status: 429,
    meaning: 'A request limit is used up (the hourly limit of an API key, or sign-in attempts from one address); see Retry-After.',
  },
  HEADERS_TOO_LARGE: { status: 431, meaning: 'The request headers exceed 16 KB.' },
  SERVICE_UNAVAILABLE: {
    status: 503,
    meaning: 'A part of the service is starting up (e.g. the screening index) or cannot write (e.g. a full disk); retry shortly.',
  },
  REGISTRY_UNAVAILABLE: {
    status: 502,
    meaning: 'An official register did not answer in time, failed or answered nonsense; nothing was stored; retry later (docs/registries.md).',
  },
  INTERNAL_ERROR: { status: 500, meaning: 'Unexpected server failure; quote the X-Request-Id when reporting it.' },
} as const satisfies Record<string, { status: number; meaning: string }>;
export type Identifier = keyof typeof ERROR_TABLE;

export interface Envelope {
  message: string | FieldErrors | { detail: string; completed: boolean };
  identifier: Identifier;
  documentation: string;
  severity: Severity;
}

function envelopeOf(publicUrl: string, identifier: Identifier, message: Envelope['message']): Envelope {
  return {
    message,
    identifier,
    documentation: `${publicUrl}/docs/errors#${identifier}`,
    severity: ERROR_TABLE[identifier].status >= 500 ? 'SEVERE' : 'NOT_SEVERE',
  };
}

/**
 * Sends the envelope. `challenge: false` leaves out WWW-Authenticate on a 401: a browser that
 * sees a Basic challenge on its back-office call would pop up its own password dialog.
 */
export function sendError(reply: FastifyReply, identifier: Identifier, message: Envelope['message'], options: { challenge?: boolean } = {}): FastifyReply {
  const { status } = ERROR_TABLE[identifier];
  const envelope = envelopeOf(reply.server.publicUrl, identifier, message);
  if (identifier === 'UNAUTHORIZED' && options.challenge !== false) reply.header('www-authenticate', 'Basic realm="OpenKYB", charset="UTF-8"');
  if (identifier === 'AUTHENTICATION_FAILED') reply.header('www-authenticate', 'Bearer realm="OpenKYB"');
  if (identifier === 'SERVICE_UNAVAILABLE') reply.header('retry-after', '5');
  // Pre-serialised: route response schemas describe success bodies, not this envelope.
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(envelope));
}

const FASTIFY_CODES: Record<string, Identifier> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'JSON_ERROR',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'JSON_ERROR',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'ENCODING_ERROR',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_ERROR',
};

export function errorHandler(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    return sendError(reply, error.code, error.completed ? { detail: error.message, completed: true } : (error.fields ?? error.message));
  }
  // A path that names no possible object (not the id format the route expects) is a missing
  // object, answered before anything reads the database.
  if (error.validation && error.validationContext === 'params') return sendError(reply, 'NOT_FOUND', 'Not found.');
  if (error.validation) {
    return sendError(reply, 'VALIDATION_ERROR', toFieldErrors(error.validation as never, error.validationContext ?? 'body'));
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendError(reply, mapped, mapped === 'JSON_ERROR' ? 'The request body is not valid JSON.' : error.message);
  if (error.statusCode === 429) return sendError(reply, 'TOO_MANY_REQUESTS', error.message);
  // Only the body parser's refusals (status 400): a SyntaxError from our own JSON.parse of
  // stored data is a server fault, and must not pass for the client's bad JSON.
  if (error.statusCode === 400 && /JSON|proto/i.test(error.message)) {
    return sendError(reply, 'JSON_ERROR', 'The request body is not valid JSON.');
  }
  // Any other client error a plugin raises (e.g. @fastify/static's forbidden path) is the
  // client's problem: it is answered in the envelope and logged quietly, so nobody can fill
  // the error log from outside.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    request.log.info({ code: error.code, statusCode: status }, 'client error');
    return sendError(reply, status === 403 || status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', status === 403 || status === 404 ? 'Not found.' : 'Bad request.');
  }
  request.log.error({ err: safeError(error) }, 'unhandled error');
  return sendError(reply, 'INTERNAL_ERROR', `Internal server error (request ${request.id}).`);
}

/**
 * What an unexpected error logs. Database errors can quote the values they choke on, which
 * may be personal data, so their message and detail are left out.
 */
function safeError(error: FastifyError & { detail?: unknown; severity?: unknown }) {
  const fromDatabase = typeof error.severity === 'string' || /^SQLITE_/.test(String(error.code));
  const stack = (error.stack ?? '').split('\n').slice(1).join('\n');
  return { type: error.name, code: error.code, message: fromDatabase ? '[database error]' : error.message, stack };
}

const CLIENT_ERRORS: Record<string, { identifier: Identifier; message: string }> = {
  HPE_HEADER_OVERFLOW: { identifier: 'HEADERS_TOO_LARGE', message: 'The request headers exceed 16 KB.' },
  ERR_HTTP_REQUEST_TIMEOUT: { identifier: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time.' },
};

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before any route runs
 * (headers over 16 KB, a NUL or bare line break in a header, broken framing) are answered in
 * the same envelope as every other error, then the connection is closed, as Node does.
 */
export function clientErrorHandler(publicUrl: string) {
  return function onClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const known = CLIENT_ERRORS[error.code ?? ''] ?? { identifier: 'BAD_REQUEST' as const, message: 'The request is not well-formed HTTP.' };
    this.log.debug({ code: error.code }, 'client error');
    if (socket.writable) {
      const status = ERROR_TABLE[known.identifier].status;
      const body = JSON.stringify(envelopeOf(publicUrl, known.identifier, known.message));
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
