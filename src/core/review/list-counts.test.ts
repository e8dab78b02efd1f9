import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { submittedCompany } from '../../../test/companies.js';
import { describeEachDialect, TEST_DATABASE_URL, useHarness, type Harness } from '../../../test/harness.js';
import { startSession } from '../../../test/kyb.js';
import { APPROVAL_STATUSES, KYB_STATUSES, RISK_LEVELS } from '../../shared/enums.js';
import { purgeDecidedCases } from '../retention/purge-decided-cases.js';
import { assessRisk } from '../risk/assess-risk.js';
import { createManager } from '../managers/create-manager.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** company_counts as stored, and as a count of the rows would give it (zero rows left out). */
async function countsAndTruth(h: Harness) {
  const db = h.database.db;
  const key = (r: { partner_id: string; status: string; approval_status: string | null; risk_level: string | null; assigned_to: number | null }) =>
    [r.partner_id, r.status, r.approval_status ?? '', r.risk_level ?? '', String(r.assigned_to ?? 0)].join('|');
  const stored = await db.selectFrom('company_counts').selectAll().where('count', '<>', 0).execute();
  const rows = await db
    .selectFrom('companies')
    .select(['partner_id', 'status', 'approval_status', 'risk_level', 'assigned_to'])
    .where('search_text', 'is not', null)
    .execute();
  const truth = new Map<string, number>();
  for (const row of rows) truth.set(key(row), (truth.get(key(row)) ?? 0) + 1);
  return {
    // Summed per key: on PostgreSQL a key's count is spread over slots (migration 20261204T0100).
    stored: Object.fromEntries(
      [...stored.reduce((sums, r) => sums.set(key(r), (sums.get(key(r)) ?? 0) + Number(r.count)), new Map<string, number>())]
        .filter(([, count]) => count !== 0)
        .sort(),
    ),
    truth: Object.fromEntries([...truth].sort()),
  };
}

async function expectCountsExact(h: Harness): Promise<void> {
  const { stored, truth } = await countsAndTruth(h);
  expect(stored).toEqual(truth);
  // The search copy follows every writer too: on SQLite the list's filters, the status also in
  // the rowid's band; on PostgreSQL the partner's slot, the status's band and the text.
  const db = h.database.db;
  const bandOf = (status: string) => (KYB_STATUSES as readonly string[]).indexOf(status);
  if (h.database.dialect === 'sqlite') {
    const columns = ['partner_id', 'created_at', 'status', 'approval_status', 'risk_level', 'assigned_to'] as const;
    const copied = await db
      .selectFrom('company_search')
      .select(['company_id', ...columns, sql<number>`(rowid >> 36) & 15`.as('band')])
      .orderBy('company_id')
      .execute();
    const listed = await db
      .selectFrom('companies')
      .select(['id as company_id', ...columns])
      .where('search_text', 'is not', null)
      .orderBy('id')
      .execute();
    expect(copied).toEqual(listed.map((row) => ({ ...row, band: bandOf(row.status) })));
    return;
  }
  const copied = await db
    .selectFrom('company_search')
    .innerJoin('company_search_partitions', 'company_search_partitions.slot', 'company_search.slot')
    .select(['company_id', 'partner_id', 'created_at', 'band', 'search_text', 'risk', 'approval', 'assigned_to'])
    .orderBy('company_id')
    .execute();
  const listed = await db
    .selectFrom('companies')
    .select(['id as company_id', 'partner_id', 'created_at', 'status', 'search_text', 'risk_level', 'approval_status', 'assigned_to'])
    .where('search_text', 'is not', null)
    .orderBy('id')
    .execute();
  // The filters' codes: 1-based positions in their lists (migration 20261205T0100), null for none.
  const codeOf = (values: readonly string[], value: string | null) => (value === null ? null : values.indexOf(value) + 1);
  expect(copied.map((row) => ({ ...row, created_at: Number(row.created_at) }))).toEqual(
    listed.map(({ status, risk_level, approval_status, ...row }) => ({
      ...row,
      created_at: Number(row.created_at),
      band: bandOf(status),
      risk: codeOf(RISK_LEVELS, risk_level),
      approval: codeOf(APPROVAL_STATUSES, approval_status),
    })),
  );
}

