import type { DeliveryListQuery, WebhookDeliveryDetail, WebhookDeliveryPage } from '../../schemas/webhook.js';
import type { PartnerCtx } from '../context.js';
import { invalidField } from '../errors.js';
import { findDelivery } from './find-webhook.js';
import { toDelivery, toDeliveryDetail } from './present.js';

/** Newest first, filtered; `next` is an opaque cursor (creation time and id of the last row). */
export async function listDeliveries({ ctx, query }: { ctx: PartnerCtx; query: DeliveryListQuery }): Promise<WebhookDeliveryPage> {
  const limit = query.limit ?? 20;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const rows = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('partner_id', '=', ctx.partnerId)
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
    .$if(query.eventType !== undefined, (q) => q.where('event_type', '=', query.eventType!))
    .$if(query.webhook !== undefined, (q) => q.where('endpoint_id', '=', query.webhook!))
    .$if(after !== null, (q) =>
      q.where((eb) => eb.or([eb('created_at', '<', after!.createdAt), eb.and([eb('created_at', '=', after!.createdAt), eb('id', '<', after!.id)])])),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { results: page.map(toDelivery), next: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}

export async function getDelivery({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<WebhookDeliveryDetail> {
  const row = await findDelivery(ctx.db, ctx.partnerId, id);
  const attempts = await ctx.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', id).orderBy('attempted_at').orderBy('id').execute();
  return toDeliveryDetail(row, attempts);
}

function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(`${createdAt}:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const match = /^(\d{1,16}):(.{1,100})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidField('querystring.cursor', 'is not a cursor from a previous page');
  return { createdAt: Number(match[1]), id: match[2]! };
}
