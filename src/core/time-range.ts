import { isDate, parseDateTime } from '../shared/dates.js';
import { invalidField } from './errors.js';

/**
 * iDenfy's comma-separated date-time list filters (`created`, `checkedAt`) read as `from,to`:
 * from inclusive, to exclusive, either may be empty; a date alone is its midnight UTC. Anything
 * else, a day that does not exist (2026-02-30) included, is a 400 on `field`.
 */
export function timeRange(field: string, value: string | undefined): [number | null, number | null] {
  if (value === undefined) return [null, null];
  const parts = value.split(',');
  if (parts.length > 2) throw invalidField(field, 'must be at most two date-times: from,to');
  const [from, to] = [parts[0] ?? '', parts[1] ?? ''].map((part) => {
    const text = part.trim();
    if (text === '') return null;
    const ms = isDate(text) ? Date.parse(`${text}T00:00:00Z`) : parseDateTime(text);
    if (ms === null) throw invalidField(field, `"${text.slice(0, 40)}" is not a date-time`);
    return ms;
  }) as [number | null, number | null];
  if (from !== null && to !== null && from >= to) throw invalidField(field, 'the start must be before the end');
  return [from, to];
}
