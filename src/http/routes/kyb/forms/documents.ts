import { Type, type TSchema } from 'typebox';
import { createDocument, deleteDocument, getDocument, listDocuments, updateDocument, type DocumentTarget } from '../../../../core/documents/documents.js';
import { CompanyIdParams } from '../../../../schemas/company.js';
import {
  AnyDocumentType,
  BeneficiaryDocumentParams,
  BeneficiaryDocumentsParams,
  DocumentCreateRequest,
  DocumentListQuery,
  DocumentParams,
  DocumentRequest,
  KybFormDocument,
  type DocumentCreateInput,
  type DocumentUpdateInput,
} from '../../../../schemas/document.js';
import { KybDocumentTypeEnum } from '../../../../schemas/enums.js';
import { COMPANY_DOCUMENT_TYPES } from '../../../../shared/enums.js';
import { invalidField } from '../../../../core/errors.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses, uploadBodyLimit } from '../../../route-schemas.js';
import { formDeleteRoute } from './form-routes.js';

interface Owner {
  base: string;
  operation: string;
  listParams: TSchema;
  itemParams: TSchema;
  type: typeof AnyDocumentType | typeof KybDocumentTypeEnum;
  target(params: Record<string, string>): DocumentTarget;
}

const OWNERS: Owner[] = [
  {
    base: '/kyb/forms/:companyId/documents/',
    operation: 'kybFormsDocuments',
    listParams: CompanyIdParams,
    itemParams: DocumentParams,
    type: KybDocumentTypeEnum,
    target: () => ({ beneficiaryId: null }),
  },
  {
    base: '/kyb/forms/:companyId/beneficiaries/:beneficiaryId/documents/',
    operation: 'kybFormsBeneficiariesDocuments',
    listParams: BeneficiaryDocumentsParams,
    itemParams: BeneficiaryDocumentParams,
    // Individuals take IndividualKybDocTypeEnum, companies KybDocumentTypeEnum: checked against the beneficiary.
    type: AnyDocumentType,
    target: (params) => ({ beneficiaryId: params.beneficiaryId! }),
  },
];

const KNOWN_TYPES = new Set<string>(COMPANY_DOCUMENT_TYPES);

/** `a,b,c` -> [a, b, c]; empty means no filter; an unknown type is a 400 naming it. */
function typeFilter(list: string | undefined, field: string): string[] | undefined {
  const types = (list ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = types.filter((t) => !KNOWN_TYPES.has(t));
  if (unknown.length > 0) throw invalidField(`query.${field}`, `${unknown.map((t) => `"${t}"`).join(', ')} is not a document type`);
  return types.length > 0 ? types : undefined;
}

/** The 12 document operations: company documents and beneficiary documents alike. */
export function documentRoutes(app: App): void {
  const tags = ['KYB Documents'];
  for (const owner of OWNERS) {
    const item = `${owner.base}:id/`;
    const common = { tags };
    app.get(
      owner.base,
      {
        ...EITHER,
        schema: {
          ...common,
          operationId: `${owner.operation}List`,
          summary: 'List documents',
          params: owner.listParams,
          ...(owner.target({}).beneficiaryId === null ? { querystring: DocumentListQuery } : {}),
          response: { 200: Type.Array(KybFormDocument), ...errorResponses(401, 404) },
        },
      },
      async (request) => {
        const params = request.params as Record<string, string>;
        const query = (request.query ?? {}) as { type?: string; type_Exclude?: string };
        const filter = { types: typeFilter(query.type, 'type'), excludeTypes: typeFilter(query.type_Exclude, 'type_Exclude') };
        return listDocuments({ ctx: formCtx(request, params.companyId), target: owner.target(params), filter });
      },
    );
    app.post(
      owner.base,
      {
        ...EITHER,
        bodyLimit: uploadBodyLimit(app.deps.config.maxUploadBytes),
        schema: {
          ...common,
          operationId: `${owner.operation}Create`,
          summary: 'Upload a document (base64)',
          params: owner.listParams,
          body: DocumentCreateRequest(owner.type),
          response: { 201: KybFormDocument, ...errorResponses(400, 401, 404, 409, 413) },
        },
      },
      async (request, reply) => {
        const params = request.params as Record<string, string>;
        const document = await createDocument({
          ctx: formCtx(request, params.companyId),
          target: owner.target(params),
          input: request.body as DocumentCreateInput,
        });
        return reply.code(201).send(document);
      },
    );
    app.get(
      item,
      {
        ...EITHER,
        schema: {
          ...common,
          operationId: `${owner.operation}Retrieve`,
          summary: 'Retrieve a document',
          params: owner.itemParams,
          response: { 200: KybFormDocument, ...errorResponses(401, 404) },
        },
      },
      async (request) => {
        const params = request.params as Record<string, string>;
        return getDocument({ ctx: formCtx(request, params.companyId), target: owner.target(params), id: params.id! });
      },
    );
    for (const method of ['PUT', 'PATCH'] as const) {
      app.route({
        method,
        url: item,
        ...EITHER,
        schema: {
          ...common,
          operationId: `${owner.operation}${method === 'PUT' ? 'Update' : 'PartialUpdate'}`,
          summary: 'Change the type or file name (not the file)',
          params: owner.itemParams,
          body: DocumentRequest(owner.type, method === 'PATCH'),
          response: { 200: KybFormDocument, ...errorResponses(400, 401, 404, 409) },
        },
        handler: async (request) => {
          const params = request.params as Record<string, string>;
          return updateDocument({
            ctx: formCtx(request, params.companyId),
            target: owner.target(params),
            id: params.id!,
            input: request.body as DocumentUpdateInput,
            merge: method === 'PATCH',
          });
        },
      });
    }
    formDeleteRoute(app, {
      path: `${owner.base.slice('/kyb/forms/:companyId/'.length)}:id/`,
      tag: tags[0]!,
      operationId: `${owner.operation}Destroy`,
      summary: 'Delete a document',
      params: owner.itemParams,
      remove: (ctx, id, params) => deleteDocument({ ctx, target: owner.target(params), id }),
    });
  }
}
