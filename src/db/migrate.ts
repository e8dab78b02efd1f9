import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as init from './migrations/20261126T0930-init.js';
import * as forms from './migrations/20261126T1100-forms.js';

/** Migrations in order; names are their timestamps and never change once released. */
const migrations: Record<string, Migration> = {
  '20261126T0930-init': init,
  '20261126T1100-forms': forms,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
