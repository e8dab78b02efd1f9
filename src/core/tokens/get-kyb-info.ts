import type { KybLocale } from '../../shared/enums.js';
import { prepared } from '../../db/prepared.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { TokenSession } from './authenticate-token.js';

// One statement for the page load: the company's state, the theme and the flow.
const selectInfo = prepared((db, p: { companyId: string; themeId: string | null; flowId: string | null }) =>
  db
    .selectFrom('companies as c')
    .leftJoin('themes as t', (join) => join.on('t.id', '=', p.themeId))
    .leftJoin('flows as f', (join) => join.on('f.id', '=', p.flowId))
    .select(['c.submission_time', 'c.info_request', 't.definition as themeJson', 'f.definition as flowJson'])
    .where('c.id', '=', p.companyId),
);

/**
 * KybInfo with theme and flow as the JSON text they were stored as. They were validated
 * against ThemeCore and KybFormUnifiedFlow when saved, so the HTTP layer can send them as they
 * are instead of parsing and re-serialising a deeply nested schema on every page load.
 */
export interface KybInfoParts {
  locale: KybLocale | null;
  themeJson: string | null;
  flowJson: string | null;
}

/**
 * What the form needs to render: locale, theme and flow. The register mode of GOV1 and GOV2
 * sessions is added by the route (core/gov-sessions/get-registry-session.ts).
 */
export async function getKybInfo({ ctx, session }: { ctx: Ctx; session: TokenSession }): Promise<KybInfoParts> {
  const [row] = await selectInfo(ctx.db, { companyId: session.companyId, themeId: session.themeId, flowId: session.flowId });
  // iDenfy answers a used-up session with 401 and {detail, completed: true}; a form sent back
  // for more information is open again.
  if (row?.submission_time != null && row.info_request === null) {
    throw new DomainError('AUTHENTICATION_FAILED', 'The KYB form was already submitted.', undefined, { completed: true });
  }
  return { locale: session.locale as KybLocale | null, themeJson: row?.themeJson ?? null, flowJson: row?.flowJson ?? null };
}
