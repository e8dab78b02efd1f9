import type { Manager } from '../../schemas/managers.js';
import type { PartnerCtx } from '../context.js';
import { conflict } from '../errors.js';
import { partnerActor, recordAudit } from '../audit/record-audit.js';
import { issuePasswordLink } from './password-tokens.js';
import { loadManager, presentManager } from './present-manager.js';
import type { ManagerRole } from './roles.js';

export interface NewManager {
  email: string;
  name: string;
  surname: string;
  /** Without one, a reviewer: the role that works cases but manages nothing. */
  role?: ManagerRole;
}

/**
 * A manager of the partner: the record comments, assignments and decisions point to, and the
 * account that signs in to the back office once its password is set through the one-time
 * link returned here (shown once). An e-mail is unique within a partner.
 */
export async function createManager({ ctx, input }: { ctx: PartnerCtx; input: NewManager }): Promise<Manager & { setPasswordUrl: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const email = input.email.trim().toLowerCase();
    const taken = await trx.selectFrom('managers').select('id').where('partner_id', '=', ctx.partnerId).where('email', '=', email).executeTakeFirst();
    if (taken) throw conflict('A manager with this e-mail already exists.');
    const now = ctx.clock.now();
    const row = await trx
      .insertInto('managers')
      .values({ partner_id: ctx.partnerId, email, name: input.name, surname: input.surname, role: input.role ?? 'reviewer', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    const setPasswordUrl = await issuePasswordLink(trx, ctx, id);
    await recordAudit(trx, {
      partnerId: ctx.partnerId,
      actor: partnerActor(ctx),
      action: 'MANAGER_CREATED',
      details: { managerId: id, role: input.role ?? 'reviewer' },
      now,
    });
    return { ...presentManager(await loadManager(trx, ctx.partnerId, id)), setPasswordUrl };
  });
}
