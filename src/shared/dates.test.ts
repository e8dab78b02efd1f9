import { describe, expect, it } from 'vitest';
import { isDate, parseDateTime } from './dates.js';

describe('dates a client sends', () => {
  it('takes a real calendar date and refuses one Date.parse would roll over', () => {
    expect(['2024-02-29', '2026-12-31', '2026-01-01'].filter(isDate)).toHaveLength(3);
    expect(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-01T00:00:00Z', 20260101].filter(isDate)).toEqual([]);
  });

  it('reads a date-time with a zone to the millisecond, seconds optional', () => {
    expect(parseDateTime('2026-02-28T10:00:00Z')).toBe(Date.UTC(2026, 1, 28, 10));
    expect(parseDateTime('2026-02-28T10:00Z')).toBe(Date.UTC(2026, 1, 28, 10));
    expect(parseDateTime('2024-02-29T23:59:59.5+02:00')).toBe(Date.UTC(2024, 1, 29, 21, 59, 59, 500));
    // RFC 3339 allows a lower-case t and z.
    expect(parseDateTime('2026-02-28t10:00:00z')).toBe(Date.UTC(2026, 1, 28, 10));
  });

  it('refuses a date-time on a day or at a time that does not exist, or without a zone', () => {
    const refused = [
      '2026-02-30T10:00:00Z',
      '2026-02-29T10:00:00+02:00',
      '2026-13-01T10:00:00Z',
      '2026-04-31T00:00Z',
      '2026-02-28T24:00:00Z',
      '2026-02-28T10:60:00Z',
      '2026-06-30T23:59:60Z',
      '2026-02-28T10:00:00+24:00',
      '2026-02-28T10:00:00',
      '2026-02-28',
      '2026-02-28 10:00:00Z',
      '2026-02-28T10:00:00+0200',
    ];
    expect(refused.map((value) => [value, parseDateTime(value)])).toEqual(refused.map((value) => [value, null]));
  });
});
