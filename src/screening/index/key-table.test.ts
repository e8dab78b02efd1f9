import { describe, expect, it } from 'vitest';
import { forEachDeletionHash, hashKey, oneDeletions } from './key-table.js';

describe('forEachDeletionHash', () => {
  it('gives the hash of the term and of each of its one-deletion variants, as hashKey of the strings', () => {
    for (const term of ['anna', 'mohammed', 'a', 'ab', 'aaaa', 'schwarzenegger', 'x1y2', 'ivanovich', 'abcdefghijklmnopqrstuvwxyz']) {
      const hashes: number[] = [];
      forEachDeletionHash(term, (hash) => hashes.push(hash));
      expect(new Set(hashes), term).toEqual(new Set([term, ...oneDeletions(term)].map(hashKey)));
      expect(hashes, term).toHaveLength(term.length + 1);
    }
  });
});
