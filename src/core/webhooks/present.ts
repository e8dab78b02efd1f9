import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow } from '../../db/tables.js';
import type { Webhook, WebhookDelivery, WebhookDeliveryDetail } from '../../schemas/webhook.js';
import { decrypt, encrypt } from '../crypto.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

// Encryption contexts bind each sealed value to its endpoint: a value copied to another row does not open.
export const signingKeyContext = (endpointId: string) => `webhook:${endpointId}:signing-key`;
export const headersContext = (endpointId: string) => `webhook:${endpointId}:headers`;

export function sealHeaders(pepper: string, endpointId: string, headers: Record<string, string>): string {
  return encrypt(pepper, headersContext(endpointId), JSON.stringify(headers));
}

export function openHeaders(pepper: string, row: Pick<WebhookEndpointRow, 'id' | 'headers'>): Record<string, string> {
  return JSON.parse(decrypt(pepper, headersContext(row.id), row.headers)) as Record<string, string>;
}

export function toWebhook(row: WebhookEndpointRow, pepper: string): Webhook {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    eventTypes: JSON.parse(row.event_types) as Webhook['eventTypes'],
    isActive: row.is_active === 1,
    headers: openHeaders(pepper, row),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhook: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type as WebhookDelivery['eventType'],
    status: row.status,
    attemptCount: row.attempt_count,
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    lastAttemptAt: isoOrNull(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toDeliveryDetail(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): WebhookDeliveryDetail {
  return {
    ...toDelivery(row),
    attempts: attempts.map((a) => ({ attemptedAt: iso(a.attempted_at), statusCode: a.status_code, durationMs: a.duration_ms, error: a.error })),
  };
}
