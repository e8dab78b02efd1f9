import type { Manager } from '../../schemas/managers.js';
import type { PartnerCtx } from '../context.js';
import { conflict, invalidField } from '../errors.js';
import { recordPartnerAudit } from '../audit/record-audit.js';
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
  const email = input.email.trim().toLowerCase();
  // The API's schema checks these too; the command line reaches this verb without it.
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) throw invalidField('email', 'must be an e-mail address');
  for (const field of ['name', 'surname'] as const) {
    if (!input[field].trim() || input[field].length > 100) throw invalidField(field, 'must be 1 to 100 characters');
  }
  return ctx.db.transaction().execute(async (trx) => {
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
    await recordPartnerAudit(trx, ctx, { action: 'MANAGER_CREATED', details: { managerId: id, role: input.role ?? 'reviewer' }, now });
    return { ...presentManager(await loadManager(trx, ctx.partnerId, id)), setPasswordUrl };
  });
}
