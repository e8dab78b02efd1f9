import type { Question } from '../../schemas/questionnaire.js';
import { parseDateTime } from '../../shared/dates.js';
import { checkTypedValue } from '../forms/values.js';

const PATTERNS: Record<string, [RegExp, string]> = {
  COLOR: [/^#[0-9A-Fa-f]{6}$/, 'must be a colour as #rrggbb'],
  EMAIL: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'],
  TEL: [/^\+[1-9][0-9]{1,14}$/, 'must be a phone number in E.164 format, such as +37060000000'],
  TIME: [/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time as HH:MM'],
  URL: [/^https?:\/\/[^\s]+$/, 'must be an http or https URL'],
};
const DATETIME_MESSAGE = 'must be a date and time in ISO 8601 with a time zone';

const TEXT_LIMITS: Record<string, number> = { TEXT: 1000, TEXT_AREA: 10_000, PASSWORD: 1000, EMAIL: 254, URL: 2000, TEL: 16, COLOR: 7, TIME: 8, DATETIME: 40 };

/** An empty text or list is no answer at all. */
export function isUnanswered(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks a non-file answer against its question (see docs/questionnaires.md for each type's
 * JSON); returns a message or null.
 */
export function checkAnswerValue(question: Question, value: unknown): string | null {
  const { type } = question;
  if (Object.hasOwn(TEXT_LIMITS, type)) {
    const max = TEXT_LIMITS[type] ?? 1000;
    if (typeof value !== 'string' || value.length > max) return `must be text of at most ${max} characters`;
    const pattern = PATTERNS[type];
    if (pattern && !pattern[0].test(value)) return pattern[1];
    if (type === 'DATETIME' && parseDateTime(value) === null) return DATETIME_MESSAGE;
    return null;
  }
  if (type === 'LIST') {
    const ok = Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 1000);
    return ok ? null : 'must be a list of up to 100 non-empty texts';
  }
  return checkTypedValue(type, value, { choices: question.choices });
}
