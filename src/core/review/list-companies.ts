import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { CompanyRow, Database } from '../../db/tables.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { DEFAULT_PER_PAGE, type CompanyListQuery, type CompanyListReview, type PaginatedCompanyListList } from '../../schemas/review.js';
import type { PartnerCtx } from '../context.js';
import { loadFlow } from '../forms/access.js';
import { presentCompany, presentMeta } from '../forms/present-form.js';
import { companyFilters, countsOf, type CompanyFilters } from './company-filters.js';
import { countSearchFiltered, countSearchInRange, type CountRow } from './count-companies.js';
import { countCreatedRange, seekCreated, type CreatedRange } from './created-counts.js';
import {
  companyHoldsText,
  countMatches,
  countMatchesByStatus,
  hasBand,
  holdsText,
  matchesSearch,
  partnerMatches,
  searchedRows,
  usesSearchIndex,
} from './search-companies.js';
import { managersById } from './managers.js';
import { presentDeadline } from '../case-review/deadline.js';
import { readPolicy } from '../case-review/policy.js';

/**
 * A list walk this short, or shorter than a tenth of the matches, tests each company's text (1
 * to 8 us a step at 1,000,000 companies) rather than reading all the matches first (about 0.4 us
 * a match, then 2.5 us a step).
 */
const PROBED_WALK = 1_000;
/**
 * An offset from which a page in creation order is sought through company_created_counts
 * (about five reads of a few dozen counts) rather than walked in the index (about 0.2 us an
 * entry: 2 ms here, 200 ms at the millionth).
 */
const SOUGHT_OFFSET = 10_000;

export interface CompanyPage {
  count: number;
  page: number;
  perPage: number;
  results: PaginatedCompanyListList['results'];
}

/**
 * The partner's companies whose form exists, newest first, one page at a time. Every filter
 * is an equality on an indexed column (or a range on created_at) followed by the index's
 * (created_at, id) order, so a page is a walk of one index; the rows themselves are read for
 * the page only, even at a deep offset. `q` is a substring (three characters or more) of the
 * folded name and registration number, found through a trigram index (search-companies.ts).
 *
 * `count` is exact. With no filter or only filters on few values (status, approvalStatus,
 * riskLevel, assignedTo) it is read from company_counts, which triggers keep exact in every
 * writer's transaction; a time range (with a status or not) from company_created_counts, kept
 * the same way, which also finds a deep page's second of creation time. The other filters
 * (created with another filter, registrationNumber, q) are counted on their index: on SQLite `q` and `created` on company_search (a partner's trigram matches are
 * one rowid range of the FTS index), on PostgreSQL `q` on company_search (its trigram index and
 * narrow heap) and the others on companies.
 */
