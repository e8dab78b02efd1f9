import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per imported version of a list; exactly one live version per source.
  await db.schema
    .createTable('screening_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('entity_count', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addColumn('is_live', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_lists_live').on('screening_lists').column('source').unique().where(sql.ref('is_live'), '=', 1).execute();

  await db.schema
    .createTable('screening_entities')
    .addColumn('list_id', 'text', (c) => c.notNull().references('screening_lists.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_entities_pk', ['list_id', 'entity_id'])
    .execute();

  // One row per screened subject (the company, each beneficiary): its current status.
  await db.schema
    .createTable('screening_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('list_versions', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_subjects_subject').on('screening_subjects').columns(['company_id', 'subject_id']).unique().execute();

  // Hits are kept across screenings: a reviewer's resolution stays with (subject, listed entity).
  await db.schema
    .createTable('screening_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_row_id', 'text', (c) => c.notNull().references('screening_subjects.id'))
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_fingerprint', 'text', (c) => c.notNull())
    .addColumn('score', sql.raw('double precision'), (c) => c.notNull())
    .addColumn('is_alert', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolution_comment', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_hits_subject').on('screening_hits').columns(['subject_row_id', 'entity_id']).unique().execute();
  await db.schema.createIndex('screening_hits_company').on('screening_hits').column('company_id').execute();

  // Screening requests ride on the company row: set by submit, on demand, or a list change.
  for (const column of ['screening_requested_at', 'screening_lease_until', 'screened_at']) {
    await db.schema.alterTable('companies').addColumn(column, 'bigint').execute();
  }
  await db.schema.createIndex('companies_screening').on('companies').column('screening_requested_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('companies_screening').execute();
  for (const column of ['screening_requested_at', 'screening_lease_until', 'screened_at']) {
    await db.schema.alterTable('companies').dropColumn(column).execute();
  }
  for (const table of ['screening_hits', 'screening_subjects', 'screening_entities', 'screening_lists']) {
    await db.schema.dropTable(table).execute();
  }
}
