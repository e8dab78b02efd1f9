import { sql, type SelectQueryBuilder } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import type { Database, RegistryCompanyRow, RegistryImportRow } from '../../db/tables.js';
import type { DatasetId } from './dataset.js';
import { wordIndexName, type RowsTable } from './import-table.js';
import { nameKeys, numberKey } from './keys.js';

type CompanyRow = Omit<RegistryCompanyRow, 'id'> & { id: number };

export const MAX_RESULTS = 50;
/** Candidates read from the trigram index before ranking; bounds the work of a common word. */
const CANDIDATES = 200;

/** The live import of a dataset, or null when none was imported. */
export async function liveImport(db: Db, dataset: DatasetId) {
  return (await db.selectFrom('registry_imports').selectAll().where('dataset', '=', dataset).where('is_live', '=', 1).executeTakeFirst()) ?? null;
}

/** A query of an import's rows, nothing selected yet. */
type Rows<T extends RowsTable> = SelectQueryBuilder<Database, T, Record<never, never>>;

/** Which import a reader reads: its id, and its own table when it has one. */
export type ImportRef = Pick<RegistryImportRow, 'id' | 'rows_table'>;

/**
 * The rows of an import: its own table (its name is the common table's plus the import's id,
 * with the same columns but `import_id`), or, for an import made before 20261130T0100, its rows
 * of the common table.
 */
export function importRows<T extends RowsTable>(db: Db, live: ImportRef, table: T): Rows<T> {
  // The import's table has the common table's columns: the common table's type describes it.
  if (live.rows_table) return db.selectFrom(live.rows_table as T) as Rows<T>;
  const common = db.selectFrom(table) as Rows<RowsTable>;
  return common.where('import_id', '=', live.id) as Rows<T>;
}

/** Companies whose register number (or, for GLEIF, registration authority number) is `number`. */
export async function companiesByNumber(db: Db, live: ImportRef, number: string, options: { country?: string; limit: number }): Promise<CompanyRow[]> {
  const key = numberKey(number);
  if (!key) return [];
  // Two index lookups rather than one OR, which neither database answers from an index here.
  const rows: CompanyRow[] = [];
  for (const column of ['number_key', 'registered_number_key'] as const) {
    let query = importRows(db, live, 'registry_companies').selectAll().where(column, '=', key);
    if (options.country) query = query.where('country', '=', options.country);
    rows.push(...((await query.limit(options.limit).execute()) as CompanyRow[]));
  }
  return rows.slice(0, options.limit);
}

/**
 * Companies by name, ignoring case, accents, punctuation, legal-form spelling and word order:
 * the same word set first (an index lookup), then names holding every word (trigram index:
 * FTS5 on SQLite, pg_trgm on PostgreSQL), ranked by how much of the name the query covers.
 */
export async function companiesByName(db: Db, live: ImportRef, name: string, options: { country?: string; limit: number }): Promise<CompanyRow[]> {
  const query = nameKeys(name);
  const words = query.searchText.split(' ').filter(Boolean);
  if (words.length === 0) return [];
  let exact = importRows(db, live, 'registry_companies').selectAll().where('name_key', '=', query.nameKey);
  if (options.country) exact = exact.where('country', '=', options.country);
  const found = new Map<number, CompanyRow>();
  for (const row of (await exact.limit(CANDIDATES).execute()) as CompanyRow[]) found.set(row.id, row);
  const indexed = words.filter((word) => word.length >= 3);
  // The same word set is the answer when there is one; names holding the words are the fallback.
  if (found.size === 0 && indexed.length > 0) {
    for (const row of await byWords(db, live, indexed, options.country)) found.set(row.id, row);
  }
  const ranked = [...found.values()]
    .map((row) => ({ row, score: score(row, words, query.nameKey, query.legalForms) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.row.name.length - b.row.name.length);
  return ranked.slice(0, options.limit).map((hit) => hit.row);
}

async function byWords(db: Db, live: ImportRef, words: string[], country: string | undefined): Promise<CompanyRow[]> {
  const countryFilter = country ? sql`and c.country = ${country}` : sql``;
  if (dialectOf(db) === 'postgres') {
    if (live.rows_table) {
      // The import's word index (import-table.ts): names with a word beginning with each query word.
      const query = words.map((word) => `${word}:*`).join(' & ');
      const result = await sql<CompanyRow>`
        select c.* from ${sql.table(live.rows_table)} c
        where to_tsvector('simple', c.search_text) @@ to_tsquery('simple', ${query}) ${countryFilter} limit ${CANDIDATES}`.execute(db);
      return result.rows;
    }
    const likes = sql.join(
      words.map((word) => sql`c.search_text like ${`%${word}%`}`),
      sql` and `,
    );
    const result =
      await sql<CompanyRow>`select c.* from registry_companies c where c.import_id = ${live.id} and ${likes} ${countryFilter} limit ${CANDIDATES}`.execute(db);
    return result.rows;
  }
  if (live.rows_table) {
    // The import's word index: names with a word beginning with each query word, as score() requires.
    const fts = wordIndexName(live.rows_table);
    const match = words.map((word) => `"${word}"*`).join(' AND ');
    const result = await sql<CompanyRow>`
      select c.* from ${sql.table(fts)} f join ${sql.table(live.rows_table)} c on c.id = f.rowid
      where ${sql.table(fts)} match ${match} ${countryFilter} limit ${CANDIDATES}`.execute(db);
    return result.rows;
  }
  // Each word is a quoted FTS5 string (the words are [a-z0-9] only, so no quote to escape).
  const match = words.map((word) => `"${word}"`).join(' AND ');
  const result = await sql<CompanyRow>`
    select c.* from registry_companies_fts f join registry_companies c on c.id = f.rowid
    where registry_companies_fts match ${match} and c.import_id = ${live.id} ${countryFilter} limit ${CANDIDATES}`.execute(db);
  return result.rows;
}

/** 0 when a query word is missing from the name's words; otherwise higher for a closer name. */
function score(row: CompanyRow, words: string[], nameKey: string, legalForms: string[]): number {
  if (row.name_key === nameKey) return 3 + legalBonus(row, legalForms);
  const rowWords = row.search_text.split(' ');
  const whole = words.filter((word) => rowWords.includes(word)).length;
  const partial = words.filter((word) => rowWords.some((rowWord) => rowWord.startsWith(word))).length;
  if (partial < words.length) return 0;
  return 1 + (whole / rowWords.length + partial / rowWords.length) / 2 + legalBonus(row, legalForms);
}

function legalBonus(row: CompanyRow, legalForms: string[]): number {
  if (legalForms.length === 0) return 0;
  const rowForms = nameKeys(row.name).legalForms;
  return legalForms.some((form) => rowForms.includes(form)) ? 0.1 : 0;
}