export async function listCompanies({ ctx, query }: { ctx: PartnerCtx; query: CompanyListQuery }): Promise<CompanyPage> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const filters = companyFilters(ctx.db, ctx.partnerId, query);
  const { from, to, folded, isSearch, isCounted, withFilters, filtered } = filters;
  const direction = query.ordering === 'created' ? 'asc' : 'desc';
  const isByDeadline = query.ordering === 'deadline';
  // Overdue first: by due time, the cases without a running clock after them (the same on both dialects).
  const ordered = <Q extends SelectQueryBuilder<Database, 'companies', object>>(q: Q): Q =>
    (isByDeadline
      ? q
          .orderBy(sql`case when review_due_at is null then 1 else 0 end`)
          .orderBy('review_due_at')
          .orderBy('id')
      : q.orderBy('created_at', direction).orderBy('id', direction)) as Q;
  const offset = (page - 1) * perPage;
  const viaSearchIndex = filters.viaSearchIndex;
  // A search in deadline order: the first pages of a common word walk the deadline index testing
  // each case's text, as the creation-order walk below does, reading at most a few times the
  // entries that should hold the page; a rarer word's matches, or a walk that met too few of
  // them, are read through the search index and sorted.
  const searchByDeadline = async (count: number, total: number) => {
    const walk = (offset + perPage) * (total / Math.max(count, 1));
    if (walk <= Math.max(PROBED_WALK, count / 10)) {
      const budget = Math.max(PROBED_WALK, 4 * Math.ceil(walk));
      const walked = await walkDeadlinePage(
        withFilters(ctx.db.selectFrom('companies').where('partner_id', '=', ctx.partnerId)),
        { offset, perPage },
        { test: companyHoldsText(ctx.db, folded), budget },
      );
      if (walked) return walked;
    }
    // SQLite: the matches drive (`+` keeps the partner's indexes out of the plan), not a walk
    // of every case testing each against them.
    const matches = usesSearchIndex(ctx.db)
      ? withFilters(ctx.db.selectFrom('companies').where(sql<SqlBool>`+companies.partner_id = ${ctx.partnerId}`)).where(
          matchesSearch(ctx.db, ctx.partnerId, folded),
        )
      : filtered(ctx.db);
    return ordered(matches.select('id')).limit(perPage).offset(offset);
  };
  let count: number;
  let pageIds;
  if (viaSearchIndex) {
    const hasFilters = from !== null || to !== null || [query.status, query.approvalStatus, query.assignedTo, query.riskLevel].some((v) => v !== undefined);
    if (!usesSearchIndex(ctx.db)) {
      // PostgreSQL: the trigram index gives the candidates, rechecked in company_search's heap;
      // the planner walks the (status,) creation-time index for a common word's page and sorts
      // a rare word's matches.
      const { status, approvalStatus, riskLevel, assignedTo } = query;
      const matched = searchedRows(ctx.db, ctx.partnerId, folded, { status, approvalStatus, riskLevel, assignedTo, from, to });
      count = await countRows(matched);
      pageIds = isByDeadline
        ? await searchByDeadline(count, await countFromCounts(ctx, {}))
        : matched.select('company_id').orderBy('created_at', direction).orderBy('company_id', direction).limit(perPage).offset(offset);
    } else if (!isSearch) {
      const listed = withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId));
      count = filters.isCreatedCounted ? await countCreated(ctx, { status: query.status, from, to }) : await countRows(listed);
      const sought = await seekDeepPage(ctx, filters, query, { from, to, offset, count, direction });
      pageIds = isByDeadline
        ? await deadlinePage(filtered(ctx.db), offset, perPage)
        : (sought ? listed.where('created_at', direction === 'desc' ? '<' : '>=', sought.edge) : listed)
            .select('company_id')
            .orderBy('created_at', direction)
            .orderBy('company_id', direction)
            .limit(perPage)
            .offset(offset - (sought?.skipped ?? 0));
    } else {
      const listed = withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId));
      // A status with a band of its own narrows the matches to one rowid range of the index.
      const band = query.status !== undefined && hasBand(query.status) ? query.status : undefined;
      const matches = partnerMatches(ctx.partnerId, folded, band);
      const byRowid = () => withFilters(ctx.db.selectFrom('company_search').where(sql<SqlBool>`rowid in (${matches})`));
      const walked = () => listed.where(sql<SqlBool>`+rowid in (${matches})`);
      // A search alone, or within one status, is counted from the index alone. With a time range
      // the index holding it is walked and tested against the matches; with other filters each
      // match's row is read.
      const isBandOnly =
        band !== undefined && from === null && to === null && [query.approvalStatus, query.assignedTo, query.riskLevel].every((v) => v === undefined);
      const isIndexed = query.status !== undefined || from !== null || to !== null;
      // Without a status, a time range's count is the total of the status tabs' counting,
      // which the queue asks for beside its page: counted once for both (countSearchInRange).
      const isRangeTotal = (from !== null || to !== null) && query.status === undefined;
      // A search alone, or with other filters but no status, is the total of its status tabs,
      // which the queue asks for beside its page: counted once for both (countMatchesByStatus and
      // countSearchFiltered keep it until the next commit).
      const byStatus = !hasFilters ? await countMatchesByStatus(ctx.db, ctx.partnerId, folded) : undefined;
      const sumOf = (rows: CountRow[]) => rows.reduce((sum, row) => sum + Number(row.count ?? 0), 0);
      count = byStatus
        ? byStatus.reduce((sum, row) => sum + row.count, 0)
        : !hasFilters || isBandOnly
          ? await countMatches(ctx.db, ctx.partnerId, folded, band)
          : isRangeTotal
            ? sumOf(await countSearchInRange(ctx, query, filters))
            : query.status === undefined
              ? sumOf(await countSearchFiltered(ctx, query, filters))
              : await countRows(isIndexed ? walked() : byRowid());
      // Three ways to a page, chosen from the count: walk the partner's companies in list order
      // testing each one's text (about (offset + perPage) x listed / count steps: the first pages
      // of a common word), the same walk tested against all the matches read at once (a deeper
      // page), or read every match and sort them (a rare word).
      const total = await countFromCounts(ctx, {});
      const walk = (offset + perPage) * (total / Math.max(count, 1));
      const source = walk <= Math.max(PROBED_WALK, count / 10) ? listed.where(holdsText(folded)) : walk < 3 * count ? walked() : byRowid();
      pageIds = isByDeadline
        ? await searchByDeadline(count, total)
        : source.select('company_id').orderBy('created_at', direction).orderBy('company_id', direction).limit(perPage).offset(offset);
    }
  } else {
    count = isCounted
      ? await countFromCounts(ctx, query)
      : filters.isCreatedCounted
        ? await countCreated(ctx, { status: query.status, from, to })
        : await countRows(filtered(ctx.db));
    // A deep page in creation order, with no filter, a status or a time range: sought from the
    // counts per second of creation time, then walked inside that second.
    const sought = await seekDeepPage(ctx, filters, query, { from, to, offset, count, direction });
    pageIds = isByDeadline
      ? await deadlinePage(filtered(ctx.db), offset, perPage)
      : sought
        ? ordered(
            filtered(ctx.db)
              .where('created_at', direction === 'desc' ? '<' : '>=', sought.edge)
              .select('id'),
          )
            .limit(perPage)
            .offset(offset - sought.skipped)
        : ordered(filtered(ctx.db).select('id')).limit(perPage).offset(offset);
  }
  // The page's ids first (an index-only walk past the offset), then those rows only; a page
  // past the count reads nothing more.
  const rows =
    offset >= count || (Array.isArray(pageIds) && pageIds.length === 0)
      ? []
      : await ordered(ctx.db.selectFrom('companies').selectAll().where('id', 'in', pageIds)).execute();
  const policy = await readPolicy(ctx.db, ctx.partnerId);
  const now = ctx.clock.now();
  const flows = new Map<string | null, Promise<KybFormUnifiedFlow | null>>();
  const flowOf = (company: CompanyRow) => {
    if (!flows.has(company.flow_id)) flows.set(company.flow_id, loadFlow(ctx.db, company));
    return flows.get(company.flow_id)!;
  };
  const managers = await managersById(
    ctx.db,
    ctx.partnerId,
    rows.map((row) => row.assigned_to),
  );
  const results = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      company: presentCompany(row as CompanyRow & { info: string }, await flowOf(row)),
      meta: presentMeta(row),
      review: {
        created: new Date(row.created_at).toISOString(),
        riskLevel: row.risk_level as CompanyListReview['riskLevel'],
        assignedTo: row.assigned_to === null ? null : (managers.get(row.assigned_to) ?? null),
        deadline: presentDeadline(row, policy, now),
      },
    })),
  );
  return { count, page, perPage, results };
}

