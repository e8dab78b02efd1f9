import type { Kysely } from 'kysely';

// The review clock (see core/review-controls/deadline.ts): started at the first submission,
// paused while the form waits for the client, due_at derived from both and the risk level.
const COMPANY_COLUMNS = [
  ['review_started_at', 'bigint'],
  ['review_paused_ms', 'bigint'],
  ['review_paused_at', 'bigint'],
  ['review_due_at', 'bigint'],
] as const;

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [column, type] of COMPANY_COLUMNS) await db.schema.alterTable('companies').addColumn(column, type).execute();
  // The queue's "overdue first": open cases by due time, per partner.
  await db.schema.createIndex('companies_review_due').on('companies').columns(['partner_id', 'review_due_at', 'id']).execute();

  // Per partner: four-eyes levels, deadlines per risk level, automatic assignment (JSON).
  await db.schema
    .createTable('review_policies')
    .addColumn('partner_id', 'text', (c) => c.primaryKey().references('partners.id'))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // A decision waiting for a second reviewer; at most one per company.
  await db.schema
    .createTable('pending_decisions')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('approval_status', 'text', (c) => c.notNull())
    .addColumn('deny_reason', 'text')
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'bigint', (c) => c.notNull())
    .addColumn('evidence_hash', 'text', (c) => c.notNull())
    .execute();

  // A reviewer's decision on one document.
  await db.schema
    .createTable('document_reviews')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_reviews_company').on('document_reviews').columns(['company_id']).execute();

  // What the form held at each submission (sealed with the company's key).
  await db.schema
    .createTable('submission_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_snapshots_company').on('submission_snapshots').columns(['company_id', 'submitted_at']).execute();

  // A manager's saved queue filters.
  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_manager').on('saved_views').columns(['manager_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['saved_views', 'submission_snapshots', 'document_reviews', 'pending_decisions', 'review_policies']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('companies_review_due').execute();
  for (const [column] of COMPANY_COLUMNS) await db.schema.alterTable('companies').dropColumn(column).execute();
}
