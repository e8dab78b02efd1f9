import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../core/context.js';
import { decrypt } from '../../core/crypto.js';
import { openHeaders, signingKeyContext } from '../../core/webhooks/present.js';
import { signedHeaders } from '../../core/webhooks/signatures.js';
import type { LookupAll } from '../../core/webhooks/url-policy.js';
import type { Db } from '../../db/database.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/tables.js';
import { nextAttemptAt } from './retry.js';
import { sendWebhookRequest } from './send-request.js';

export interface DeliveryEnv {
  db: Db;
  clock: Clock;
  logger: Logger;
  pepper: string;
  retryScheduleMs: readonly number[];
  timeoutMs: number;
  allowPrivate: boolean;
  lookupAll?: LookupAll;
}

const USER_AGENT = 'OpenKYB-Webhooks/1';

/** Makes one attempt at a delivery this worker has claimed, and records what happened. */
export async function deliverClaimed(env: DeliveryEnv, claimed: WebhookDeliveryRow, signal: AbortSignal): Promise<void> {
  const endpoint = await env.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', claimed.endpoint_id).executeTakeFirstOrThrow();
  if (endpoint.deleted_at !== null || endpoint.is_active !== 1) {
    // Normally failed when the endpoint stopped; this covers a claim made just before that.
    return settleWithoutAttempt(env, claimed, endpoint.deleted_at !== null ? 'webhook deleted' : 'webhook deactivated');
  }
  const event = await env.db.selectFrom('webhook_events').select(['body']).where('id', '=', claimed.event_id).executeTakeFirstOrThrow();
  const attemptedAt = env.clock.now();
  const prepared = prepareHeaders(env, endpoint, claimed, event.body, attemptedAt);
  const response = 'error' in prepared
    ? { aborted: false as const, statusCode: null, error: prepared.error, durationMs: 0 }
    : await sendWebhookRequest({
      url: endpoint.url, headers: prepared.headers, body: event.body, timeoutMs: env.timeoutMs,
      allowPrivate: env.allowPrivate, lookupAll: env.lookupAll, signal,
    });
  if (response.aborted) return releaseLease(env.db, claimed);
  await recordAttempt(env, claimed, { attemptedAt, ...response });
}

function prepareHeaders(env: DeliveryEnv, endpoint: WebhookEndpointRow, claimed: WebhookDeliveryRow, body: string, now: number): { headers: Record<string, string> } | { error: string } {
  let signingKey: string;
  let custom: Record<string, string>;
  try {
    signingKey = decrypt(env.pepper, signingKeyContext(endpoint.id), endpoint.signing_key);
    custom = openHeaders(env.pepper, endpoint);
  } catch {
    // Never send unsigned: this is an operator problem, shown on the attempt and retried.
    return { error: 'the signing key cannot be decrypted: was OPENKYB_SECRET changed?' };
  }
  const lowered = Object.fromEntries(Object.entries(custom).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    headers: {
      ...lowered,
      'user-agent': USER_AGENT,
      // Set last: custom headers can never replace these.
      ...signedHeaders({ signingKey, eventType: claimed.event_type, messageId: `msg_${claimed.id}`, timestampSeconds: Math.floor(now / 1000), body }),
    },
  };
}

interface Outcome {
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
async function recordAttempt(env: DeliveryEnv, claimed: WebhookDeliveryRow, outcome: Outcome): Promise<void> {
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
    await trx.insertInto('webhook_attempts').values({
      id: randomUUID(),
      delivery_id: claimed.id,
      attempted_at: outcome.attemptedAt,
      status_code: outcome.statusCode,
      duration_ms: outcome.durationMs,
      error: outcome.error,
    }).execute();
    return true;
  });
  const fields = {
    deliveryId: claimed.id, eventId: claimed.event_id, webhookId: claimed.endpoint_id, eventType: claimed.event_type,
    attempt: claimed.attempt_count + 1, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error,
  };
  if (!written) return env.logger.warn(fields, 'webhook attempt not recorded: the delivery changed while it was sent');
  const log = status === 'failed' ? env.logger.warn.bind(env.logger) : env.logger.info.bind(env.logger);
  log({ ...fields, outcome: status, nextAttemptAt: retryAt }, 'webhook attempt');
}

async function settleWithoutAttempt(env: DeliveryEnv, claimed: WebhookDeliveryRow, reason: string): Promise<void> {
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
async function releaseLease(db: Db, claimed: WebhookDeliveryRow): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ lease_token: null, lease_expires_at: null })
    .where('id', '=', claimed.id)
    .where('lease_token', '=', claimed.lease_token)
    .execute();
}