/** The partner's cases in deadline order, in two parts: with a running clock by due time, the others by id. */
function deadlineParts(base: SelectQueryBuilder<Database, 'companies', object>) {
  return {
    running: base.where('review_due_at', 'is not', null).orderBy('review_due_at').orderBy('id'),
    stopped: base.where('review_due_at', 'is', null).orderBy('id'),
  };
}

/**
 * The ids of a page in deadline order (overdue first). Each part is one walk of
 * companies_review_due (partner, due time, id) from its start, where sorting the partner's cases
 * by "due time, nulls last" read every one of them (1 s at 1,000,000 on SQLite). The running
 * clocks are counted only when a page starts past the last of them.
 */
async function deadlinePage(base: SelectQueryBuilder<Database, 'companies', object>, offset: number, perPage: number): Promise<string[]> {
  const { running, stopped } = deadlineParts(base);
  const due = await running.select('id').limit(perPage).offset(offset).execute();
  if (due.length === perPage) return due.map((row) => row.id);
  const dueCount = due.length > 0 ? offset + due.length : await countRows(base.where('review_due_at', 'is not', null));
  const rest = await stopped
    .select('id')
    .limit(perPage - due.length)
    .offset(Math.max(0, offset - dueCount))
    .execute();
  return [...due, ...rest].map((row) => row.id);
}

