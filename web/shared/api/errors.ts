/** Field path -> messages, as the API's validation errors carry them. */
export type FieldErrors = Record<string, string[]>;

/** An error answer of the API, in iDenfy's envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly identifier: string,
    readonly fields: FieldErrors | null,
    /** 401 with `message.completed`: the form was already submitted. */
    readonly isCompleted: boolean,
    message: string,
  ) {
    super(message);
  }

  /** The token is unknown, expired or deactivated. */
  get isAuthFailure(): boolean {
    return this.status === 401 && !this.isCompleted;
  }
}

/** The request never got an answer (offline, DNS, server down). */
export class NetworkError extends Error {}

export function toApiError(status: number, body: unknown): ApiError {
  const envelope = (body && typeof body === 'object' ? body : {}) as { message?: unknown; identifier?: unknown };
  const message = envelope.message;
  const identifier = typeof envelope.identifier === 'string' ? envelope.identifier : `HTTP_${status}`;
  if (message && typeof message === 'object' && 'completed' in message) {
    const detail = (message as { detail?: unknown }).detail;
    return new ApiError(status, identifier, null, (message as { completed?: unknown }).completed === true, String(detail ?? ''));
  }
  if (message && typeof message === 'object') {
    const fields: FieldErrors = {};
    for (const [path, list] of Object.entries(message as Record<string, unknown>)) {
      fields[path] = Array.isArray(list) ? list.map(String) : [String(list)];
    }
    return new ApiError(status, identifier, fields, false, 'Validation failed.');
  }
  return new ApiError(status, identifier, null, false, typeof message === 'string' ? message : `HTTP ${status}`);
}

/** The messages under one path prefix, keyed by the rest of the path (`company.` -> `email`). */
export function fieldsUnder(fields: FieldErrors | null | undefined, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields ?? {})) {
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = messages;
  }
  return out;
}

/** An answer's body as JSON, or undefined when it is empty or not JSON (a proxy's HTML error page). */
export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
