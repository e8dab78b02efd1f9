import { requestInfo } from '../../../../core/review/request-info.js';
import { IdParams } from '../../../../schemas/common.js';
import { InfoRequest, InfoRequestCreate } from '../../../../schemas/info-request.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

/**
 * OpenKYB's "request more information": iDenfy has the event (COMPANY_INFO_REQUEST) but
 * publishes no endpoint for it, so it lives under /v1/.
 */
export function requestInfoRoute(app: App): void {
  app.post(
    '/v1/companies/:id/request-info/',
    {
      ...PARTNER,
      schema: {
        operationId: 'companiesRequestInfoCreate',
        summary: 'Send the form back to the client with the named items open',
        tags: ['Companies'],
        params: IdParams,
        body: InfoRequestCreate,
        response: { 201: InfoRequest, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await requestInfo({ ctx: partnerCtx(request), input: { ...request.body, companyId: request.params.id } })),
  );
}
