import type { KybStatus, KybTokenType } from '../../schemas/enums-types.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { readSettings } from '../partners/settings.js';
import type { TokenSession } from './authenticate-token.js';

export interface SessionInfo {
  companyId: string;
  tokenType: KybTokenType;
  expiration: string;
  status: KybStatus;
  /** The partner's page to send the client to after submit (settings.submitRedirectUrl). */
  redirectUrl: string | null;
}

/** OpenKYB extension for the hosted form: when the session ends, and where to go after submit. */
export async function getSession({ ctx, session }: { ctx: Ctx; session: TokenSession }): Promise<SessionInfo> {
  const company = await ctx.db.selectFrom('companies').select(['status', 'partner_id']).where('id', '=', session.companyId).executeTakeFirst();
  if (!company) throw notFound('Company');
  const settings = await readSettings(ctx.db, company.partner_id);
  return {
    companyId: session.companyId,
    tokenType: session.tokenType as KybTokenType,
    expiration: new Date(session.expiresAt).toISOString(),
    status: company.status as KybStatus,
    redirectUrl: settings.submitRedirectUrl,
  };
}
