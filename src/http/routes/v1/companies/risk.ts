import { Type } from 'typebox';
import { getCompanyRisk } from '../../../../core/risk/get-risk.js';
import { PathId } from '../../../../schemas/common.js';
import { RiskAssessment } from '../../../../schemas/risk.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

export function companyRiskRoutes(app: App): void {
  app.get(
    '/v1/companies/:id/risk/',
    {
      ...PARTNER,
      schema: {
        tags: ['Risk'],
        operationId: 'v1CompaniesRiskRetrieve',
        summary: "A company's latest risk assessment, with every factor's contribution",
        params: Type.Object({ id: PathId }),
        response: { 200: RiskAssessment, ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => getCompanyRisk({ ctx: partnerCtx(request), input: { companyId: request.params.id } }),
  );
}
