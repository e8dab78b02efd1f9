import { sql, type SqlBool } from 'kysely';
import type { CompanyStatusCounts, CompanyStatusCountsQuery } from '../../schemas/review.js';
import { KYB_STATUSES } from '../../shared/enums.js';
import type { PartnerCtx } from '../context.js';
import { companyFilters, countsOf } from './company-filters.js';
import { partnerMatches } from './search-companies.js';

type CountRow = { status: string; count: number | string | bigint | null };

/**
 * How many of the partner's listed companies each status holds under the list's other filters:
 * one grouped statement where a queue page would otherwise count once per status (the counts
 * beside its status tabs). Read from company_counts when no time range, registration number or
 * search narrows the list; otherwise counted where the list counts (company_search on SQLite,
 * companies on PostgreSQL).
 */
export async function countCompaniesByStatus({ ctx, query }: { ctx: PartnerCtx; query: CompanyStatusCountsQuery }): Promise<CompanyStatusCounts> {
  const filters = companyFilters(ctx.db, ctx.partnerId, query);
  let rows: CountRow[];
  if (filters.isCounted) {
    rows = await countsOf(ctx.db, ctx.partnerId, query)
      .select((eb) => ['status', eb.fn.sum<number | string | null>('count').as('count')])
      .groupBy('status')
      .execute();
  } else if (filters.viaSearchIndex) {
    let listed = filters.withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId));
    // The partner's index walked and tested against its matches, read once (as the list counts `q` with a filter).
    if (filters.isSearch) listed = listed.where(sql<SqlBool>`+rowid in (${partnerMatches(ctx.partnerId, filters.folded)})`);
    rows = await listed
      .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('count')])
      .groupBy('status')
      .execute();
  } else {
    rows = await filters
      .filtered(ctx.db)
      .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('count')])
      .groupBy('status')
      .execute();
  }
  const counted = new Map(rows.map((row) => [row.status, Number(row.count ?? 0)]));
  const statuses = Object.fromEntries(KYB_STATUSES.map((status) => [status, counted.get(status) ?? 0])) as CompanyStatusCounts['statuses'];
  return { total: KYB_STATUSES.reduce((sum, status) => sum + statuses[status], 0), statuses };
}
