import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('api_key', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_keys_partner').on('api_keys').column('partner_id').execute();

  for (const table of ['flows', 'themes', 'questionnaires']) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('deleted_at', 'bigint');
    if (table === 'flows') builder = builder.addColumn('questionnaire_id', 'text');
    if (table === 'questionnaires') builder = builder.addColumn('key', 'text', (c) => c.notNull());
    await builder.execute();
    await db.schema.createIndex(`${table}_partner`).on(table).columns(['partner_id', 'created_at']).execute();
  }
  // A questionnaire key names one live questionnaire per partner; deleted ones free their key.
  await db.schema
    .createIndex('questionnaires_partner_key')
    .on('questionnaires')
    .columns(['partner_id', 'key'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('companies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('companies_partner').on('companies').columns(['partner_id', 'created_at']).execute();

  await db.schema
    .createTable('kyb_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_type', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('locale', 'text')
    .addColumn('flow_id', 'text')
    .addColumn('theme_id', 'text')
    .addColumn('questionnaire_id', 'text')
    .addColumn('questionnaire_required', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('scan_refs', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('deactivated_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kyb_tokens_company').on('kyb_tokens').column('company_id').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['partner_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['idempotency_keys', 'kyb_tokens', 'companies', 'questionnaires', 'themes', 'flows', 'api_keys', 'partners']) {
    await db.schema.dropTable(table).execute();
  }
}