/** The list's count for a filter, and the number of companies it actually pages through. */
async function listCount(h: Harness, auth: string, query: string): Promise<{ count: number; listed: number }> {
  const res = await api(h).call('GET', `/kyb/companies/?perPage=100&${query}`, auth);
  expect(res.status).toBe(200);
  return { count: res.json.count, listed: res.json.results.length };
}

describeEachDialect('company list counts', (h) => {
  it('stay exact through create, submit, status change, assignment, risk change, delete and retention purge', async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    const { call } = api(h());
    await expectCountsExact(h());

    // A token reserves a company row with no form: not listed, not counted.
    const reserved = await startSession(h(), { flow: null, createForm: false, partner });
    expect((await listCount(h(), partner.auth, '')).count).toBe(0);
    await expectCountsExact(h());
    // The form makes it listed; submitting moves it to review.
    const form = await call('POST', '/kyb/forms/', reserved.bearer, { company: { companyName: 'Reserved Ltd', country: 'LT' } });
    expect(form.status).toBe(201);
    expect((await listCount(h(), partner.auth, '')).count).toBe(1);
    await expectCountsExact(h());

    const a = await submittedCompany(h(), { partner, company: { companyName: 'Alpha', registrationNumber: 'A-1' } });
    const b = await submittedCompany(h(), { partner, company: { companyName: 'Beta', registrationNumber: 'B-2' } });
    await submittedCompany(h(), { partner: other });
    await expectCountsExact(h());
    expect(await listCount(h(), partner.auth, 'status=NEED_TO_REVIEW')).toEqual({ count: 2, listed: 2 });
    expect(await listCount(h(), other.auth, '')).toEqual({ count: 1, listed: 1 });

    expect((await call('POST', `/kyb/companies/${a.companyId}/change-status/`, partner.auth, { status: 'NEED_TO_PROCESS' })).status).toBe(200);
    const deny = { status: 'COMPLETED', reviewInfo: { approvalStatus: 'DENIED' } };
    expect((await call('POST', `/kyb/companies/${b.companyId}/change-status/`, partner.auth, deny)).status).toBe(200);
    await expectCountsExact(h());
    expect(await listCount(h(), partner.auth, 'status=NEED_TO_PROCESS')).toEqual({ count: 1, listed: 1 });
    expect(await listCount(h(), partner.auth, 'approvalStatus=DENIED')).toEqual({ count: 1, listed: 1 });
    expect(await listCount(h(), partner.auth, 'approvalStatus=NONE')).toEqual({ count: 2, listed: 2 });

    const manager = await createManager({ ctx: partner.ctx, input: { name: 'Ona', surname: 'Reviewer', email: 'ona@example.com' } });
    expect((await call('POST', `/v1/companies/${a.companyId}/assign/`, partner.auth, { managerId: manager.id })).status).toBe(200);
    await expectCountsExact(h());
    expect(await listCount(h(), partner.auth, `assignedTo=${manager.id}`)).toEqual({ count: 1, listed: 1 });
    expect(await listCount(h(), partner.auth, 'assignedTo=none')).toEqual({ count: 2, listed: 2 });
    expect(await listCount(h(), partner.auth, `assignedTo=${manager.id}&status=NEED_TO_PROCESS`)).toEqual({ count: 1, listed: 1 });

    // A risk level written by any writer, here plain SQL, then the assessment verb.
    await h().database.db.updateTable('companies').set({ risk_level: 'LOW' }).where('id', '=', a.companyId).execute();
    await expectCountsExact(h());
    expect(await listCount(h(), partner.auth, 'riskLevel=LOW')).toEqual({ count: 1, listed: 1 });
    const assessed = await assessRisk({ ctx: partner.ctx, input: { companyId: a.companyId } });
    await expectCountsExact(h());
    expect((await listCount(h(), partner.auth, `riskLevel=${assessed.level}`)).listed).toBeGreaterThan(0);
    for (const level of RISK_LEVELS) {
      const { count, listed } = await listCount(h(), partner.auth, `riskLevel=${level}`);
      expect(count, level).toBe(listed);
    }

    expect((await call('DELETE', `/kyb/companies/${a.companyId}/`, partner.auth)).status).toBe(204);
    await expectCountsExact(h());
    expect(await listCount(h(), partner.auth, '')).toEqual({ count: 2, listed: 2 });

    // The decided case is erased by retention: no longer listed, no longer counted.
    h().clock.advance(1827 * DAY_MS);
    expect((await purgeDecidedCases({ ctx: h().ctx, input: { periodMs: 1826 * DAY_MS } })).purged).toBe(1);
    await expectCountsExact(h());
    expect(await listCount(h(), partner.auth, '')).toEqual({ count: 1, listed: 1 });
    expect(await listCount(h(), partner.auth, 'approvalStatus=DENIED')).toEqual({ count: 0, listed: 0 });
    expect(await listCount(h(), other.auth, '')).toEqual({ count: 1, listed: 1 });
  });

  it('counts every filter exactly against the rows it lists, and answers a page past the end with the count and no rows', async () => {
    const partner = await h().partner();
    const db = h().database.db;
    for (let i = 0; i < 6; i += 1) {
      const s = await submittedCompany(h(), { partner, company: { companyName: `Firm ${i}`, registrationNumber: `R-${i % 2}` } });
      await db
        .updateTable('companies')
        .set({ status: i % 3 === 0 ? 'COMPLETED' : 'NEED_TO_REVIEW', approval_status: i % 3 === 0 ? 'DENIED' : null, risk_level: i % 2 === 0 ? 'HIGH' : 'LOW' })
        .where('id', '=', s.companyId)
        .execute();
      h().clock.advance(1000);
    }
    await expectCountsExact(h());
    const mid = encodeURIComponent(`${new Date(h().clock.now() - 3500).toISOString()},`);
    for (const query of [
      '',
      'status=COMPLETED',
      'approvalStatus=DENIED',
      'approvalStatus=NONE',
      'riskLevel=HIGH',
      'status=NEED_TO_REVIEW&riskLevel=LOW',
      'status=COMPLETED&approvalStatus=DENIED&riskLevel=HIGH&assignedTo=none',
      'registrationNumber=R-1',
      `created=${mid}`,
      `created=${mid}&riskLevel=HIGH`,
      'q=firm',
      'q=firm&status=COMPLETED',
      `q=firm&created=${mid}`,
      `q=firm&created=${mid}&riskLevel=HIGH`,
      'q=firm&riskLevel=HIGH',
      'q=firm&status=COMPLETED&riskLevel=HIGH',
      'q=firm&approvalStatus=DENIED',
      'q=firm&approvalStatus=NONE',
      'q=firm&assignedTo=none',
      'q=m 1&riskLevel=LOW',
      `q=m 1&created=${mid}`,
      'q=r-1',
      'q=m 1',
    ]) {
      const { count, listed } = await listCount(h(), partner.auth, query);
      expect(count, query).toBe(listed);
      if (query.includes('status=')) continue;
      // The queue's status tabs: every status counted at once equals the list filtered by each.
      const counts = await api(h()).call('GET', `/v1/companies/status-counts/?${query}`, partner.auth);
      expect(counts.status, counts.text).toBe(200);
      const perStatus = Object.fromEntries(
        await Promise.all(KYB_STATUSES.map(async (status) => [status, (await listCount(h(), partner.auth, `${query}&status=${status}`)).listed] as const)),
      );
      expect(counts.json, query).toEqual({ total: listed, statuses: perStatus });
    }
    // Every company holds "firm": with it, each filter keeps exactly the companies it keeps alone
    // (counted from company_counts, not the search copy).
    for (const filter of [
      'riskLevel=HIGH',
      'riskLevel=LOW',
      'approvalStatus=DENIED',
      'approvalStatus=NONE',
      'assignedTo=none',
      'status=COMPLETED&riskLevel=HIGH',
    ]) {
      expect((await listCount(h(), partner.auth, `q=firm&${filter}`)).count, filter).toBe((await listCount(h(), partner.auth, filter)).count);
    }
    // Ordered by deadline, a search is counted and listed on companies, tested against company_search.
    expect(await listCount(h(), partner.auth, 'q=firm&ordering=deadline')).toEqual({ count: 6, listed: 6 });
    expect(await listCount(h(), partner.auth, 'q=m 1&ordering=deadline&riskLevel=LOW')).toEqual({ count: 1, listed: 1 });
    const other = await h().partner('Other');
    expect((await api(h()).call('GET', '/v1/companies/status-counts/?q=firm', other.auth)).json).toMatchObject({ total: 0 });
    const short = await api(h()).call('GET', '/v1/companies/status-counts/?q=fi', partner.auth);
    expect(short.status).toBe(400);
    expect(short.json.message).toMatchObject({ q: [expect.stringContaining('at least 3 characters')] });
    expect((await api(h()).call('GET', '/v1/companies/status-counts/?riskLevel=SEVERE', partner.auth)).status).toBe(400);
    const pastEnd = await api(h()).call('GET', '/kyb/companies/?perPage=100&page=1000000', partner.auth);
    expect(pastEnd.status).toBe(200);
    expect(pastEnd.json).toMatchObject({ count: 6, results: [] });
  });

  it('counts a search, with a time range or alone, once for a page and its tabs, and afresh after any commit', async () => {
    const partner = await h().partner();
    const db = h().database.db;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await submittedCompany(h(), { partner, company: { companyName: `Range Firm ${i}` } })).companyId);
      h().clock.advance(1000);
    }
    const range = `q=range&created=${encodeURIComponent(`${new Date(h().clock.now() - 3500).toISOString()},`)}`;
    const page = async (query = range) => {
      // As the queue asks: the page and its tabs together, then each checked against the rows.
      const [list, tabs] = await Promise.all([
        listCount(h(), partner.auth, query),
        api(h()).call('GET', `/v1/companies/status-counts/?${query}`, partner.auth),
      ]);
      expect(list.count).toBe(list.listed);
      expect(tabs.json.total).toBe(list.listed);
      return { listed: list.listed, statuses: tabs.json.statuses as Record<string, number> };
    };
    expect((await page()).listed).toBe(3);
    expect((await page()).listed).toBe(3);
    expect((await page('q=range')).listed).toBe(5);
    expect((await page('q=range')).listed).toBe(5);
    // A commit by any writer between two pages is seen by both counts of the next one.
    await db.updateTable('companies').set({ status: 'COMPLETED' }).where('id', '=', ids[4]!).execute();
    expect(await page()).toMatchObject({ listed: 3, statuses: { COMPLETED: 1 } });
    expect(await page('q=range')).toMatchObject({ listed: 5, statuses: { COMPLETED: 1 } });
    await submittedCompany(h(), { partner, company: { companyName: 'Range Firm 5' } });
    expect(await page()).toMatchObject({ listed: 4, statuses: { COMPLETED: 1 } });
    expect(await page('q=range')).toMatchObject({ listed: 6, statuses: { COMPLETED: 1 } });
    // Another partner's search of the same words and range counts its own companies only.
    const other = await h().partner('Other');
    for (const query of [range, 'q=range']) {
      expect((await listCount(h(), other.auth, query)).count).toBe(0);
      expect((await api(h()).call('GET', `/v1/companies/status-counts/?${query}`, other.auth)).json.total).toBe(0);
    }
  });

  it("counts a search's status tabs over every status, a status in their query left out, and never lends such a count to the list", async () => {
    const partner = await h().partner();
    for (let i = 0; i < 3; i += 1) {
      await submittedCompany(h(), { partner, company: { companyName: `Tabbed Firm ${i}` } });
      h().clock.advance(1000);
    }
    const range = `q=tabbed&created=${encodeURIComponent(`${new Date(h().clock.now() - 10_000).toISOString()},`)}`;
    for (const query of [range, 'q=tabbed']) {
      // The tabs count every status (the list's filters but the status): a status sent along changes nothing.
      const tabs = await api(h()).call('GET', `/v1/companies/status-counts/?${query}&status=COMPLETED`, partner.auth);
      expect(tabs.json.total, query).toBe(3);
      expect((await listCount(h(), partner.auth, query)).count, query).toBe(3);
    }
  });

  it('pages a search in list order whether its matches are common or rare, combined with filters, and never across partners', async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    for (let i = 0; i < 24; i += 1) {
      for (const owner of [partner, other]) {
        const s = await submittedCompany(h(), {
          partner: owner,
          company: { companyName: `Common ${i % 12 === 0 ? 'Rare' : 'Plain'} ${i}`, registrationNumber: `N-${i}` },
        });
        if (i % 3 === 0)
          await h().database.db.updateTable('companies').set({ status: 'COMPLETED', approval_status: 'APPROVED' }).where('id', '=', s.companyId).execute();
      }
      h().clock.advance(i % 5 === 0 ? 0 : 1000);
    }
    const { call } = api(h());
    const everything = (await call('GET', '/kyb/companies/?perPage=100', partner.auth)).json.results as Array<{
      id: string;
      company: { companyName: string };
      meta: { status: string };
    }>;
    for (const [query, keep] of [
      ['q=common', () => true],
      ['q=rare', (r: (typeof everything)[number]) => r.company.companyName.includes('Rare')],
      ['q=common&status=COMPLETED', (r: (typeof everything)[number]) => r.meta.status === 'COMPLETED'],
      ['q=plain&approvalStatus=NONE', (r: (typeof everything)[number]) => r.company.companyName.includes('Plain') && r.meta.status !== 'COMPLETED'],
      ['q=common&ordering=created', () => true],
    ] as const) {
      const expected = everything.filter(keep).map((r) => r.id);
      if (query.endsWith('ordering=created')) expected.reverse();
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 5) + 1; page += 1) {
        const res = await call('GET', `/kyb/companies/?${query}&perPage=5&page=${page}`, partner.auth);
        expect(res.status, query).toBe(200);
        expect(res.json.count, query).toBe(expected.length);
        paged.push(...res.json.results.map((r: { id: string }) => r.id));
      }
      expect(paged, query).toEqual(expected);
    }
  });

  it('finds names by substring with accents and case ignored, and refuses queries shorter than three characters', async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    const a = await submittedCompany(h(), { partner, company: { companyName: 'Šiaulių Bankas AB', registrationNumber: 'LT-112' } });
    const b = await submittedCompany(h(), { partner, company: { companyName: 'Ōsaka Trading', registrationNumber: 'JP-9' } });
    await submittedCompany(h(), { partner: other, company: { companyName: 'Šiaulių Other', registrationNumber: 'LT-113' } });
    const { call } = api(h());
    const idsOf = async (q: string) => {
      const res = await call('GET', `/kyb/companies/?q=${encodeURIComponent(q)}`, partner.auth);
      expect(res.status).toBe(200);
      expect(res.json.count, q).toBe(res.json.results.length);
      return res.json.results.map((r: { id: string }) => r.id).sort();
    };
    expect(await idsOf('ULIŲ BANK')).toEqual([a.companyId]);
    expect(await idsOf('siauliu')).toEqual([a.companyId]);
    expect(await idsOf('AUL')).toEqual([a.companyId]);
    expect(await idsOf('osaka tr')).toEqual([b.companyId]);
    expect(await idsOf('lt-11')).toEqual([a.companyId]);
    expect(await idsOf('Šia')).toEqual([a.companyId]);
    expect(await idsOf('ių b')).toEqual([a.companyId]);
    expect(await idsOf('a t')).toEqual([b.companyId]);
    expect(await idsOf('ōsa')).toEqual([b.companyId]);
    expect(await idsOf('"bank')).toEqual([]);
    expect(await idsOf('bank" OR "osaka')).toEqual([]);
    expect(await idsOf('a%b')).toEqual([]);
    expect(await idsOf('s_a')).toEqual([]);
    // Shorter than a trigram: refused on both dialects, with the field named, rather than a
    // scan of every company.
    for (const short of ['A', 'Ši', 'ų', '"', '%', ' ab ']) {
      const res = await call('GET', `/kyb/companies/?q=${encodeURIComponent(short)}`, partner.auth);
      expect(res.status, short).toBe(400);
      expect(JSON.stringify(res.json), short).toContain('q');
    }
    // A renamed company is found by its new name only (whoever writes search_text).
    await h().database.db.updateTable('companies').set({ search_text: 'kyoto trading jp-9' }).where('id', '=', b.companyId).execute();
    await expectCountsExact(h());
    expect(await idsOf('kyoto')).toEqual([b.companyId]);
    expect(await idsOf('osaka')).toEqual([]);
    expect(await idsOf('trading')).toEqual([b.companyId]);
  });
});

