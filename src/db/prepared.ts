import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './tables.js';

const MARK = '\u0000openkyb-param:';

type DirectReader = (sql: string, parameters: readonly unknown[]) => unknown[] | null;
const directReaders = new WeakMap<object, DirectReader>();

/** Lets prepared reads on this database (not its transactions) skip Kysely's executor (SQLite). */
export function registerDirectReader(db: Kysely<Database>, read: DirectReader): void {
  directReaders.set(db, read);
}

type Slot = { name: string } | { value: unknown };

/**
 * A Kysely query built and compiled once per dialect, then run with new values. Building a
 * query costs about twice as much as running it, which matters on the few hottest paths
 * (authentication, token creation). The query's shape must not depend on the values: each
 * `p.name` becomes one bound parameter.
 */
export function prepared<P extends object, R>(build: (db: Kysely<Database>, p: P) => Compilable<R>): (db: Kysely<Database>, values: P) => Promise<R[]> {
  const cache = new WeakMap<object, { sql: string; slots: Slot[] }>();
  const placeholders = new Proxy({}, { get: (_target, name) => `${MARK}${String(name)}` }) as P;
  return async (db, values) => {
    // Transactions share their database's adapter, so one entry serves both.
    const key = db.getExecutor().adapter;
    let entry = cache.get(key);
    if (!entry) {
      const compiled = build(db, placeholders).compile();
      if (compiled.sql.includes(MARK)) throw new Error('a prepared query used a parameter outside a value position');
      const slots = compiled.parameters.map((value): Slot =>
        typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { value },
      );
      entry = { sql: compiled.sql, slots };
      cache.set(key, entry);
    }
    const parameters = entry.slots.map((slot) => ('name' in slot ? (values as Record<string, unknown>)[slot.name] : slot.value));
    const direct = directReaders.get(db)?.(entry.sql, parameters);
    if (direct) return direct as R[];
    const result = await db.executeQuery<R>(CompiledQuery.raw(entry.sql, parameters));
    return result.rows;
  };
}
