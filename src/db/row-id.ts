import { randomFillSync } from 'node:crypto';

const POOL_IDS = 256;
const pool = Buffer.alloc(POOL_IDS * 10);
let next = POOL_IDS;
let lastMs = 0;
let sequence = 0;

/**
 * A new row's primary key: a UUIDv7 (RFC 9562), the same 36-character text as before, but
 * time-ordered. Rows created together sit together at the right edge of every B-tree (SQLite's
 * tables and PostgreSQL's indexes), instead of random v4 keys touching a different page per
 * insert. 74 bits stay random, so an id is still unguessable; ids of rows created before this
 * change stay v4, and nothing parses an id's shape.
 *
 * Within one millisecond a 12-bit counter in `rand_a` keeps this process's ids increasing
 * (RFC 9562 method 1); its start is random, so another process's ids interleave, not collide.
 */
export function newRowId(): string {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  const random = pool.subarray(next * 10, next * 10 + 10);
  next += 1;
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = ((random[0]! << 8) | random[1]!) & 0x3ff;
  } else {
    ms = lastMs;
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      ms = lastMs;
      sequence = 0;
    }
  }
  const hex =
    ms.toString(16).padStart(12, '0') + (0x7000 | sequence).toString(16) + (((0x80 | (random[2]! & 0x3f)) << 8) | random[3]!).toString(16).padStart(4, '0');
  const tail = random.subarray(4, 10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${tail}`;
}
