import { ApiError, NetworkError } from '../../../shared/api/errors.js';
import type { Translate } from '../i18n/i18n.js';

/** What to tell the user about a failed call: the server's own message (it is written for people), or a connection problem. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof NetworkError) return t('error.network');
  if (error instanceof ApiError) {
    if (error.fields)
      return Object.entries(error.fields)
        .map(([path, messages]) => `${path}: ${messages.join(' ')}`)
        .join(' ');
    return error.message || t('error.unknown');
  }
  return t('error.unknown');
}
