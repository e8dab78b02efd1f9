import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screeningDataDir } from '../../test/screening/data-dir.js';
import { buildIndex } from './index/build-index.js';
import { canonicalJson, entityFingerprint } from './fingerprint.js';
import { parseList } from './sources/parse-list.js';

describe('entity identity across imports', () => {
  it('gives the same ids and fingerprints when the same file is imported twice', async () => {
    const path = join(screeningDataDir(), 'un/consolidated.xml');
    const [first, second] = await Promise.all([parseList('un', { path }), parseList('un', { path })]);
    expect(second.entities.map((e) => e.id)).toEqual(first.entities.map((e) => e.id));
    expect(second.entities.map(entityFingerprint)).toEqual(first.entities.map(entityFingerprint));
  });

  it('changes the fingerprint when a listed detail changes, not when key order does', async () => {
    const un = await parseList('un', { path: join(screeningDataDir(), 'un/consolidated.xml') });
    const entity = un.entities[0]!;
    const reordered = Object.fromEntries(Object.entries(entity).reverse()) as typeof entity;
    expect(entityFingerprint(reordered)).toBe(entityFingerprint(entity));
    const renamed = { ...entity, names: [...entity.names, { full: 'NEW ALIAS', kind: 'alias' as const, script: 'Latn', isFormer: false }] };
    expect(entityFingerprint(renamed)).not.toBe(entityFingerprint(entity));
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
  });

  it('builds an index from entities that went through JSON storage and finds the same hits', async () => {
    const un = await parseList('un', { path: join(screeningDataDir(), 'un/consolidated.xml') });
    const stored = JSON.parse(JSON.stringify(un.entities));
    const query = { name: 'Sadam Husein al-Tikriti', kind: 'person' as const };
    expect(buildIndex(stored).search(query)).toEqual(buildIndex(un.entities).search(query));
  });
});
