import { randomUUID } from 'node:crypto';
import type { GovDocumentOrderRow } from '../../db/tables.js';
import type { GovPartnerOrderDocumentRequest } from '../../schemas/gov-checks.js';
import { notifyWork } from '../../db/notify.js';
import { WORK_TOPIC } from '../work-requests.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import type { PartnerCtx } from '../context.js';
import { invalidField } from '../errors.js';
import { callRegister, providerOrRefuse } from './call-register.js';
import { FilingsAnswer } from './register-answers.js';

/**
 * Orders a register document; the worker delivers it (deliver-document-order.ts). The product is
 * checked with the register first: an unknown product or a refused number is a 400 and nothing
 * is stored. When the register cannot be asked now (it fails or does not answer), the order is
 * still taken, unpriced, and the worker asks again with its retries: the partner's order is
 * never lost to a register's bad minute, and ends FAILED or TIMED_OUT if the register stays down.
 */
export async function orderDocument({ ctx, input }: { ctx: PartnerCtx; input: GovPartnerOrderDocumentRequest }): Promise<{ id: string }> {
  const provider = providerOrRefuse(ctx, input.countryCode, 'filings', 'countryCode');
  if (!provider.fetchFiling) throw invalidField('countryCode', `the register for "${input.countryCode}" does not deliver documents`);
  const answer = await callRegister(ctx, (signal) => provider.filings!(input.countryCode, input.registrationNumber, signal), FilingsAnswer);
  if (!answer.ok && answer.fault === 'rejected') throw invalidField('registrationNumber', answer.message);
  const filing = answer.ok ? answer.value.find((f) => f.id === input.productKey) : undefined;
  if (answer.ok && !filing) throw invalidField('productKey', `the register offers no product "${input.productKey}" for this company (see available-documents)`);

  const now = ctx.clock.now();
  // Priced and timed as the register offered the product; unpriced when it could not be asked.
  const order: GovDocumentOrderRow = {
    id: randomUUID(),
    partner_id: ctx.partnerId,
    provider: provider.id,
    country_code: input.countryCode,
    registration_number: input.registrationNumber,
    region: input.region ?? null,
    company_name: input.companyName,
    product_key: input.productKey,
    title: filing?.description ?? null,
    document_format: filing ? 'pdf' : null,
    price_minor: filing?.price ?? 0,
    currency: filing?.currency ?? null,
    status: 'IN_PROGRESS',
    ordered_at: now,
    expected_delivery_at: now + (filing?.deliveryMinutes ?? 0) * 60_000,
    delivered_at: null,
    file_hash: null,
    file_mime: null,
    attempts: 0,
    next_attempt_at: now,
    last_error: answer.ok ? null : answer.fault,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('gov_document_orders').values(order).execute();
    await notifyWork(trx, WORK_TOPIC.registers);
    await recordPartnerAudit(trx, ctx, {
      action: 'gov_document.ordered',
      details: { orderId: order.id, provider: provider.id, countryCode: input.countryCode, productKey: input.productKey },
      now,
    });
  });
  if (!answer.ok) ctx.logger.warn({ orderId: order.id, fault: answer.fault }, 'register unavailable at order time; the worker will retry');
  return { id: order.id };
}
