// The wire shapes the form reads and sends: the server's own, derived from its TypeBox schemas
// in src/shared (type-only, so nothing of TypeBox reaches the bundle). Only names the form
// gives those shapes live here.
import type { KybFormAnswers } from '../../../../src/shared/wire.js';

export type {
  ApplicantType,
  BeneficiaryType,
  CompanyDocType,
  CompanyField,
  IndividualDocType,
  IndividualField,
  KybLocale,
  KybStatus,
} from '../../../../src/shared/enums.js';
export type {
  Beneficiary,
  BeneficiaryCreateRequest as BeneficiaryInput,
  CustomField,
  Form,
  KybFormDocument as Document,
  KybFormUnifiedFlow,
  KybInfo,
  Question,
  Questionnaire,
  RegistryCompany,
  RegistryPickAnswer,
  RegistryProposal,
  RegistrySearchAnswer,
  RegistrySession,
  Section,
  SessionInfo,
  ThemeCore,
} from '../../../../src/shared/wire.js';

/** What the form sends as a company: the request shape (`POST /kyb/forms/`, `PATCH /kyb/forms/{id}/`). */
export type { CompanyInfo, CompanyInfoRequest as Company } from '../../../../src/shared/wire.js';

/** Answers as the server returns them and the form sends them back: `{section: {question: {value}}}`. */
export type AnswerValues = KybFormAnswers['sections'];
export type Answers = KybFormAnswers;
