import { getSession } from '../../../core/tokens/get-session.js';
import { SessionInfo } from '../../../schemas/form.js';
import { requestCtx, type App } from '../../context.js';
import { errorResponses, TOKEN_ONLY } from '../../route-schemas.js';

/** OpenKYB extension for the hosted form: the session's expiry, status and redirect. */
export function sessionRoute(app: App): void {
  app.get(
    '/v1/session/',
    {
      ...TOKEN_ONLY,
      schema: { tags: ['Session'], summary: 'The KYB session of this token', response: { 200: SessionInfo, ...errorResponses(401) } },
    },
    async (request) => getSession({ ctx: requestCtx(request), session: request.session! }),
  );
}
