import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CompanyRow, Database } from '../../db/tables.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { DEFAULT_PER_PAGE, type CompanyListQuery, type CompanyListReview, type PaginatedCompanyListList } from '../../schemas/review.js';
import type { PartnerCtx } from '../context.js';
import { loadFlow } from '../forms/access.js';
import { presentCompany, presentMeta } from '../forms/present-form.js';
import { countMatches, isMatch, matchesSearch, partnerMatches, TRIGRAM_MIN_LENGTH, usesSearchIndex } from './search-companies.js';
import { invalidField } from '../errors.js';
import { managersById } from './managers.js';
import { foldSearch } from './search-text.js';
import { timeRange } from '../time-range.js';
import { presentDeadline } from '../case-review/deadline.js';
import { readPolicy } from '../case-review/policy.js';

/** Steps of a list walk short enough to probe the search index at each (about 0.1 ms a probe). */
const PROBED_WALK = 1_000;

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
 * writer's transaction; the other filters (created, registrationNumber, q) are counted on
 * their index: on SQLite `q` and `created` on company_search (a partner's trigram matches are
 * one rowid range of the FTS index), on PostgreSQL on companies.
 */
export async function listCompanies({ ctx, query }: { ctx: PartnerCtx; query: CompanyListQuery }): Promise<CompanyPage> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const [from, to] = timeRange('created', query.created);
  const folded = query.q === undefined ? '' : foldSearch(query.q);
  const isSearch = folded !== '';
  if (isSearch && folded.length < TRIGRAM_MIN_LENGTH) {
    throw invalidField(
      'q',
      `needs at least ${TRIGRAM_MIN_LENGTH} characters once accents and case are dropped; for a short registration number use registrationNumber`,
    );
  }
  const inCreated = <Q extends SelectQueryBuilder<Database, 'companies' | 'company_search', object>>(q: Q): Q => {
    let narrowed = q;
    if (from !== null) narrowed = narrowed.where('created_at', '>=', from) as Q;
    if (to !== null) narrowed = narrowed.where('created_at', '<', to) as Q;
    return narrowed;
  };
  // The filters on few values, on companies or on company_search (SQLite's copy of them).
  const withFilters = <Q extends SelectQueryBuilder<Database, 'companies' | 'company_search', object>>(q: Q): Q => {
    let narrowed = inCreated(q);
    if (query.status !== undefined) narrowed = narrowed.where('status', '=', query.status) as Q;
    if (query.approvalStatus !== undefined)
      narrowed = (
        query.approvalStatus === 'NONE' ? narrowed.where('approval_status', 'is', null) : narrowed.where('approval_status', '=', query.approvalStatus)
      ) as Q;
    if (query.assignedTo !== undefined)
      narrowed = (query.assignedTo === 'none' ? narrowed.where('assigned_to', 'is', null) : narrowed.where('assigned_to', '=', query.assignedTo)) as Q;
    if (query.riskLevel !== undefined) narrowed = narrowed.where('risk_level', '=', query.riskLevel) as Q;
    return narrowed;
  };
  const filtered = (db: Db) => {
    let q = withFilters(db.selectFrom('companies').where('partner_id', '=', ctx.partnerId).where('search_text', 'is not', null));
    if (query.registrationNumber !== undefined) q = q.where('registration_number', '=', query.registrationNumber.trim());
    if (isSearch) q = q.where(matchesSearch(db, ctx.partnerId, folded));
    return q;
  };
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
  const isCounted = from === null && to === null && query.registrationNumber === undefined && !isSearch;
  // SQLite answers `q` and `created` from company_search, which holds every filter but the
  // registration number and orders by creation time.
  const viaSearchIndex = usesSearchIndex(ctx.db) && !isCounted && !isByDeadline && query.registrationNumber === undefined;
  let count: number;
  let pageIds;
  if (viaSearchIndex) {
    const hasFilters = from !== null || to !== null || [query.status, query.approvalStatus, query.assignedTo, query.riskLevel].some((v) => v !== undefined);
    const listed = withFilters(ctx.db.selectFrom('company_search').where('partner_id', '=', ctx.partnerId));
    if (!isSearch) {
      count = await countRows(listed);
      pageIds = listed.select('company_id').orderBy('created_at', direction).orderBy('company_id', direction).limit(perPage).offset(offset);
    } else {
      const matches = partnerMatches(ctx.partnerId, folded);
      const byRowid = () => withFilters(ctx.db.selectFrom('company_search').where(sql<SqlBool>`rowid in (${matches})`));
      const walked = () => listed.where(sql<SqlBool>`+rowid in (${matches})`);
      // With a status or a time range, the index holding them is walked and tested against the
      // matches; with other filters each match's row is read.
      const isIndexed = query.status !== undefined || from !== null || to !== null;
      count = !hasFilters ? await countMatches(ctx.db, ctx.partnerId, folded) : await countRows(isIndexed ? walked() : byRowid());
      // Three ways to a page, chosen from the count: walk the partner's companies in list order
      // probing each in the index (about (offset + perPage) x listed / count steps: a first
      // page of a common word), the same walk tested against all the matches read at once (a
      // deeper page), or read every match and sort them (a rare word).
      const total = await countFromCounts(ctx, {});
      const walk = (offset + perPage) * (total / Math.max(count, 1));
      const source = walk <= PROBED_WALK ? listed.where(isMatch(folded)) : walk < 3 * count ? walked() : byRowid();
      pageIds = source.select('company_id').orderBy('created_at', direction).orderBy('company_id', direction).limit(perPage).offset(offset);
    }
  } else {
    count = isCounted ? await countFromCounts(ctx, query) : await countRows(filtered(ctx.db));
    pageIds = ordered(filtered(ctx.db).select('id')).limit(perPage).offset(offset);
  }
  // The page's ids first (an index-only walk past the offset), then those rows only; a page
  // past the count reads nothing more.
  const rows = offset >= count ? [] : await ordered(ctx.db.selectFrom('companies').selectAll().where('id', 'in', pageIds)).execute();
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

/** The listed companies with no filter or only filters on few values, from the counts the triggers keep. */
async function countFromCounts(ctx: PartnerCtx, query: Pick<CompanyListQuery, 'status' | 'approvalStatus' | 'riskLevel' | 'assignedTo'>): Promise<number> {
  let q = ctx.db.selectFrom('company_counts').where('partner_id', '=', ctx.partnerId);
  if (query.status !== undefined) q = q.where('status', '=', query.status);
  if (query.approvalStatus !== undefined) q = q.where('approval_status', '=', query.approvalStatus === 'NONE' ? '' : query.approvalStatus);
  if (query.riskLevel !== undefined) q = q.where('risk_level', '=', query.riskLevel);
  if (query.assignedTo !== undefined) q = q.where('assigned_to', '=', query.assignedTo === 'none' ? 0 : query.assignedTo);
  const row = await q.select((eb) => eb.fn.sum<number | string | null>('count').as('count')).executeTakeFirst();
  return Number(row?.count ?? 0);
}

async function countRows(filtered: SelectQueryBuilder<Database, 'companies' | 'company_search', object>): Promise<number> {
  const row = await filtered.select((eb) => eb.fn.countAll<number | string | bigint>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
