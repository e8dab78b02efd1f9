import { isDate } from '../../../../src/shared/dates.js';
import { KYB_STATUSES, RISK_LEVELS } from '../../../../src/shared/enums.js';
import type { KybStatus } from '../api/types.js';

export type RiskLevel = (typeof RISK_LEVELS)[number];
/** `mine` and `unassigned` are words in the URL, so a shared link means the same to whoever opens it. */
export type Assignee = 'mine' | 'unassigned' | number | null;
/** Newest first (the default), oldest first, or overdue first: by the time left to the review deadline. */
export type Ordering = 'created' | '-created' | 'deadline';

/** Everything that decides what the queue shows; it lives in the URL, so a view can be shared and survives reload. */
export interface QueueView {
  status: KybStatus | null;
  riskLevel: RiskLevel | null;
  assignee: Assignee;
  /** Created from and to (both inclusive), YYYY-MM-DD, read as UTC days. */
  from: string | null;
  to: string | null;
  q: string;
  ordering: Ordering;
  page: number;
}

export const PER_PAGE = 25;
export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_VIEW: QueueView = { status: null, riskLevel: null, assignee: null, from: null, to: null, q: '', ordering: '-created', page: 1 };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

/** Reads a view from a query string; anything unknown or malformed falls back to the default, never fails. */
export function parseView(search: string): QueueView {
  const params = new URLSearchParams(search);
  const assigneeText = params.get('assignee');
  const assignee: Assignee =
    assigneeText === 'mine' || assigneeText === 'unassigned'
      ? assigneeText
      : assigneeText !== null && /^[1-9]\d{0,9}$/.test(assigneeText) && Number(assigneeText) <= 2_147_483_647
        ? Number(assigneeText)
        : null;
  const from = isDate(params.get('from')) ? params.get('from') : null;
  let to = isDate(params.get('to')) ? params.get('to') : null;
  if (from !== null && to !== null && to < from) to = null;
  const pageText = params.get('page') ?? '';
  const page = /^[1-9]\d{0,6}$/.test(pageText) ? Math.min(Number(pageText), 1_000_000) : 1;
  return {
    status: oneOf(KYB_STATUSES, params.get('status')),
    riskLevel: oneOf(RISK_LEVELS, params.get('risk')),
    assignee,
    from,
    to,
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    ordering: oneOf(['created', 'deadline'] as const, params.get('sort')) ?? '-created',
    page,
  };
}

/** The query string of a view ('' for the default one); default values are left out, so links stay short. */
export function formatView(view: QueueView): string {
  const params = new URLSearchParams();
  if (view.status) params.set('status', view.status);
  if (view.riskLevel) params.set('risk', view.riskLevel);
  if (view.assignee !== null) params.set('assignee', String(view.assignee));
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.ordering !== DEFAULT_VIEW.ordering) params.set('sort', view.ordering);
  if (view.page > 1) params.set('page', String(view.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The `GET /kyb/companies/` query of a view, for the signed-in manager `me`. */
export function apiQuery(view: QueueView, me: number, perPage = PER_PAGE): URLSearchParams {
  const params = new URLSearchParams();
  params.set('page', String(view.page));
  params.set('perPage', String(perPage));
  params.set('ordering', view.ordering);
  if (view.status) params.set('status', view.status);
  if (view.riskLevel) params.set('riskLevel', view.riskLevel);
  if (view.assignee === 'mine') params.set('assignedTo', String(me));
  else if (view.assignee === 'unassigned') params.set('assignedTo', 'none');
  else if (typeof view.assignee === 'number') params.set('assignedTo', String(view.assignee));
  if (view.from || view.to) params.set('created', `${view.from ? `${view.from}T00:00:00Z` : ''},${view.to ? `${nextDay(view.to)}T00:00:00Z` : ''}`);
  if (view.q.trim()) params.set('q', view.q.trim());
  return params;
}

/** The view's filters but its status, page and order: one request counts every status tab of the view. */
export function countQuery(view: QueueView, me: number): URLSearchParams {
  const params = apiQuery({ ...view, status: null, page: 1 }, me);
  for (const name of ['page', 'perPage', 'ordering']) params.delete(name);
  return params;
}

/**
 * "Next case" after a decision: the oldest unassigned case of the same view. A view of every
 * status means the cases waiting for review, since a decided case is no work. Two rows, so the
 * case just decided can be skipped should it still match.
 */
export function nextCaseQuery(view: QueueView, me: number): URLSearchParams {
  return apiQuery({ ...view, status: view.status ?? 'NEED_TO_REVIEW', assignee: 'unassigned', ordering: 'created', page: 1 }, me, 2);
}
