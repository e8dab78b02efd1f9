import type { AuditLogRow } from '../../db/tables.js';
import type { KybAuditLog } from '../../schemas/audit-log.js';

/** What each action says in iDenfy's `text`; an action not listed is spelt out from its name. */
const TEXTS = new Map<string, string>([
  ['TOKEN_CREATED', 'Verification token created'],
  ['TOKEN_UPDATED', 'Verification token updated'],
  ['TOKEN_REVOKED', 'Verification token revoked'],
  ['FORM_CREATED', 'Form created'],
  ['FORM_UPDATED', 'Company information updated'],
  ['FORM_SUBMITTED', 'Form submitted'],
  ['BENEFICIARY_ADDED', 'Beneficiary added'],
  ['BENEFICIARY_UPDATED', 'Beneficiary updated'],
  ['BENEFICIARY_DELETED', 'Beneficiary deleted'],
  ['DOCUMENT_UPLOADED', 'Document uploaded'],
  ['DOCUMENT_UPDATED', 'Document updated'],
  ['DOCUMENT_DELETED', 'Document deleted'],
  ['ANSWERS_SAVED', 'Questionnaire answers saved'],
  ['ANSWERS_DELETED', 'Questionnaire answers deleted'],
  ['SCREENED', 'AML screening completed'],
  ['REGISTER_CHECKED', 'Official register checked'],
  ['REGISTRY_PICKED', 'Company picked from the register'],
  ['SCREENING_HIT_RESOLVED', 'AML screening hit resolved'],
]);

const LOG_TYPES = new Map<string, KybAuditLog['logType']>([
  ['client', 'CLIENT'],
  ['partner', 'PARTNER'],
  ['manager', 'PARTNER'],
  ['system', 'AUTOMATION'],
  ['operator', 'SYSTEM'],
]);

/**
 * An audit row in iDenfy's KybAuditLog shape (CompanyDetail.auditLogs.logs): `identifier` is
 * the action, `text` says it in English, `additionalText` carries the details (ids and
 * outcomes), `logId` is the entry id. Client and partner actions are ACTION, the server's INFO.
 */
export function presentKybAuditLog(row: Pick<AuditLogRow, 'id' | 'action' | 'actor_type' | 'details' | 'created_at'>): KybAuditLog {
  const logType = LOG_TYPES.get(row.actor_type) ?? 'DEFAULT';
  const details = row.details === '{}' ? undefined : row.details;
  return {
    identifier: row.action,
    text: TEXTS.get(row.action) ?? spellOut(row.action),
    ...(details !== undefined ? { additionalText: details } : {}),
    logType,
    logLevel: logType === 'AUTOMATION' || logType === 'SYSTEM' ? 'INFO' : 'ACTION',
    timestamp: new Date(Number(row.created_at)).toISOString(),
    logId: row.id,
  };
}

/** COMPANY_STATUS_CHANGED -> "Company status changed". */
function spellOut(action: string): string {
  const words = action.toLowerCase().split('_').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
