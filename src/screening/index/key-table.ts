/**
 * A multimap from string keys to term ids, held in two typed arrays sorted by a
 * 32-bit hash of the key. It replaces a Map of millions of short strings (the
 * one-deletion variants of every term), which would cost hundreds of megabytes.
 * Hash collisions only add candidates; the scorer verifies every one.
 */
export class KeyTable {
  private constructor(
    private readonly hashes: Uint32Array,
    private readonly terms: Uint32Array,
  ) {}

  /**
   * `collect` calls `add` once per (key, term id). Entries are packed into a growing typed array
   * (no pair array per entry, no boxed list: a million-name index has millions of entries).
   */
  static build(collect: (add: (key: string, termId: number) => void) => void): KeyTable {
    return KeyTable.fromHashes((add) => collect((key, termId) => add(hashKey(key), termId)));
  }

  /** `build` from the keys' hashes (`hashKey`), for keys never made as strings. An entry added twice is held once. */
  static fromHashes(collect: (add: (hash: number, termId: number) => void) => void): KeyTable {
    let packed = new Float64Array(1 << 16);
    let count = 0;
    collect((hash, termId) => {
      if (count === packed.length) {
        const grown = new Float64Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[count++] = hash * 2 ** 21 + termId;
    });
    const sorted = packed.subarray(0, count).sort();
    const hashes = new Uint32Array(sorted.length);
    const terms = new Uint32Array(sorted.length);
    let n = 0;
    for (let i = 0; i < sorted.length; i++) {
      const value = sorted[i]!;
      if (i > 0 && value === sorted[i - 1]) continue;
      hashes[n] = Math.floor(value / 2 ** 21);
      terms[n] = value % 2 ** 21;
      n++;
    }
    return new KeyTable(hashes.slice(0, n), terms.slice(0, n));
  }

  /** Calls `visit` with every term id stored under `key` (and any colliding key). */
  forEach(key: string, visit: (termId: number) => void): void {
    const hash = hashKey(key);
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < hash) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.hashes.length && this.hashes[i] === hash; i++) visit(this.terms[i]!);
  }

  get size(): number {
    return this.hashes.length;
  }
}

export const MAX_TERMS = 2 ** 21;

/** FNV-1a, 32 bits. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * `hashKey` of `term` and of each string `oneDeletions(term)` holds, without making the strings
 * (the build hashes millions of them): each variant's hash goes on from the hash of the letters
 * before the deleted one. A variant that two deletions give ("anna": "ana") is visited twice.
 */
export function forEachDeletionHash(term: string, visit: (hash: number) => void): void {
  let prefix = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    let h = prefix;
    for (let j = i + 1; j < term.length; j++) {
      h ^= term.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    visit(h >>> 0);
    prefix ^= term.charCodeAt(i);
    prefix = Math.imul(prefix, 0x01000193);
  }
  visit(prefix >>> 0);
}

export function oneDeletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) {
    const variant = term.slice(0, i) + term.slice(i + 1);
    if (!out.includes(variant)) out.push(variant);
  }
  return out;
}
