import type { AvailableDocumentsQuery, GovRegistersFilingResult } from '../../schemas/gov-checks.js';
import type { RegistryFiling } from '../../registries/provider.js';
import type { PartnerCtx } from '../context.js';
import { invalidField } from '../errors.js';
import { callRegister, providerOrRefuse, valueOrThrow } from './call-register.js';
import { FilingsAnswer, ProfileNameAnswer } from './register-answers.js';
import type { GovOrderStatus } from '../../shared/gov-checks.js';

/**
 * A company's filing documents as the register offers them (iDenfy's GovRegistersAvailableDocuments):
 * the `id` is the `productKey` to order. A number the register refuses is a 400; a register that
 * fails or does not answer is a 502, and nothing is stored either way.
 */
export async function listAvailableDocuments({
  ctx,
  input,
}: {
  ctx: PartnerCtx;
  input: AvailableDocumentsQuery;
}): Promise<{ products: GovRegistersFilingResult[] }> {
  const provider = providerOrRefuse(ctx, input.countryCode, 'filings', 'countryCode');
  const profile = valueOrThrow(
    ctx,
    await callRegister(ctx, (signal) => provider.profile(input.countryCode, input.registrationNumber, signal), ProfileNameAnswer),
    'registrationNumber',
  );
  if (!profile) throw invalidNumber(input.registrationNumber);
  const filings = valueOrThrow(
    ctx,
    await callRegister(ctx, (signal) => provider.filings!(input.countryCode, input.registrationNumber, signal), FilingsAnswer),
    'registrationNumber',
  );
  const ordered = await latestStatuses(ctx, input);
  return {
    products: filings.map((filing) =>
      present(filing, { name: profile.name, country: input.countryCode, number: input.registrationNumber }, ordered.get(filing.id)),
    ),
  };
}

export function invalidNumber(number: string) {
  return invalidField('registrationNumber', `the register has no company with the number "${number}"`);
}

/** The status of this partner's latest order of each product of the company. */
async function latestStatuses(ctx: PartnerCtx, input: AvailableDocumentsQuery): Promise<Map<string, GovOrderStatus>> {
  const rows = await ctx.db
    .selectFrom('gov_document_orders')
    .select(['product_key', 'status'])
    .where('partner_id', '=', ctx.partnerId)
    .where('country_code', '=', input.countryCode)
    .where('registration_number', '=', input.registrationNumber)
    .orderBy('ordered_at')
    .execute();
  return new Map(rows.map((row) => [row.product_key, row.status as GovOrderStatus]));
}

function present(
  filing: RegistryFiling,
  company: { name: string; country: string; number: string },
  status: GovOrderStatus | undefined,
): GovRegistersFilingResult {
  const major = (filing.price / 100).toFixed(2);
  return {
    id: filing.id,
    productCode: filing.type,
    price: filing.price,
    productFormat: 'pdf',
    productTitle: filing.description,
    deliveryTimeMinutes: filing.deliveryMinutes,
    type: filing.type,
    displayDate: filing.date,
    priceTag: filing.price === 0 ? 'Free' : `${major} ${filing.currency}`,
    companyName: company.name,
    countryISO: company.country,
    noVatPrice: major,
    vatCharge: '0.00',
    currency: filing.currency,
    companyCode: company.number,
    status: status ?? 'NOT_ORDERED',
    canOrder: true,
  };
}
