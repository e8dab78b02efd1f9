import { newRowId } from '../../db/row-id.js';
import type { Db } from '../../db/database.js';
import type { BeneficiaryRow, CompanyRow } from '../../db/tables.js';
import type { Beneficiary, BeneficiaryCreateRequest } from '../../schemas/beneficiary.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertValid, fieldErrors, invalidField, type FieldErrors } from '../errors.js';
import { recordFrom } from '../../shared/records.js';
import { editForm, loadFlow, type FormCtx } from '../forms/access.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { MAX_BENEFICIARIES_PER_FORM } from '../forms/limits.js';
import { sealBeneficiaryInfo } from './read-beneficiaries.js';
import { assertItemsOpen } from '../review/open-items.js';
import { checkAgainstFlow, customAssignments, presentBeneficiary, resolveTypes } from './rules.js';

export async function createBeneficiary({ ctx, input }: { ctx: FormCtx; input: BeneficiaryCreateRequest }): Promise<Beneficiary> {
  return editForm(ctx, async (trx, company) => {
    const flow = await loadFlow(trx, company);
    const row = await insertBeneficiary(trx, ctx, company, flow, input, '');
    await recordAudit(trx, { ...ctx.access, actor: ctx.access.actor, action: 'BENEFICIARY_ADDED', details: { beneficiaryId: row.id }, now: row.created_at });
    return presentBeneficiary(row, flow);
  });
}

/**
 * Checks and inserts one beneficiary (also used by POST /kyb/forms/ for nested ones, with a
 * `path` prefix for errors). A parent must be a company beneficiary of the same form; since it
 * is set only here, before the new node exists, the tree can never have a cycle.
 */
export async function insertBeneficiary(
  db: Db,
  ctx: FormCtx,
  company: CompanyRow,
  flow: KybFormUnifiedFlow | null,
  input: BeneficiaryCreateRequest,
  path: string,
): Promise<BeneficiaryRow> {
  const count = await db
    .selectFrom('beneficiaries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('company_id', '=', company.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_BENEFICIARIES_PER_FORM) throw invalidField('beneficiaries', `a form holds at most ${MAX_BENEFICIARIES_PER_FORM} beneficiaries`);
  const errors = fieldErrors();
  const types = resolveTypes(input.beneficiaryType, input.beneficiaryTypes, errors);
  const { infoType, additionalInfo, scanRef, ...fields } = input.info as unknown as Record<string, unknown> & {
    infoType: string;
    scanRef?: string;
    additionalInfo?: Record<string, { value: unknown }>;
  };
  checkAgainstFlow(flow, types, infoType, ctx.access.actor, errors);
  const custom = checkCustomValues(additionalInfo, customAssignments(flow, types, infoType), 'info.additionalInfo', errors);
  if (input.parent) {
    const parent = await db
      .selectFrom('beneficiaries')
      .select(['id', 'info_type'])
      .where('id', '=', input.parent)
      .where('company_id', '=', company.id)
      .executeTakeFirst();
    if (!parent) (errors.parent ??= []).push('no beneficiary with this id in this form');
    else if (parent.info_type !== 'COMPANY') (errors.parent ??= []).push('must be a company beneficiary');
  }
  assertValid(prefix(errors, path));
  // While information is requested, a new beneficiary needs each of its types open.
  assertItemsOpen(
    company,
    ctx.access,
    types.map((type) => [`beneficiaries.${type}`]),
  );
  const now = ctx.clock.now();
  const row: BeneficiaryRow = {
    id: newRowId(),
    company_id: company.id,
    parent_id: input.parent ?? null,
    info_type: infoType,
    beneficiary_types: JSON.stringify(types),
    info: JSON.stringify({ ...fields, additionalInfo: custom }),
    positions: JSON.stringify(input.positions ?? []),
    form_filler: input.formFiller ? 1 : 0,
    ownership_percentage: input.ownershipPercentage ?? null,
    // A scan ref links a KYC verification; a client could claim someone else's, so only the partner may.
    scan_ref: ctx.access.actor.kind !== 'client' ? (scanRef ?? null) : null,
    created_at: now,
    updated_at: now,
  };
  await db
    .insertInto('beneficiaries')
    .values({ ...row, info: await sealBeneficiaryInfo(db, ctx, company.id, row.info) })
    .execute();
  return row;
}

export function prefix(errors: FieldErrors, path: string): FieldErrors {
  if (!path) return errors;
  return recordFrom(Object.entries(errors).map(([key, messages]) => [`${path}.${key}`, messages]));
}
