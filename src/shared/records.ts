/**
 * Records keyed by names a user chose (questionnaire sections and questions, custom fields,
 * field paths in errors). A plain `{}` inherits `constructor`, `toString`, `__proto__` and the
 * rest of Object.prototype: writing `obj[key] ??= {}` with such a key reaches a shared built-in
 * (one partner's answer once replaced `Object.entries` for every partner), and reading
 * `obj[key]` finds an inherited value nobody stored. So these records have no prototype, and
 * every lookup asks for an own property.
 */

/** Names refused wherever a user defines a key: every Object.prototype property, and the names that reach prototypes. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype', 'constructor']);

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

export const RESERVED_KEY_MESSAGE = 'is a reserved name (a property of JavaScript objects, such as "constructor" or "toString"); choose another key';

/** An empty record with no prototype. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** `record[key]` only when the record itself holds it: never an inherited built-in. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record !== null && record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Later records win, as with `{ ...a, ...b }`, into a record with no prototype. */
export function mergeRecords<T>(...records: (Readonly<Record<string, T>> | null | undefined)[]): Record<string, T> {
  const merged = emptyRecord<T>();
  for (const record of records) if (record) for (const [key, value] of Object.entries(record)) merged[key] = value;
  return merged;
}

/** JSON.parse whose objects have no prototype, for stored JSON that holds user-chosen keys. */
export function parseRecordJson<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? recordFrom(Object.entries(value)) : value,
  ) as T;
}
