import { text, type Text } from '../i18n/text.js';

/** A server message as the user's language says it: the API's own text is English. */
export function problemText(messages: string[] | undefined): Text | null {
  if (!messages || messages.length === 0) return null;
  return text(messages.some((m) => /required|missing|must have|at least/i.test(m)) ? 'error.required' : 'error.invalid');
}
