import { useMemo, useRef, useState, type FormEvent } from 'react';
import { KYB_STATUSES, RISK_LEVELS } from '../../../../src/shared/enums.js';
import type { ManagerListItem, PaginatedCompanyListList } from '../api/types.js';
import { errorText } from '../components/error-text.js';
import { formatAge, formatTimeLeft, formatShortDateTime, personName } from '../components/format.js';
import { ColumnHeads, ValueOptions } from '../components/layout.js';
import { ErrorMessage } from '../components/messages.js';
import { useShortcuts } from '../components/shortcuts.js';
import { useLoad, useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { BASE, Link, navigate, useLocation } from '../router/router.js';
import { useSession } from '../session.js';
import { rememberView } from './last-view.js';
import { apiQuery, countQuery, formatView, parseView, PER_PAGE, type QueueView } from './url-state.js';
import { Badge } from '../components/badge.js';
import { SavedViews } from './saved-views.js';

interface QueueData {
  page: PaginatedCompanyListList;
  counts: Map<string, number>;
  total: number;
  managers: ManagerListItem[];
}

/** The work queue: every filter, the search, the order and the page are in the URL. */
export default function QueuePage() {
  const { t, locale } = useI18n();
  const { client, manager } = useSession();
  const { search } = useLocation();
  const view = useMemo(() => parseView(search), [search]);
  useTitle(t('queue.title'));
  rememberView(formatView(view));

  const { result } = useLoad<QueueData>(async () => {
    const [page, counts, managers] = await Promise.all([
      client.listCompanies(apiQuery(view, manager.id)),
      client.statusCounts(countQuery(view, manager.id)),
      client.managers().then((m) => m.results),
    ]);
    return { page, total: counts.total, managers, counts: new Map(Object.entries(counts.statuses)) };
  }, `${search}|${manager.id}`);

  const go = (change: Partial<QueueView>) => navigate(`${BASE}/cases${formatView({ ...view, page: 1, ...change })}`);
  const [query, setQuery] = useState(view.q);
  const [lastQ, setLastQ] = useState(view.q);
  if (lastQ !== view.q) {
    setLastQ(view.q);
    setQuery(view.q);
  }

  const table = useRef<HTMLTableSectionElement>(null);
  const moveFocus = (step: number) => {
    const links = [...(table.current?.querySelectorAll<HTMLAnchorElement>('a.case-link') ?? [])];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    links[Math.min(links.length - 1, Math.max(0, at < 0 ? 0 : at + step))]!.focus();
  };
  useShortcuts({ j: () => moveFocus(1), k: () => moveFocus(-1) });

  const data = result.state === 'done' ? result.data : null;
  const pages = data ? Math.max(1, Math.ceil(data.page.count / PER_PAGE)) : 1;
  const now = Date.now();
  const statusHref = (status: QueueView['status']) => `${BASE}/cases${formatView({ ...view, status, page: 1 })}`;

  return (
    <>
      <h1 tabIndex={-1}>{t('queue.title')}</h1>
      <nav aria-label={t('queue.byStatus')} className="status-tabs">
        <ul>
          <li>
            <Link href={statusHref(null)} aria-current={view.status === null ? 'page' : undefined}>
              {t('queue.allStatuses')} <span className="count">{data ? data.total : '…'}</span>
            </Link>
          </li>
          {KYB_STATUSES.map((status) => (
            <li key={status}>
              <Link href={statusHref(status)} aria-current={view.status === status ? 'page' : undefined}>
                {t(`status.${status}`)} <span className="count">{data ? data.counts.get(status) : '…'}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form
        className="filters"
        role="search"
        aria-label={t('queue.filters')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          go({ q: query.trim().slice(0, 100) });
        }}
      >
        <div className="filter search-filter">
          <label htmlFor="q">{t('queue.search')}</label>
          <div className="inline-add">
            <input
              id="q"
              type="search"
              value={query}
              minLength={3}
              maxLength={100}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('queue.searchHint')}
            />
            <button type="submit" className="button primary">
              {t('queue.searchButton')}
            </button>
          </div>
        </div>
        <div className="filter">
          <label htmlFor="risk">{t('queue.risk')}</label>
          <select id="risk" value={view.riskLevel ?? ''} onChange={(e) => go({ riskLevel: (e.target.value || null) as QueueView['riskLevel'] })}>
            <option value="">{t('queue.any')}</option>
            <ValueOptions values={RISK_LEVELS} label={(level) => t(`risk.${level}`)} />
          </select>
        </div>
        <div className="filter">
          <label htmlFor="assignee">{t('queue.assignee')}</label>
          <select
            id="assignee"
            value={view.assignee === null ? '' : String(view.assignee)}
            onChange={(e) => {
              const value = e.target.value;
              go({ assignee: value === '' ? null : value === 'mine' || value === 'unassigned' ? value : Number(value) });
            }}
          >
            <option value="">{t('queue.anyone')}</option>
            <option value="mine">{t('queue.mine')}</option>
            <option value="unassigned">{t('queue.unassigned')}</option>
            {(data?.managers ?? []).map((m) => (
              <option key={m.id} value={String(m.id)}>
                {personName(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="from">{t('queue.from')}</label>
          <input id="from" type="date" value={view.from ?? ''} onChange={(e) => go({ from: e.target.value || null })} />
        </div>
        <div className="filter">
          <label htmlFor="to">{t('queue.to')}</label>
          <input id="to" type="date" value={view.to ?? ''} min={view.from ?? undefined} onChange={(e) => go({ to: e.target.value || null })} />
        </div>
      </form>
      <SavedViews view={view} />

      <ErrorMessage error={result.state === 'error' ? errorText(t, result.error) : null} />
      <p className="result-count" role="status">
        {data ? t('queue.resultCount', { count: data.page.count, page: view.page, pages }) : t('app.loading')}
      </p>
      <div className="table-wrap">
        <table className="queue-table">
          <caption className="visually-hidden">{t('queue.caption')}</caption>
          <ColumnHeads
            columns={[
              t('queue.company'),
              t('queue.registrationNumber'),
              t('queue.status'),
              t('queue.risk'),
              t('queue.assignee'),
              t('queue.submitted'),
              t('queue.age'),
            ]}
          >
            <th scope="col" aria-sort={view.ordering === 'deadline' ? 'ascending' : undefined}>
              <button type="button" className="sort-button" onClick={() => go({ ordering: 'deadline' })}>
                {t('queue.timeLeft')} {view.ordering === 'deadline' ? <span aria-hidden="true">▲</span> : null}
                <span className="visually-hidden">{t(view.ordering === 'deadline' ? 'queue.sortedOverdue' : 'queue.sortOverdue')}</span>
              </button>
            </th>
            <th scope="col" aria-sort={view.ordering === 'deadline' ? undefined : view.ordering === 'created' ? 'ascending' : 'descending'}>
              <button type="button" className="sort-button" onClick={() => go({ ordering: view.ordering === '-created' ? 'created' : '-created' })}>
                {t('queue.created')} {view.ordering === 'deadline' ? null : <span aria-hidden="true">{view.ordering === 'created' ? '▲' : '▼'}</span>}
                <span className="visually-hidden">
                  {t(view.ordering === 'deadline' ? 'queue.sortByCreated' : view.ordering === 'created' ? 'queue.sortNewest' : 'queue.sortOldest')}
                </span>
              </button>
            </th>
          </ColumnHeads>
          <tbody ref={table}>
            {data?.page.results.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link className="case-link" href={`${BASE}/cases/${encodeURIComponent(row.id)}`}>
                    {row.company.companyName}
                  </Link>
                </td>
                <td>{row.company.registrationNumber ?? '—'}</td>
                <td>
                  <Badge kind="status" value={row.meta.status}>
                    {t(`status.${row.meta.status}`)}
                  </Badge>
                  {row.meta.approvalStatus ? <span className="approval"> · {t(`approval.${row.meta.approvalStatus}`)}</span> : null}
                </td>
                <td>
                  {row.review.riskLevel ? (
                    <Badge kind="risk" value={row.review.riskLevel}>
                      {t(`risk.${row.review.riskLevel}`)}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{personName(row.review.assignedTo) ?? <span className="muted">{t('queue.unassigned')}</span>}</td>
                <td>{row.meta.submissionTime ? formatShortDateTime(locale, row.meta.submissionTime) : '—'}</td>
                <td>{formatAge(t, row.meta.submissionTime ?? row.review.created, now)}</td>
                <td className={row.review.deadline && row.review.deadline.timeLeftMs < 0 && !row.review.deadline.isPaused ? 'overdue' : undefined}>
                  {formatTimeLeft(t, row.review.deadline)}
                </td>
                <td>{formatShortDateTime(locale, row.review.created)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && data.page.results.length === 0 ? <p className="empty">{t('queue.empty')}</p> : null}
      <nav className="pagination" aria-label={t('queue.pagination')}>
        {view.page > 1 ? (
          <Link className="button secondary small" href={`${BASE}/cases${formatView({ ...view, page: view.page - 1 })}`} rel="prev">
            {t('queue.previous')}
          </Link>
        ) : null}
        <span>{t('queue.pageOf', { page: view.page, pages })}</span>
        {view.page < pages ? (
          <Link className="button secondary small" href={`${BASE}/cases${formatView({ ...view, page: view.page + 1 })}`} rel="next">
            {t('queue.next')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
