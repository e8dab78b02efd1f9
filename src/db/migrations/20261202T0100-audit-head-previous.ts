import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// The head keeps the hash it had before its last advance. On PostgreSQL an audit entry is then
// appended in one statement: the head's UPDATE computes the new hash from the old in SQL
// (sha256) and sets both, and its RETURNING gives the entry its seq, prev_hash and hash, which
// the same statement inserts. That is one round trip less while the partner's head is locked.
// SQLite computes the hash in the process, as before, and leaves the column empty.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_heads').addColumn('prev_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_heads').dropColumn('prev_hash').execute();
}
