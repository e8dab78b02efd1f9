import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every version of a partner's risk model is kept: an assessment names the version it used.
  await db.schema
    .createTable('risk_models')
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_models_pk', ['partner_id', 'version'])
    .execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('floor', 'text')
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_assessments_company').on('risk_assessments').columns(['company_id', 'created_at']).execute();

  // The latest level, for the list filter; and a recompute request the worker answers.
  await db.schema.alterTable('companies').addColumn('risk_level', 'text').execute();
  await db.schema.alterTable('companies').addColumn('risk_requested_at', 'bigint').execute();
  // Shaped like the company list's other filter indexes (20261127T1400-review).
  await db.schema.createIndex('companies_risk_level').on('companies').columns(['partner_id', 'risk_level', 'created_at', 'id']).where(sql<boolean>`search_text is not null`).execute();
  await db.schema.createIndex('companies_risk_requested').on('companies').column('risk_requested_at').where(sql.ref('risk_requested_at'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('companies_risk_requested').execute();
  await db.schema.dropIndex('companies_risk_level').execute();
  await db.schema.alterTable('companies').dropColumn('risk_requested_at').execute();
  await db.schema.alterTable('companies').dropColumn('risk_level').execute();
  await db.schema.dropTable('risk_assessments').execute();
  await db.schema.dropTable('risk_models').execute();
}