/**
 * deadlinePage for a search: each part's walk reads at most `budget` entries, testing each
 * against `test` (the search's text on the case's own row). Undefined if that did not fill the
 * page: the matches were rarer along the deadline order than over all cases.
 */
async function walkDeadlinePage(
  base: SelectQueryBuilder<Database, 'companies', object>,
  page: { offset: number; perPage: number },
  walk: { test: RawBuilder<SqlBool>; budget: number },
): Promise<string[] | undefined> {
  const { running, stopped } = deadlineParts(base);
  const end = page.offset + page.perPage;
  const hitsOf = async (rows: typeof running) => {
    const read = await rows
      .select(['id', walk.test.as('hit')])
      .limit(walk.budget)
      .execute();
    return { hits: read.filter((row) => Boolean(row.hit)).map((row) => row.id), isWhole: read.length < walk.budget };
  };
  const first = await hitsOf(running);
  if (first.hits.length >= end) return first.hits.slice(page.offset, end);
  if (!first.isWhole) return undefined;
  const second = await hitsOf(stopped);
  const hits = [...first.hits, ...second.hits];
  return hits.length >= end || second.isWhole ? hits.slice(page.offset, end) : undefined;
}

/**
 * Where a deep page in creation order starts, found through company_created_counts, when the
 * list has no filter but a status, a time range or both; undefined for any other page.
 */
async function seekDeepPage(
  ctx: PartnerCtx,
  filters: CompanyFilters,
  query: CompanyListQuery,
  page: { from: number | null; to: number | null; offset: number; count: number; direction: 'asc' | 'desc' },
): Promise<{ edge: number; skipped: number } | undefined> {
  const isSought =
    query.ordering !== 'deadline' &&
    page.offset >= SOUGHT_OFFSET &&
    page.offset < page.count &&
    (filters.isCounted || filters.isCreatedCounted) &&
    [query.approvalStatus, query.assignedTo, query.riskLevel].every((v) => v === undefined);
  if (!isSought) return undefined;
  return seekCreated(ctx.db, ctx.partnerId, { status: query.status, from: page.from, to: page.to, offset: page.offset, direction: page.direction });
}

/** The listed companies in a time range (in a status if given), from the counts per creation-time bucket the triggers keep. */
async function countCreated(ctx: PartnerCtx, range: CreatedRange): Promise<number> {
  return (await countCreatedRange(ctx.db, ctx.partnerId, range)).reduce((sum, row) => sum + row.count, 0);
}

/** The listed companies with no filter or only filters on few values, from the counts the triggers keep. */
async function countFromCounts(ctx: PartnerCtx, query: Pick<CompanyListQuery, 'status' | 'approvalStatus' | 'riskLevel' | 'assignedTo'>): Promise<number> {
  const row = await countsOf(ctx.db, ctx.partnerId, query)
    .select((eb) => eb.fn.sum<number | string | null>('count').as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

async function countRows(filtered: SelectQueryBuilder<Database, 'companies' | 'company_search', object>): Promise<number> {
  const row = await filtered.select((eb) => eb.fn.countAll<number | string | bigint>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
