import type { GovOrderListQuery, GovPartnerOrderedDocument } from '../../schemas/gov-checks.js';
import { parseDateTime } from '../../shared/dates.js';
import { GOV_ORDER_ORDERINGS } from '../../shared/gov-checks.js';
import type { PartnerCtx } from '../context.js';
import { invalidField } from '../errors.js';
import { presentDocumentOrder } from './present-document-order.js';

/** iDenfy's list has no paging; the newest this many are answered (docs/registries.md). */
export const GOV_LIST_LIMIT = 1000;

const COLUMNS = { deliveryTime: 'delivered_at', expectedDeliveryTime: 'expected_delivery_at', orderTime: 'ordered_at' } as const;

/** The partner's register document orders, filtered and ordered as iDenfy's list is. */
export async function listDocumentOrders({ ctx, query }: { ctx: PartnerCtx; query: GovOrderListQuery }): Promise<GovPartnerOrderedDocument[]> {
  const orderings = parseOrderBy(query.orderBy);
  // The route's schema (format date-time) lets through only what parseDateTime reads.
  const ms = (value: string | undefined) => (value === undefined ? undefined : parseDateTime(value)!);
  const range = [
    ['delivered_at', '>=', ms(query.deliveredAfter)],
    ['delivered_at', '<', ms(query.deliveredBefore)],
    ['expected_delivery_at', '>=', ms(query.expectedDeliveryAfter)],
    ['expected_delivery_at', '<', ms(query.expectedDeliveryBefore)],
    ['ordered_at', '>=', ms(query.orderedAfter)],
    ['ordered_at', '<', ms(query.orderedBefore)],
  ] as const;
  let select = ctx.db.selectFrom('gov_document_orders').selectAll().where('partner_id', '=', ctx.partnerId);
  for (const [column, op, value] of range) if (value !== undefined) select = select.where(column, op, value);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.documentFormat) select = select.where('document_format', '=', query.documentFormat);
  if (query.title) select = select.where('title', '=', query.title);
  for (const [column, direction] of orderings) select = select.orderBy(column, direction);
  const rows = await select.orderBy('ordered_at', 'desc').orderBy('id').limit(GOV_LIST_LIMIT).execute();
  return rows.map((row) => presentDocumentOrder(ctx, row));
}

/** "-orderTime,deliveryTime" -> [[ordered_at, desc], [delivered_at, asc]]; anything else is a 400. */
function parseOrderBy(value: string | undefined): [(typeof COLUMNS)[keyof typeof COLUMNS], 'asc' | 'desc'][] {
  if (value === undefined) return [];
  return value.split(',').map((part) => {
    const name = part.trim();
    if (!(GOV_ORDER_ORDERINGS as readonly string[]).includes(name)) throw invalidField('orderBy', `"${name}" is not one of ${GOV_ORDER_ORDERINGS.join(', ')}`);
    const isDescending = name.startsWith('-');
    return [COLUMNS[name.replace(/^-/, '') as keyof typeof COLUMNS], isDescending ? 'desc' : 'asc'];
  });
}
