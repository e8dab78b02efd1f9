import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { keptWhileUnchanged } from '../../db/data-version.js';
import type { Database } from '../../db/tables.js';
import type { CompanyStatusCounts, CompanyStatusCountsQuery } from '../../schemas/review.js';
import { KYB_STATUSES, type KybStatus } from '../../shared/enums.js';
import type { PartnerCtx } from '../context.js';
import { companyFilters, countsOf, type CompanyFilters } from './company-filters.js';
import { countCreatedRange } from './created-counts.js';
import { countMatches, countMatchesByStatus, partnerMatches, searchedRows, statusesOfBands, usesSearchIndex } from './search-companies.js';

export type CountRow = { status: string; count: number | string | bigint | null };

/**
 * How many of the partner's listed companies each status holds under the list's other filters:
 * one grouped statement where a queue page would otherwise count once per status (the counts
 * beside its status tabs). Read from company_counts when no time range, registration number or
 * search narrows the list, from company_created_counts when only a time range does; otherwise counted where the list counts (company_search, or on
 * PostgreSQL without a search companies), each status on its own index range when there is no
 * search.
 */
export async function countCompaniesByStatus({ ctx, query: asked }: { ctx: PartnerCtx; query: CompanyStatusCountsQuery }): Promise<CompanyStatusCounts> {
  // The schema lets a `status` through (query strings keep unknown names): the tabs count every
  // status, and their counting, kept for the list's count (countSearchInRange), must not be one status's.
  const { status: _status, ...query } = asked as CompanyStatusCountsQuery & { status?: unknown };
  const filters = companyFilters(ctx.db, ctx.partnerId, query);
  let rows: CountRow[];
  if (filters.isCounted) {
    rows = await countsOf(ctx.db, ctx.partnerId, query)
      .select((eb) => ['status', eb.fn.sum<number | string | null>('count').as('count')])
      .groupBy('status')
      .execute();
  } else if (filters.isCreatedCounted) {
    rows = await countCreatedRange(ctx.db, ctx.partnerId, filters);
  } else if (filters.viaSearchIndex) {
    rows = await countSearchIndex(ctx, query, filters);
  } else {
    rows = await countOnCompanies(ctx, filters);
  }
  const counted = new Map(rows.map((row) => [row.status, Number(row.count ?? 0)]));
  const statuses = Object.fromEntries(KYB_STATUSES.map((status) => [status, counted.get(status) ?? 0])) as CompanyStatusCounts['statuses'];
  return { total: KYB_STATUSES.reduce((sum, status) => sum + statuses[status], 0), statuses };
}

/**
 * Grouped on company_search. PostgreSQL: a search (with a time range or not), the trigram
 * index's candidates rechecked in that table's narrow heap and grouped by the status's band.
 * SQLite: a search alone is counted per status from the index alone (each status is a rowid
 * range of it); with a time range, each status's index range is walked and tested against that
 * status's matches. With other filters, a search's matches (their count read from the index
 * alone) are each looked up by rowid when they are few against the partner's companies, and the
 * partner's index is walked and tested against all of them when they are many (a third or
 * more), as the list chooses its page.
 */
async function countSearchIndex(ctx: PartnerCtx, query: CompanyStatusCountsQuery, filters: CompanyFilters): Promise<CountRow[]> {
  if (!usesSearchIndex(ctx.db)) {
    const banded = statusesOfBands(
      await searchedRows(ctx.db, ctx.partnerId, filters.folded, {
        approvalStatus: query.approvalStatus,
        riskLevel: query.riskLevel,
        assignedTo: query.assignedTo,
        from: filters.from,
        to: filters.to,
      })
        .select((eb) => ['band', eb.fn.countAll<number | string | bigint>().as('count')])
        .groupBy('band')
        .execute(),
    );
    return banded ?? countOnCompanies(ctx, filters);
  }
  if (!filters.isSearch) {
    return countEachStatus(ctx, (status) =>
      filters.withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId).where('status', '=', status)),
    );
  }
  // A search alone: each status's matches are a rowid range of the index, counted there.
  const isAlone = filters.from === null && filters.to === null && [query.approvalStatus, query.assignedTo, query.riskLevel].every((v) => v === undefined);
  const banded = isAlone ? await countMatchesByStatus(ctx.db, ctx.partnerId, filters.folded) : undefined;
  if (banded) return banded;
  if (filters.from !== null || filters.to !== null) return countSearchInRange(ctx, query, filters);
  return countSearchFiltered(ctx, query, filters);
}

