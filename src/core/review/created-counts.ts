import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';

/**
 * The widths (ms) of company_created_counts' buckets, finest first; each divides the next and
 * all are aligned on the epoch (migration 20261201T0100: a second, a minute, an hour, a day, 32 days).
 */
const WIDTHS = [1_000, 60_000, 3_600_000, 86_400_000, 2_764_800_000] as const;

/** A creation-time range [from, to) of listed companies; null is unbounded. */
export interface CreatedRange {
  status?: string | undefined;
  from: number | null;
  to: number | null;
}

type Counted = SelectQueryBuilder<Database, 'company_created_counts' | 'companies', { status: string; count: number | string | bigint | null }>;

/**
 * How many of the partner's listed companies (in `status` if given) were created in the range,
 * per status: the range's whole buckets (at most two runs per width, the coarsest in between)
 * summed from company_created_counts, plus its partial seconds at either end counted on the
 * (partner, created) index. One statement, so on PostgreSQL one snapshot: the counts the triggers
 * keep and the index entries agree, whatever commits meanwhile.
 */
export async function countCreatedRange(db: Db, partnerId: string, range: CreatedRange): Promise<Array<{ status: string; count: number }>> {
  const parts: Counted[] = [];
  const onIndex = (from: number | null, to: number | null) => {
    let q = db.selectFrom('companies').where('partner_id', '=', partnerId).where('search_text', 'is not', null);
    if (from !== null) q = q.where('created_at', '>=', from);
    if (to !== null) q = q.where('created_at', '<', to);
    if (range.status !== undefined) q = q.where('status', '=', range.status);
    parts.push(q.select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('count')]).groupBy('status') as Counted);
  };
  const inBuckets = (level: number, from: number | null, to: number | null) => {
    let q = db.selectFrom('company_created_counts').where('partner_id', '=', partnerId).where('width', '=', WIDTHS[level]!);
    if (from !== null) q = q.where('bucket', '>=', from);
    if (to !== null) q = q.where('bucket', '<', to);
    if (range.status !== undefined) q = q.where('status', '=', range.status);
    parts.push(q.select((eb) => ['status', eb.fn.sum<number | string | null>('count').as('count')]).groupBy('status') as Counted);
  };
  let low = ceilTo(range.from, WIDTHS[0]);
  let high = floorTo(range.to, WIDTHS[0]);
  if (low !== null && high !== null && low >= high) {
    onIndex(range.from, range.to);
  } else {
    if (range.from !== null && range.from < low!) onIndex(range.from, low);
    if (range.to !== null && high! < range.to) onIndex(high, range.to);
    for (let level = 0; level < WIDTHS.length; level += 1) {
      const coarser = WIDTHS[level + 1];
      const [outerLow, outerHigh] = coarser === undefined ? [null, null] : [ceilTo(low, coarser), floorTo(high, coarser)];
      if (coarser === undefined || (outerLow !== null && outerHigh !== null && outerLow >= outerHigh)) {
        inBuckets(level, low, high);
        break;
      }
      if (low !== null && low < outerLow!) inBuckets(level, low, outerLow);
      if (high !== null && outerHigh! < high) inBuckets(level, outerHigh, high);
      [low, high] = [outerLow, outerHigh];
    }
  }
  const [first, ...rest] = parts;
  const all = rest.reduce((union, part) => union.unionAll(part), first!);
  const rows = await db
    .selectFrom(all.as('parts'))
    .select((eb) => ['parts.status', eb.fn.sum<number | string | null>('parts.count').as('count')])
    .groupBy('parts.status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count ?? 0) }));
}

/**
 * Where a deep page of the partner's listed companies (in `status` and the time range if given)
 * starts, newest first (`desc`) or oldest first: the second holding the `offset`-th company,
 * found by descending the bucket widths (summing at each a few dozen buckets inside the one found
 * at the coarser), and how many of the listed companies come before that second's edge in list
 * order. The page is then `offset - skipped` companies from that edge (`created_at < edge`
 * newest first, `>= edge` oldest first): a walk inside one second of creation time instead of
 * `offset` index entries. A time range shifts the offset by the companies on its far side of
 * the order. Undefined if the counts hold fewer companies than that (a page past the end, or
 * companies removed meanwhile).
 */
export async function seekCreated(
  db: Db,
  partnerId: string,
  { status, from = null, to = null, offset, direction }: Partial<CreatedRange> & { offset: number; direction: 'asc' | 'desc' },
): Promise<{ edge: number; skipped: number } | undefined> {
  // The companies listed before the range, in list order: newer than it, or older.
  const outside = direction === 'desc' ? (to === null ? null : { from: to, to: null }) : from === null ? null : { from: null, to: from };
  const before = outside === null ? 0 : (await countCreatedRange(db, partnerId, { status, ...outside })).reduce((sum, row) => sum + row.count, 0);
  const target = offset + before;
  let skipped = 0;
  let within: [number, number] | undefined;
  for (let level = WIDTHS.length - 1; level >= 0; level -= 1) {
    const width = WIDTHS[level]!;
    let q = db.selectFrom('company_created_counts').where('partner_id', '=', partnerId).where('width', '=', width);
    if (within) q = q.where('bucket', '>=', within[0]).where('bucket', '<', within[1]);
    if (status !== undefined) q = q.where('status', '=', status);
    const buckets = await q
      .select((eb) => ['bucket', eb.fn.sum<number | string | null>('count').as('count')])
      .groupBy('bucket')
      .orderBy('bucket', direction)
      .execute();
    const found = buckets.find((row) => {
      const count = Number(row.count ?? 0);
      if (skipped + count > target) return true;
      skipped += count;
      return false;
    });
    if (!found) return undefined;
    within = [Number(found.bucket), Number(found.bucket) + width];
  }
  const edge = direction === 'desc' ? within![1] : within![0];
  // A second straddling the range's near end: the page starts at that end (then the offset is
  // under a second of companies).
  if (direction === 'desc' ? to !== null && edge > to : from !== null && edge < from) return { edge: (direction === 'desc' ? to : from)!, skipped: 0 };
  return { edge, skipped: skipped - before };
}

function ceilTo(time: number | null, width: number): number | null {
  return time === null ? null : Math.ceil(time / width) * width;
}

function floorTo(time: number | null, width: number): number | null {
  return time === null ? null : Math.floor(time / width) * width;
}
