import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';

/** A trigram index answers substrings of this many characters or more; `q` needs as many. */
export const TRIGRAM_MIN_LENGTH = 3;

/** Bits of a search rowid below the partner's slot (migration 20261128T0700). */
const SLOT_BITS = 40;

/**
 * How the list's `q` (already folded by foldSearch) is found: a substring of search_text.
 *
 * - SQLite: a phrase of trigrams in the FTS5 index company_search_fts. A phrase matches where
 *   its trigrams stand side by side, which is exactly where the text holds the substring. Each
 *   partner's companies are one rowid range of that index (its slot << 40 plus a sequence), so
 *   the partner's matches are counted from the index alone; company_search maps the rowids to
 *   companies and carries the list's filters and creation time.
 * - PostgreSQL: `like '%..%'` on company_search (a narrow copy of the listed companies with the
 *   list's filters, migration 20261129T0200), which its pg_trgm GIN index company_search_trgm
 *   answers; the candidates are rechecked in that table's small heap, not in companies'.
 */
export function usesSearchIndex(db: Db): boolean {
  return dialectOf(db) === 'sqlite';
}

/** SQLite: the rowids of the partner's listed companies whose text holds `folded`. */
export function partnerMatches(partnerId: string, folded: string): RawBuilder<unknown> {
  const phrase = phraseOf(folded);
  const slot = sql`(select slot from company_search_partitions where partner_id = ${partnerId})`;
  return sql`select rowid from company_search_fts where company_search_fts match ${phrase}
    and rowid >= ${slot} << ${sql.raw(String(SLOT_BITS))} and rowid < (${slot} + 1) << ${sql.raw(String(SLOT_BITS))}`;
}

/** SQLite: how many of the partner's listed companies hold `folded`, from the index alone. */
export async function countMatches(db: Db, partnerId: string, folded: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`select count(*) as count from (${partnerMatches(partnerId, folded)})`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/** SQLite: the condition that one company_search row (the outer query's) holds `folded`, probed in the index. */
export function isMatch(folded: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from company_search_fts where company_search_fts match ${phraseOf(folded)} and rowid = company_search.rowid)`;
}

/** The `q` condition on a company_search row: in the partner's matches (SQLite) or a trigram `like` (PostgreSQL). */
export function searchMatches(db: Db, partnerId: string, folded: string): RawBuilder<SqlBool> {
  if (usesSearchIndex(db)) return sql<SqlBool>`company_search.rowid in (${partnerMatches(partnerId, folded)})`;
  return sql<SqlBool>`company_search.search_text like ${`%${escapeLike(folded)}%`} escape '\\'`;
}

/** The `q` condition on companies: a membership test in company_search's matches. */
export function matchesSearch(db: Db, partnerId: string, folded: string): RawBuilder<SqlBool> {
  if (usesSearchIndex(db)) {
    return sql<SqlBool>`companies.id in (select company_id from company_search where rowid in (${partnerMatches(partnerId, folded)}))`;
  }
  return sql<SqlBool>`companies.id in (select company_id from company_search where partner_id = ${partnerId} and ${searchMatches(db, partnerId, folded)})`;
}

/** An FTS5 phrase: its trigrams side by side, which is where the text holds the substring. */
function phraseOf(folded: string): string {
  return `"${folded.replace(/"/g, '""')}"`;
}

/** `%`, `_` and the escape character itself match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
