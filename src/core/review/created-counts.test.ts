import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { api } from '../../../test/api.js';
import { submittedCompany } from '../../../test/companies.js';
import { describeEachDialect, type Harness, type TestPartner } from '../../../test/harness.js';
import { KYB_STATUSES } from '../../shared/enums.js';
import { countCreatedRange, seekCreated } from './created-counts.js';

const WIDTHS = [1_000, 60_000, 3_600_000, 86_400_000, 2_764_800_000];
const BASE = Date.parse('2026-03-30T23:58:57.500Z');

/** company_created_counts as stored (zero rows left out), and as counting companies gives it. */
async function expectCreatedCountsExact(h: Harness): Promise<void> {
  const db = h.database.db;
  const stored = await db.selectFrom('company_created_counts').selectAll().where('count', '<>', 0).execute();
  const rows = await db.selectFrom('companies').select(['partner_id', 'status', 'created_at']).where('search_text', 'is not', null).execute();
  const truth = new Map<string, number>();
  for (const row of rows) {
    for (const width of WIDTHS) {
      const created = Number(row.created_at);
      const key = [row.partner_id, width, created - (created % width), row.status].join('|');
      truth.set(key, (truth.get(key) ?? 0) + 1);
    }
  }
  expect(summedPerKey(stored), 'company_created_counts against the companies').toEqual(Object.fromEntries([...truth].sort()));
}

/** Count rows summed per key: on PostgreSQL a key's count is spread over slots (migration 20261204T0100). */
function summedPerKey(rows: Array<{ partner_id: string; width: number | string; bucket: number | string; status: string; count: number | string }>) {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = [r.partner_id, Number(r.width), Number(r.bucket), r.status].join('|');
    sums.set(key, (sums.get(key) ?? 0) + Number(r.count));
  }
  return Object.fromEntries([...sums].filter(([, count]) => count !== 0).sort());
}

/**
 * A submitted company of the partner and `n` copies of it straight into companies (the triggers
 * count them), created `spacing(i)` ms after BASE, in the four statuses in turn.
 */
async function copies(h: Harness, partner: TestPartner, n: number, spacing: (i: number) => number, tag: string): Promise<void> {
  const db = h.database.db;
  const seed = await submittedCompany(h, { partner, company: { companyName: `Seed ${tag}` } });
  const row = await db.selectFrom('companies').selectAll().where('id', '=', seed.companyId).executeTakeFirstOrThrow();
  const values = Array.from({ length: n }, (_, i) => ({
    ...row,
    id: `${tag}-${String(i).padStart(6, '0')}`,
    created_at: BASE + spacing(i),
    status: KYB_STATUSES[i % 4]!,
    search_text: `copy ${tag} ${i}`,
  }));
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto('companies')
      .values(values.slice(i, i + 500))
      .execute();
}

