import { registryOfSession } from '../../../core/gov-sessions/get-registry-session.js';
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
        description:
          'Locale, theme and flow of the session; a null flow means every field and object may be present. GOV1 and GOV2 sessions also get `registry`: the register mode, the picked company, locked fields and proposed beneficiaries.',
        tags: ['KYB Token'],
        response: { 200: KybInfo, ...errorResponses(401, 429) },
      },
    },
    async (request, reply) => {
      const ctx = requestCtx(request);
      const session = request.session!;
      const info = await getKybInfo({ ctx, session });
      // GOV1/GOV2 only: a FORM session's answer stays iDenfy's exactly.
      const registry = session.tokenType === 'FORM' ? '' : `,"registry":${JSON.stringify(await registryOfSession(ctx, session))}`;
      // Theme and flow are sent as stored (validated on write): see KybInfoParts.
      const body = `{"locale":${JSON.stringify(info.locale)},"theme":${info.themeJson ?? 'null'},"flow":${info.flowJson ?? 'null'}${registry}}`;
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
}
