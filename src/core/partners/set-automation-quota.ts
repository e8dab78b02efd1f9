import type { Ctx } from '../context.js';
import { invalidField } from '../errors.js';
import { readSettings, writeSettings } from './settings.js';

/**
 * The operator's limit on a partner's automation runs (total, ever); null is unlimited. Not in
 * the partner's own settings API: a partner must not raise its own quota.
 */
export async function setAutomationQuota({ ctx, input }: { ctx: Ctx; input: { partnerId: string; limit: number | null } }): Promise<void> {
  if (input.limit !== null && (!Number.isSafeInteger(input.limit) || input.limit < 0))
    throw invalidField('automationRunLimit', 'must be a whole number from 0, or unlimited');
  await ctx.db.transaction().execute(async (trx) => {
    const settings = await readSettings(trx, input.partnerId);
    await writeSettings(trx, input.partnerId, { ...settings, automationRunLimit: input.limit });
  });
}
