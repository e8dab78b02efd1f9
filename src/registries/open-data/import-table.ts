import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';

/** The common tables an import's own table takes its columns from (migration 20261128T0300). */
export type RowsTable = 'registry_companies' | 'registry_persons' | 'registry_relationships';

/**
 * The columns an importer writes, in order: `id` is assigned by the table and `import_id` is the
 * table itself, so neither is stored (37 bytes a row and an index prefix saved).
 */
const COLUMNS: Record<RowsTable, readonly string[]> = {
  registry_companies: [
    'country',
    'number',
    'number_key',
    'name',
    'search_text',
    'name_key',
    'status',
    'legal_form',
    'incorporated_on',
    'registered_number_key',
    'data',
  ],
  registry_persons: ['company_number_key', 'data'],
  registry_relationships: ['child_lei', 'parent_lei', 'kind', 'status'],
};
const NULLABLE = new Set(['legal_form', 'incorporated_on', 'registered_number_key']);

/** The indexes the readers use (search.ts, open-data-providers.ts); `sparse` ones skip null values. */
const INDEXES: Record<RowsTable, ReadonlyArray<{ suffix: string; column: string; sparse?: boolean }>> = {
  registry_companies: [
    { suffix: 'number', column: 'number_key' },
    { suffix: 'name_key', column: 'name_key' },
    // Only GLEIF records carry one: the Companies House rows would be millions of null entries.
    { suffix: 'registered', column: 'registered_number_key', sparse: true },
  ],
  registry_persons: [{ suffix: 'company', column: 'company_number_key' }],
  registry_relationships: [{ suffix: 'child', column: 'child_lei' }],
};

/** SQLite: rows per multi-row INSERT (11 columns: 2,200 bound values), one prepared statement reused. */
const STATEMENT_ROWS = 200;
/** SQLite: rows added to the word index per transaction, so the server's writers wait at most one of them. */
const WORD_INDEX_CHUNK = 100_000;
/** SQLite: rows deleted per transaction when a replaced or refused import's table goes. */
const DROP_CHUNK = 100_000;

/** The name of an import's own table: `registry_companies_` + the import's id in hex. */
export function importTableName(table: RowsTable, importId: string): string {
  const name = `${table}_${importId.replace(/-/g, '')}`;
  if (!/^registry_[a-z]+_[0-9a-f]{32}$/.test(name)) throw new Error(`not an import id: ${importId}`);
  return name;
}

/** SQLite's word index of a companies table: the search's fallback for names holding the query's words. */
export function wordIndexName(name: string): string {
  return `${name}_fts`;
}

/** Creates an import's table, without indexes: rows go in at the speed of appends. */
export async function createImportTable(db: Db, table: RowsTable, name: string): Promise<void> {
  const isPostgres = dialectOf(db) === 'postgres';
  const columns = COLUMNS[table].map((column) => sql.raw(`${column} text${NULLABLE.has(column) ? '' : ' not null'}`));
  const id = sql.raw(isPostgres ? 'id bigint generated always as identity' : 'id integer primary key');
  await sql`create table ${sql.table(name)} (${id}, ${sql.join(columns)})`.execute(db);
}

/**
 * A batch of rows as the database takes them, made where the rows are read (read-rows.ts) so
 * the importer's thread only sends them: for PostgreSQL one array literal per column, for
 * SQLite every value in column order, row after row.
 */
export type EncodedRows = { count: number; arrays: string[] } | { count: number; values: Array<string | null> };

