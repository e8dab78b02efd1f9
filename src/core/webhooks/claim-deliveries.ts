import type { DatabaseHandle, Db } from '../../db/database.js';
import type { SelectQueryBuilder } from 'kysely';
import type { Database, WebhookDeliveryRow } from '../../db/tables.js';

export interface ClaimOptions {
  now: number;
  limit: number;
  /** Identifies this claim; every later write about the delivery must present it. */
  leaseToken: string;
  leaseMs: number;
}

/** One indexed read, so an idle worker that is woken up often costs little (and on SQLite, no write lock). */
export async function hasDueDeliveries(db: Db, now: number): Promise<boolean> {
  const row = await isClaimable(db.selectFrom('webhook_deliveries').select('id'), now).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Pending, due, and not leased (or the lease has run out). */
function isClaimable<Q extends SelectQueryBuilder<Database, 'webhook_deliveries', { id: string }>>(query: Q, now: number): Q {
  return query
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)])) as Q;
}

/**
 * Claims up to `limit` due deliveries for one worker, in one statement. A claim is a lease: until
 * it expires nobody else claims the delivery; when the worker dies mid-send, it expires and
 * the delivery is sent again (at least once).
 *
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` lets workers on several servers claim side by side
 * without waiting for each other or claiming a row twice. SQLite: the statement runs under the
 * database's write lock, which gives the same exclusivity.
 */
export async function claimDueDeliveries(database: DatabaseHandle, options: ClaimOptions): Promise<WebhookDeliveryRow[]> {
  const { now } = options;
  const rows = await database.db
    // Materialised: PostgreSQL may otherwise run a LIMITed IN-subquery more than once, and with
    // SKIP LOCKED each run returns other rows, so one claim could take far more than `limit`.
    .with(
      (cte) => cte('due').materialized(),
      (db) =>
        isClaimable(db.selectFrom('webhook_deliveries').select('id'), now)
          .orderBy('next_attempt_at')
          .limit(options.limit)
          .$if(database.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .updateTable('webhook_deliveries')
    .set({ lease_token: options.leaseToken, lease_expires_at: now + options.leaseMs })
    .where('id', 'in', (eb) => eb.selectFrom('due').select('id'))
    // Checked again on the row being updated: PostgreSQL re-evaluates these on the newest
    // version of a row another transaction just changed, a second guard against a double claim.
    .where((eb) => eb.and([eb('status', '=', 'pending'), eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)])]))
    .returningAll()
    .execute();
  // Never send an event whose commit is not on disk yet (SQLite groups fsyncs; see flush()).
  await database.flush();
  return rows;
}
