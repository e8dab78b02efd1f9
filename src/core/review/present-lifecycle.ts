import type { CompanyRow } from '../../db/tables.js';

/**
 * The lifecycle fields of iDenfy's CompanyMeta (for GET /kyb/companies/{id}/ and the like):
 * spread into the meta object the company detail presents.
 */
export function presentLifecycleMeta(company: Pick<CompanyRow, 'info_request' | 'expiration_status' | 'automation_ran_at' | 'automation_statuses'>) {
  return {
    informationRequested: company.info_request !== null,
    expirationStatus: company.expiration_status as 'PENDING' | 'EXPIRED' | null,
    automationRanAt: company.automation_ran_at === null ? null : new Date(company.automation_ran_at).toISOString(),
    automationStatuses: company.automation_statuses === null ? null : (JSON.parse(company.automation_statuses) as Record<string, unknown>),
  };
}
