import { Type, type Static } from 'typebox';

/** iDenfy's CompanyPdfContentEnum, in its order: the dossier's sections follow this order. */
export const PDF_CONTENT_PARTS = [
  'SUBMITTED_COMPANY_INFO',
  'COMPANY_META',
  'RELATED_SUBJECTS',
  'OWNERSHIP_STRUCTURE',
  'QUESTIONNAIRE_ANSWERS',
  'COMPANY_NAME_AUDIT',
  'BANK_VERIFICATION',
  'WEBSITE_AUDIT',
  'ADDRESS_AUDIT',
  'GOV_CHECKS',
  'KYB_DATA_MATCHING',
  'KYB_DOCUMENTS',
  'AUDIT_LOGS',
  'VAT_VERIFICATION',
  'TAGS',
  'SHAREHOLDERS_CHECK',
  'AML_MONITORING_USERS',
  'LINKED_COMPANIES',
  'COMMENTS',
  'COMPANY_AML_CHECK',
  'COMPANY_ADVERSE_MEDIA_CHECK',
  'BENEFICIARY_AML_CHECKS',
  'BENEFICIARY_ADVERSE_MEDIA_CHECKS',
] as const;

export type PdfContentPart = (typeof PDF_CONTENT_PARTS)[number];

export const CompanyPdfContentEnum = Type.Enum([...PDF_CONTENT_PARTS], { title: 'CompanyPdfContentEnum' });

/**
 * iDenfy's KybPdfRequest. `content` defaults to every part; an empty list asks for nothing and
 * is refused. Repeated parts are rendered once, so the list is bounded by the enum's size.
 */
export const KybPdfRequest = Type.Object(
  {
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    content: Type.Optional(Type.Array(CompanyPdfContentEnum, { minItems: 1, maxItems: PDF_CONTENT_PARTS.length, default: [...PDF_CONTENT_PARTS] })),
  },
  { additionalProperties: false, title: 'KybPdfRequest' },
);

export type KybPdfRequestBody = Static<typeof KybPdfRequest>;
