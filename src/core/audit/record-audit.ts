import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Actor } from '../forms/access.js';

/**
 * One audit row per change, written in the change's transaction. Details hold ids and
 * outcomes only: the audit trail is read by more people than the data it describes.
 */
export async function recordAudit(
  db: Db,
  entry: { partnerId: string; companyId: string; actor: Actor | { kind: 'system' }; action: string; details?: Record<string, unknown>; now: number },
): Promise<void> {
  const actorId = entry.actor.kind === 'client' ? entry.actor.tokenId : entry.actor.kind === 'partner' ? entry.actor.keyId : null;
  await db.insertInto('audit_logs').values({
    id: randomUUID(),
    partner_id: entry.partnerId,
    company_id: entry.companyId,
    actor_type: entry.actor.kind,
    actor_id: actorId,
    action: entry.action,
    details: JSON.stringify(entry.details ?? {}),
    created_at: entry.now,
  }).execute();
}
