import { needsRowLocks, type Db } from '../../db/database.js';
import type { Ctx } from '../context.js';

/** What every retention purge takes: its period (0: off) and how many rows one pass may touch. */
export interface PurgeInput {
  periodMs: number;
  batchSize?: number;
}

export interface PurgeResult {
  /** Rows (or cases) this pass purged; rows another worker purged at the same time are not counted. */
  purged: number;
  /** The pass found a full batch: more may be due at once. */
  isFull: boolean;
}

export type RetentionCtx = Ctx;

export const DEFAULT_BATCH_SIZE = 500;

export const NOTHING_PURGED: PurgeResult = Object.freeze({ purged: 0, isFull: false });

type Group<Row> = [Row, ...Row[]];

/** What differs between purges; `runPurge` does the rest. */
export interface Purge<Row extends { partner_id: string }> {
  defaultBatchSize?: number;
  /** Up to `limit` rows due at `cutoff`, oldest first. */
  findDue(db: Db, cutoff: number, limit: number): Promise<Row[]>;
  /** How the due rows split into transactions; by default one per partner, since each partner has its own audit chain. */
  split?(rows: Row[]): Iterable<Group<Row>>;
  /**
   * Purges one group in its transaction, with its audit entry, and returns how many it purged.
   * It checks the rows are still due: rows another worker purged meanwhile are not counted.
   */
  purgeGroup(trx: Db, rows: Group<Row>, at: { cutoff: number; now: number }): Promise<number>;
}

/** One pass of a retention purge: a batch of due rows, one transaction per group. A period of 0 turns it off. */
export async function runPurge<Row extends { partner_id: string }>(ctx: RetentionCtx, input: PurgeInput, purge: Purge<Row>): Promise<PurgeResult> {
  if (input.periodMs <= 0) return NOTHING_PURGED;
  const batchSize = input.batchSize ?? purge.defaultBatchSize ?? DEFAULT_BATCH_SIZE;
  const now = ctx.clock.now();
  const cutoff = now - input.periodMs;
  const due = await purge.findDue(ctx.db, cutoff, batchSize);
  let purged = 0;
  for (const group of purge.split ? purge.split(due) : byPartner(due)) {
    purged += await ctx.db.transaction().execute((trx) => purge.purgeGroup(trx, group, { cutoff, now }));
  }
  return { purged, isFull: due.length === batchSize };
}

function byPartner<T extends { partner_id: string }>(rows: T[]): Iterable<Group<T>> {
  const groups = new Map<string, Group<T>>();
  for (const row of rows) {
    const group = groups.get(row.partner_id);
    if (group) group.push(row);
    else groups.set(row.partner_id, [row]);
  }
  return groups.values();
}

/**
 * The ids of the events this pass may touch: on PostgreSQL those it could lock (another worker's
 * pass skips them, so no row is counted twice); SQLite serialises writers already.
 */
export async function lockEvents(trx: Db, events: { id: string }[]): Promise<string[]> {
  const ids = events.map((event) => event.id);
  if (!needsRowLocks(trx)) return ids;
  const locked = await trx.selectFrom('webhook_events').select('id').where('id', 'in', ids).forUpdate().skipLocked().execute();
  return locked.map((row) => row.id);
}
