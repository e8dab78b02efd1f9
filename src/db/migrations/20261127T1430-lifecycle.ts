import type { Kysely } from 'kysely';

const COMPANY_COLUMNS = [
  // JSON {items, message, tokenId, requestedAt} while the client corrects the form.
  ['info_request', 'text'],
  ['expiration_status', 'text'],
  ['automation_ran_at', 'bigint'],
  // JSON: the outcome of each automated check of the last run.
  ['automation_statuses', 'text'],
] as const;

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [column, type] of COMPANY_COLUMNS) await db.schema.alterTable('companies').addColumn(column, type).execute();
  // The expiry job looks for unsubmitted companies not yet marked.
  await db.schema.createIndex('companies_unexpired').on('companies').columns(['submission_time', 'expiration_status']).execute();

  // One row per automation run: the quota counts them, and an open run remembers the status to return to.
  await db.schema
    .createTable('automation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('previous_status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('statuses', 'text')
    .execute();
  await db.schema.createIndex('automation_runs_partner').on('automation_runs').columns(['partner_id', 'requested_at']).execute();
  await db.schema.createIndex('automation_runs_company').on('automation_runs').columns(['company_id', 'finished_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('automation_runs').execute();
  await db.schema.dropIndex('companies_unexpired').execute();
  for (const [column] of COMPANY_COLUMNS) await db.schema.alterTable('companies').dropColumn(column).execute();
}
