import type { GovDocumentOrderRow } from '../../db/tables.js';
import type { RegistryFiling } from '../../registries/provider.js';
import type { Ctx } from '../context.js';
import { storeFile } from '../files/stored-files.js';
import { callRegister } from './call-register.js';
import { afterFault, claimDue, PENDING_POLL_MS, settle, type Claimed, type Settlement } from './deliveries.js';
import { FilingsAnswer, isFilingContent } from './register-answers.js';
import { presentDocumentOrder } from './present-document-order.js';

type Patch = Partial<GovDocumentOrderRow> & Settlement;

const FORMATS: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'application/json': 'json', 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * Delivers one due register document order, if any (the worker calls it until it answers
 * false). The document is stored like other files, encrypted with a data key the order owns,
 * and GOV_ORDERED_DOCUMENT is sent once the order is final: FINISHED, FAILED or TIMED_OUT.
 */
export async function deliverDocumentOrder({ ctx }: { ctx: Ctx }): Promise<boolean> {
  const claimed = await claimDue(ctx, 'gov_document_orders');
  if (!claimed) return false;
  const patch = await attempt(ctx, claimed);
  await settle(ctx, 'gov_document_orders', claimed, {
    patch: async (trx) => {
      const { bytes, ...rest } = patch;
      if (!bytes) return rest;
      const stored = await storeFile(trx, ctx, claimed.row.id, { bytes, mime: rest.file_mime!, ext: rest.document_format! });
      return { ...rest, file_hash: stored.hash };
    },
    event: { type: 'GOV_ORDERED_DOCUMENT', present: (row) => presentDocumentOrder(ctx, row), action: 'gov_document.delivered' },
  });
  return true;
}

async function attempt(ctx: Ctx, { row }: Claimed<'gov_document_orders'>): Promise<Patch & { bytes?: Buffer }> {
  const provider = ctx.registries.byId(row.provider) ?? ctx.registries.providerFor(row.country_code, 'filings');
  if (!provider?.filings || !provider.fetchFiling) return afterFault(ctx, row.attempts, 'rejected');
  let product: Partial<GovDocumentOrderRow> = {};
  if (row.title === null) {
    // Ordered while the register was down: the product is checked now.
    const filings = await callRegister(ctx, (signal) => provider.filings!(row.country_code, row.registration_number, signal), FilingsAnswer);
    if (!filings.ok) return afterFault(ctx, row.attempts, filings.fault);
    const filing = filings.value.find((f) => f.id === row.product_key);
    if (!filing) return afterFault(ctx, row.attempts, 'rejected');
    product = productOf(filing, row.ordered_at);
  }
  const fetched = await callRegister(
    ctx,
    (signal) => provider.fetchFiling!(row.country_code, row.registration_number, row.product_key, signal),
    isFilingContent,
  );
  if (!fetched.ok) return { ...product, ...afterFault(ctx, row.attempts, fetched.fault) };
  const now = ctx.clock.now();
  if (fetched.value === 'pending') {
    const expected = product.expected_delivery_at ?? row.expected_delivery_at;
    return { ...product, status: 'IN_PROGRESS', attempts: row.attempts, next_attempt_at: Math.max(expected, now + PENDING_POLL_MS), last_error: null };
  }
  const mime = fetched.value.contentType.split(';')[0]!.trim().toLowerCase();
  return {
    ...product,
    status: 'FINISHED',
    attempts: row.attempts + 1,
    next_attempt_at: null,
    last_error: null,
    delivered_at: now,
    file_mime: mime,
    document_format: FORMATS[mime] ?? 'bin',
    bytes: fetched.value.bytes,
  };
}

function productOf(filing: RegistryFiling, orderedAt: number): Partial<GovDocumentOrderRow> {
  return {
    title: filing.description,
    document_format: 'pdf',
    price_minor: filing.price,
    currency: filing.currency,
    expected_delivery_at: Number(orderedAt) + filing.deliveryMinutes * 60_000,
  };
}
