import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // When the retention job erased a decided case's personal data; the company row stays as a
  // stub (ids, status, decision, dates) so its audit trail still points at something.
  await db.schema.alterTable('companies').addColumn('erased_at', 'bigint').execute();
  // The retention job looks for decided cases not yet erased, oldest change first.
  await db.schema.createIndex('companies_retention').on('companies').columns(['erased_at', 'approval_status', 'updated_at']).execute();
  // The body and delivery purges look for old final deliveries.
  await db.schema.createIndex('webhook_deliveries_final').on('webhook_deliveries').columns(['status', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_final').execute();
  await db.schema.dropIndex('companies_retention').execute();
  await db.schema.alterTable('companies').dropColumn('erased_at').execute();
}
