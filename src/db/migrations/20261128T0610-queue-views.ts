import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Automatic assignment breaks ties between equally loaded reviewers by who was given a case least recently.
  await db.schema.alterTable('managers').addColumn('last_assigned_at', 'bigint').execute();
  // A manager's saved views have distinct names: two concurrent saves of one name, one wins.
  await db.schema.createIndex('saved_views_manager_name').on('saved_views').columns(['manager_id', 'name']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('saved_views_manager_name').execute();
  await db.schema.alterTable('managers').dropColumn('last_assigned_at').execute();
}
