import { countCompaniesByStatus } from '../../../../core/review/count-companies.js';
import { CompanyStatusCounts, CompanyStatusCountsQuery } from '../../../../schemas/review.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

/** The counts beside a queue's status tabs in one read: the list's filters, every status counted at once. */
export function statusCountsRoute(app: App): void {
  app.get(
    '/v1/companies/status-counts/',
    {
      ...PARTNER,
      schema: {
        operationId: 'companiesStatusCounts',
        summary: 'How many companies each status holds under the list filters',
        tags: ['Companies'],
        querystring: CompanyStatusCountsQuery,
        response: { 200: CompanyStatusCounts, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => countCompaniesByStatus({ ctx: partnerCtx(request), query: request.query }),
  );
}
