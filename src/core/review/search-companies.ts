import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';

/** A trigram index answers substrings of this many characters or more. */
export const TRIGRAM_MIN_LENGTH = 3;

/**
 * How the list's `q` (already folded by foldSearch) is found: a substring of search_text.
 *
 * - SQLite: a phrase of trigrams in the FTS5 index company_search_fts (migration
 *   20261127T1650). A phrase matches where its trigrams stand side by side, which is exactly
 *   where the text holds the substring. company_search maps its rowids to the companies and
 *   holds their partner and creation time, so `q` alone never reads companies.
 * - PostgreSQL: `like '%..%'`, which the pg_trgm GIN index companies_search_trgm answers.
 * - Shorter than three characters no trigram exists: `like` on both, along the list's own walk
 *   in created order. Such a query matches a large share of the companies, so the page is found
 *   after a short walk; its exact count reads every listed company of the partner (measured in
 *   the bench as "q (2 characters)" and "q (1 character)").
 */
export function isTrigramSearch(db: Db, folded: string): boolean {
  return folded.length >= TRIGRAM_MIN_LENGTH && dialectOf(db) === 'sqlite';
}

/** SQLite, trigram search: the partner's listed companies whose text holds `folded`. */
export function searchedCompanies(db: Db, partnerId: string, folded: string): SelectQueryBuilder<Database, 'company_search', object> {
  const phrase = `"${folded.replace(/"/g, '""')}"`;
  return db
    .selectFrom('company_search')
    .where('partner_id', '=', partnerId)
    .where(sql<SqlBool>`rowid in (select rowid from company_search_fts where company_search_fts match ${phrase})`);
}

/** The `q` condition on companies, for a search combined with other filters. */
export function matchesSearch(db: Db, partnerId: string, folded: string): RawBuilder<SqlBool> {
  if (isTrigramSearch(db, folded)) {
    return sql<SqlBool>`companies.id in (${searchedCompanies(db, partnerId, folded).select('company_id')})`;
  }
  return sql<SqlBool>`companies.search_text like ${`%${escapeLike(folded)}%`} escape '\\'`;
}

/** `%`, `_` and the escape character itself match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