/**
 * A search with an approval status, risk level or assignee on SQLite, per status: its matches
 * (their count read from the index alone) each looked up by rowid when they are few against the
 * partner's companies, the partner's index walked and tested against all of them when they are
 * many (a third or more), as the list chooses its page. Kept until the next commit, as
 * countSearchInRange is: the queue's page, without a status, counts the same total beside its
 * tabs (a common word's 190,000 lookups, 175 ms at 1,000,000 companies, were made twice).
 */
export async function countSearchFiltered(ctx: PartnerCtx, query: CompanyStatusCountsQuery, filters: CompanyFilters): Promise<CountRow[]> {
  const key = JSON.stringify(['filtered', ctx.partnerId, filters.folded, query.approvalStatus, query.assignedTo, query.riskLevel]);
  return keptWhileUnchanged(ctx.db, key, async () => {
    const matches = partnerMatches(ctx.partnerId, filters.folded);
    const [found, total] = await Promise.all([countMatches(ctx.db, ctx.partnerId, filters.folded), countAll(ctx)]);
    if (found === 0) return [];
    const listed =
      total < 3 * found
        ? filters.withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId)).where(sql<SqlBool>`+rowid in (${matches})`)
        : filters.withFilters(ctx.db.selectFrom('company_search').where(sql<SqlBool>`rowid in (${matches})`));
    return listed
      .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('count')])
      .groupBy('status')
      .execute();
  });
}

/**
 * A search with a time range on SQLite, per status: each status's range of the (partner, status,
 * created) index walked and tested against that status's matches (a smaller set than all of
 * them), where reading the row of each match costs a lookup per match (at 1,000,000 companies,
 * 190,000 matches and half the time: 156 -> 97 ms in a script).
 *
 * The queue asks for its page (whose count, without a status, is the same total) and its status
 * tabs at once: the last counting (in flight or done) is kept, per database, until the next
 * commit anywhere (`keptWhileUnchanged`), so the second request shares the first's instead of repeating it.
 */
export async function countSearchInRange(ctx: PartnerCtx, query: CompanyStatusCountsQuery, filters: CompanyFilters): Promise<CountRow[]> {
  const key = JSON.stringify(['range', ctx.partnerId, filters.folded, filters.from, filters.to, query.approvalStatus, query.assignedTo, query.riskLevel]);
  return keptWhileUnchanged(ctx.db, key, () =>
    countEachStatus(ctx, (status) =>
      filters
        .withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId).where('status', '=', status))
        .where(sql<SqlBool>`+rowid in (${partnerMatches(ctx.partnerId, filters.folded, status)})`),
    ),
  );
}

function countOnCompanies(ctx: PartnerCtx, filters: CompanyFilters): Promise<CountRow[]> {
  if (!filters.isSearch) return countEachStatus(ctx, (status) => filters.filtered(ctx.db).where('status', '=', status));
  return filters
    .filtered(ctx.db)
    .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('count')])
    .groupBy('status')
    .execute();
}

async function countAll(ctx: PartnerCtx): Promise<number> {
  const row = await countsOf(ctx.db, ctx.partnerId, {})
    .select((eb) => eb.fn.sum<number | string | null>('count').as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * Without a search, each status counted on its own index range (partner, status, created...)
 * in one statement of scalar subqueries: a time range is then a range of each status's entries,
 * read from the index alone, where a grouped count walks the partner's whole created index and
 * reads each row's status (measured at 1,000,000 companies and half of them in the range: 104 ->
 * 58 ms on SQLite, 161-185 -> 96 ms on PostgreSQL).
 */
async function countEachStatus(
  ctx: PartnerCtx,
  ofStatus: (status: KybStatus) => SelectQueryBuilder<Database, 'companies' | 'company_search', object>,
): Promise<CountRow[]> {
  const row = await ctx.db
    .selectNoFrom((eb) => KYB_STATUSES.map((status) => ofStatus(status).select(eb.fn.countAll<number | string | bigint>().as('count')).as(status)))
    .executeTakeFirstOrThrow();
  const counts = row as Record<KybStatus, number | string | bigint | null>;
  return KYB_STATUSES.map((status) => ({ status, count: counts[status] }));
}
