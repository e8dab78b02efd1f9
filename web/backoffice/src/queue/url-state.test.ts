import { describe, expect, it } from 'vitest';
import { apiQuery, countQuery, DEFAULT_VIEW, formatView, nextCaseQuery, parseView, type QueueView } from './url-state.js';

describe('queue view in the URL', () => {
  it('reads every filter back exactly as it was written', () => {
    const view: QueueView = {
      status: 'NEED_TO_REVIEW',
      riskLevel: 'HIGH',
      assignee: 'mine',
      from: '2026-01-01',
      to: '2026-01-31',
      q: 'Acme Ltd',
      ordering: 'created',
      page: 3,
    };
    expect(formatView(view)).toBe('?status=NEED_TO_REVIEW&risk=HIGH&assignee=mine&from=2026-01-01&to=2026-01-31&q=Acme+Ltd&sort=created&page=3');
    expect(parseView(formatView(view))).toEqual(view);
    expect(parseView(formatView({ ...view, assignee: 'unassigned' })).assignee).toBe('unassigned');
    expect(parseView(formatView({ ...view, assignee: 42 })).assignee).toBe(42);
    expect(formatView({ ...DEFAULT_VIEW, ordering: 'deadline' })).toBe('?sort=deadline');
    expect(parseView('?sort=deadline').ordering).toBe('deadline');
    expect(apiQuery(parseView('?sort=deadline'), 7).get('ordering')).toBe('deadline');
  });

  it('writes nothing for the default view and reads an empty query as the default', () => {
    expect(formatView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('falls back to the default for each malformed value instead of failing', () => {
    const view = parseView('?status=DONE&risk=huge&assignee=-1&from=2026-02-30&to=yesterday&sort=name&page=0&q=' + 'x'.repeat(300));
    expect(view).toEqual({ ...DEFAULT_VIEW, q: 'x'.repeat(100) });
    expect(parseView('?assignee=99999999999').assignee).toBeNull();
    expect(parseView('?page=1e3').page).toBe(1);
    expect(parseView('?page=2.5').page).toBe(1);
  });

  it('drops an end date before the start date', () => {
    expect(parseView('?from=2026-03-10&to=2026-03-01')).toMatchObject({ from: '2026-03-10', to: null });
  });
});

describe('the API query of a view', () => {
  it('maps mine to the manager id, unassigned to none, and the day range to a half-open UTC range', () => {
    const query = apiQuery({ ...DEFAULT_VIEW, assignee: 'mine', from: '2026-01-01', to: '2026-01-31', q: ' acme ', riskLevel: 'LOW' }, 7);
    expect(Object.fromEntries(query)).toEqual({
      page: '1',
      perPage: '25',
      ordering: '-created',
      riskLevel: 'LOW',
      assignedTo: '7',
      created: '2026-01-01T00:00:00Z,2026-02-01T00:00:00Z',
      q: 'acme',
    });
    expect(apiQuery({ ...DEFAULT_VIEW, assignee: 'unassigned' }, 7).get('assignedTo')).toBe('none');
    expect(apiQuery({ ...DEFAULT_VIEW, to: '2026-12-31' }, 7).get('created')).toBe(',2027-01-01T00:00:00Z');
  });

  it('counts every status tab with one request that keeps the other filters and drops the status, page and order', () => {
    const query = countQuery({ ...DEFAULT_VIEW, status: 'COMPLETED', riskLevel: 'HIGH', assignee: 'mine', q: 'acme', page: 4 }, 7);
    expect(Object.fromEntries(query)).toEqual({ riskLevel: 'HIGH', assignedTo: '7', q: 'acme' });
  });

  it('looks for the next case among the oldest unassigned ones of the view, waiting for review when the view has every status', () => {
    expect(Object.fromEntries(nextCaseQuery({ ...DEFAULT_VIEW, riskLevel: 'HIGH', assignee: 'mine', page: 5 }, 7))).toEqual({
      page: '1',
      perPage: '2',
      ordering: 'created',
      status: 'NEED_TO_REVIEW',
      riskLevel: 'HIGH',
      assignedTo: 'none',
    });
    expect(nextCaseQuery({ ...DEFAULT_VIEW, status: 'NEED_TO_PROCESS' }, 7).get('status')).toBe('NEED_TO_PROCESS');
  });
});