/** The partner's listed companies in [from, to) (in `status`), counted row by row. */
async function truthOf(h: Harness, partnerId: string, from: number | null, to: number | null, status?: string): Promise<number> {
  let q = h.database.db.selectFrom('companies').where('partner_id', '=', partnerId).where('search_text', 'is not', null);
  if (from !== null) q = q.where('created_at', '>=', from);
  if (to !== null) q = q.where('created_at', '<', to);
  if (status !== undefined) q = q.where('status', '=', status);
  return Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDialect('company counts per creation time', (h) => {
  it('stay exact through form creation, status changes, a moved creation time, erasure and deletion, and a backfill', async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    const { call } = api(h());
    const a = await submittedCompany(h(), { partner });
    h().clock.advance(61_000);
    const b = await submittedCompany(h(), { partner });
    await submittedCompany(h(), { partner: other });
    await expectCreatedCountsExact(h());
    expect((await call('POST', `/kyb/companies/${a.companyId}/change-status/`, partner.auth, { status: 'NEED_TO_PROCESS' })).status).toBe(200);
    await expectCreatedCountsExact(h());
    const db = h().database.db;
    // Any writer, here plain SQL: a creation time moved across an hour, a form erased.
    await db
      .updateTable('companies')
      .set({ created_at: BASE + 3_600_000 })
      .where('id', '=', b.companyId)
      .execute();
    await expectCreatedCountsExact(h());
    await db.updateTable('companies').set({ search_text: null }).where('id', '=', b.companyId).execute();
    await expectCreatedCountsExact(h());
    expect((await call('DELETE', `/kyb/companies/${a.companyId}/`, partner.auth)).status).toBe(204);
    await expectCreatedCountsExact(h());

    // The migration's backfill gives the same rows as the triggers kept.
    await copies(h(), partner, 300, (i) => i * 7_919, 'backfill');
    const kept = summedPerKey(await db.selectFrom('company_created_counts').selectAll().execute());
    const created = await import('../../db/migrations/20261201T0100-created-counts.js');
    const slots = await import('../../db/migrations/20261204T0100-count-slots.js');
    const migrating = db as unknown as Kysely<unknown>;
    // The slots' migration down (each key's slots summed into one row) and up again around it.
    await slots.down(migrating);
    expect(summedPerKey(await db.selectFrom('company_created_counts').selectAll().execute())).toEqual(kept);
    await created.down(migrating);
    await created.up(migrating);
    await slots.up(migrating);
    expect(summedPerKey(await db.selectFrom('company_created_counts').selectAll().execute())).toEqual(kept);
    await expectCreatedCountsExact(h());
  });

  it('stay exact under concurrent writers: inserts, status changes in opposite directions and deletions at once', async () => {
    const partner = await h().partner();
    const db = h().database.db;
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await submittedCompany(h(), { partner })).companyId);
    const { call } = api(h());
    // Status changes through the API, every company moved back and forth, with new companies
    // submitted and others' creation times moved meanwhile (all in one second's bucket and
    // minute's, so the writers meet on the same count rows).
    await Promise.all([
      ...Array.from({ length: 24 }, (_, i) =>
        call('POST', `/kyb/companies/${ids[i % ids.length]}/change-status/`, partner.auth, { status: i % 2 === 0 ? 'NEED_TO_PROCESS' : 'NEED_TO_REVIEW' }),
      ),
      ...Array.from({ length: 4 }, () => submittedCompany(h(), { partner })),
      ...Array.from({ length: 8 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx
            .updateTable('companies')
            .set({ status: i % 2 === 0 ? 'COMPLETED' : 'NEED_TO_REVIEW' })
            .where('id', '=', ids[i % 3]!)
            .execute();
          await trx
            .updateTable('companies')
            .set({ status: i % 2 === 0 ? 'NEED_TO_REVIEW' : 'COMPLETED' })
            .where('id', '=', ids[3 + (i % 3)]!)
            .execute();
        }),
      ),
    ]);
    await expectCreatedCountsExact(h());
    await Promise.all(ids.slice(0, 3).map((id) => call('DELETE', `/kyb/companies/${id}/`, partner.auth)));
    await expectCreatedCountsExact(h());
  });

  it('counts any time range exactly, per status too, and the list and the status tabs agree with the rows', async () => {
    const partner = await h().partner();
    const other = await h().partner('Other');
    // Creation times spread over ten months, irregularly: many seconds, minutes, hours, days.
    const spacing = (i: number) => Math.floor(i ** 3 * 97) + (i % 7) * 13;
    await copies(h(), partner, 600, spacing, 'spread');
    await copies(h(), other, 50, spacing, 'other');
    const last = BASE + spacing(600);
    const edges = [
      BASE - 1,
      BASE,
      BASE + 500,
      BASE + 2_500,
      BASE + 60_000,
      BASE + 3_599_999,
      BASE + 86_400_001,
      BASE + 40 * 86_400_000 + 123,
      last - 1,
      last + 1,
    ];
    for (let i = 0; i < 8; i += 1) edges.push(BASE + Math.floor(((i * 7_919) % 101) * (last - BASE) * 0.01) + i);
    const { call } = api(h());
    for (const [n, from] of [null, ...edges].entries()) {
      for (const to of [null, ...edges.slice(n % 5)]) {
        if (from !== null && to !== null && to <= from) continue;
        const expected = await truthOf(h(), partner.partnerId, from, to);
        const counted = await countCreatedRange(h().database.db, partner.partnerId, { from, to });
        expect(
          counted.reduce((sum, row) => sum + row.count, 0),
          `[${from}, ${to})`,
        ).toBe(expected);
        const status = KYB_STATUSES[n % 4]!;
        const inStatus = await countCreatedRange(h().database.db, partner.partnerId, { from, to, status });
        expect(
          inStatus.reduce((sum, row) => sum + row.count, 0),
          `${status} [${from}, ${to})`,
        ).toBe(await truthOf(h(), partner.partnerId, from, to, status));
      }
    }
    // Through the API: the list's count and the status tabs, on a few ranges.
    for (const [from, to] of [
      [BASE + 500, BASE + 86_400_001],
      [BASE + 2_500, null],
      [null, BASE + 40 * 86_400_000 + 123],
    ] as const) {
      const created = encodeURIComponent(`${from === null ? '' : new Date(from).toISOString()},${to === null ? '' : new Date(to).toISOString()}`);
      const list = await call('GET', `/kyb/companies/?created=${created}&perPage=100`, partner.auth);
      expect(list.status, list.text).toBe(200);
      expect(list.json.count).toBe(await truthOf(h(), partner.partnerId, from, to));
      const status = await call('GET', `/kyb/companies/?created=${created}&status=COMPLETED`, partner.auth);
      expect(status.json.count).toBe(await truthOf(h(), partner.partnerId, from, to, 'COMPLETED'));
      const tabs = await call('GET', `/v1/companies/status-counts/?created=${created}`, partner.auth);
      expect(tabs.status, tabs.text).toBe(200);
      const statuses = Object.fromEntries(await Promise.all(KYB_STATUSES.map(async (s) => [s, await truthOf(h(), partner.partnerId, from, to, s)] as const)));
      expect(tabs.json).toEqual({ total: list.json.count, statuses });
    }
  });

  it('seeks a deep page to the same companies as walking the offset, both orders, with a status or not, and pages past 10,000 through the API', async () => {
    const partner = await h().partner();
    const db = h().database.db;
    // 12,000 companies: every fourth millisecond, in pairs that share one (ties broken by id).
    await copies(h(), partner, 12_000, (i) => Math.floor(i / 2) * 4 + (i > 6_000 ? 86_400_000 : 0), 'deep');
    const day = 86_400_000;
    const ranges = [
      { from: null, to: null },
      { from: BASE + 2_002, to: BASE + day + 9_998 },
      { from: null, to: BASE + day + 5_001 },
      { from: BASE + 7_003, to: null },
      { from: BASE + 1_000, to: BASE + 3_000 },
    ];
    for (const direction of ['desc', 'asc'] as const) {
      for (const status of [undefined, 'PENDING']) {
        for (const { from, to } of ranges) {
          const listed = () => {
            let q = db.selectFrom('companies').select('id').where('partner_id', '=', partner.partnerId).where('search_text', 'is not', null);
            if (status) q = q.where('status', '=', status);
            if (from !== null) q = q.where('created_at', '>=', from);
            if (to !== null) q = q.where('created_at', '<', to);
            return q;
          };
          const walk = (q: ReturnType<typeof listed>) => q.orderBy('created_at', direction).orderBy('id', direction).limit(7);
          const total = await truthOf(h(), partner.partnerId, from, to, status);
          for (const offset of [0, 1, 3, 499, 500, 501, 1_501, Math.floor(total / 2), Math.floor(total / 3), total - 4, total - 1, total, total + 1]) {
            const label = `${direction} ${status} [${from}, ${to}) ${offset} of ${total}`;
            const expected = (await walk(listed()).offset(offset).execute()).map((r) => r.id);
            const sought = await seekCreated(db, partner.partnerId, { status, from, to, offset, direction });
            if (offset < total) expect(sought, label).toBeDefined();
            const page = sought
              ? (
                  await walk(listed().where('created_at', direction === 'desc' ? '<' : '>=', sought.edge))
                    .offset(offset - sought.skipped)
                    .execute()
                ).map((r) => r.id)
              : [];
            expect(page, label).toEqual(expected);
          }
        }
      }
    }
    expect(await seekCreated(db, partner.partnerId, { offset: 12_001, direction: 'desc' })).toBeUndefined();
    const { call } = api(h());
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'created_at'])
      .where('partner_id', '=', partner.partnerId)
      .where('search_text', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const everything = rows.map((r) => r.id);
    const inRange = (from: number | null, to: number | null) =>
      rows.filter((r) => (from === null || Number(r.created_at) >= from) && (to === null || Number(r.created_at) < to)).map((r) => r.id);
    const early = BASE + 86_400_000 + 9_000;
    const late = BASE + 1_001;
    for (const [query, expected, total] of [
      ['perPage=100&page=111', everything.slice(11_000, 11_100), everything.length],
      ['perPage=100&page=121', everything.slice(12_000, 12_100), everything.length],
      ['perPage=50&page=201&ordering=created', [...everything].reverse().slice(10_000, 10_050), everything.length],
      [
        `perPage=100&page=101&created=${encodeURIComponent(`,${new Date(early).toISOString()}`)}`,
        inRange(null, early).slice(10_000, 10_100),
        inRange(null, early).length,
      ],
      [
        `perPage=100&page=101&ordering=created&created=${encodeURIComponent(`${new Date(late).toISOString()},`)}`,
        inRange(late, null).reverse().slice(10_000, 10_100),
        inRange(late, null).length,
      ],
    ] as const) {
      const res = await call('GET', `/kyb/companies/?${query}`, partner.auth);
      expect(res.status, res.text).toBe(200);
      expect(res.json.count, query).toBe(total);
      expect(
        res.json.results.map((r: { id: string }) => r.id),
        query,
      ).toEqual(expected);
    }
    // A company removed after the counting: still the right page.
    const removed = everything.find((id) => id.startsWith('deep-'))!;
    await db.deleteFrom('companies').where('id', '=', removed).execute();
    const after = await call('GET', '/kyb/companies/?perPage=100&page=101', partner.auth);
    expect(after.json.results.map((r: { id: string }) => r.id)).toEqual(everything.filter((id) => id !== removed).slice(10_000, 10_100));
    await expectCreatedCountsExact(h());
  });
});
