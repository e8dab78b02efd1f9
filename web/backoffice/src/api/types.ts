// The back office's wire shapes: the server's own (src/shared/backoffice-wire.ts, type-only),
// plus the sign-in and manager shapes of BO-CONTRACT.md.
export type {
  CompanyDetail,
  CompanyListItem,
  CompanyOwnership,
  CompanyScreening,
  InfoRequest,
  InfoRequestCreate,
  KybAuditLog,
  KybComments,
  ManagerAccount,
  PaginatedCompanyListList,
  RiskAssessment,
} from '../../../../src/shared/backoffice-wire.js';
export type { KybStatus } from '../../../../src/shared/enums.js';

export const ROLES = ['viewer', 'auditor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Manager {
  id: number;
  name: string;
  surname: string;
  email: string;
  role: Role;
}

/** `GET /v1/managers/`: every manager of the partner, for assignee pickers and the admin page. */
export interface ManagerListItem extends Manager {
  disabled: boolean;
  away: boolean;
  totpEnabled: boolean;
  lastSignInAt: string | null;
}

/** `POST /v1/auth/sign-in/` and `GET /v1/auth/session/`. */
export interface SessionBody {
  manager: Manager;
  csrfToken: string;
  expiresAt: string;
  idleExpiresAt: string;
}
