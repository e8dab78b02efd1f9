import { getKybInfo } from '../../../core/tokens/get-kyb-info.js';
import { KybInfo } from '../../../schemas/token.js';
import { requestCtx, type App } from '../../context.js';
import { errorResponses, TOKEN_SECURITY } from '../../route-schemas.js';

export function kybInfoRoute(app: App): void {
  app.get('/kyb/info/', {
    config: { auth: 'token' },
    schema: {
      operationId: 'kybInfoRetrieve',
      summary: 'Retrieve KYB session info',
      description: 'Locale, theme and flow of the session; a null flow means every field and object may be present.',
      tags: ['KYB Token'],
      security: TOKEN_SECURITY,
      response: { 200: KybInfo, ...errorResponses(401, 429) },
    },
  }, async (request) => getKybInfo({ ctx: requestCtx(request), session: request.session! }));
}
