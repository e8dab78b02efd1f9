import { getRiskModel } from '../../../core/risk/get-risk-model.js';
import { updateRiskModel } from '../../../core/risk/update-risk-model.js';
import { RiskModel, RiskModelRequest } from '../../../schemas/risk.js';
import { partnerCtx, type App } from '../../context.js';
import { ADMIN, errorResponses, PARTNER } from '../../route-schemas.js';

/** The partner's risk model: the built-in default until it saves its own. */
export function riskModelRoutes(app: App): void {
  const common = { tags: ['Risk'] };
  app.get(
    '/v1/risk-model/',
    {
      ...PARTNER,
      schema: { ...common, operationId: 'v1RiskModelRetrieve', summary: 'The risk model in force', response: { 200: RiskModel, ...errorResponses(401, 429) } },
    },
    async (request) => getRiskModel({ ctx: partnerCtx(request) }),
  );
  app.put(
    '/v1/risk-model/',
    {
      ...ADMIN,
      schema: {
        ...common,
        operationId: 'v1RiskModelUpdate',
        summary: 'Replace the risk model; open assessed cases are assessed again',
        body: RiskModelRequest,
        response: { 200: RiskModel, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => updateRiskModel({ ctx: partnerCtx(request), input: request.body }),
  );
}
