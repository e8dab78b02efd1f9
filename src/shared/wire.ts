/**
 * Wire shapes the web apps read and send, derived from the server's TypeBox schemas so they
 * cannot drift from the contract. Every import and export here is type-only: TypeScript erases
 * them, so neither TypeBox nor a schema object reaches a browser bundle.
 */
import type { Static } from 'typebox';
import type { KybFormAnswers, KybFormAnswersRequest } from '../schemas/answers.js';
import type { Beneficiary, BeneficiaryCreateRequest, BeneficiaryRequest } from '../schemas/beneficiary.js';
import type { CompanyInfo, CompanyInfoRequest, PatchedCompanyInfoRequest } from '../schemas/company.js';
import type { KybFormDocument } from '../schemas/document.js';
import type { CustomField as CustomFieldSchema, KybFormUnifiedFlow } from '../schemas/flow.js';
import type { KybForm, SessionInfo as SessionInfoSchema } from '../schemas/form.js';
import type { Question, Questionnaire, Section } from '../schemas/questionnaire.js';
import type { ThemeCore } from '../schemas/theme.js';
import type { KybInfo } from '../schemas/token.js';
import type { RegistryCompany, RegistryPickResult, RegistryProposal, RegistrySearchResult, RegistrySession } from '../schemas/gov-session.js';

export type {
  Beneficiary,
  BeneficiaryCreateRequest,
  BeneficiaryRequest,
  CompanyInfo,
  CompanyInfoRequest,
  KybFormAnswers,
  KybFormAnswersRequest,
  KybFormDocument,
  KybFormUnifiedFlow,
  KybInfo,
  PatchedCompanyInfoRequest,
  Question,
  Questionnaire,
  Section,
  ThemeCore,
};

export type { RegistryCompany, RegistryProposal, RegistrySession };
/** `GET /v1/forms/{id}/registry/search/` and `POST .../pick/` (OpenKYB, GOV1/GOV2 sessions). */
export type RegistrySearchAnswer = Static<typeof RegistrySearchResult>;
export type RegistryPickAnswer = Static<typeof RegistryPickResult>;

/** `GET /v1/session/` (OpenKYB extension). */
export type SessionInfo = Static<typeof SessionInfoSchema>;
export type Form = Static<typeof KybForm>;
export type CustomField = Static<typeof CustomFieldSchema>;
