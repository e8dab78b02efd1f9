import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../core/errors.js';
import { toFieldErrors } from './validation.js';

type Severity = 'NOT_SEVERE' | 'SEVERE';

/** Every error identifier OpenKYB sends, its status and its meaning (served at /docs/errors). */
export const ERROR_TABLE = {
  VALIDATION_ERROR: { status: 400, meaning: 'A field failed validation; `message` maps each field to its problems.' },
  JSON_ERROR: { status: 400, meaning: 'The body is not valid JSON.' },
  UNAUTHORIZED: { status: 401, meaning: 'API key or secret missing or wrong (HTTP Basic).' },
  AUTHENTICATION_FAILED: { status: 401, meaning: 'The Bearer token is unknown, expired or deactivated.' },
  PAYMENT_REQUIRED: { status: 402, meaning: 'A quota of this partner is spent (e.g. automation runs); the operator can raise it.' },
  NOT_FOUND: { status: 404, meaning: 'No such resource for these credentials (mind the trailing slash).' },
  METHOD_NOT_ALLOWED: { status: 405, meaning: 'The path exists but not with this method; see the Allow header.' },
  CONFLICT: { status: 409, meaning: 'The change conflicts with the current state, e.g. deleting an object in use.' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body exceeds the size limit of this endpoint.' },
  ENCODING_ERROR: { status: 415, meaning: 'The body is not in a supported media type (send application/json).' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, meaning: 'This Idempotency-Key was already used with a different request.' },
  TOO_MANY_REQUESTS: { status: 429, meaning: 'The hourly request limit of this API key is used up; see Retry-After.' },
  SERVICE_UNAVAILABLE: { status: 503, meaning: 'A part of the service is starting up (e.g. the screening index); retry shortly.' },
  INTERNAL_ERROR: { status: 500, meaning: 'Unexpected server failure; quote the X-Request-Id when reporting it.' },
} as const satisfies Record<string, { status: number; meaning: string }>;
export type Identifier = keyof typeof ERROR_TABLE;

export interface Envelope {
  message: string | FieldErrors | { detail: string; completed: boolean };
  identifier: Identifier;
  documentation: string;
  severity: Severity;
}

export function sendError(reply: FastifyReply, identifier: Identifier, message: Envelope['message']): FastifyReply {
  const { status } = ERROR_TABLE[identifier];
  const envelope: Envelope = {
    message,
    identifier,
    documentation: `${reply.server.publicUrl}/docs/errors#${identifier}`,
    severity: status >= 500 ? 'SEVERE' : 'NOT_SEVERE',
  };
  if (identifier === 'UNAUTHORIZED') reply.header('www-authenticate', 'Basic realm="OpenKYB", charset="UTF-8"');
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
    return sendError(reply, error.code, error.completed ? { detail: error.message, completed: true } : error.fields ?? error.message);
  }
  if (error.validation) {
    return sendError(reply, 'VALIDATION_ERROR', toFieldErrors(error.validation as never, error.validationContext ?? 'body'));
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendError(reply, mapped, mapped === 'JSON_ERROR' ? 'The request body is not valid JSON.' : error.message);
  if (error.statusCode === 429) return sendError(reply, 'TOO_MANY_REQUESTS', error.message);
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON|proto/i.test(error.message))) {
    return sendError(reply, 'JSON_ERROR', 'The request body is not valid JSON.');
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
