import type { Translate } from '../i18n/locale.js';

/** A server message as the user's language says it: the API's own text is English. */
export function problemText(t: Translate, messages: string[] | undefined): string | null {
  if (!messages || messages.length === 0) return null;
  return messages.some((m) => /required|missing|must have|at least/i.test(m)) ? t('error.required') : t('error.invalid');
}
