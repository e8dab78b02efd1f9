import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { enqueueEvent } from '../webhooks/enqueue-event.js';

/**
 * Marks companies whose session ran out before submission: every token of the company
 * expired, the form was never submitted, and it is not marked yet. Each is claimed with a
 * conditional update in its own transaction with its audit row and COMPANY_EXPIRATION
 * (`expirationStatus: EXPIRED`), so two workers at once send the event once. Returns how many
 * this call marked.
 */
export async function expireCompanies({ ctx, now, limit }: { ctx: Ctx; now: number; limit: number }): Promise<number> {
  const due = await ctx.db
    .selectFrom('companies as c')
    .select(['c.id', 'c.partner_id'])
    .where('c.submission_time', 'is', null)
    .where('c.expiration_status', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('kyb_tokens as t').select('t.id').whereRef('t.company_id', '=', 'c.id').where('t.expires_at', '>', now))),
    )
    .orderBy('c.created_at')
    .limit(limit)
    .execute();
  let marked = 0;
  for (const company of due) {
    const isMarked = await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('companies')
        .set({ expiration_status: 'EXPIRED', updated_at: now })
        .where('id', '=', company.id)
        .where('expiration_status', 'is', null)
        .where('submission_time', 'is', null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) return false;
      await recordAudit(trx, { partnerId: company.partner_id, companyId: company.id, actor: { kind: 'system' }, action: 'COMPANY_EXPIRED', now });
      await enqueueEvent(trx, {
        partnerId: company.partner_id,
        eventType: 'COMPANY_EXPIRATION',
        payload: { id: company.id, expirationStatus: 'EXPIRED' },
        now,
      });
      return true;
    });
    if (isMarked) marked += 1;
  }
  return marked;
}