describe.runIf(TEST_DATABASE_URL)('company list counts with concurrent writers [postgres]', () => {
  const harness = useHarness('postgres');

  it('stay exact when two connections move companies in opposite directions at once, and under a burst of API status changes', async () => {
    const h = harness();
    const partner = await h.partner();
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push((await submittedCompany(h, { partner })).companyId);
    const db = h.database.db;
    await db.updateTable('companies').set({ status: 'NEED_TO_PROCESS' }).where('id', '=', ids[1]!).execute();

    // Two transactions, each on its own connection: the first holds its count rows until it
    // commits, the second moves a company the other way meanwhile and must wait, not fail.
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = db.transaction().execute(async (trx) => {
      await trx.updateTable('companies').set({ status: 'NEED_TO_PROCESS' }).where('id', '=', ids[0]!).execute();
      firstWrote();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await trx.updateTable('companies').set({ risk_level: 'HIGH' }).where('id', '=', ids[2]!).execute();
    });
    await wrote;
    const second = db.transaction().execute(async (trx) => {
      const pids = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      expect(pids.rows).toHaveLength(1);
      await trx.updateTable('companies').set({ status: 'NEED_TO_REVIEW' }).where('id', '=', ids[1]!).execute();
      await trx.updateTable('companies').set({ risk_level: 'LOW' }).where('id', '=', ids[3]!).execute();
    });
    await Promise.all([first, second]);
    await expectCountsExact(h);

    const { call } = api(h);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call('POST', `/kyb/companies/${ids[i % ids.length]}/change-status/`, partner.auth, { status: i % 2 === 0 ? 'NEED_TO_PROCESS' : 'NEED_TO_REVIEW' }),
      ),
    );
    expect(results.map((r) => r.status).filter((status) => status !== 200 && status !== 409)).toEqual([]);
    await expectCountsExact(h);
    for (const status of ['NEED_TO_PROCESS', 'NEED_TO_REVIEW']) {
      const { count, listed } = await listCount(h, partner.auth, `status=${status}`);
      expect(count, status).toBe(listed);
    }
  });

  it("do not make one partner's writers wait for each other: each transaction counts in a slot of its own", async () => {
    const h = harness();
    const partner = await h.partner();
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) ids.push((await submittedCompany(h, { partner })).companyId);
    const db = h.database.db;
    const slotOf = async (trx: typeof db) => Number((await sql<{ slot: string }>`select txid_current() % 16 as slot`.execute(trx)).rows[0]!.slot);

    // The first moves a company and keeps its transaction open; the second moves the other
    // company the same way (the same count keys, the same creation buckets) meanwhile.
    let firstWrote!: (slot: number) => void;
    const wrote = new Promise<number>((resolve) => (firstWrote = resolve));
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const first = db.transaction().execute(async (trx) => {
      const slot = await slotOf(trx);
      await trx.updateTable('companies').set({ status: 'NEED_TO_PROCESS' }).where('id', '=', ids[0]!).execute();
      firstWrote(slot);
      await finishing;
    });
    const firstSlot = await wrote;
    try {
      for (;;) {
        const moved = await db
          .transaction()
          .execute(async (trx) => {
            // Two transactions whose ids fall in one slot do share its rows: such a second is taken again.
            if ((await slotOf(trx)) === firstSlot) throw new Error('same slot');
            await sql`set local lock_timeout = '2s'`.execute(trx);
            await trx.updateTable('companies').set({ status: 'NEED_TO_PROCESS' }).where('id', '=', ids[1]!).execute();
            return true;
          })
          .catch((error: Error) => {
            if (error.message === 'same slot') return false;
            throw error;
          });
        if (moved) break;
      }
    } finally {
      finish();
      await first;
    }
    await expectCountsExact(h);
    const { count, listed } = await listCount(h, partner.auth, 'status=NEED_TO_PROCESS');
    expect(count).toBe(listed);
  });
});

