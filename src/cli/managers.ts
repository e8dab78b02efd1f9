import type { Config } from '../config.js';
import type { Ctx, PartnerCtx } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { createManager } from '../core/managers/create-manager.js';
import { listManagers } from '../core/managers/list-managers.js';
import { resetManager } from '../core/managers/reset-manager.js';
import type { ManagerRole } from '../core/managers/roles.js';
import { updateManager } from '../core/managers/update-manager.js';
import { withCtx } from './admin.js';

type Out = (line: string) => void;

/** An operator acts for the partner (no key pair, no manager): the audit trail names an operator. */
async function partnerCtx(ctx: Ctx, partnerId: string): Promise<PartnerCtx> {
  const partner = await ctx.db.selectFrom('partners').select('id').where('id', '=', partnerId).executeTakeFirst();
  if (!partner) throw notFound('Partner');
  return { ...ctx, partnerId };
}

async function managerCtx(ctx: Ctx, id: number): Promise<PartnerCtx> {
  const row = await ctx.db.selectFrom('managers').select('partner_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Manager');
  return { ...ctx, partnerId: row.partner_id };
}

export async function createManagerCommand(
  config: Config,
  out: Out,
  input: { partnerId: string; email: string; name: string; surname: string; role: ManagerRole; json: boolean },
): Promise<void> {
  const { json, partnerId, ...fields } = input;
  const created = await withCtx(config, async (ctx) => createManager({ ctx: await partnerCtx(ctx, partnerId), input: fields }));
  if (json) return out(JSON.stringify(created));
  out(`Manager created: ${created.id} (${created.role})`);
  out(`Set-password link (valid 24 hours, shown once): ${created.setPasswordUrl}`);
}

export async function listManagersCommand(config: Config, out: Out, input: { partnerId: string; json: boolean }): Promise<void> {
  const managers = await withCtx(config, async (ctx) => listManagers({ ctx: await partnerCtx(ctx, input.partnerId) }));
  if (input.json) return out(JSON.stringify(managers));
  if (managers.length === 0) return out('No managers.');
  for (const m of managers) {
    const flags = [m.disabled ? 'disabled' : 'active', m.away ? 'away' : null, m.totpEnabled ? '2fa' : null].filter(Boolean).join(',');
    out(`${m.id}  ${m.email}  ${m.role}  ${flags}  last-sign-in=${m.lastSignInAt ?? 'never'}`);
  }
}

export async function disableManagerCommand(config: Config, out: Out, input: { id: number }): Promise<void> {
  await withCtx(config, async (ctx) => updateManager({ ctx: await managerCtx(ctx, input.id), id: input.id, input: { disabled: true } }));
  out(`Manager ${input.id} disabled; its sessions are ended.`);
}

export async function resetManagerCommand(config: Config, out: Out, input: { id: number; json: boolean }): Promise<void> {
  const reset = await withCtx(config, async (ctx) => resetManager({ ctx: await managerCtx(ctx, input.id), id: input.id }));
  if (input.json) return out(JSON.stringify(reset));
  out(`Set-password link (valid 24 hours, shown once): ${reset.setPasswordUrl}`);
}
