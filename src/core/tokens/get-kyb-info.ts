import type { KybLocale } from '../../schemas/enums-types.js';
import { prepared } from '../../db/prepared.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { TokenSession } from './authenticate-token.js';

const selectSubmission = prepared((db, p: { id: string }) => db.selectFrom('companies').select('submission_time').where('id', '=', p.id));
const selectTheme = prepared((db, p: { id: string }) => db.selectFrom('themes').select('definition').where('id', '=', p.id));
const selectFlow = prepared((db, p: { id: string }) => db.selectFrom('flows').select('definition').where('id', '=', p.id));

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
 * What the form needs to render: locale, theme and flow. GOV1 and GOV2 sessions are reported
 * like FORM until their registry-backed behaviour exists.
 */
export async function getKybInfo({ ctx, session }: { ctx: Ctx; session: TokenSession }): Promise<KybInfoParts> {
  const [[company], [theme], [flow]] = await Promise.all([
    selectSubmission(ctx.db, { id: session.companyId }),
    session.themeId ? selectTheme(ctx.db, { id: session.themeId }) : [],
    session.flowId ? selectFlow(ctx.db, { id: session.flowId }) : [],
  ]);
  // iDenfy answers a used-up session with 401 and {detail, completed: true}.
  if (company?.submission_time != null) {
    throw new DomainError('AUTHENTICATION_FAILED', 'The KYB form was already submitted.', undefined, { completed: true });
  }
  return { locale: session.locale as KybLocale | null, themeJson: theme?.definition ?? null, flowJson: flow?.definition ?? null };
}
