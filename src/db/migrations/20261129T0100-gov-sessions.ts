import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The company a GOV1/GOV2 session picked from a register (core/gov-sessions): one row per
  // form, replaced by a new pick (GOV1 only). `profile` is the register's profile as read by the
  // server, sealed with the company's key (it names officers and owners); `locked_fields` and
  // `register_beneficiaries` hold property names and beneficiary ids only.
  await db.schema
    .createTable('gov_sessions')
    .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('token_type', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('company_number', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('locked_fields', 'text', (c) => c.notNull())
    .addColumn('register_beneficiaries', 'text', (c) => c.notNull())
    .addColumn('picked_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gov_sessions').execute();
}
