/**
 * Dates and date-times a client sends, read strictly. `Date.parse` rolls an impossible day
 * over (2026-02-30 becomes 2 March, 24:00 the next day), so every date from outside is checked
 * here, field by field, before anything turns it into a time.
 */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// RFC 3339 (5.6) lets `T` and `Z` be written in lower case.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** True for a real calendar date in YYYY-MM-DD (2026-02-30 is not). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The epoch milliseconds of an ISO 8601 date-time with a zone, seconds optional
 * (`2026-02-01T10:00Z`, `2026-02-01T10:00:00.5+02:00`), or null when it is malformed or names
 * a day or time that does not exist (2026-02-30, 24:00, 10:60).
 */
export function parseDateTime(value: string): number | null {
  const match = DATE_TIME.exec(value);
  return match && isDate(match[1]) ? Date.parse(value) : null;
}
