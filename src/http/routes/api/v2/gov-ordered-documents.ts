import { Type } from 'typebox';
import { getDocumentOrder } from '../../../../core/gov-checks/get-document-order.js';
import { listAvailableDocuments } from '../../../../core/gov-checks/list-available-documents.js';
import { listDocumentOrders } from '../../../../core/gov-checks/list-document-orders.js';
import { orderDocument } from '../../../../core/gov-checks/order-document.js';
import { IdParams } from '../../../../schemas/common.js';
import {
  AvailableDocumentsQuery,
  GovOrderListQuery,
  GovPartnerOrderDocumentRequest,
  GovPartnerOrderedDocument,
  GovRegistersAvailableDocuments,
} from '../../../../schemas/gov-checks.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

const tags = ['KYB GOV checks'];
const NO_BODY = Type.Unsafe<undefined>({ description: 'No response body' });

/** iDenfy's GOV-registers document orders (§3.7): what a register offers, ordering, and the orders. */
export function govOrderedDocumentRoutes(app: App): void {
  app.get(
    '/api/v2/gov-ordered-documents/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2GovOrderedDocumentsList',
        summary: 'List ordered register documents',
        tags,
        querystring: GovOrderListQuery,
        response: { 200: Type.Array(GovPartnerOrderedDocument), ...errorResponses(400, 401) },
      },
    },
    async (request) => listDocumentOrders({ ctx: partnerCtx(request), query: request.query }),
  );

  app.get(
    '/api/v2/gov-ordered-documents/available-documents/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2GovOrderedDocumentsAvailableDocumentsRetrieve',
        summary: 'List the documents a register offers for a company, with price and delivery time',
        tags,
        querystring: AvailableDocumentsQuery,
        response: { 200: GovRegistersAvailableDocuments, ...errorResponses(400, 401, 502) },
      },
    },
    async (request) => listAvailableDocuments({ ctx: partnerCtx(request), input: request.query }),
  );

  app.post(
    '/api/v2/gov-ordered-documents/document-order/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2GovOrderedDocumentsDocumentOrderCreate',
        summary: 'Order a register document; the worker delivers it and sends GOV_ORDERED_DOCUMENT',
        tags,
        body: GovPartnerOrderDocumentRequest,
        response: { 200: NO_BODY, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await orderDocument({ ctx: partnerCtx(request), input: request.body });
      return reply.code(200).send();
    },
  );

  app.get(
    '/api/v2/gov-ordered-documents/:id/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2GovOrderedDocumentsRetrieve',
        summary: 'Retrieve an ordered register document',
        tags,
        params: IdParams,
        response: { 200: GovPartnerOrderedDocument, ...errorResponses(401, 404) },
      },
    },
    async (request) => getDocumentOrder({ ctx: partnerCtx(request), id: request.params.id }),
  );
}
