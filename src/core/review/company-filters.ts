import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';
import type { CompanyListQuery } from '../../schemas/review.js';
import { invalidField } from '../errors.js';
import { timeRange } from '../time-range.js';
import { matchesSearch, searchCopyHolds, TRIGRAM_MIN_LENGTH, usesSearchIndex } from './search-companies.js';
import { foldSearch } from './search-text.js';

type Listed = SelectQueryBuilder<Database, 'companies' | 'company_search', object>;

/** The list's filters, read once: the list and the status counts narrow their queries through them. */
export interface CompanyFilters {
  from: number | null;
  to: number | null;
  /** `q` folded (accents and case dropped); '' when there is no search. */
  folded: string;
  isSearch: boolean;
  /** No time range, registration number or search: company_counts answers the count. */
  isCounted: boolean;
  /** A time range, perhaps with a status, and no other filter: company_created_counts answers the count. */
  isCreatedCounted: boolean;
  /**
   * company_search answers. SQLite: `q` and `created` with every filter but the registration
   * number. PostgreSQL: `q`, alone or with a status and a time range (what its copy holds).
   */
  viaSearchIndex: boolean;
  /** The created range and the filters on few values, on companies or on company_search (SQLite's copy of them). */
  withFilters<Q extends Listed>(q: Q): Q;
  /** The partner's listed companies with every filter, `q` and the registration number included. */
  filtered(db: Db): SelectQueryBuilder<Database, 'companies', object>;
}

/** Reads the filters of a list query; a `q` shorter than the trigram index answers is a 400. */
export function companyFilters(db: Db, partnerId: string, query: Omit<CompanyListQuery, 'page' | 'perPage' | 'ordering'>): CompanyFilters {
  const [from, to] = timeRange('created', query.created);
  const folded = query.q === undefined ? '' : foldSearch(query.q);
  const isSearch = folded !== '';
  if (isSearch && folded.length < TRIGRAM_MIN_LENGTH) {
    throw invalidField(
      'q',
      `needs at least ${TRIGRAM_MIN_LENGTH} characters once accents and case are dropped; for a short registration number use registrationNumber`,
    );
  }
  const withFilters = <Q extends Listed>(q: Q): Q => {
    let narrowed = q;
    if (from !== null) narrowed = narrowed.where('created_at', '>=', from) as Q;
    if (to !== null) narrowed = narrowed.where('created_at', '<', to) as Q;
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
  const filtered = (on: Db) => {
    let q = withFilters(on.selectFrom('companies').where('partner_id', '=', partnerId).where('search_text', 'is not', null));
    if (query.registrationNumber !== undefined) q = q.where('registration_number', '=', query.registrationNumber.trim());
    if (isSearch) q = q.where(matchesSearch(on, partnerId, folded));
    return q;
  };
  const isCounted = from === null && to === null && query.registrationNumber === undefined && !isSearch;
  const isCreatedCounted =
    (from !== null || to !== null) &&
    query.registrationNumber === undefined &&
    !isSearch &&
    [query.approvalStatus, query.assignedTo, query.riskLevel].every((v) => v === undefined);
  return {
    from,
    to,
    folded,
    isSearch,
    isCounted,
    isCreatedCounted,
    viaSearchIndex: usesSearchIndex(db)
      ? !isCounted && query.registrationNumber === undefined
      : isSearch && query.registrationNumber === undefined && searchCopyHolds(query),
    withFilters,
    filtered,
  };
}

/** company_counts rows of the partner narrowed by the filters on few values (the triggers keep them exact). */
export function countsOf(db: Db, partnerId: string, query: Pick<CompanyListQuery, 'status' | 'approvalStatus' | 'riskLevel' | 'assignedTo'>) {
  let q = db.selectFrom('company_counts').where('partner_id', '=', partnerId);
  if (query.status !== undefined) q = q.where('status', '=', query.status);
  if (query.approvalStatus !== undefined) q = q.where('approval_status', '=', query.approvalStatus === 'NONE' ? '' : query.approvalStatus);
  if (query.riskLevel !== undefined) q = q.where('risk_level', '=', query.riskLevel);
  if (query.assignedTo !== undefined) q = q.where('assigned_to', '=', query.assignedTo === 'none' ? 0 : query.assignedTo);
  return q;
}
