import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { keptWhileUnchanged } from '../../db/data-version.js';
import { dialectOf, type Db } from '../../db/database.js';

/** A trigram index answers substrings of this many characters or more; `q` needs as many. */
export const TRIGRAM_MIN_LENGTH = 3;

/** Bits of a search rowid below the partner's slot (migration 20261128T0700). */
const SLOT_BITS = 40;
/** Bits below the status's band within the partner's range (migration 20261129T0200). */
const BAND_BITS = 36;
/** The statuses' bands, in order (migration 20261129T0200; any other status has band 15). */
const STATUS_BANDS: readonly string[] = ['PENDING', 'PROCESSING', 'NEED_TO_PROCESS', 'NEED_TO_REVIEW', 'COMPLETED'];
/** The band shared by every status without one of its own (migration 20261129T0200). */
const OTHER_BAND = 15;

/**
 * How the list's `q` (already folded by foldSearch) is found: a substring of search_text.
 *
 * - SQLite: a phrase of trigrams in the FTS5 index company_search_fts. A phrase matches where
 *   its trigrams stand side by side, which is exactly where the text holds the substring. Each
 *   partner's companies are one rowid range of that index (its slot << 40), and within it each
 *   status one range (its band << 36, plus a sequence), so the partner's matches are counted,
 *   in all or per status, from the index alone; company_search maps the rowids to companies and
 *   carries the list's filters and creation time.
 * - PostgreSQL: `like '%..%'` on company_search (a narrow copy of the listed companies: creation
 *   time, the partner's slot, the status's band, the risk level, approval status and assignee,
 *   id and text; migrations 20261129T0200 and 20261205T0100), which
 *   its pg_trgm GIN index company_search_trgm answers; the candidates are rechecked in that
 *   table's small heap, not in companies'.
 */
export function usesSearchIndex(db: Db): boolean {
  return dialectOf(db) === 'sqlite';
}

/** SQLite: the rowids of the partner's listed companies (in `status` if given; one with a band, see hasBand) whose text holds `folded`. */
export function partnerMatches(partnerId: string, folded: string, status?: string): RawBuilder<unknown> {
  return bandMatches(partnerId, folded, status === undefined ? undefined : bandOf(status));
}

/** SQLite: partnerMatches by band number (every band if none). */
function bandMatches(partnerId: string, folded: string, band?: number): RawBuilder<unknown> {
  const phrase = phraseOf(folded);
  const slot = sql`(select slot from company_search_partitions where partner_id = ${partnerId})`;
  const [low, high] = band === undefined ? [sql`${slot} << ${SLOT}`, sql`(${slot} + 1) << ${SLOT}`] : bandRange(slot, band);
  return sql`select rowid from company_search_fts where company_search_fts match ${phrase} and rowid >= ${low} and rowid < ${high}`;
}

