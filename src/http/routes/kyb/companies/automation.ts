import { runAutomation } from '../../../../core/review/run-automation.js';
import { IdParams } from '../../../../schemas/common.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, NO_BODY, PARTNER } from '../../../route-schemas.js';

export function automationRoute(app: App): void {
  app.post(
    '/kyb/companies/:id/automation/',
    {
      ...PARTNER,
      schema: {
        operationId: 'kybCompaniesAutomationCreate',
        summary: 'Re-run company automation',
        tags: ['Companies'],
        params: IdParams,
        response: { 202: NO_BODY, ...errorResponses(401, 402, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      await runAutomation({ ctx: partnerCtx(request), input: { companyId: request.params.id } });
      return reply.code(202).send();
    },
  );
}
