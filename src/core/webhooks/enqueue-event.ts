import type { Db } from '../../db/database.js';
import { WEBHOOK_EVENT_TYPES } from '../../shared/enums.js';
import type { WebhookEventType } from '../../shared/enums.js';
import { insertEvent } from './outbox.js';

export interface EnqueueEventInput {
  partnerId: string;
  eventType: WebhookEventType;
  /** The webhook body (e.g. a CompanySubmitWebhook); serialised here, once. */
  payload: object;
  /** Epoch ms, from the caller's clock. */
  now: number;
}

export interface EnqueuedEvent {
  eventId: string;
  /** One per active endpoint of the partner subscribed to the event type. */
  deliveryIds: string[];
}

const KNOWN_TYPES = new Set<string>(WEBHOOK_EVENT_TYPES);

/**
 * Puts a webhook event in the outbox, fanned out to every active endpoint of the partner that
 * subscribed to its type. Call it with the transaction that makes the change the event reports:
 * the event is then sent if and only if that change committed, at least once, even if the
 * process dies right after the commit.
 *
 * When no endpoint subscribes, nothing is stored (bodies carry personal data) and it returns null.
 */
export async function enqueueEvent(db: Db, input: EnqueueEventInput): Promise<EnqueuedEvent | null> {
  if (!KNOWN_TYPES.has(input.eventType)) throw new Error(`unknown webhook event type "${input.eventType}"`);
  const body = JSON.stringify(input.payload);
  if (typeof body !== 'string' || !body.startsWith('{')) throw new Error('a webhook payload must be a JSON object');
  const endpoints = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_types'])
    .where('partner_id', '=', input.partnerId)
    .where('is_active', '=', 1)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const subscribed = endpoints.filter((e) => (JSON.parse(e.event_types) as string[]).includes(input.eventType)).map((e) => e.id);
  if (subscribed.length === 0) return null;
  const { eventId, deliveries } = await insertEvent(db, { partnerId: input.partnerId, eventType: input.eventType, body, now: input.now }, subscribed);
  return { eventId, deliveryIds: deliveries.map((d) => d.id) };
}
