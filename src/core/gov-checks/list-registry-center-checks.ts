import type { RegistryCenterCheck, RegistryCenterListQuery } from '../../schemas/gov-checks.js';
import type { PartnerCtx } from '../context.js';
import { keyedHash } from '../crypto.js';
import { openForCompany } from '../privacy/seal.js';
import { timeRange } from '../time-range.js';
import { GOV_LIST_LIMIT } from './list-document-orders.js';

/**
 * The partner's registry-center checks with iDenfy's filters. `databases` uses the spec's own
 * list (UK, US_1, US_15, US_4): LT and HU checks are reached without it. `partnerIn` and
 * `partnerNotIn` name iDenfy's numeric partner ids: a partner sees only its own checks anyway,
 * so they are accepted and narrow nothing (docs/registries.md).
 */
export async function listRegistryCenterChecks({ ctx, query }: { ctx: PartnerCtx; query: RegistryCenterListQuery }): Promise<RegistryCenterCheck[]> {
  const [from, to] = timeRange('created', query.created);
  const hash = (value: string) => keyedHash(ctx.pepper, `registry-center-name:${value.trim().toLowerCase()}`);
  let select = ctx.db.selectFrom('registry_center_checks').selectAll().where('partner_id', '=', ctx.partnerId);
  if (from !== null) select = select.where('created_at', '>=', from);
  if (to !== null) select = select.where('created_at', '<', to);
  if (query.id) select = select.where('id', '=', query.id);
  if (query.clientId) select = select.where('client_id', '=', query.clientId);
  if (query.name) select = select.where('name_hash', '=', hash(query.name));
  if (query.surname) select = select.where('surname_hash', '=', hash(query.surname));
  if (query.status) select = select.where('status', '=', query.status);
  if (query.databases?.length) select = select.where('database', 'in', query.databases);
  const rows = await select
    .orderBy('created_at', query.orderBy === 'created' ? 'asc' : 'desc')
    .orderBy('id')
    .limit(GOV_LIST_LIMIT)
    .execute();
  const wanted = query.checkedFields ?? [];
  const matching = rows.filter((row) => {
    const fields = JSON.parse(row.checked_fields) as string[];
    return wanted.every((field) => fields.includes(field));
  });
  return Promise.all(matching.map(async (row) => JSON.parse(await openForCompany(ctx.db, ctx, row.id, row.body)) as RegistryCenterCheck));
}
