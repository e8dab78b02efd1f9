import { decrypt } from '../../core/crypto.js';
import { openHeaders, signingKeyContext } from '../../core/webhooks/present.js';
import { signedHeaders } from '../../core/webhooks/signatures.js';
import type { LookupAll } from '../../core/webhooks/url-policy.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/tables.js';
import { loadClaimed, recordAttempt, releaseLease, settleWithoutAttempt, type AttemptEnv } from '../../core/webhooks/record-attempt.js';
import { sendWebhookRequest } from './send-request.js';

export interface DeliveryEnv extends AttemptEnv {
  pepper: string;
  timeoutMs: number;
  allowPrivate: boolean;
  lookupAll?: LookupAll;
}

const USER_AGENT = 'OpenKYB-Webhooks/1';

/** Makes one attempt at a delivery this worker has claimed, and records what happened. */
export async function deliverClaimed(env: DeliveryEnv, claimed: WebhookDeliveryRow, signal: AbortSignal): Promise<void> {
  const { endpoint, body } = await loadClaimed(env.db, claimed);
  if (endpoint.deleted_at !== null || endpoint.is_active !== 1) {
    // Normally failed when the endpoint stopped; this covers a claim made just before that.
    return settleWithoutAttempt(env, claimed, endpoint.deleted_at !== null ? 'webhook deleted' : 'webhook deactivated');
  }
  const attemptedAt = env.clock.now();
  const prepared = prepareHeaders(env, endpoint, claimed, body, attemptedAt);
  const response =
    'error' in prepared
      ? { aborted: false as const, statusCode: null, error: prepared.error, durationMs: 0 }
      : await sendWebhookRequest({
          url: endpoint.url,
          headers: prepared.headers,
          body,
          timeoutMs: env.timeoutMs,
          allowPrivate: env.allowPrivate,
          lookupAll: env.lookupAll,
          signal,
        });
  if (response.aborted) return releaseLease(env.db, claimed);
  await recordAttempt(env, claimed, { attemptedAt, ...response });
}

function prepareHeaders(
  env: DeliveryEnv,
  endpoint: WebhookEndpointRow,
  claimed: WebhookDeliveryRow,
  body: string,
  now: number,
): { headers: Record<string, string> } | { error: string } {
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