/** PostgreSQL's text form of a `text[]`: every element quoted, `\` and `"` escaped, NULL unquoted. */
function arrayLiteral(values: ReadonlyArray<string | null>): string {
  return `{${values.map((value) => (value === null ? 'NULL' : `"${value.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

export function encodeRows(table: RowsTable, dialect: 'postgres' | 'sqlite', rows: ReadonlyArray<Record<string, unknown>>): EncodedRows {
  const columns = COLUMNS[table];
  const valueOf = (row: Record<string, unknown>, column: string) => (row[column] ?? null) as string | null;
  if (dialect === 'postgres') return { count: rows.length, arrays: columns.map((column) => arrayLiteral(rows.map((row) => valueOf(row, column)))) };
  const values: Array<string | null> = [];
  for (const row of rows) for (const column of columns) values.push(valueOf(row, column));
  return { count: rows.length, values };
}

/**
 * Appends encoded rows to an import's table in the caller's transaction: on PostgreSQL one
 * `INSERT ... SELECT FROM unnest(...)` of column arrays (one statement, one round trip, whatever
 * the batch's size); on SQLite multi-row INSERTs whose SQL is fixed, so the driver's prepared
 * statement is reused rather than compiled again per batch.
 */
export async function appendRows(trx: Transaction<Database>, table: RowsTable, name: string, batch: EncodedRows): Promise<void> {
  const columns = COLUMNS[table];
  const list = columns.join(', ');
  if ('arrays' in batch) {
    // Staged rows need not wait for their own fsync: a crash loses an import that is not live
    // anyway (the next one discards it); the switch to live commits as usual.
    await sql`set local synchronous_commit = off`.execute(trx);
    const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
    await trx.executeQuery(CompiledQuery.raw(`insert into ${name} (${list}) select * from unnest(${unnest})`, batch.arrays));
    return;
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const width = columns.length;
  for (let start = 0; start < batch.count; start += STATEMENT_ROWS) {
    const count = Math.min(STATEMENT_ROWS, batch.count - start);
    const values = batch.values.slice(start * width, (start + count) * width);
    await trx.executeQuery(CompiledQuery.raw(`insert into ${name} (${list}) values ${Array(count).fill(tuple).join(', ')}`, values));
  }
}

/**
 * Builds an import's indexes once its rows are in: a sort per index instead of millions of
 * random inserts. Each index is its own statement (SQLite: its own write transaction). Companies
 * get an index of their names' words too: GIN on PostgreSQL, FTS5 on SQLite (filled in
 * transactions of 100,000 rows).
 */
export async function indexImportTable(db: Db, table: RowsTable, name: string): Promise<void> {
  const isPostgres = dialectOf(db) === 'postgres';
  for (const index of INDEXES[table]) {
    const where = index.sparse ? sql` where ${sql.ref(index.column)} is not null` : sql``;
    await sql`create index ${sql.id(`${name}_${index.suffix}`)} on ${sql.table(name)} (${sql.ref(index.column)})${where}`.execute(db);
  }
  if (table === 'registry_companies') {
    if (isPostgres) await wordIndexPostgres(db, name);
    else await wordIndex(db, name);
  }
  // PostgreSQL plans a new table without statistics as a small one: read it once.
  if (isPostgres) await sql`analyze ${sql.table(name)}`.execute(db);
}

/**
 * PostgreSQL: a GIN index of the names' words (`to_tsvector('simple', ...)`, no stemming), read
 * with prefix queries (search.ts). A word is one key where pg_trgm made a dozen trigrams of it,
 * so the index is built several times faster, and it needs no extension.
 */
async function wordIndexPostgres(db: Db, name: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // A GIN index is built in memory before it is written: the default 64 MB means many passes.
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    await sql`create index ${sql.id(`${name}_words`)} on ${sql.table(name)} using gin (to_tsvector('simple', search_text))`.execute(trx);
  });
}

/**
 * SQLite: a contentless FTS5 index of the names' words (not trigrams: every query word must
 * begin a word of the name to rank at all, search.ts, so a prefix query finds the same rows from
 * an index a sixth of the size). Filled by rowid ranges, each its own short write transaction.
 */
async function wordIndex(db: Db, name: string): Promise<void> {
  const fts = wordIndexName(name);
  await sql`create virtual table ${sql.table(fts)} using fts5(search_text, content = '', detail = none)`.execute(db);
  // Pending terms are written as one segment per transaction, not every megabyte.
  // (FTS5 takes its settings as literals, not bound values.)
  await sql`insert into ${sql.table(fts)} (${sql.table(fts)}, rank) values ('hashsize', ${sql.lit(64 * 2 ** 20)})`.execute(db);
  const last = await sql<{ id: number | null }>`select max(id) as id from ${sql.table(name)}`.execute(db);
  const maxId = Number(last.rows[0]?.id ?? 0);
  for (let from = 0; from < maxId; from += WORD_INDEX_CHUNK) {
    await sql`insert into ${sql.table(fts)} (rowid, search_text)
      select id, search_text from ${sql.table(name)} where id > ${from} and id <= ${from + WORD_INDEX_CHUNK}`.execute(db);
  }
}

/**
 * Drops an import's table and, for companies on SQLite, its word index (nothing when absent).
 * SQLite overwrites the pages it frees (secure_delete) under its one write lock: a table of
 * 1,000,000 companies dropped at once held it 2.7 s, so 5,000,000 would make the server's writers
 * give up (busy timeout 5 s). There the table goes in steps, each its own transaction: the word
 * index, each index, rows by 100,000 (0.4 s each at most, measured), then the empty table.
 */
export async function dropImportTable(db: Kysely<Database>, name: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop table if exists ${sql.table(name)}`.execute(db);
    return;
  }
  await sql`drop table if exists ${sql.table(wordIndexName(name))}`.execute(db);
  const found = await sql<{ type: string; name: string }>`
    select type, name from sqlite_master where tbl_name = ${name} and (type = 'table' or (type = 'index' and sql is not null))`.execute(db);
  if (!found.rows.some((row) => row.type === 'table')) return;
  for (const index of found.rows.filter((row) => row.type === 'index')) await sql`drop index if exists ${sql.id(index.name)}`.execute(db);
  const last = await sql<{ id: number | null }>`select max(id) as id from ${sql.table(name)}`.execute(db);
  const maxId = Number(last.rows[0]?.id ?? 0);
  for (let from = 0; from < maxId; from += DROP_CHUNK) {
    await sql`delete from ${sql.table(name)} where id > ${from} and id <= ${from + DROP_CHUNK}`.execute(db);
  }
  await sql`drop table if exists ${sql.table(name)}`.execute(db);
}