describe('the SQLite search index', () => {
  const harness = useHarness('sqlite');

  it('pages a search the same by each of its three ways: probing, walking against all matches, and sorting them', async () => {
    const h = harness();
    const partner = await h.partner();
    const db = h.database.db;
    const first = await submittedCompany(h, { partner, company: { companyName: 'Seed', registrationNumber: 'S-0' } });
    // 1,500 copies of one company straight into the table (the triggers index them), every 50th
    // a "rare" name, with creation times that tie in pairs.
    await sql`create temp table seed_copy as select * from companies where id = ${first.companyId}`.execute(db);
    for (let i = 0; i < 1500; i += 1) {
      const name = i % 50 === 0 ? `common rare ${i}` : `common plain ${i}`;
      await sql`update seed_copy set id = ${`copy-${String(i).padStart(4, '0')}`}, created_at = ${1_800_000_000_000 + Math.floor(i / 2)}, search_text = ${name}, status = ${i % 2 === 0 ? 'PENDING' : 'COMPLETED'}`.execute(
        db,
      );
      await sql`insert into companies select * from seed_copy`.execute(db);
    }
    await sql`drop table seed_copy`.execute(db);
    const listed = await db.selectFrom('company_search').select(['company_id', 'created_at', 'status']).where('partner_id', '=', partner.partnerId).execute();
    const inOrder = listed.sort((a, b) => b.created_at - a.created_at || (a.company_id < b.company_id ? 1 : -1));
    const { call } = api(h);
    const pageOf = async (query: string) => {
      const res = await call('GET', `/kyb/companies/?${query}`, partner.auth);
      expect(res.status, query).toBe(200);
      return { count: res.json.count as number, ids: res.json.results.map((r: { id: string }) => r.id) as string[] };
    };
    const common = inOrder.filter((r) => r.company_id.startsWith('copy-')).map((r) => r.company_id);
    // A first page of a common word tests each company's text (a walk of 10 steps, or of 102
    // passing the rare names); page 12 of 100 walks 1,200 steps against the matches read at
    // once; a rare word's page sorts its 30 matches.
    expect(await pageOf('q=common&perPage=10')).toEqual({ count: 1500, ids: common.slice(0, 10) });
    const plain = inOrder.filter((r) => r.company_id.startsWith('copy-') && Number(r.company_id.slice(5)) % 50 !== 0).map((r) => r.company_id);
    expect(await pageOf('q=plain&perPage=100')).toEqual({ count: 1470, ids: plain.slice(0, 100) });
    // The tabs of a word with more than a thousand matches are counted band by band; of a rarer
    // one, from its matches read at once.
    const tabs = async (q: string) => (await call('GET', `/v1/companies/status-counts/?q=${q}`, partner.auth)).json;
    expect(await tabs('common')).toMatchObject({ total: 1500, statuses: { PENDING: 750, COMPLETED: 750, NEED_TO_REVIEW: 0 } });
    expect(await tabs('rare')).toMatchObject({ total: 30, statuses: { PENDING: 30, COMPLETED: 0 } });
    expect(await pageOf('q=common&perPage=100&page=12')).toEqual({ count: 1500, ids: common.slice(1100, 1200) });
    const rare = inOrder.filter((r) => r.company_id.startsWith('copy-') && Number(r.company_id.slice(5)) % 50 === 0).map((r) => r.company_id);
    expect(await pageOf('q=rare&perPage=100')).toEqual({ count: 30, ids: rare });
    const pending = inOrder.filter((r) => r.company_id.startsWith('copy-') && r.status === 'PENDING').map((r) => r.company_id);
    expect(await pageOf('q=common&status=PENDING&perPage=100&page=7')).toEqual({ count: 750, ids: pending.slice(600, 700) });
  });

  it("removes an erased company's trigrams from the index itself (secure-delete), so its name cannot be rebuilt from the file", async () => {
    const h = harness();
    const partner = await h.partner();
    const s = await submittedCompany(h, { partner, company: { companyName: 'Zqxvj Holdings' } });
    const kept = await submittedCompany(h, { partner, company: { companyName: 'Plain Name' } });
    const blocks = async () =>
      (await sql<{ block: Uint8Array | null }>`select block from company_search_fts_data`.execute(h.database.db)).rows.map((r) => Buffer.from(r.block ?? []));
    const holds = async (trigram: string) => (await blocks()).some((block) => block.includes(trigram));
    expect(await holds('zqx')).toBe(true);
    expect((await api(h).call('DELETE', `/kyb/companies/${s.companyId}/`, partner.auth)).status).toBe(204);
    expect(await holds('zqx')).toBe(false);
    expect(await holds('qxv')).toBe(false);
    const found = await api(h).call('GET', '/kyb/companies/?q=plain', partner.auth);
    expect(found.json.results.map((r: { id: string }) => r.id)).toEqual([kept.companyId]);
  });
});

