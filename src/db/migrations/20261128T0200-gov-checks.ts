import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A register document a partner ordered; the worker delivers it (attempts, next_attempt_at
  // hold its retries and the lease of the attempt in progress).
  await db.schema
    .createTable('gov_document_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('product_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('document_format', 'text')
    .addColumn('price_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ordered_at', 'bigint', (c) => c.notNull())
    .addColumn('expected_delivery_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('file_hash', 'text')
    .addColumn('file_mime', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('gov_document_orders_partner').on('gov_document_orders').columns(['partner_id', 'ordered_at']).execute();
  await db.schema.createIndex('gov_document_orders_due').on('gov_document_orders').column('next_attempt_at').execute();

  // A US Secretary-of-State report: a company's public record (name, address), stored as it is.
  await db.schema
    .createTable('sos_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('checked_at', 'bigint')
    .addColumn('company_name', 'text')
    .addColumn('formation_date', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('watchlist_hits_count', 'integer')
    .addColumn('data_file_hash', 'text')
    .addColumn('report_file_hash', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('sos_reports_partner').on('sos_reports').columns(['partner_id', 'created_at']).execute();
  await db.schema.createIndex('sos_reports_due').on('sos_reports').column('next_attempt_at').execute();

  // A person-register check: request and result sealed with the check's own data key; the
  // name and surname filters match keyed hashes, never the names themselves.
  await db.schema
    .createTable('registry_center_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('database', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('name_hash', 'text')
    .addColumn('surname_hash', 'text')
    .addColumn('checked_fields', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_center_checks_partner').on('registry_center_checks').columns(['partner_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registry_center_checks').execute();
  await db.schema.dropTable('sos_reports').execute();
  await db.schema.dropTable('gov_document_orders').execute();
}
