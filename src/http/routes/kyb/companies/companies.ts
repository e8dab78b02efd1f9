import { changeCompanyStatus } from '../../../../core/review/change-company-status.js';
import { deleteCompany } from '../../../../core/review/delete-company.js';
import { getCompany } from '../../../../core/review/get-company.js';
import { listCompanies, type CompanyPage } from '../../../../core/review/list-companies.js';
import { CompanyDetail, CompanyListQuery, CompanyParams, CompanyStatus, CompanyStatusRequest, PaginatedCompanyListList } from '../../../../schemas/review.js';
import { partnerCtx, type App } from '../../../context.js';
import { ADMIN, errorResponses, NO_BODY, PARTNER } from '../../../route-schemas.js';

const tags = ['Companies'];

/** iDenfy's partner back office over companies: list, dossier, delete, change status. */
export function companyRoutes(app: App): void {
  app.get(
    '/kyb/companies/',
    {
      ...PARTNER,
      schema: {
        operationId: 'kybCompaniesList',
        summary: 'List companies',
        tags,
        querystring: CompanyListQuery,
        response: { 200: PaginatedCompanyListList, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listCompanies({ ctx: partnerCtx(request), query: request.query });
      return { count: page.count, ...pageLinks(app.publicUrl, request.url, page), results: page.results };
    },
  );

  app.get(
    '/kyb/companies/:id/',
    {
      ...PARTNER,
      schema: {
        operationId: 'kybCompaniesRetrieve',
        summary: 'Retrieve all company info',
        tags,
        params: CompanyParams,
        response: { 200: CompanyDetail, ...errorResponses(401, 404) },
      },
    },
    async (request) => getCompany({ ctx: partnerCtx(request), id: request.params.id }),
  );

  app.delete(
    '/kyb/companies/:id/',
    {
      ...ADMIN,
      schema: {
        operationId: 'kybCompaniesDestroy',
        summary: 'Delete the company and everything it holds',
        tags,
        params: CompanyParams,
        response: { 204: NO_BODY, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await deleteCompany({ ctx: partnerCtx(request), id: request.params.id });
      return reply.code(204).send();
    },
  );

  app.post(
    '/kyb/companies/:id/change-status/',
    {
      ...PARTNER,
      schema: {
        operationId: 'kybCompaniesChangeStatusCreate',
        summary: 'Change the company status (COMPLETED is a manual review)',
        tags,
        params: CompanyParams,
        body: CompanyStatusRequest,
        // 202: the decision waits for a second reviewer (OpenKYB's four-eyes); the status is unchanged.
        response: { 200: CompanyStatus, 202: CompanyStatus, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { isAwaitingConfirmation, ...status } = await changeCompanyStatus({ ctx: partnerCtx(request), id: request.params.id, input: request.body });
      return reply.code(isAwaitingConfirmation ? 202 : 200).send(status);
    },
  );
}

/** Absolute links to the neighbouring pages, with the request's other parameters kept. */
function pageLinks(publicUrl: string, requestUrl: string, page: CompanyPage): { next: string | null; previous: string | null } {
  const params = new URL(requestUrl, 'http://localhost').searchParams;
  const link = (number: number) => {
    const copy = new URLSearchParams(params);
    copy.set('page', String(number));
    return `${publicUrl.replace(/\/$/, '')}/kyb/companies/?${copy.toString()}`;
  };
  return {
    next: page.page * page.perPage < page.count ? link(page.page + 1) : null,
    previous: page.page > 1 ? link(page.page - 1) : null,
  };
}
