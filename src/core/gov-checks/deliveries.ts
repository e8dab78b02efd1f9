import { needsRowLocks, type Db } from '../../db/database.js';
import type { GovDocumentOrderRow, SosReportRow } from '../../db/tables.js';
import type { GovOrderStatus } from '../../shared/gov-checks.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';
import type { RegisterFault } from './call-register.js';

/**
 * The worker's side of register deliveries (document orders, SOS reports): claim one due row
 * under a lease, ask the register outside any transaction, then settle the row, its audit entry
 * and its webhook event in one transaction that holds only if the lease is still ours.
 */
type Table = 'gov_document_orders' | 'sos_reports';
type RowOf<T extends Table> = T extends 'gov_document_orders' ? GovDocumentOrderRow : SosReportRow;

/** How long past the register timeout a claim stays ours: a worker that dies mid-call frees the row after this. */
const LEASE_MARGIN_MS = 60_000;
/** How often a document the register has not delivered yet is asked for again. */
export const PENDING_POLL_MS = 60_000;

export interface Claimed<T extends Table> {
  row: RowOf<T>;
  /** The row's `next_attempt_at` while claimed; settling checks it is unchanged. */
  lease: number;
}

export async function claimDue<T extends Table>(ctx: Ctx, table: T): Promise<Claimed<T> | null> {
  const now = ctx.clock.now();
  const lease = now + ctx.registrySettings.timeoutMs + LEASE_MARGIN_MS;
  // The table names are a closed pair with the same claim columns; Kysely types one at a time.
  return ctx.db.transaction().execute(async (trx) => {
    const row = (await (trx as Db)
      .selectFrom(table as 'sos_reports')
      .selectAll()
      .where('status', '=', 'IN_PROGRESS')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(1)
      .$if(needsRowLocks(trx), (q) => q.forUpdate().skipLocked())
      .executeTakeFirst()) as RowOf<T> | undefined;
    if (!row) return null;
    await (trx as Db)
      .updateTable(table as 'sos_reports')
      .set({ next_attempt_at: lease })
      .where('id', '=', row.id)
      .execute();
    return { row, lease };
  });
}

export interface Settlement {
  status: GovOrderStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
}

/**
 * After a register fault: try again on the configured schedule, or end TIMED_OUT (it never
 * answered in time) or FAILED (it failed, answered nonsense, or refused the order) when the
 * attempts are spent. A refusal is final at once: asking again gets the same answer.
 */
export function afterFault(ctx: Ctx, attempts: number, fault: RegisterFault): Settlement {
  const schedule = ctx.registrySettings.retryScheduleMs;
  const made = attempts + 1;
  if (fault !== 'rejected' && made <= schedule.length) {
    return { status: 'IN_PROGRESS', attempts: made, next_attempt_at: ctx.clock.now() + schedule[made - 1]!, last_error: fault };
  }
  return { status: fault === 'timeout' ? 'TIMED_OUT' : 'FAILED', attempts: made, next_attempt_at: null, last_error: fault };
}

export const isFinal = (status: GovOrderStatus) => status !== 'IN_PROGRESS' && status !== 'NOT_ORDERED';

/**
 * Writes the outcome if the lease still holds (else another worker took the row over: nothing
 * is written) and, when the outcome is final, its audit entry and webhook event, in one
 * transaction. `store` runs first in that transaction (it writes the delivered files).
 */
export async function settle<T extends Table>(
  ctx: Ctx,
  table: T,
  claimed: Claimed<T>,
  outcome: {
    patch: (trx: Db) => Promise<Partial<RowOf<T>> & Settlement>;
    event: { type: 'GOV_ORDERED_DOCUMENT' | 'SOS_REPORT'; present: (row: RowOf<T>) => object; action: string };
  },
): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await (trx as Db)
      .selectFrom(table as 'sos_reports')
      .select('next_attempt_at')
      .where('id', '=', claimed.row.id)
      .$if(needsRowLocks(trx), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!current || Number(current.next_attempt_at) !== claimed.lease) return false;
    const patch = await outcome.patch(trx);
    await (trx as Db)
      .updateTable(table as 'sos_reports')
      .set(patch as Partial<SosReportRow>)
      .where('id', '=', claimed.row.id)
      .execute();
    if (isFinal(patch.status)) {
      const row = { ...claimed.row, ...patch } as RowOf<T>;
      const partnerId = row.partner_id;
      await enqueueEvent(trx, { partnerId, eventType: outcome.event.type, payload: outcome.event.present(row), now });
      await recordAudit(trx, {
        partnerId,
        actor: { kind: 'system' },
        action: outcome.event.action,
        details: { id: row.id, status: patch.status, attempts: patch.attempts, ...(patch.last_error ? { fault: patch.last_error } : {}) },
        now,
      });
    }
    return true;
  });
}
