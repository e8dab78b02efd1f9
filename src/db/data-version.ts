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