describeEachDialect('the search copy migrations (20261129T0200, 20261205T0100)', (h) => {
  it('backfills the companies already there, runs twice to the same result, and goes back down', async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const s = await submittedCompany(h(), {
        partner: i % 2 === 0 ? partner : other,
        company: { companyName: `Backfill ${i}`, registrationNumber: `BF-${i}` },
      });
      ids.push(s.companyId);
    }
    const db = h().database.db;
    await db.updateTable('companies').set({ status: 'COMPLETED', approval_status: 'DENIED' }).where('id', '=', ids[0]!).execute();
    await db.updateTable('companies').set({ status: 'NEED_TO_PROCESS' }).where('id', '=', ids[2]!).execute();
    const tabs = async (auth: string) => (await api(h()).call('GET', '/v1/companies/status-counts/?q=backfill', auth)).json;
    const before = [await tabs(partner.auth), await tabs(other.auth)];
    expect(before[0]).toMatchObject({ total: 3, statuses: { COMPLETED: 1, NEED_TO_PROCESS: 1, NEED_TO_REVIEW: 1 } });
    const migrations = [await import('../../db/migrations/20261129T0200-search-table.js'), await import('../../db/migrations/20261205T0100-search-filters.js')];
    const run = (step: 'up' | 'down') =>
      db.transaction().execute(async (trx) => {
        for (const migration of step === 'up' ? migrations : [...migrations].reverse()) await migration[step](trx as never);
      });
    await run('down');
    // Written under the previous layout, then copied by the migrations.
    await db.updateTable('companies').set({ status: 'PENDING' }).where('id', '=', ids[4]!).execute();
    await run('up');
    await expectCountsExact(h());
    await run('up');
    await expectCountsExact(h());
    // The filters' copy alone, down and up: what changed in between is copied too.
    await db.transaction().execute((trx) => migrations[1]!.down(trx as never));
    await db.updateTable('companies').set({ risk_level: 'HIGH', assigned_to: null }).where('id', '=', ids[2]!).execute();
    await db.transaction().execute((trx) => migrations[1]!.up(trx as never));
    await expectCountsExact(h());
    expect(await tabs(partner.auth)).toMatchObject({ total: 3, statuses: { COMPLETED: 1, NEED_TO_PROCESS: 1, PENDING: 1 } });
    expect(await tabs(other.auth)).toEqual(before[1]);
    // The triggers of the copy work after it: a status change and a new company.
    await db.updateTable('companies').set({ status: 'NEED_TO_REVIEW' }).where('id', '=', ids[0]!).execute();
    await submittedCompany(h(), { partner, company: { companyName: 'Backfill 7' } });
    await expectCountsExact(h());
    expect(await tabs(partner.auth)).toMatchObject({ total: 4, statuses: { NEED_TO_REVIEW: 2, NEED_TO_PROCESS: 1, PENDING: 1 } });
  });
});
