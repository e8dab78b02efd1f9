import type { PartnerCtx } from '../context.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import { issuePasswordLink } from './password-tokens.js';
import { loadManager } from './present-manager.js';

/**
 * A new one-time link to set the manager's password (for a forgotten password): it ends the
 * manager's sessions and clears a lock-out. The old password keeps working until the link is
 * used, so a reset cannot lock anyone out by itself; two-factor sign-in stays as it was.
 */
export async function resetManager({ ctx, id }: { ctx: PartnerCtx; id: number }): Promise<{ setPasswordUrl: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    await loadManager(trx, ctx.partnerId, id);
    const now = ctx.clock.now();
    await trx.updateTable('managers').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', id).execute();
    await trx.updateTable('manager_sessions').set({ ended_at: now }).where('manager_id', '=', id).where('ended_at', 'is', null).execute();
    const setPasswordUrl = await issuePasswordLink(trx, ctx, id);
    await recordPartnerAudit(trx, ctx, { action: 'MANAGER_RESET', details: { managerId: id }, now });
    return { setPasswordUrl };
  });
}
