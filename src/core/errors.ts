/**
 * The closed set of domain error codes. Each is a stable string that appears in the docs;
 * the HTTP layer maps codes to statuses and the wire envelope in one table.
 */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'AUTHENTICATION_FAILED'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PAYLOAD_TOO_LARGE'
  | 'PAYMENT_REQUIRED'
  | 'SERVICE_UNAVAILABLE'
  | 'REGISTRY_UNAVAILABLE'
  | 'FORBIDDEN'
  | 'SIGN_IN_FAILED'
  | 'TOTP_REQUIRED'
  | 'ACCOUNT_LOCKED'
  | 'CSRF_FAILED';

import { emptyRecord } from '../shared/records.js';

/** Field path -> messages, as in a validation error's `message`. Paths hold user-chosen keys. */
export type FieldErrors = Record<string, string[]>;

/** An empty FieldErrors with no prototype: a path such as "constructor" must not find Object. */
export function fieldErrors(): FieldErrors {
  return emptyRecord();
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  /** iDenfy's `{detail, completed}` message for a token whose form is already submitted. */
  readonly completed: boolean;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, options: { completed?: boolean } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
    this.completed = options.completed ?? false;
  }
}

export function conflict(message: string): DomainError {
  return new DomainError('CONFLICT', message);
}

export function validationFailed(fields: FieldErrors): DomainError {
  return new DomainError('VALIDATION_ERROR', 'Validation failed.', fields);
}

/** Throws when `fields` holds any problem. */
export function assertValid(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found.`);
}

export function invalidField(field: string, message: string): DomainError {
  const fields = fieldErrors();
  fields[field] = [message];
  return new DomainError('VALIDATION_ERROR', 'Validation failed.', fields);
}
