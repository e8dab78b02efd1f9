import type { Manager, ManagerPatch } from '../../schemas/managers.js';
import type { PartnerCtx } from '../context.js';
import { DomainError } from '../errors.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
import { loadManager, presentManager } from './present-manager.js';
import { hasRole } from './roles.js';

/**
 * Changes a manager's role, disabled or away flag. Admins (and key pairs) may change anything;
 * any manager may set its own `away`. Disabling a manager, or changing its role, ends its
 * sessions, so the change holds from the next request on.
 */
export async function updateManager({ ctx, id, input }: { ctx: PartnerCtx; id: number; input: ManagerPatch }): Promise<Manager> {
  const isAdmin = !ctx.manager || hasRole(ctx.manager.role, 'admin');
  const onlyOwnAway = ctx.manager?.id === id && input.role === undefined && input.disabled === undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadManager(trx, ctx.partnerId, id);
    if (!isAdmin && !onlyOwnAway) throw new DomainError('FORBIDDEN', 'This needs the admin role (a manager may change only its own "away").');
    const now = ctx.clock.now();
    const changes = {
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.away !== undefined ? { away: input.away ? 1 : 0 } : {}),
      ...(input.disabled !== undefined ? { disabled_at: input.disabled ? (row.disabled_at ?? now) : null } : {}),
    };
    if (Object.keys(changes).length === 0) return presentManager(row);
    await trx.updateTable('managers').set(changes).where('id', '=', id).execute();
    if (input.disabled === true || (input.role !== undefined && input.role !== row.role)) {
      await trx.updateTable('manager_sessions').set({ ended_at: now }).where('manager_id', '=', id).where('ended_at', 'is', null).execute();
    }
    await recordPartnerAudit(trx, ctx, { action: 'MANAGER_UPDATED', details: { managerId: id, ...input }, now });
    return presentManager(await loadManager(trx, ctx.partnerId, id));
  });
}
