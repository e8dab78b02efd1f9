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

/** Rows grouped by their partner, since each partner has its own audit chain. */
export function byPartner<T extends { partner_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.partner_id);
    if (group) group.push(row);
    else groups.set(row.partner_id, [row]);
  }
  return groups;
}

/**
 * The events of `ids` this pass may touch: on PostgreSQL those it could lock (another worker's
 * pass skips them, so no row is counted twice); SQLite serialises writers already.
 */
export async function lockEvents(trx: Db, ids: string[]): Promise<string[]> {
  if (!needsRowLocks(trx)) return ids;
  const locked = await trx.selectFrom('webhook_events').select('id').where('id', 'in', ids).forUpdate().skipLocked().execute();
  return locked.map((row) => row.id);
}
