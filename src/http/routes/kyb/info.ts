import { getKybInfo } from '../../../core/tokens/get-kyb-info.js';
import { KybInfo } from '../../../schemas/token.js';
import { requestCtx, type App } from '../../context.js';
import { errorResponses } from '../../route-schemas.js';

export function kybInfoRoute(app: App): void {
  app.get(
    '/kyb/info/',
    {
      config: { auth: 'token' },
      schema: {
        operationId: 'kybInfoRetrieve',
        summary: 'Retrieve KYB session info',
        description: 'Locale, theme and flow of the session; a null flow means every field and object may be present.',
        tags: ['KYB Token'],
        response: { 200: KybInfo, ...errorResponses(401, 429) },
      },
    },
    async (request, reply) => {
      const info = await getKybInfo({ ctx: requestCtx(request), session: request.session! });
      // Theme and flow are sent as stored (validated on write): see KybInfoParts.
      const body = `{"locale":${JSON.stringify(info.locale)},"theme":${info.themeJson ?? 'null'},"flow":${info.flowJson ?? 'null'}}`;
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
}
