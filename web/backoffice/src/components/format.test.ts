import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from './format.js';

/** Shows the message key and its values, so the test reads which wording was chosen. */
const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as Parameters<typeof formatTimeLeft>[0];

describe('time left to a deadline', () => {
  it('says what is left, what is overdue, and that the clock is paused while the client has the form', () => {
    expect(formatTimeLeft(t, null)).toBe('—');
    expect(formatTimeLeft(t, { timeLeftMs: (26 * 60 + 5) * 60_000, isPaused: false })).toBe(
      'deadline.left {"duration":"age.days {\\"days\\":1,\\"hours\\":2}"}',
    );
    expect(formatTimeLeft(t, { timeLeftMs: -90 * 60_000, isPaused: false })).toBe('deadline.overdue {"duration":"age.hours {\\"hours\\":1,\\"minutes\\":30}"}');
    expect(formatTimeLeft(t, { timeLeftMs: 30 * 60_000, isPaused: true })).toBe('deadline.paused {"duration":"age.minutes {\\"minutes\\":30}"}');
  });
});
