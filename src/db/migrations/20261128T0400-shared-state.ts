import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// State that several servers on one PostgreSQL must share instead of keeping per process:
// the documents themselves (when the file store is the database) and rate limit counters.
// Both tables exist on SQLite too, so the schema is the same everywhere; SQLite deployments
// keep files on disk and counters in memory.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // One row per stored file, named by its id (a hash); written_at restarts when it is stored again.
  await db.schema
    .createTable('file_blobs')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('bytes', isPostgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('written_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('file_blobs_written_at').on('file_blobs').column('written_at').execute();

  // Requests counted per limiter key (a SHA-256, never the address or id itself) and fixed window.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_hits_window_start').on('rate_limit_hits').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_hits').execute();
  await db.schema.dropTable('file_blobs').execute();
}
