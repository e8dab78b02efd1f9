import type { FastifyRequest } from 'fastify';
import { validationFailed, type DomainError, type FieldErrors } from '../core/errors.js';

/**
 * NUL (PostgreSQL refuses it in text, SQLite stores it) and lone UTF-16 surrogates (not
 * Unicode; drivers replace or refuse them) are stored differently or not at all by our two
 * databases, so such text is refused once, here at the edge, before any route sees it.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNSTORABLE_MESSAGE = 'must not contain NUL characters or lone surrogates';

/** Reports at most this many fields: enough to fix a request, bounded for a hostile one. */
const MAX_REPORTED = 20;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The dotted paths (as validation errors name fields) of every string, and every object key,
 * holding unstorable text. Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function unstorableFields(value: unknown, prefix: string | null): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string | null]> = [[value, prefix]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) found.push(path ?? 'body');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], join(path, String(i))]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const childPath = join(path, isStorableText(key) ? key : JSON.stringify(key));
        if (!isStorableText(key)) found.push(childPath);
        else stack.push([child, childPath]);
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

const join = (path: string | null, segment: string) => (path === null ? segment : `${path}.${segment}`);

export function unstorableTextError(fields: string[]): DomainError {
  const errors: FieldErrors = Object.create(null);
  for (const field of fields) errors[field] = [UNSTORABLE_MESSAGE];
  return validationFailed(errors);
}

/**
 * preValidation hook: the parsed JSON body and the query string, whatever the route's schema
 * says, so no route can forget. Headers are checked by Node's parser (it refuses NUL; header
 * text is Latin-1, so it has no surrogates) and decoded credentials by auth.ts.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const fields = [...unstorableFields(request.body, null), ...unstorableFields(request.query, 'querystring')];
  if (fields.length > 0) throw unstorableTextError(fields);
}
