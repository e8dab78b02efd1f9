/**
 * Wire shapes the back office reads and sends, derived from the server's TypeBox schemas (see
 * wire.ts): type-only, so nothing of TypeBox or a schema object reaches the browser bundle.
 */
import type { Static } from 'typebox';
import type { CompanyOwnership } from '../schemas/ownership.js';
import type { Manager as ManagerSchema, ManagerSession, SignInRequest } from '../schemas/managers.js';
import type { InfoRequest, InfoRequestCreate } from '../schemas/info-request.js';
import type {
  CompanyDetail as CompanyDetailSchema,
  CompanyList as CompanyListSchema,
  CompanyListQuery,
  CompanyStatus,
  CompanyStatusCounts,
  CompanyStatusRequest,
  KybAuditLog,
  KybComments,
  ManagerAccount,
  PaginatedCompanyListList,
} from '../schemas/review.js';
import type { RiskAssessment } from '../schemas/risk.js';
import type { CompanyRegister } from '../schemas/company-register.js';
import type { CaseChanges, CaseDecision, CaseDocument, DocumentDecisionRequest, SavedView } from '../schemas/case-review.js';
import type { CompanyScreening as CompanyScreeningSchema, ResolveHitRequest as ResolveHitRequestSchema } from '../schemas/screening.js';

export type {
  CaseChanges,
  CaseDecision,
  CaseDocument,
  DocumentDecisionRequest,
  CompanyListQuery,
  CompanyOwnership,
  CompanyRegister,
  CompanyStatus,
  CompanyStatusCounts,
  CompanyStatusRequest,
  InfoRequest,
  InfoRequestCreate,
  KybAuditLog,
  KybComments,
  ManagerAccount,
  PaginatedCompanyListList,
  RiskAssessment,
  ManagerSession,
  SavedView,
  SignInRequest,
};
/** A manager as `GET /v1/managers/` lists it. */
export type ManagerListItem = ManagerSchema;
export type CompanyDetail = Static<typeof CompanyDetailSchema>;
export type CompanyListItem = Static<typeof CompanyListSchema>;
export type CompanyScreening = Static<typeof CompanyScreeningSchema>;
export type ResolveHitRequest = Static<typeof ResolveHitRequestSchema>;
