import type { KybFormUnifiedFlow } from '../../schemas/flow.js';
import type { KybInfo } from '../../schemas/token.js';
import type { ThemeCore } from '../../schemas/theme.js';
import type { KybLocale } from '../../schemas/enums-types.js';
import { prepared } from '../../db/prepared.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { TokenSession } from './authenticate-token.js';

const selectSubmission = prepared((db, p: { id: string }) => db.selectFrom('companies').select('submission_time').where('id', '=', p.id));
const selectTheme = prepared((db, p: { id: string }) => db.selectFrom('themes').select('definition').where('id', '=', p.id));
const selectFlow = prepared((db, p: { id: string }) => db.selectFrom('flows').select('definition').where('id', '=', p.id));

/**
 * What the form needs to render: locale, theme and flow. GOV1 and GOV2 sessions are reported
 * like FORM until their registry-backed behaviour exists.
 */
export async function getKybInfo({ ctx, session }: { ctx: Ctx; session: TokenSession }): Promise<KybInfo> {
  const [[company], [theme], [flow]] = await Promise.all([
    selectSubmission(ctx.db, { id: session.companyId }),
    session.themeId ? selectTheme(ctx.db, { id: session.themeId }) : [],
    session.flowId ? selectFlow(ctx.db, { id: session.flowId }) : [],
  ]);
  // iDenfy answers a used-up session with 401 and {detail, completed: true}.
  if (company?.submission_time != null) {
    throw new DomainError('AUTHENTICATION_FAILED', 'The KYB form was already submitted.', undefined, { completed: true });
  }
  return {
    locale: session.locale as KybLocale | null,
    theme: theme ? (JSON.parse(theme.definition) as ThemeCore) : null,
    flow: flow ? (JSON.parse(flow.definition) as KybFormUnifiedFlow) : null,
  };
}
