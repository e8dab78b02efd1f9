import { describe, expect, it } from 'vitest';
import { newRowId } from './row-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRowId', () => {
  it('makes RFC 9562 version-7 UUIDs in the text shape of every other id', () => {
    const id = newRowId();
    expect(id).toMatch(UUID_V7);
    const ms = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5_000);
  });

  it('orders ids made by one process, even thousands in one millisecond, and never repeats one', () => {
    const ids = Array.from({ length: 20_000 }, newRowId);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
