import type { GovDocumentOrderRow } from '../../db/tables.js';
import type { GovPartnerOrderedDocument } from '../../schemas/gov-checks.js';
import type { GovOrderStatus } from '../../shared/gov-checks.js';
import type { Ctx } from '../context.js';
import { signedFileUrl } from '../files/signed-url.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** iDenfy's GovPartnerOrderedDocument; `price` in major units (15.00), the file a signed link. */
export function presentDocumentOrder(ctx: Ctx, row: GovDocumentOrderRow): GovPartnerOrderedDocument {
  return {
    id: row.id,
    title: row.title,
    documentFormat: row.document_format ?? '',
    productKey: row.product_key,
    expectedDeliveryTime: iso(row.expected_delivery_at)!,
    price: Number(row.price_minor) / 100,
    deliveredAt: iso(row.delivered_at),
    status: row.status as GovOrderStatus,
    file:
      row.file_hash === null
        ? null
        : signedFileUrl(ctx, {
            hash: row.file_hash,
            mime: row.file_mime ?? 'application/octet-stream',
            filename: `${fileStem(row.product_key)}.${row.document_format ?? 'bin'}`,
          }),
  };
}

/** A product key as a download name: letters, digits, dots, dashes and underscores only. */
function fileStem(productKey: string): string {
  return productKey.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'document';
}
