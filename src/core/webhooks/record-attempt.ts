import { newRowId } from '../../db/row-id.js';
import type { Logger } from 'pino';
import type { Clock } from '../context.js';
import type { Db } from '../../db/database.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/tables.js';
import { nextAttemptAt } from './retry.js';

/** What recording a delivery's attempts needs. */
export interface AttemptEnv {
  db: Db;
  clock: Clock;
  logger: Logger;
  retryScheduleMs: readonly number[];
}

/** The endpoint and the event body of a claimed delivery. */
export async function loadClaimed(db: Db, claimed: WebhookDeliveryRow): Promise<{ endpoint: WebhookEndpointRow; body: string }> {
  const endpoint = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', claimed.endpoint_id).executeTakeFirstOrThrow();
  const event = await db.selectFrom('webhook_events').select(['body']).where('id', '=', claimed.event_id).executeTakeFirstOrThrow();
  return { endpoint, body: event.body };
}

export interface Outcome {
  attemptedAt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Writes the attempt and the delivery's next state together. Every write presents the lease:
 * if the lease was lost (this worker stalled past it and another one took over), nothing is
 * written here and the other worker's record stands.
 */
export async function recordAttempt(env: AttemptEnv, claimed: WebhookDeliveryRow, outcome: Outcome): Promise<void> {
  const now = env.clock.now();
  const isDelivered = outcome.error === null;
  const failures = isDelivered ? claimed.round_failures : claimed.round_failures + 1;
  const retryAt = isDelivered ? null : nextAttemptAt(env.retryScheduleMs, failures, now);
  const status = isDelivered ? 'delivered' : retryAt === null ? 'failed' : 'pending';
  const written = await env.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('webhook_deliveries')
      .set({
        status,
        attempt_count: claimed.attempt_count + 1,
        round_failures: failures,
        next_attempt_at: retryAt,
        lease_token: null,
        lease_expires_at: null,
        last_attempt_at: outcome.attemptedAt,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        updated_at: now,
      })
      .where('id', '=', claimed.id)
      .where('lease_token', '=', claimed.lease_token)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await trx
      .insertInto('webhook_attempts')
      .values({
        id: newRowId(),
        delivery_id: claimed.id,
        attempted_at: outcome.attemptedAt,
        status_code: outcome.statusCode,
        duration_ms: outcome.durationMs,
        error: outcome.error,
      })
      .execute();
    return true;
  });
  const fields = {
    deliveryId: claimed.id,
    eventId: claimed.event_id,
    webhookId: claimed.endpoint_id,
    eventType: claimed.event_type,
    attempt: claimed.attempt_count + 1,
    statusCode: outcome.statusCode,
    durationMs: outcome.durationMs,
    error: outcome.error,
  };
  if (!written) return env.logger.warn(fields, 'webhook attempt not recorded: the delivery changed while it was sent');
  const log = status === 'failed' ? env.logger.warn.bind(env.logger) : env.logger.info.bind(env.logger);
  log({ ...fields, outcome: status, nextAttemptAt: retryAt }, 'webhook attempt');
}

export async function settleWithoutAttempt(env: AttemptEnv, claimed: WebhookDeliveryRow, reason: string): Promise<void> {
  const now = env.clock.now();
  await env.db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, lease_token: null, lease_expires_at: null, last_error: reason, updated_at: now })
    .where('id', '=', claimed.id)
    .where('lease_token', '=', claimed.lease_token)
    .where('status', '=', 'pending')
    .execute();
  env.logger.info({ deliveryId: claimed.id, webhookId: claimed.endpoint_id, outcome: 'failed', error: reason }, 'webhook delivery dropped');
}

/** Gives a claim back untouched (shutdown mid-send); the delivery is due again at once. */
export async function releaseLease(db: Db, claimed: WebhookDeliveryRow): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ lease_token: null, lease_expires_at: null })
    .where('id', '=', claimed.id)
    .where('lease_token', '=', claimed.lease_token)
    .execute();
}
