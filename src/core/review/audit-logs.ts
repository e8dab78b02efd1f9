import type { Db } from '../../db/database.js';
import type { KybAuditLog } from '../../schemas/review.js';
import { managersById } from './managers.js';

/** The audit rows most recently written first; the detail shows this many, with the total. */
export const AUDIT_LOGS_SHOWN = 200;

const LOG_TYPES: Record<string, KybAuditLog['logType']> = { client: 'CLIENT', partner: 'PARTNER', manager: 'PARTNER', system: 'SYSTEM' };

/** A sentence per action; audit details hold only ids, so the text never carries personal data. */
const TEXTS: Record<string, string> = {
  FORM_CREATED: 'Form created',
  FORM_UPDATED: 'Company details updated',
  FORM_SUBMITTED: 'Form submitted',
  BENEFICIARY_ADDED: 'Beneficiary added',
  BENEFICIARY_UPDATED: 'Beneficiary updated',
  BENEFICIARY_DELETED: 'Beneficiary deleted',
  DOCUMENT_UPLOADED: 'Document uploaded',
  DOCUMENT_UPDATED: 'Document updated',
  DOCUMENT_DELETED: 'Document deleted',
  ANSWERS_SAVED: 'Questionnaire answers saved',
  ANSWERS_DELETED: 'Questionnaire answers deleted',
  SCREENED: 'AML screening completed',
  REGISTER_CHECKED: 'Official register checked',
  REGISTRY_PICKED: 'Company picked from the register',
  SCREENING_HIT_RESOLVED: 'AML hit reviewed',
  STATUS_CHANGED: 'Status changed',
  COMMENT_ADDED: 'Comment added',
  COMPANY_ASSIGNED: 'Assignment changed',
  COMPANY_DELETED: 'Company deleted',
  'company.viewed': 'Case opened by a manager',
  'document.downloaded': 'Document viewed or downloaded',
  'file.downloaded': 'File viewed or downloaded',
  'dossier.downloaded': 'PDF dossier downloaded',
  EVIDENCE_EXPORTED: 'Evidence pack exported',
};

/** iDenfy's CompanyLogs from OpenKYB's audit rows; a manager's entry names the manager (iDenfy's AuditLogManager). */
export async function presentAuditLogs(db: Db, partnerId: string, companyId: string): Promise<{ logs: KybAuditLog[]; logsCount: number }> {
  const [rows, counted] = await Promise.all([
    db
      .selectFrom('audit_logs')
      .select(['id', 'actor_type', 'actor_id', 'action', 'details', 'created_at'])
      .where('company_id', '=', companyId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(AUDIT_LOGS_SHOWN)
      .execute(),
    db
      .selectFrom('audit_logs')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('company_id', '=', companyId)
      .executeTakeFirstOrThrow(),
  ]);
  const managerOf = (row: { actor_type: string; actor_id: string | null }) =>
    row.actor_type === 'manager' && row.actor_id !== null ? Number(row.actor_id) : null;
  const managers = await managersById(db, partnerId, rows.map(managerOf));
  const named = (row: (typeof rows)[number]) => {
    const manager = managers.get(managerOf(row) ?? 0);
    return manager ? { manager: { id: manager.id, displayName: `${manager.name} ${manager.surname}`.trim() } } : {};
  };
  return {
    logs: rows.map((row) => ({
      identifier: row.action,
      text: TEXTS[row.action] ?? row.action,
      additionalText: row.details === '{}' ? '' : row.details,
      logType: LOG_TYPES[row.actor_type] ?? 'DEFAULT',
      logLevel: 'ACTION' as const,
      timestamp: new Date(row.created_at).toISOString(),
      logId: row.id,
      ...named(row),
    })),
    logsCount: Number(counted.count),
  };
}
