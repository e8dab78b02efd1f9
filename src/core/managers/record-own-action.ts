import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/record-audit.js';

/** The audit entry of a change a manager made to its own account (password, two-factor sign-in). */
export function recordOwnAction(trx: Db, manager: { id: number; partnerId: string }, action: string, now: number): Promise<void> {
  return recordAudit(trx, { partnerId: manager.partnerId, actor: { kind: 'manager', managerId: manager.id }, action, details: { managerId: manager.id }, now });
}
