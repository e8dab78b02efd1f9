import type { PdfContentPart } from '../../../schemas/dossier.js';
import { answersSection } from './answers.js';
import { auditTrailSection } from './audit-trail.js';
import { beneficiariesSection } from './beneficiaries.js';
import { companyInfoSection } from './company-info.js';
import { commentsSection } from './comments.js';
import { companyMetaSection } from './company-meta.js';
import { dataMatchingSection } from './data-matching.js';
import { documentsSection } from './documents.js';
import { govChecksSection } from './gov-checks.js';
import { notPerformed } from './not-performed.js';
import { ownershipSection } from './ownership.js';
import { screeningSection } from './screening.js';
import type { Section } from './section.js';

/** The renderer of each part of iDenfy's CompanyPdfContentEnum. */
export const SECTIONS: Record<PdfContentPart, Section> = {
  SUBMITTED_COMPANY_INFO: companyInfoSection,
  COMPANY_META: companyMetaSection,
  RELATED_SUBJECTS: beneficiariesSection,
  OWNERSHIP_STRUCTURE: ownershipSection,
  QUESTIONNAIRE_ANSWERS: answersSection,
  COMPANY_NAME_AUDIT: notPerformed('Company name audit'),
  BANK_VERIFICATION: notPerformed('Bank verification'),
  WEBSITE_AUDIT: notPerformed('Website audit'),
  ADDRESS_AUDIT: notPerformed('Address audit'),
  GOV_CHECKS: govChecksSection,
  KYB_DATA_MATCHING: dataMatchingSection,
  KYB_DOCUMENTS: documentsSection,
  AUDIT_LOGS: auditTrailSection,
  VAT_VERIFICATION: notPerformed('VAT verification'),
  TAGS: notPerformed('Tags'),
  SHAREHOLDERS_CHECK: notPerformed('Shareholders check'),
  AML_MONITORING_USERS: notPerformed('AML monitoring'),
  LINKED_COMPANIES: notPerformed('Linked companies'),
  COMMENTS: commentsSection,
  COMPANY_AML_CHECK: screeningSection('COMPANY'),
  COMPANY_ADVERSE_MEDIA_CHECK: notPerformed('Company adverse media check'),
  BENEFICIARY_AML_CHECKS: screeningSection('BENEFICIARY'),
  BENEFICIARY_ADVERSE_MEDIA_CHECKS: notPerformed('Beneficiary adverse media checks'),
};
