import { sql } from 'kysely';
import { dialectOf, type Db } from './database.js';

/**
 * A number that changes whenever a commit lands in the database, by this process or another:
 * SQLite's `data_version` read on the reader connection (which never writes itself, so every
 * commit is another connection's). A read derived from the data while it holds one value may be
 * reused while it holds it still. Null where there is no such number (PostgreSQL, or inside a
 * transaction, whose own writes it would not count): never reuse then.
 */
export async function dataVersion(db: Db): Promise<number | null> {
  if (db.isTransaction || dialectOf(db) !== 'sqlite') return null;
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return rows[0]?.data_version ?? null;
}

/** Reads kept per database while its data version holds: at most this many (a queue page asks for two). */
const KEPT_READS = 8;
const keptReads = new WeakMap<Db, { version: number; reads: Map<string, Promise<unknown>> }>();

/**
 * `read()`, or the same read's result (in flight or done) while no commit has landed since it
 * began: the back office asks for a queue page and its status tabs at once, and both may need
 * one counting. Kept only when no commit landed while reading (its result is then that of the
 * version it was keyed with); never kept where dataVersion is null.
 */
export async function keptWhileUnchanged<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  const version = await dataVersion(db);
  if (version === null) return read();
  let kept = keptReads.get(db);
  if (kept?.version !== version) {
    kept = { version, reads: new Map() };
    keptReads.set(db, kept);
  }
  const found = kept.reads.get(key);
  if (found) return found as Promise<T>;
  if (kept.reads.size >= KEPT_READS) kept.reads.clear();
  const reading = read();
  kept.reads.set(key, reading);
  const drop = () => {
    if (kept.reads.get(key) === reading) kept.reads.delete(key);
  };
  try {
    const result = await reading;
    if ((await dataVersion(db)) !== version) drop();
    return result;
  } catch (error) {
    drop();
    throw error;
  }
}
