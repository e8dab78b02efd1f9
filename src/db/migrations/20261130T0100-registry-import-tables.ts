import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// An open-data import's rows in a table of its own (`registry_companies_<import id, hex>`...),
// loaded without indexes, indexed once its rows are in, then made live by flipping `is_live`
// in one transaction; the version it replaces is dropped as a table. Growing four indexes and
// the trigram index of the common table row by row made a 5,000,000-row import take 11 minutes.
// `rows_table` names the import's table; null for an import made before this migration, whose
// rows stay in the common tables (registry_companies...) under their `import_id`, read there
// until the next import of its dataset replaces it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('registry_imports').addColumn('rows_table', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('registry_imports').dropColumn('rows_table').execute();
}
