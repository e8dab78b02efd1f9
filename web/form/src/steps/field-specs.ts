import { COMPANY_FIELDS, INDIVIDUAL_FIELDS } from '../../../../src/shared/enums.js';
import type { CompanyField, IndividualField, KybFormUnifiedFlow } from '../api/types.js';
import type { ValueType } from '../components/value-type.js';

/** How one flow field enum maps onto the wire property and a control. */
export interface FieldSpec {
  field: string;
  prop: string;
  type: ValueType;
  maxLength?: number;
}

/** COMPANY_NAME -> companyName: iDenfy's field enums name the CompanyInfo / applicant properties. */
export const propOf = (field: string) => field.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const COUNTRY_FIELDS = new Set(['COUNTRY', 'NATIONALITY', 'CITIZENSHIP', 'COUNTRY_OF_BIRTH', 'COUNTRY_OF_RESIDENCE', 'TAX_RESIDENCE']);
const TYPES: Record<string, ValueType> = {
  EMAIL: 'EMAIL',
  PHONE: 'TEL',
  WEBSITE: 'URL',
  DATE_OF_BIRTH: 'DATE',
  SELF_DECLARED_PEP: 'CHECKBOX',
  BRAND_NAMES: 'LIST',
  POSITIONS: 'LIST',
};

/** Limits from CompanyInfoRequest and the applicant schemas, so the browser stops what the API refuses. */
const COMPANY_MAX: Partial<Record<CompanyField, number>> = {
  COMPANY_NAME: 200,
  REGISTRATION_NUMBER: 100,
  REGION: 2,
  TYPE: 100,
  PHONE: 128,
  WEBSITE: 200,
  EMAIL: 254,
  ACTIVITY_CODE: 8,
  TIN: 32,
  OPERATING_ADDRESS: 255,
  POSTAL_ADDRESS: 255,
  POSTCODE: 20,
  STREET: 100,
  CITY: 100,
};
const PERSON_MAX: Partial<Record<IndividualField, number>> = {
  NAME: 100,
  SURNAME: 100,
  EMAIL: 254,
  PHONE: 128,
  DOCUMENT_NUMBER: 50,
  PERSONAL_NUMBER: 50,
  RESIDENTIAL_ADDRESS: 255,
  ADDRESS: 255,
  POSTCODE: 20,
  STREET: 100,
  CITY: 100,
  TIN: 20,
};

function spec(field: string, max: Partial<Record<string, number>>): FieldSpec {
  const type = COUNTRY_FIELDS.has(field) ? 'COUNTRY' : (TYPES[field] ?? 'TEXT');
  const maxLength = max[field];
  return { field, prop: propOf(field), type, ...(maxLength ? { maxLength } : {}) };
}
export const companySpec = (field: string) => spec(field, COMPANY_MAX);
export const personSpec = (field: string) => spec(field, PERSON_MAX);

export interface FieldRule {
  field: string;
  required: boolean;
  readOnly: boolean;
}

/**
 * The company fields a flow asks for, in its order. Name and country are always asked: the
 * API cannot create a form without them. A null flow allows every field.
 */
export function companyFieldRules(flow: KybFormUnifiedFlow | null): FieldRule[] {
  if (!flow?.fields) {
    return COMPANY_FIELDS.map((field) => ({ field, required: field === 'COMPANY_NAME' || field === 'COUNTRY', readOnly: false }));
  }
  const rules = [...flow.fields]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.order ?? Infinity) - (b.f.order ?? Infinity) || a.i - b.i)
    .map(({ f }) => ({ field: f.field, required: f.required === true, readOnly: f.readOnly === true }));
  for (const field of ['COUNTRY', 'COMPANY_NAME'] as const) {
    const found = rules.find((r) => r.field === field);
    if (found) found.required = true;
    else rules.unshift({ field, required: true, readOnly: false });
  }
  return rules;
}

/** Every individual field; used when a flow sets no rules for individuals. */
export const ALL_PERSON_FIELDS: readonly string[] = INDIVIDUAL_FIELDS;
export const ALL_COMPANY_FIELDS: readonly string[] = COMPANY_FIELDS;
