import { Type } from 'typebox';
import { createSosReport } from '../../../../core/gov-checks/create-sos-report.js';
import { getSosReport } from '../../../../core/gov-checks/get-sos-report.js';
import { listSosReports } from '../../../../core/gov-checks/list-sos-reports.js';
import { IdParams } from '../../../../schemas/common.js';
import { SosListQuery, SosReportDocument, SosReportParameterRequest } from '../../../../schemas/gov-checks.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

const tags = ['KYB GOV checks'];

/** iDenfy's US Secretary-of-State filing reports (§3.7); delivered by the worker, which sends SOS_REPORT. */
export function sosFilingDocumentRoutes(app: App): void {
  app.get(
    '/api/v2/sos-filing-documents/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2SosFilingDocumentsList',
        summary: 'List Secretary-of-State reports',
        tags,
        querystring: SosListQuery,
        response: { 200: Type.Array(SosReportDocument), ...errorResponses(400, 401) },
      },
    },
    async (request) => listSosReports({ ctx: partnerCtx(request), query: request.query }),
  );

  app.post(
    '/api/v2/sos-filing-documents/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2SosFilingDocumentsCreate',
        summary: 'Ask for a Secretary-of-State report',
        tags,
        body: SosReportParameterRequest,
        response: { 201: SosReportDocument, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => reply.code(201).send(await createSosReport({ ctx: partnerCtx(request), input: request.body })),
  );

  app.get(
    '/api/v2/sos-filing-documents/:id/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2SosFilingDocumentsRetrieve',
        summary: 'Retrieve a Secretary-of-State report',
        tags,
        params: IdParams,
        response: { 200: SosReportDocument, ...errorResponses(401, 404) },
      },
    },
    async (request) => getSosReport({ ctx: partnerCtx(request), id: request.params.id }),
  );
}
