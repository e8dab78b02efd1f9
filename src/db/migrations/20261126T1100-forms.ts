import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const companyColumns: Array<[string, string, (c: any) => any]> = [
    ['flow_id', 'text', (c) => c],
    ['questionnaire_id', 'text', (c) => c],
    ['questionnaire_required', 'integer', (c) => c.notNull().defaultTo(1)],
    ['info', 'text', (c) => c],
    ['client_system', 'text', (c) => c],
    ['form_created_at', 'bigint', (c) => c],
    ['approval_status', 'text', (c) => c],
    ['deny_reason', 'text', (c) => c],
    ['submission_time', 'bigint', (c) => c],
    ['initial_submission_time', 'bigint', (c) => c],
    ['sole_proprietor', 'integer', (c) => c.notNull().defaultTo(0)],
    ['updated_at', 'bigint', (c) => c.notNull().defaultTo(0)],
  ];
  for (const [name, type, build] of companyColumns) {
    await db.schema.alterTable('companies').addColumn(name, sql.raw(type), build).execute();
  }

  await db.schema
    .createTable('beneficiaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('parent_id', 'text', (c) => c.references('beneficiaries.id'))
    .addColumn('info_type', 'text', (c) => c.notNull())
    .addColumn('beneficiary_types', 'text', (c) => c.notNull())
    .addColumn('info', 'text', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('form_filler', 'integer', (c) => c.notNull())
    .addColumn('ownership_percentage', sql.raw('double precision'))
    .addColumn('scan_ref', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('beneficiaries_company').on('beneficiaries').columns(['company_id', 'created_at']).execute();
  await db.schema.createIndex('beneficiaries_parent').on('beneficiaries').column('parent_id').execute();

  // Files are stored once by content hash; documents and answers refer to them.
  await db.schema
    .createTable('stored_files')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_company').on('documents').columns(['company_id', 'beneficiary_id', 'created_at']).execute();
  await db.schema.createIndex('documents_file').on('documents').column('file_hash').execute();

  await db.schema
    .createTable('questionnaire_answers')
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('is_complete', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaire_answers_pk', ['company_id', 'questionnaire_id'])
    .execute();

  await db.schema
    .createTable('answer_files')
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_files_pk', ['company_id', 'questionnaire_id', 'file_hash'])
    .execute();
  await db.schema.createIndex('answer_files_file').on('answer_files').column('file_hash').execute();

  await db.schema
    .createTable('audit_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_logs_company').on('audit_logs').columns(['company_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_logs', 'answer_files', 'questionnaire_answers', 'documents', 'stored_files', 'beneficiaries']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['flow_id', 'questionnaire_id', 'questionnaire_required', 'info', 'client_system', 'form_created_at', 'approval_status', 'deny_reason', 'submission_time', 'initial_submission_time', 'sole_proprietor', 'updated_at']) {
    await db.schema.alterTable('companies').dropColumn(column).execute();
  }
}
