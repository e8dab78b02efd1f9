import type { KybStatus, KybTokenType } from '../../shared/enums.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { readSettings } from '../partners/settings.js';
import { openInfoRequest } from '../review/open-items.js';
import type { TokenSession } from './authenticate-token.js';

export interface SessionInfo {
  companyId: string;
  tokenType: KybTokenType;
  expiration: string;
  status: KybStatus;
  /** The partner's page to send the client to after submit (settings.submitRedirectUrl). */
  redirectUrl: string | null;
  /** While a reviewer asked for more information: the message and the open items. */
  infoRequest: { message: string; items: string[]; requestedAt: string } | null;
  /** Whether the session comes with a questionnaire, so the form knows its steps before the form exists. */
  hasQuestionnaire: boolean;
}

/** OpenKYB extension for the hosted form: when the session ends, and where to go after submit. */
export async function getSession({ ctx, session }: { ctx: Ctx; session: TokenSession }): Promise<SessionInfo> {
  const company = await ctx.db
    .selectFrom('companies')
    .select(['status', 'partner_id', 'info_request', 'questionnaire_id'])
    .where('id', '=', session.companyId)
    .executeTakeFirst();
  if (!company) throw notFound('Company');
  const settings = await readSettings(ctx.db, company.partner_id);
  const request = openInfoRequest(company);
  return {
    companyId: session.companyId,
    tokenType: session.tokenType as KybTokenType,
    expiration: new Date(session.expiresAt).toISOString(),
    status: company.status as KybStatus,
    redirectUrl: settings.submitRedirectUrl,
    infoRequest: request && { message: request.message, items: request.items, requestedAt: new Date(request.requestedAt).toISOString() },
    hasQuestionnaire: company.questionnaire_id !== null,
  };
}
