import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A case's latest register check (automation): the profile, the comparison with the form and
  // the undeclared persons in `body`, sealed with the company's key; the profile's JSON and PDF
  // as stored files. One row per company, replaced whole by the next check.
  await db.schema
    .createTable('company_register_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('company_id', 'text', (c) => c.notNull().unique().references('companies.id'))
    .addColumn('provider', 'text')
    .addColumn('country', 'text')
    .addColumn('registration_number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('data_file_hash', 'text')
    .addColumn('report_file_hash', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('company_register_checks').execute();
}
