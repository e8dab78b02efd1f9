import { newRowId } from '../../db/row-id.js';
import type { Db } from '../../db/database.js';
import { notifyWork } from '../../db/notify.js';
import type { WebhookDeliveryRow, WebhookEventRow } from '../../db/tables.js';
import { WORK_TOPIC } from '../work-requests.js';

export interface OutboxEvent {
  partnerId: string;
  eventType: string;
  /** The raw JSON body, serialised once: every attempt sends exactly these bytes. */
  body: string;
  now: number;
}

/**
 * Writes an event and one pending delivery per endpoint, due at once. Runs inside the caller's
 * transaction, so the event exists if and only if the change that caused it committed.
 */
export async function insertEvent(db: Db, event: OutboxEvent, endpointIds: string[]): Promise<{ eventId: string; deliveries: WebhookDeliveryRow[] }> {
  const eventRow: WebhookEventRow = { id: newRowId(), partner_id: event.partnerId, event_type: event.eventType, body: event.body, created_at: event.now };
  await db.insertInto('webhook_events').values(eventRow).execute();
  const eventId = eventRow.id;
  const deliveries = endpointIds.map((endpointId): WebhookDeliveryRow => ({
    id: newRowId(),
    partner_id: event.partnerId,
    event_id: eventId,
    endpoint_id: endpointId,
    event_type: event.eventType,
    status: 'pending',
    attempt_count: 0,
    round_failures: 0,
    next_attempt_at: event.now,
    lease_token: null,
    lease_expires_at: null,
    last_attempt_at: null,
    last_status_code: null,
    last_error: null,
    created_at: event.now,
    updated_at: event.now,
  }));
  if (deliveries.length > 0) {
    await db.insertInto('webhook_deliveries').values(deliveries).execute();
    // Delivered at commit, so a worker in another process claims at once instead of at its next poll.
    await notifyWork(db, WORK_TOPIC.webhooks);
  }
  return { eventId, deliveries };
}