/** SQLite: how many of the partner's listed companies (in `status` if given) hold `folded`, from the index alone. */
export async function countMatches(db: Db, partnerId: string, folded: string, status?: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`select count(*) as count from (${partnerMatches(partnerId, folded, status)})`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/**
 * SQLite: how many of the partner's listed companies holding `folded` each status has, from the
 * index alone. Up to FEW_MATCHES they are read and grouped by band in one statement (a rare word:
 * about 2 ms); past that each band's rowid range is counted on its own (one statement of six
 * counts: 25 ms for a common word's 190,000 matches of 1,000,000, where grouping them took 43,
 * but each count pays the phrase's set-up, 2 ms for a rare phrase of common trigrams). Undefined
 * if some hold a status without a band of its own (band 15: a status added after migration
 * 20261129T0200), which the index cannot tell apart. Kept until the next commit
 * (`keptWhileUnchanged`): a queue page's list, counting a search alone, asks for the same beside
 * its status tabs.
 */
export function countMatchesByStatus(db: Db, partnerId: string, folded: string): Promise<Array<{ status: string; count: number }> | undefined> {
  return keptWhileUnchanged(db, JSON.stringify(['bands', partnerId, folded]), async () => {
    const { rows: few } = await sql<{ band: number; count: number }>`
      select (rowid >> ${BAND}) & 15 as band, count(*) as count
      from (${partnerMatches(partnerId, folded)} limit ${FEW_MATCHES + 1}) group by band`.execute(db);
    if (few.reduce((sum, row) => sum + Number(row.count), 0) <= FEW_MATCHES) return statusesOfBands(few);
    const bands = [...STATUS_BANDS.keys(), OTHER_BAND];
    const counts = bands.map((band) => sql`(select count(*) from (${bandMatches(partnerId, folded, band)})) as ${sql.id(`b${band}`)}`);
    const { rows } = await sql<Record<string, number>>`select ${sql.join(counts)}`.execute(db);
    const row = rows[0]!;
    if (Number(row[`b${OTHER_BAND}`]) > 0) return undefined;
    return STATUS_BANDS.map((status, band) => ({ status, count: Number(row[`b${band}`]) })).filter((counted) => counted.count > 0);
  });
}

/** Matches few enough to read and group by band rather than count band by band (see countMatchesByStatus). */
const FEW_MATCHES = 1_000;

/** Whether a status has a band of its own: on SQLite a rowid range of the index, on PostgreSQL a value of company_search.band. */
export function hasBand(status: string): boolean {
  return STATUS_BANDS.includes(status);
}

const SLOT = sql.raw(String(SLOT_BITS));
const BAND = sql.raw(String(BAND_BITS));

/** A status's band (OTHER_BAND for a status that has none). */
function bandOf(status: string): number {
  const band = STATUS_BANDS.indexOf(status);
  return band < 0 ? OTHER_BAND : band;
}

function bandRange(slot: RawBuilder<unknown>, band: number): [RawBuilder<unknown>, RawBuilder<unknown>] {
  return [sql`(${slot} << ${SLOT}) + (${sql.raw(String(band))} << ${BAND})`, sql`(${slot} << ${SLOT}) + (${sql.raw(String(band + 1))} << ${BAND})`];
}

/**
 * SQLite: the condition that one company_search row (the outer query's) holds `folded`, tested
 * on its company's text with `instr` (the trigram phrase matches exactly where the text holds
 * the substring). At 1,000,000 companies this costs 1 to 8 us a row; probing the FTS index for
 * one rowid cost about 0.3 ms, since each of the phrase's doclists is sought anew.
 */
export function holdsText(folded: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`instr((select search_text from companies where companies.id = company_search.company_id), ${folded}) > 0`;
}

/**
 * The `q` condition tested on one companies row's own text, without an index: for a walk of
 * another index (the deadline order) that meets a common word's matches within a few rows.
 */
export function companyHoldsText(db: Db, folded: string): RawBuilder<SqlBool> {
  return usesSearchIndex(db) ? sql<SqlBool>`instr(companies.search_text, ${folded}) > 0` : likes(folded, 'companies');
}

/** PostgreSQL: the `q` condition on a row's search_text (company_search's, which the trigram index answers, unless told), a `like`. */
function likes(folded: string, table: 'company_search' | 'companies' = 'company_search'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.search_text`)} like ${`%${escapeLike(folded)}%`} escape '\\'`;
}

/** The `q` condition on companies: a membership test in company_search's matches. */
export function matchesSearch(db: Db, partnerId: string, folded: string): RawBuilder<SqlBool> {
  if (usesSearchIndex(db)) {
    return sql<SqlBool>`companies.id in (select company_id from company_search where rowid in (${partnerMatches(partnerId, folded)}))`;
  }
  return sql<SqlBool>`companies.id in (select company_id from company_search where slot = ${slotOf(partnerId)} and ${likes(folded)})`;
}

/** PostgreSQL: company_search's codes of the risk level and approval status (migration 20261205T0100: 1-based; 0 for any other value). */
const RISK_CODES: readonly string[] = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_CHECKED'];
const APPROVAL_CODES: readonly string[] = ['APPROVED', 'DENIED'];

/** The list's filters that PostgreSQL's company_search holds, with the creation time range. */
export interface SearchNarrowing {
  status?: string | undefined;
  approvalStatus?: string | undefined;
  riskLevel?: string | undefined;
  assignedTo?: number | 'none' | undefined;
  from: number | null;
  to: number | null;
}

/**
 * PostgreSQL: whether company_search can answer these filters: a status with a band of its own,
 * a risk level and approval status with a code (any the migration knew), any assignee.
 */
export function searchCopyHolds(narrow: Omit<SearchNarrowing, 'from' | 'to'>): boolean {
  return (
    (narrow.status === undefined || hasBand(narrow.status)) &&
    (narrow.riskLevel === undefined || RISK_CODES.includes(narrow.riskLevel)) &&
    (narrow.approvalStatus === undefined || narrow.approvalStatus === 'NONE' || APPROVAL_CODES.includes(narrow.approvalStatus))
  );
}

/** PostgreSQL: the partner's company_search rows holding `folded`, narrowed by the filters the copy holds (see searchCopyHolds). */
export function searchedRows(db: Db, partnerId: string, folded: string, narrow: SearchNarrowing) {
  let rows = db.selectFrom('company_search').where('slot', '=', slotOf(partnerId)).where(likes(folded));
  if (narrow.status !== undefined) rows = rows.where('band', '=', bandOf(narrow.status));
  if (narrow.riskLevel !== undefined) rows = rows.where('risk', '=', RISK_CODES.indexOf(narrow.riskLevel) + 1);
  if (narrow.approvalStatus !== undefined) {
    rows =
      narrow.approvalStatus === 'NONE' ? rows.where('approval', 'is', null) : rows.where('approval', '=', APPROVAL_CODES.indexOf(narrow.approvalStatus) + 1);
  }
  if (narrow.assignedTo !== undefined)
    rows = narrow.assignedTo === 'none' ? rows.where('assigned_to', 'is', null) : rows.where('assigned_to', '=', narrow.assignedTo);
  if (narrow.from !== null) rows = rows.where('created_at', '>=', narrow.from);
  if (narrow.to !== null) rows = rows.where('created_at', '<', narrow.to);
  return rows;
}

/** The statuses of counts grouped by band; undefined if some hold band 15 (see countMatchesByStatus). */
export function statusesOfBands(rows: Array<{ band: number; count: number | string | bigint }>): Array<{ status: string; count: number }> | undefined {
  const counted = rows.map((row) => ({ status: STATUS_BANDS[Number(row.band)], count: Number(row.count) }));
  return counted.every((row) => row.status !== undefined) ? (counted as Array<{ status: string; count: number }>) : undefined;
}

function slotOf(partnerId: string): RawBuilder<number> {
  return sql<number>`(select slot from company_search_partitions where partner_id = ${partnerId})`;
}

/** An FTS5 phrase: its trigrams side by side, which is where the text holds the substring. */
function phraseOf(folded: string): string {
  return `"${folded.replace(/"/g, '""')}"`;
}

/** `%`, `_` and the escape character itself match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
