import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
//
// Official registers imported offline (Companies House basic data and PSC snapshot, GLEIF level 1
// and level 2). Every row belongs to one import; an import is loaded while not live, then made
// live in one transaction, and the rows of the version it replaces are deleted afterwards. Readers
// only ever see the rows of the live import of each dataset.
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (table: string) =>
    db.schema.createTable(table).addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await db.schema
    .createTable('registry_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('row_count', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addColumn('is_live', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_imports_live').on('registry_imports').columns(['dataset', 'is_live']).execute();

  await id('registry_companies')
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text')
    .addColumn('incorporated_on', 'text')
    .addColumn('registered_number_key', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_companies_number').on('registry_companies').columns(['import_id', 'number_key']).execute();
  await db.schema.createIndex('registry_companies_name_key').on('registry_companies').columns(['import_id', 'name_key']).execute();
  await db.schema.createIndex('registry_companies_registered').on('registry_companies').columns(['registered_number_key']).execute();

  await id('registry_persons')
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('company_number_key', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_persons_company').on('registry_persons').columns(['import_id', 'company_number_key']).execute();

  await id('registry_relationships')
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('child_lei', 'text', (c) => c.notNull())
    .addColumn('parent_lei', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_relationships_child').on('registry_relationships').columns(['import_id', 'child_lei']).execute();

  if (isPostgres) {
    // pg_trgm was installed (when the server allows it) by migration 20261127T1650; without it,
    // a name search falls back to the exact word-set key and a scan.
    const found = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
    const trgmSchema = found.rows[0]?.schema;
    if (trgmSchema) {
      await sql`create index registry_companies_trgm on registry_companies using gin (search_text ${sql.id(trgmSchema)}.gin_trgm_ops)`.execute(db);
    }
  } else {
    // A contentless trigram index keyed by the company row's id; contentless_delete lets a
    // replaced version's rows leave the index by rowid alone.
    await sql`create virtual table registry_companies_fts using fts5(search_text, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(db);
    await sql`create trigger registry_companies_fts_insert after insert on registry_companies begin
      insert into registry_companies_fts (rowid, search_text) values (new.id, new.search_text); end`.execute(db);
    await sql`create trigger registry_companies_fts_delete after delete on registry_companies begin
      delete from registry_companies_fts where rowid = old.id; end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop trigger registry_companies_fts_insert`.execute(db);
    await sql`drop trigger registry_companies_fts_delete`.execute(db);
    await sql`drop table registry_companies_fts`.execute(db);
  }
  for (const table of ['registry_relationships', 'registry_persons', 'registry_companies', 'registry_imports']) await db.schema.dropTable(table).execute();
}
