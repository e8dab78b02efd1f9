import { getDocumentOrder } from '../../../../core/gov-checks/get-document-order.js';
import { listAvailableDocuments } from '../../../../core/gov-checks/list-available-documents.js';
import { listDocumentOrders } from '../../../../core/gov-checks/list-document-orders.js';
import { orderDocument } from '../../../../core/gov-checks/order-document.js';
import {
  AvailableDocumentsQuery,
  GovOrderListQuery,
  GovPartnerOrderDocumentRequest,
  GovPartnerOrderedDocument,
  GovRegistersAvailableDocuments,
} from '../../../../schemas/gov-checks.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, NO_BODY } from '../../../route-schemas.js';
import { govCheck, govListRoute, govRetrieveRoute } from './gov-check-route.js';

const path = 'gov-ordered-documents/';

/** iDenfy's GOV-registers document orders (§3.7): what a register offers, ordering, and the orders. */
export function govOrderedDocumentRoutes(app: App): void {
  govListRoute(app, {
    path,
    operationId: 'apiV2GovOrderedDocumentsList',
    summary: 'List ordered register documents',
    query: GovOrderListQuery,
    item: GovPartnerOrderedDocument,
    list: (ctx, query) => listDocumentOrders({ ctx, query }),
  });
  app.get(
    `/api/v2/${path}available-documents/`,
    govCheck('apiV2GovOrderedDocumentsAvailableDocumentsRetrieve', 'List the documents a register offers for a company, with price and delivery time', {
      querystring: AvailableDocumentsQuery,
      response: { 200: GovRegistersAvailableDocuments, ...errorResponses(400, 401, 502) },
    }),
    async (request) => listAvailableDocuments({ ctx: partnerCtx(request), input: request.query }),
  );
  app.post(
    `/api/v2/${path}document-order/`,
    govCheck('apiV2GovOrderedDocumentsDocumentOrderCreate', 'Order a register document; the worker delivers it and sends GOV_ORDERED_DOCUMENT', {
      body: GovPartnerOrderDocumentRequest,
      response: { 200: NO_BODY, ...errorResponses(400, 401) },
    }),
    async (request, reply) => {
      await orderDocument({ ctx: partnerCtx(request), input: request.body });
      return reply.code(200).send();
    },
  );
  govRetrieveRoute(app, {
    path,
    operationId: 'apiV2GovOrderedDocumentsRetrieve',
    summary: 'Retrieve an ordered register document',
    item: GovPartnerOrderedDocument,
    get: (ctx, id) => getDocumentOrder({ ctx, id }),
  });
}
