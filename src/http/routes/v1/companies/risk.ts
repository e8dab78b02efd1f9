import { getCompanyRisk } from '../../../../core/risk/get-risk.js';
import { RiskAssessment } from '../../../../schemas/risk.js';
import type { App } from '../../../context.js';
import { companyViewRoute } from './company-view.js';

export function companyRiskRoutes(app: App): void {
  companyViewRoute(app, {
    name: 'risk',
    tag: 'Risk',
    operationId: 'v1CompaniesRiskRetrieve',
    summary: "A company's latest risk assessment, with every factor's contribution",
    response: RiskAssessment,
    read: (ctx, companyId) => getCompanyRisk({ ctx, input: { companyId } }),
  });
}
