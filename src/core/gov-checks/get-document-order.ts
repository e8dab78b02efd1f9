import type { GovPartnerOrderedDocument } from '../../schemas/gov-checks.js';
import type { PartnerCtx } from '../context.js';
import { notFound } from '../errors.js';
import { presentDocumentOrder } from './present-document-order.js';

/** One of the partner's register document orders; another partner's is not found. */
export async function getDocumentOrder({ ctx, id }: { ctx: PartnerCtx; id: string }): Promise<GovPartnerOrderedDocument> {
  const row = await ctx.db.selectFrom('gov_document_orders').selectAll().where('id', '=', id).where('partner_id', '=', ctx.partnerId).executeTakeFirst();
  if (!row) throw notFound('Ordered document');
  return presentDocumentOrder(ctx, row);
}
