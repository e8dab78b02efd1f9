import { BENEFICIARY_TYPES, COMPANY_DOCUMENT_TYPES, INDIVIDUAL_DOCUMENT_TYPES } from '../../../../src/shared/enums.js';
import type { ApplicantType, BeneficiaryType, CustomField, KybFormUnifiedFlow } from '../api/types.js';
import { ALL_COMPANY_FIELDS, ALL_PERSON_FIELDS } from '../steps/field-specs.js';

export interface DocRule {
  docType: string;
  required: boolean;
  description?: string | null;
}
export interface CustomRule {
  field: CustomField;
  required: boolean;
}

/** What the flow asks of one beneficiary, given its roles and kind. */
export interface ApplicantRules {
  fields: Array<{ field: string; required: boolean }>;
  custom: CustomRule[];
  documents: DocRule[];
  /** Without a flow every document type may be uploaded, none is required. */
  isAnyDocument: boolean;
  percentage: 'hidden' | 'optional' | 'required';
}

const OWNER_ROLES: readonly BeneficiaryType[] = ['SHAREHOLDER', 'UBO', 'ABO'];
const ALWAYS_REQUIRED: Record<ApplicantType, readonly string[]> = { INDIVIDUAL: ['NAME', 'SURNAME'], COMPANY: ['COMPANY_NAME', 'COUNTRY'] };

/** The roles a flow lets the user add, each with the kinds (person, company) it allows. */
export function roleRules(
  flow: KybFormUnifiedFlow | null,
): Array<{ type: BeneficiaryType; kinds: ApplicantType[]; required: boolean; readOnly: boolean; description?: string | undefined }> {
  if (!flow) return BENEFICIARY_TYPES.map((type) => ({ type, kinds: ['INDIVIDUAL', 'COMPANY'], required: false, readOnly: false }));
  return (flow.beneficiaries ?? []).map((b) => ({
    type: b.beneficiaryType as BeneficiaryType,
    kinds: [...new Set(b.applicants.map((a) => a.applicantType))],
    required: b.required === true,
    readOnly: b.readOnly === true,
    description: b.description,
  }));
}

export function applicantRules(flow: KybFormUnifiedFlow | null, roles: readonly BeneficiaryType[], kind: ApplicantType): ApplicantRules {
  const mustHave = ALWAYS_REQUIRED[kind];
  if (!flow) {
    const all = kind === 'INDIVIDUAL' ? ALL_PERSON_FIELDS : ALL_COMPANY_FIELDS;
    return {
      fields: all.map((field) => ({ field, required: mustHave.includes(field) })),
      custom: [],
      documents: (kind === 'INDIVIDUAL' ? INDIVIDUAL_DOCUMENT_TYPES : COMPANY_DOCUMENT_TYPES).map((docType) => ({ docType, required: false })),
      isAnyDocument: true,
      percentage: roles.some((r) => OWNER_ROLES.includes(r)) ? 'optional' : 'hidden',
    };
  }
  const fields = new Map<string, boolean>(mustHave.map((f) => [f, true]));
  const custom = new Map<string, CustomRule>();
  const documents = new Map<string, DocRule>();
  let percentage = 'hidden' as ApplicantRules['percentage'];
  for (const b of flow.beneficiaries ?? []) {
    if (!roles.includes(b.beneficiaryType as BeneficiaryType)) continue;
    const pct = b.fields?.find((f) => f.field === 'OWNERSHIP_PERCENTAGE');
    if (pct) percentage = pct.required || percentage === 'required' ? 'required' : 'optional';
    for (const applicant of b.applicants) {
      if (applicant.applicantType !== kind) continue;
      for (const f of applicant.fields) fields.set(f.field, (fields.get(f.field) ?? false) || f.required === true);
      for (const c of applicant.fieldsCustom ?? []) {
        custom.set(c.field.key, { field: c.field, required: (custom.get(c.field.key)?.required ?? false) || c.required === true });
      }
      for (const d of applicant.documents ?? []) {
        const seen = documents.get(d.docType);
        documents.set(d.docType, {
          docType: d.docType,
          description: d.description ?? seen?.description,
          required: (seen?.required ?? false) || d.required === true,
        });
      }
    }
  }
  return {
    fields: [...fields].map(([field, required]) => ({ field, required })),
    custom: [...custom.values()],
    documents: [...documents.values()],
    isAnyDocument: false,
    percentage,
  };
}

export function companyDocRules(flow: KybFormUnifiedFlow | null): { documents: DocRule[]; isAnyDocument: boolean } {
  if (!flow) return { documents: COMPANY_DOCUMENT_TYPES.map((docType) => ({ docType, required: false })), isAnyDocument: true };
  return {
    documents: (flow.documents ?? []).map((d) => ({ docType: d.docType, required: d.required === true, description: d.description })),
    isAnyDocument: false,
  };
}

export const hasOwnershipStep = (flow: KybFormUnifiedFlow | null) => !flow || (flow.beneficiaries?.length ?? 0) > 0;

/** A documents step exists when the flow names a document type for the company or anyone. */
export function hasDocumentsStep(flow: KybFormUnifiedFlow | null): boolean {
  if (!flow) return true;
  if ((flow.documents?.length ?? 0) > 0) return true;
  return (flow.beneficiaries ?? []).some((b) => b.applicants.some((a) => (a.documents?.length ?? 0) > 0));
}

export const isOwnerRole = (role: BeneficiaryType) => OWNER_ROLES.includes(role);
