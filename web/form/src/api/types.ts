import type { COMPANY_DOCUMENT_TYPES, COMPANY_FIELDS, INDIVIDUAL_DOCUMENT_TYPES, INDIVIDUAL_FIELDS, KYB_STATUSES } from '../../../../src/schemas/enums.js';
import type { KybLocale } from '../../../../src/schemas/enums-types.js';
import type { Static } from 'typebox';
import type { CustomField as CustomFieldSchema, KybFormUnifiedFlow } from '../../../../src/schemas/flow.js';
import type { Question, Questionnaire, Section } from '../../../../src/schemas/questionnaire.js';
import type { ThemeCore } from '../../../../src/schemas/theme.js';

// Wire shapes the form reads. The flow, theme and questionnaire types come from the server's
// own TypeBox schemas (type-only imports, so nothing of TypeBox reaches the bundle).
export type CustomField = Static<typeof CustomFieldSchema>;
export type { KybFormUnifiedFlow, KybLocale, Question, Questionnaire, Section, ThemeCore };

export type CompanyField = (typeof COMPANY_FIELDS)[number];
export type IndividualField = (typeof INDIVIDUAL_FIELDS)[number];
export type CompanyDocType = (typeof COMPANY_DOCUMENT_TYPES)[number];
export type IndividualDocType = (typeof INDIVIDUAL_DOCUMENT_TYPES)[number];
export type KybStatus = (typeof KYB_STATUSES)[number];
export type BeneficiaryType = 'CEO' | 'REPRESENTATIVE' | 'SHAREHOLDER' | 'UBO' | 'ABO';
export type ApplicantType = 'INDIVIDUAL' | 'COMPANY';

export interface KybInfo {
  locale: KybLocale | null;
  theme: ThemeCore | null;
  flow: KybFormUnifiedFlow | null;
}

/** `GET /v1/session/` (OpenKYB extension). */
export interface SessionInfo {
  companyId: string;
  tokenType: string;
  expiration: string;
  status: KybStatus;
  redirectUrl: string | null;
  /** Set while a reviewer asked for more information: the message and the items that may change. */
  infoRequest?: { message: string; items: string[]; requestedAt: string } | null;
}

export type AdditionalInfo = Record<string, { value: unknown; title?: string; type?: string }>;

/** CompanyInfo: every field but the name and country is optional. */
export interface Company {
  companyName: string;
  country: string;
  additionalInfo?: AdditionalInfo;
  brandNames?: string[];
  [field: string]: unknown;
}

export interface Document {
  id: string;
  type: string;
  filename: string | null;
  /** A signed URL the page can show directly. */
  file: string;
}

export interface FormMeta {
  status?: KybStatus;
  submissionTime?: string | null;
}

export interface Form {
  id: string;
  company: Company;
  meta: FormMeta;
  documents?: Document[];
  beneficiaries?: Beneficiary[];
}

export interface IndividualInfo {
  infoType: 'INDIVIDUAL';
  name: string;
  surname: string;
  [field: string]: unknown;
}
export interface CompanyApplicantInfo {
  infoType: 'COMPANY';
  companyName: string;
  country: string;
  [field: string]: unknown;
}

export interface Beneficiary {
  id: string;
  beneficiaryTypes: BeneficiaryType[];
  info: IndividualInfo | CompanyApplicantInfo;
  positions: string[];
  ownershipPercentage: number | null;
  parent: string | null;
}

export interface BeneficiaryInput {
  beneficiaryTypes: BeneficiaryType[];
  info: IndividualInfo | CompanyApplicantInfo;
  positions: string[];
  ownershipPercentage: number | null;
  parent?: string | null;
}

export type AnswerValues = Record<string, Record<string, { value: unknown }>>;
export interface Answers { sections: AnswerValues }
