import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// Theme logos uploaded in the back office. The bytes are a `stored_files` row (no company: a
// logo is the partner's public brand, not personal data, so it is stored as it is); this table
// marks which stored files are logos, the only ones the public logo route serves.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('theme_logos')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_logos_pk', ['hash', 'partner_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('theme_logos').execute();
}
