import type { Beneficiary, BeneficiaryRequest, PatchedBeneficiaryRequest } from '../../schemas/beneficiary.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertValid, fieldErrors } from '../errors.js';
import { mergeRecords, parseRecordJson } from '../../shared/records.js';
import { editForm, loadFlow, type FormCtx } from '../forms/access.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { loadBeneficiary, sealBeneficiaryInfo } from './read-beneficiaries.js';
import { assertItemsOpen, beneficiaryItem } from '../review/open-items.js';
import { refuseLockedChanges, registerLocks, ROLES_LOCKED_MESSAGE } from '../gov-sessions/gov-session.js';
import { checkAgainstFlow, customAssignments, presentBeneficiary, resolveTypes } from './rules.js';

/**
 * PUT replaces the beneficiary (its parent excepted: the tree is fixed at creation); PATCH
 * changes what it names, merging `info` field by field. The applicant kind cannot change.
 */
export async function updateBeneficiary({
  ctx,
  id,
  input,
  merge,
}: {
  ctx: FormCtx;
  id: string;
  input: BeneficiaryRequest | PatchedBeneficiaryRequest;
  merge: boolean;
}): Promise<Beneficiary> {
  return editForm(ctx, async (trx, company) => {
    const flow = await loadFlow(trx, company);
    const current = await loadBeneficiary(trx, ctx, company.id, id);
    const currentTypes = JSON.parse(current.beneficiary_types) as string[];
    assertItemsOpen(company, ctx.access, [beneficiaryItem(id, currentTypes)]);
    const errors = fieldErrors();
    const typesGiven = input.beneficiaryType !== undefined || input.beneficiaryTypes !== undefined;
    // A PUT that names no type keeps the current ones (the spec requires only `info`).
    const types = typesGiven ? resolveTypes(input.beneficiaryType, input.beneficiaryTypes, errors) : currentTypes;
    const {
      infoType = current.info_type,
      additionalInfo,
      ...fields
    } = (input.info ?? {}) as Record<string, unknown> & { infoType?: string; additionalInfo?: Record<string, { value: unknown }> };
    if (infoType !== current.info_type) (errors['info.infoType'] ??= []).push('cannot change; delete the beneficiary and add it again');
    const { parent } = input as { parent?: string | null };
    if (parent !== undefined && parent !== current.parent_id)
      (errors.parent ??= []).push('cannot change; delete the beneficiary and add it again under the new parent');
    checkAgainstFlow(flow, [...new Set([...types, ...currentTypes])], infoType, ctx.access.actor, errors);
    const custom = checkCustomValues(additionalInfo, customAssignments(flow, types, infoType), 'info.additionalInfo', errors);
    assertValid(errors);
    // A type added while information is requested must be open too.
    assertItemsOpen(
      company,
      ctx.access,
      types.filter((t) => !currentTypes.includes(t)).map((type) => [`beneficiaries.${type}`]),
    );

    const stored = parseRecordJson<Record<string, unknown> & { additionalInfo: Record<string, unknown> }>(current.info);
    const info = merge ? { ...stored, ...fields, additionalInfo: mergeRecords(stored.additionalInfo, custom) } : { ...fields, additionalInfo: custom };
    const ownership = input.ownershipPercentage === undefined ? (merge ? current.ownership_percentage : null) : input.ownershipPercentage;
    const locked = (await registerLocks(trx, ctx.access)).beneficiaries.get(id) ?? [];
    refuseLockedChanges(locked, { info: stored, ownershipPercentage: current.ownership_percentage }, { info, ownershipPercentage: ownership }, '', errors);
    // The register's roles may be added to (a director who is also the representative), not
    // taken away: a director and owner turned into a mere representative left the register's
    // UBO out of the case as surely as a rename.
    if (locked.includes('beneficiaryTypes') && currentTypes.some((type) => !types.includes(type))) {
      (errors.beneficiaryTypes ??= []).push(ROLES_LOCKED_MESSAGE);
    }
    assertValid(errors);
    const next = {
      beneficiary_types: JSON.stringify(types),
      info: JSON.stringify(info),
      positions: JSON.stringify(input.positions ?? (merge ? JSON.parse(current.positions) : [])),
      form_filler: input.formFiller === undefined ? (merge ? current.form_filler : 0) : input.formFiller ? 1 : 0,
      ownership_percentage: ownership,
      updated_at: ctx.clock.now(),
    };
    await trx
      .updateTable('beneficiaries')
      .set({ ...next, info: await sealBeneficiaryInfo(trx, ctx, company.id, next.info) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { ...ctx.access, action: 'BENEFICIARY_UPDATED', details: { beneficiaryId: id }, now: next.updated_at });
    return presentBeneficiary({ ...current, ...next }, flow);
  });
}
