import type { Ctx } from '../context.js';
import { loadCompany, loadFlow, loadForm, type FormCtx } from './access.js';
import { presentCompany, presentForm, presentMeta } from './present-form.js';

/** The token's form, if created: iDenfy lists 0 or 1 items. */
export async function listForms({ ctx }: { ctx: FormCtx }) {
  const company = await loadCompany(ctx.db, ctx);
  if (company.info === null) return [];
  const withInfo = company as typeof company & { info: string };
  return [{ id: company.id, company: presentCompany(withInfo, await loadFlow(ctx.db, company)), meta: presentMeta(company) }];
}

export async function getForm({ ctx }: { ctx: FormCtx & Ctx }) {
  const company = await loadForm(ctx.db, ctx);
  return presentForm(ctx.db, ctx, company, await loadFlow(ctx.db, company));
}
