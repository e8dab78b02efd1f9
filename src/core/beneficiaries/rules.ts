import type { BeneficiaryRow } from '../../db/tables.js';
import type { Beneficiary } from '../../schemas/beneficiary.js';
import { individualFields } from '../../schemas/beneficiary.js';
import { companyFields } from '../../schemas/company.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { FieldErrors } from '../errors.js';
import type { Actor } from '../forms/access.js';
import { presentCustomValues, type CustomFieldAssignment } from '../forms/custom-fields.js';

type BeneficiaryFlow = NonNullable<KybFormUnifiedFlow['beneficiaries']>[number];
export type ApplicantFlow = BeneficiaryFlow['applicants'][number];

/**
 * `beneficiaryTypes` is the list; the legacy single `beneficiaryType` stays its first item.
 * Given both, the single one must be in the list and is moved to the front.
 */
export function resolveTypes(single: string | undefined, list: string[] | undefined, errors: FieldErrors): string[] {
  if (!single && !list) {
    (errors.beneficiaryTypes ??= []).push('this field is required (or the legacy beneficiaryType)');
    return [];
  }
  const types = [...new Set(list ?? [single!])];
  if (list && new Set(list).size !== list.length) (errors.beneficiaryTypes ??= []).push('must not repeat a type');
  if (single && !types.includes(single)) (errors.beneficiaryType ??= []).push('must be one of beneficiaryTypes');
  return single ? [single, ...types.filter((t) => t !== single)] : types;
}

/**
 * The flow decides which beneficiary types exist, which applicant kinds each takes, and which
 * the client may not edit. A null flow (or null `beneficiaries`) allows everything.
 */
export function checkAgainstFlow(flow: KybFormUnifiedFlow | null, types: string[], infoType: string, actor: Actor, errors: FieldErrors): void {
  const configured = flow?.beneficiaries;
  if (!configured) return;
  for (const type of types) {
    const rule = configured.find((b) => b.beneficiaryType === type);
    if (!rule) {
      (errors.beneficiaryTypes ??= []).push(`${type} is not part of this form`);
      continue;
    }
    if (!rule.applicants.some((a) => a.applicantType === infoType)) {
      (errors['info.infoType'] ??= []).push(`a ${type} cannot be ${infoType === 'INDIVIDUAL' ? 'an individual' : 'a company'} in this form`);
    }
    if (rule.readOnly && actor.kind === 'client') (errors.beneficiaryTypes ??= []).push(`${type} entries are read-only in this form`);
  }
}

/** The applicant rules that apply to a beneficiary: one per type it has, for its kind. */
export function applicantRules(flow: KybFormUnifiedFlow | null, types: string[], infoType: string): ApplicantFlow[] {
  return (flow?.beneficiaries ?? []).filter((b) => types.includes(b.beneficiaryType)).flatMap((b) => b.applicants.filter((a) => a.applicantType === infoType));
}

export function customAssignments(flow: KybFormUnifiedFlow | null, types: string[], infoType: string): CustomFieldAssignment[] {
  const byKey = new Map<string, CustomFieldAssignment>();
  for (const rule of applicantRules(flow, types, infoType)) {
    for (const assignment of rule.fieldsCustom ?? []) byKey.set(assignment.field.key, assignment as CustomFieldAssignment);
  }
  return [...byKey.values()];
}

const INDIVIDUAL_NULLABLE = Object.keys(individualFields).filter((k) => !['name', 'surname', 'additionalInfo'].includes(k));
const COMPANY_NULLABLE = Object.keys(companyFields).filter((k) => !['companyName', 'country', 'additionalInfo', 'brandNames'].includes(k));

export function presentBeneficiary(row: BeneficiaryRow, flow: KybFormUnifiedFlow | null): Beneficiary {
  const types = JSON.parse(row.beneficiary_types) as Beneficiary['beneficiaryTypes'];
  const { additionalInfo = {}, ...fields } = JSON.parse(row.info) as Record<string, unknown> & { additionalInfo?: Record<string, unknown> };
  const info: Record<string, unknown> = { infoType: row.info_type, ...fields };
  for (const key of row.info_type === 'INDIVIDUAL' ? INDIVIDUAL_NULLABLE : COMPANY_NULLABLE) info[key] ??= null;
  if (row.info_type === 'COMPANY') info.brandNames ??= [];
  info.additionalInfo = presentCustomValues(additionalInfo, customAssignments(flow, types, row.info_type));
  return {
    id: row.id,
    beneficiaryType: types[0]!,
    beneficiaryTypes: types,
    info: info as Beneficiary['info'],
    positions: JSON.parse(row.positions) as string[],
    formFiller: row.form_filler === 1,
    ownershipPercentage: row.ownership_percentage,
    parent: row.parent_id,
  };
}
