import type { RegistrySession } from '../../schemas/gov-session.js';
import type { Ctx } from '../context.js';
import { loadCompany, loadFlow, type FormCtx } from '../forms/access.js';
import { modeOf, presentRegistrySession } from './gov-session.js';

/** The session's register mode, picked company, locks and GOV1 proposals (`GET /v1/forms/{id}/registry/`). */
export async function getRegistrySession({ ctx }: { ctx: FormCtx }): Promise<RegistrySession> {
  const company = await loadCompany(ctx.db, ctx);
  return presentRegistrySession(ctx.db, ctx, company.id, await modeOf(ctx.db, company.id), await loadFlow(ctx.db, company));
}

/** The same for `/kyb/info/`, from the token's session (its type, company and flow): a FORM session costs no query. */
export async function registryOfSession(ctx: Ctx, session: { companyId: string; flowId: string | null; tokenType: string }): Promise<RegistrySession> {
  const mode = session.tokenType === 'GOV1' || session.tokenType === 'GOV2' ? session.tokenType : 'FORM';
  return presentRegistrySession(ctx.db, ctx, session.companyId, mode, mode === 'GOV1' ? await loadFlow(ctx.db, { flow_id: session.flowId }) : null);
}
