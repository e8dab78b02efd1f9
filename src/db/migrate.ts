import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as init from './migrations/20261126T0930-init.js';
import * as webhooks from './migrations/20261127T0900-webhooks.js';

/** Migrations in order; names are their timestamps and never change once released. */
const migrations: Record<string, Migration> = {
  '20261126T0930-init': init,
  '20261127T0900-webhooks': webhooks,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(await migrationSchema(db)) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Kysely looks for its migration tables in every schema unless told which one; with another
 * OpenKYB (or test run) in a sibling schema of the same database it would find theirs and
 * skip creating its own. Pin them to the schema this connection works in.
 */
async function migrationSchema(db: Db): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0] ? { migrationTableSchema: rows[0].schema } : {};
}
