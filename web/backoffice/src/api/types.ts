// The back office's wire shapes: the server's own (src/shared/backoffice-wire.ts, type-only).
import type { ManagerSession } from '../../../../src/shared/backoffice-wire.js';
export type {
  CaseChanges,
  CaseDecision,
  CaseDocument,
  DocumentDecisionRequest,
  CompanyDetail,
  CompanyListItem,
  CompanyOwnership,
  CompanyRegister,
  CompanyScreening,
  CompanyStatusCounts,
  InfoRequest,
  InfoRequestCreate,
  KybAuditLog,
  KybComments,
  ManagerAccount,
  ManagerListItem,
  ManagerSession,
  PaginatedCompanyListList,
  RiskAssessment,
  SavedView,
} from '../../../../src/shared/backoffice-wire.js';
export type { KybStatus } from '../../../../src/shared/enums.js';

export { MANAGER_ROLES as ROLES } from '../../../../src/shared/enums.js';
export type { ManagerRole as Role } from '../../../../src/shared/enums.js';

/** `POST /v1/auth/sign-in/` and `GET /v1/auth/session/`. */
export type SessionBody = ManagerSession;
/** The signed-in manager. */
export type Manager = ManagerSession['manager'];
