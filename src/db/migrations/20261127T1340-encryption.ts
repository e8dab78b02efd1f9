import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One data key per company, stored only wrapped (encrypted) by a master key that never
  // touches the database. Deleting the row makes every ciphertext of the company unreadable,
  // backups included (crypto-erasure).
  await db.schema
    .createTable('company_keys')
    .addColumn('company_id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('rewrapped_at', 'bigint')
    .execute();
  await db.schema.createIndex('company_keys_master').on('company_keys').column('master_key_id').execute();
  // Files encrypted with a company's key belong to that company; null: a plaintext file stored
  // before encryption (kept readable as it is).
  await db.schema.alterTable('stored_files').addColumn('company_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stored_files').dropColumn('company_id').execute();
  await db.schema.dropTable('company_keys').execute();
}
