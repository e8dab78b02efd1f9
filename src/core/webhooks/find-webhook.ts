import type { Db } from '../../db/database.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/tables.js';
import { notFound } from '../errors.js';
import { findLive } from '../live-rows.js';

/** A live endpoint of this partner; another partner's is "not found", like a missing one. */
export async function findWebhook(db: Db, partnerId: string, id: string): Promise<WebhookEndpointRow> {
  const row = await findLive(db, 'webhook_endpoints', partnerId, id);
  if (!row) throw notFound('Webhook');
  return row;
}

export async function findDelivery(db: Db, partnerId: string, id: string): Promise<WebhookDeliveryRow> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('partner_id', '=', partnerId).executeTakeFirst();
  if (!row) throw notFound('Webhook delivery');
  return row;
}
