import { Type } from 'typebox';
import {
  LOCALES,
  COMPANY_FIELDS,
  INDIVIDUAL_FIELDS,
  CUSTOM_FIELD_TYPES,
  QUESTION_TYPES,
  QUESTIONNAIRE_TYPES,
  BENEFICIARY_TYPES,
  BENEFICIARY_FIELDS,
  APPLICANT_TYPES,
  COMPANY_DOCUMENT_TYPES,
  INDIVIDUAL_DOCUMENT_TYPES,
  COUNTRIES,
  KYB_STATUSES,
  TOKEN_TYPES,
  APPROVAL_STATUSES,
  RISK_LEVELS,
  WEBHOOK_EVENT_TYPES,
} from '../shared/enums.js';

/** A TypeBox enum schema over a const list, carrying its iDenfy name for the docs. */
export function enumOf<const T extends readonly string[]>(values: T, title: string) {
  return Type.Enum([...values] as T[number][], { title });
}

export const KybLocaleEnum = enumOf(LOCALES, 'KybLocaleEnum');
export const CompanyFieldEnum = enumOf(COMPANY_FIELDS, 'CompanyFieldEnum');
export const IndividualFieldEnum = enumOf(INDIVIDUAL_FIELDS, 'IndividualFieldEnum');
export const CustomFieldTypeEnum = enumOf(CUSTOM_FIELD_TYPES, 'CustomFieldTypeEnum');
export const TypeB9cEnum = enumOf(QUESTION_TYPES, 'TypeB9cEnum');
export const QuestionnaireTypeEnum = enumOf(QUESTIONNAIRE_TYPES, 'QuestionnaireTypeEnum');
export const BeneficiaryTypeEnum = enumOf(BENEFICIARY_TYPES, 'BeneficiaryTypeEnum');
export const BeneficiaryFieldEnum = enumOf(BENEFICIARY_FIELDS, 'BeneficiaryFieldEnum');
export const ApplicantTypeEnum = enumOf(APPLICANT_TYPES, 'ApplicantTypeEnum');
export const KybDocumentTypeEnum = enumOf(COMPANY_DOCUMENT_TYPES, 'KybDocumentTypeEnum');
export const IndividualKybDocTypeEnum = enumOf(INDIVIDUAL_DOCUMENT_TYPES, 'IndividualKybDocTypeEnum');
export const CountryEnum = enumOf(COUNTRIES, 'CountryEnum');
export const KybStatusEnum = enumOf(KYB_STATUSES, 'KybStatusEnum');
export const KybTokenTypeEnum = enumOf(TOKEN_TYPES, 'KybTokenTypeEnum');
export const ApprovalStatusEnum = enumOf(APPROVAL_STATUSES, 'ApprovalStatusEnum');
export const RiskLevelEnum = enumOf(RISK_LEVELS, 'RiskLevelEnum');
export const WebhookEventTypeEnum = enumOf(WEBHOOK_EVENT_TYPES, 'WebhookEventTypeEnum');
