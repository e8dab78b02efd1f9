import type { CompanyInfo, CompanyInfoRequest } from '../../schemas/company.js';
import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { FieldErrors } from '../errors.js';
import { emptyRecord, mergeRecords, ownValue } from '../../shared/records.js';
import type { Actor } from './access.js';
import { checkCustomValues, fieldProperty, presentCustomValues, type CustomFieldAssignment, type StoredCustomValues } from './custom-fields.js';

/** What companies.info holds: the request's fields, with custom values as `{key: value}`. */
export type StoredCompanyInfo = Omit<CompanyInfoRequest, 'additionalInfo'> & { additionalInfo: StoredCustomValues };

const NULLABLE_FIELDS = [
  'registrationNumber',
  'region',
  'type',
  'phone',
  'website',
  'email',
  'activityCode',
  'tin',
  'operatingAddress',
  'postalAddress',
  'postcode',
  'street',
  'city',
] as const;

/**
 * Merges (PATCH) or replaces (PUT, create) the company info and checks what the schema cannot:
 * custom fields against the flow, and read-only fields the client may not change.
 */
export function applyCompanyInfo(
  current: StoredCompanyInfo | null,
  input: Partial<CompanyInfoRequest>,
  options: { merge: boolean; flow: KybFormUnifiedFlow | null; actor: Actor; path: string },
  errors: FieldErrors,
): StoredCompanyInfo {
  const { additionalInfo, ...fields } = input;
  const assignments = (options.flow?.fieldsCustom ?? []) as CustomFieldAssignment[];
  const custom = checkCustomValues(additionalInfo, assignments, `${options.path}.additionalInfo`, errors);
  const base = options.merge && current ? current : ({ additionalInfo: emptyRecord() } as unknown as StoredCompanyInfo);
  const next: StoredCompanyInfo = {
    ...base,
    ...fields,
    additionalInfo: options.merge && current ? mergeRecords(current.additionalInfo, custom) : custom,
  } as StoredCompanyInfo;
  if (options.actor.kind === 'client' && current) checkReadOnly(current, next, options.flow, options.path, errors);
  return next;
}

function checkReadOnly(current: StoredCompanyInfo, next: StoredCompanyInfo, flow: KybFormUnifiedFlow | null, path: string, errors: FieldErrors): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const rule of flow?.fields ?? []) {
    const property = fieldProperty(rule.field) as keyof StoredCompanyInfo;
    if (rule.readOnly && !same(current[property], next[property])) (errors[`${path}.${property}`] ??= []).push('is read-only in this form');
  }
  for (const rule of flow?.fieldsCustom ?? []) {
    const key = rule.field.key;
    if (rule.readOnly && !same(ownValue(current.additionalInfo, key), ownValue(next.additionalInfo, key))) {
      (errors[`${path}.additionalInfo.${key}`] ??= []).push('is read-only in this form');
    }
  }
}

export function presentCompanyInfo(stored: StoredCompanyInfo, flow: KybFormUnifiedFlow | null): CompanyInfo {
  const info = { ...stored } as Record<string, unknown>;
  for (const field of NULLABLE_FIELDS) info[field] ??= null;
  return {
    ...(info as unknown as CompanyInfo),
    brandNames: stored.brandNames ?? [],
    // The flow's custom fields were validated against CustomFieldTypeEnum when it was saved.
    additionalInfo: presentCustomValues(stored.additionalInfo ?? {}, (flow?.fieldsCustom ?? []) as CustomFieldAssignment[]) as CompanyInfo['additionalInfo'],
  };
}
