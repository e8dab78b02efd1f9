import type { ManagerAccount, ManagerCreateRequest } from '../../schemas/review.js';
import type { PartnerCtx } from '../context.js';
import { conflict } from '../errors.js';

/**
 * A reviewer of the partner, as a record that comments, assignments and decisions point to.
 * Logins come later (the back office); an e-mail is unique within a partner.
 */
export async function createManager({ ctx, input }: { ctx: PartnerCtx; input: ManagerCreateRequest }): Promise<ManagerAccount> {
  return ctx.db.transaction().execute(async (trx) => {
    const email = input.email.trim().toLowerCase();
    const taken = await trx.selectFrom('managers').select('id').where('partner_id', '=', ctx.partnerId).where('email', '=', email).executeTakeFirst();
    if (taken) throw conflict('A manager with this e-mail already exists.');
    const row = await trx
      .insertInto('managers')
      .values({ partner_id: ctx.partnerId, email, name: input.name, surname: input.surname, created_at: ctx.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), name: input.name, surname: input.surname, email };
  });
}
