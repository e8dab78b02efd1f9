import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// Failed sign-ins of an e-mail that holds no usable account, counted as an account's are, so
// that the lock-out (423 after five failures) no longer tells which e-mails have an account.
// The e-mail is kept only as a keyed hash; a row untouched for a day is deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_misses')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_misses_updated').on('sign_in_misses').column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_misses').execute();
}
