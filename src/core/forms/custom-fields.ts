import type { FieldErrors } from '../errors.js';
import { emptyRecord } from '../../shared/records.js';
import { checkTypedValue } from './values.js';

/** A custom field as a flow assigns it (KybFormUnifiedFlow.fieldsCustom or an applicant's). */
export interface CustomFieldAssignment {
  field: { id?: string; key: string; title: string; type: string; choices?: { key: string; title: string }[] };
  required?: boolean;
  readOnly?: boolean;
}

/** Keyed by custom field keys: no prototype (see src/core/records.ts). */
export type StoredCustomValues = Record<string, unknown>;

/**
 * Checks `additionalInfo` against the flow's custom fields and returns the stored form
 * (`{key: value}`). Keys the flow does not define are refused: without a definition there is
 * no type to check the value against.
 */
export function checkCustomValues(
  input: Record<string, { value: unknown }> | undefined,
  assignments: CustomFieldAssignment[],
  path: string,
  errors: FieldErrors,
): StoredCustomValues {
  const stored = emptyRecord<unknown>();
  const byKey = new Map(assignments.map((a) => [a.field.key, a.field]));
  for (const [key, { value }] of Object.entries(input ?? {})) {
    const field = byKey.get(key);
    if (!field) {
      (errors[`${path}.${key}`] ??= []).push('is not a custom field of this form');
      continue;
    }
    const problem = value === null ? null : checkTypedValue(field.type, value, { choices: field.choices, maxLength: 100 });
    if (problem) (errors[`${path}.${key}`] ??= []).push(problem);
    else stored[key] = value;
  }
  return stored;
}

/** The response shape: each defined field with its title, type and value (null when unset). */
export function presentCustomValues(stored: StoredCustomValues, assignments: CustomFieldAssignment[]) {
  const out = emptyRecord<{ title: string; type: string; value: unknown }>();
  const defined = new Map(assignments.map((a) => [a.field.key, a.field]));
  for (const [key, value] of Object.entries(stored)) {
    const field = defined.get(key);
    if (field) out[key] = { title: field.title, type: field.type, value };
  }
  return out;
}

/** FIELD_NAME (CompanyFieldEnum, IndividualFieldEnum) -> fieldName as it appears on the wire. */
export function fieldProperty(enumValue: string): string {
  return enumValue.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
