import anyAscii from 'any-ascii';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // Reviewers. iDenfy's ManagerAccount has an integer id, so this table has one too.
  await db.schema
    .createTable('managers')
    .addColumn('id', isPostgres ? 'serial' : 'integer', (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('managers_email').on('managers').columns(['partner_id', 'email']).unique().execute();

  await db.schema
    .createTable('company_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
    .addColumn('manager_id', 'integer')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('company_comments_company').on('company_comments').columns(['company_id', 'created_at']).execute();

  // Review state, and what the company list filters and searches on.
  for (const [column, type] of [
    ['assigned_to', 'integer'], ['status_changed_at', 'bigint'], ['status_changed_by', 'integer'],
    ['approval_status_changed_at', 'bigint'],
    // Folded (lower case, no accents) company name and registration number, for `q`.
    ['search_text', 'text'],
    // The registration number as entered, for iDenfy's exact `registrationNumber` filter.
    ['registration_number', 'text'],
  ] as const) {
    await db.schema.alterTable('companies').addColumn(column, type).execute();
  }

  await backfillSearch(db);

  // The list is newest first, per partner, optionally narrowed by one filter: one index each,
  // ending in (created_at, id) so a page is a short index walk whatever the table's size. They
  // hold only companies whose form exists (search_text is set with the company info), which
  // are the ones the list shows; a count is then a walk of one index, never of the table.
  const listed = sql<boolean>`search_text is not null`;
  // Superseded by companies_list_created, which also orders by id (no sort step for ties).
  await db.schema.dropIndex('companies_partner').execute();
  await db.schema.createIndex('companies_list_created').on('companies').columns(['partner_id', 'created_at', 'id']).where(listed).execute();
  // risk_level and its list index come with the risk migration (20261127T1420-risk).
  for (const column of ['status', 'approval_status', 'assigned_to', 'registration_number']) {
    await db.schema.createIndex(`companies_list_${column}`).on('companies').columns(['partner_id', column, 'created_at', 'id']).where(listed).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('company_comments').execute();
  await db.schema.dropTable('managers').execute();
}

/** The search columns of the forms created before this migration (same folding as the app's). */
async function backfillSearch(db: Kysely<unknown>): Promise<void> {
  const fold = (text: string) => anyAscii(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
  const rows = await sql<{ id: string; info: string }>`select id, info from companies where info is not null`.execute(db);
  for (const row of rows.rows) {
    const info = JSON.parse(row.info) as { companyName?: string; registrationNumber?: string | null };
    const registrationNumber = info.registrationNumber?.trim() || null;
    const searchText = [fold(info.companyName ?? ''), registrationNumber ? fold(registrationNumber) : ''].join(' ').trim();
    await sql`update companies set search_text = ${searchText}, registration_number = ${registrationNumber} where id = ${row.id}`.execute(db);
  }
}
