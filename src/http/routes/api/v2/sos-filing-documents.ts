import { createSosReport } from '../../../../core/gov-checks/create-sos-report.js';
import { getSosReport } from '../../../../core/gov-checks/get-sos-report.js';
import { listSosReports } from '../../../../core/gov-checks/list-sos-reports.js';
import { SosListQuery, SosReportDocument, SosReportParameterRequest } from '../../../../schemas/gov-checks.js';
import type { App } from '../../../context.js';
import { govCreateRoute, govListRoute, govRetrieveRoute } from './gov-check-route.js';

const path = 'sos-filing-documents/';

/** iDenfy's US Secretary-of-State filing reports (§3.7); delivered by the worker, which sends SOS_REPORT. */
export function sosFilingDocumentRoutes(app: App): void {
  govListRoute(app, {
    path,
    operationId: 'apiV2SosFilingDocumentsList',
    summary: 'List Secretary-of-State reports',
    query: SosListQuery,
    item: SosReportDocument,
    list: (ctx, query) => listSosReports({ ctx, query }),
  });
  govCreateRoute(app, {
    path,
    operationId: 'apiV2SosFilingDocumentsCreate',
    summary: 'Ask for a Secretary-of-State report',
    body: SosReportParameterRequest,
    item: SosReportDocument,
    create: (ctx, input) => createSosReport({ ctx, input }),
  });
  govRetrieveRoute(app, {
    path,
    operationId: 'apiV2SosFilingDocumentsRetrieve',
    summary: 'Retrieve a Secretary-of-State report',
    item: SosReportDocument,
    get: (ctx, id) => getSosReport({ ctx, id }),
  });
}
