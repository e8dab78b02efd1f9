import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRecord, isReservedKey, mergeRecords, ownValue, parseRecordJson } from './records.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('records keyed by user-chosen names', () => {
  it('reserves every Object.prototype name, and __proto__, prototype and constructor', () => {
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype', 'constructor']) expect(isReservedKey(name), name).toBe(true);
    expect(isReservedKey('taxId')).toBe(false);
  });

  it('never reads an inherited built-in, and writes every name as an own property', () => {
    const record = emptyRecord<string>();
    for (const name of ['constructor', 'toString', '__proto__', 'valueOf']) {
      expect(ownValue(record, name), name).toBeUndefined();
      record[name] = `v:${name}`;
    }
    expect(Object.keys(record)).toEqual(['constructor', 'toString', '__proto__', 'valueOf']);
    expect(ownValue(JSON.parse('{}') as Record<string, unknown>, 'constructor')).toBeUndefined();
    const merged = mergeRecords(record, { toString: 'later' });
    expect(ownValue(merged, 'toString')).toBe('later');
    expect(Object.getPrototypeOf(merged)).toBeNull();
    const parsed = parseRecordJson<Record<string, Record<string, unknown>>>('{"a":{"__proto__":{"x":1}},"list":[{"b":1}]}');
    expect(Object.getPrototypeOf(parsed.a)).toBeNull();
    expect(Object.hasOwn(parsed.a!, '__proto__')).toBe(true);
    expect({}.constructor).toBe(Object);
  });

  it('src/ builds no user-keyed record from a plain {} (use emptyRecord(), fieldErrors() or a Map)', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const offences = sourceFiles(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          !/^\s*(\*|\/\/)/.test(line) &&
          /\]\s*\?\?=\s*\{\s*\}|:\s*(FieldErrors|Record<string,[^>]*>|StoredSections|StoredCustomValues)\s*=\s*\{\s*\}/.test(line)
            ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offences).toEqual([]);
  });
});
