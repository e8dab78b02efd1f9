import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CompanyRow } from '../../db/tables.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { DEFAULT_PER_PAGE, type CompanyListQuery, type CompanyListReview, type PaginatedCompanyListList } from '../../schemas/review.js';
import type { PartnerCtx } from '../context.js';
import { invalidField } from '../errors.js';
import { loadFlow } from '../forms/access.js';
import { presentCompany, presentMeta } from '../forms/present-form.js';
import { managersById } from './managers.js';
import { foldSearch } from './search-text.js';

export interface CompanyPage {
  count: number;
  page: number;
  perPage: number;
  results: PaginatedCompanyListList['results'];
}

/**
 * The partner's companies whose form exists, newest first, one page at a time. Every filter
 * is an equality on an indexed column (or a range on created_at) followed by the index's
 * (created_at, id) order, so a page reads `perPage` rows whatever the table's size; `q` is the
 * one filter that may walk further (a substring of the folded name and registration number).
 */
export async function listCompanies({ ctx, query }: { ctx: PartnerCtx; query: CompanyListQuery }): Promise<CompanyPage> {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const [from, to] = createdRange(query.created);
  const filtered = (db: Db) => {
    let q = db.selectFrom('companies').where('partner_id', '=', ctx.partnerId).where('search_text', 'is not', null);
    if (from !== null) q = q.where('created_at', '>=', from);
    if (to !== null) q = q.where('created_at', '<', to);
    if (query.registrationNumber !== undefined) q = q.where('registration_number', '=', query.registrationNumber.trim());
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (query.approvalStatus !== undefined)
      q = query.approvalStatus === 'NONE' ? q.where('approval_status', 'is', null) : q.where('approval_status', '=', query.approvalStatus);
    if (query.assignedTo !== undefined) q = query.assignedTo === 'none' ? q.where('assigned_to', 'is', null) : q.where('assigned_to', '=', query.assignedTo);
    if (query.riskLevel !== undefined) q = q.where('risk_level', '=', query.riskLevel);
    if (query.q !== undefined) q = q.where(sql<boolean>`search_text like ${`%${escapeLike(foldSearch(query.q))}%`} escape '\\'`);
    return q;
  };
  const direction = query.ordering === 'created' ? 'asc' : 'desc';
  const [rows, counted] = await Promise.all([
    filtered(ctx.db)
      .selectAll()
      .orderBy('created_at', direction)
      .orderBy('id', direction)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    filtered(ctx.db)
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
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
      },
    })),
  );
  return { count: Number(counted.count), page, perPage, results };
}

/** iDenfy's `created` list read as `from,to`: from inclusive, to exclusive, either may be empty. */
function createdRange(created: string | undefined): [number | null, number | null] {
  if (created === undefined) return [null, null];
  const parts = created.split(',');
  if (parts.length > 2) throw invalidField('created', 'must be at most two date-times: from,to');
  const [from, to] = [parts[0] ?? '', parts[1] ?? ''].map((part) => {
    const text = part.trim();
    if (text === '') return null;
    const ms = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(ms)) throw invalidField('created', `"${text.slice(0, 40)}" is not a date-time`);
    return ms;
  }) as [number | null, number | null];
  if (from !== null && to !== null && from >= to) throw invalidField('created', 'the start must be before the end');
  return [from, to];
}

/** `%`, `_` and the escape character itself match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
