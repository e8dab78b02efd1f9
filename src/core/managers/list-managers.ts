import type { Manager } from '../../schemas/managers.js';
import type { PartnerCtx } from '../context.js';
import { presentManager } from './present-manager.js';

/** The partner's managers, oldest first (every signed-in role may read them: assignee pickers need names). */
export async function listManagers({ ctx }: { ctx: PartnerCtx }): Promise<Manager[]> {
  const rows = await ctx.db.selectFrom('managers').selectAll().where('partner_id', '=', ctx.partnerId).orderBy('id').execute();
  return rows.map(presentManager);
}
