import { createBeneficiary } from '../../../../core/beneficiaries/create-beneficiary.js';
import { deleteBeneficiary } from '../../../../core/beneficiaries/delete-beneficiary.js';
import { getBeneficiary, listBeneficiaries } from '../../../../core/beneficiaries/read-beneficiaries.js';
import { updateBeneficiary } from '../../../../core/beneficiaries/update-beneficiary.js';
import { Beneficiary, BeneficiaryCreateRequest, BeneficiaryParams, BeneficiaryRequest, PatchedBeneficiaryRequest } from '../../../../schemas/beneficiary.js';
import { CompanyIdParams } from '../../../../schemas/company.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses } from '../../../route-schemas.js';
import { formDeleteRoute, formListRoute } from './form-routes.js';

const TAG = 'Beneficiaries';
const common = { tags: [TAG] };

export function beneficiaryRoutes(app: App): void {
  formListRoute(app, {
    path: 'beneficiaries/',
    tag: TAG,
    operationId: 'kybFormsBeneficiariesList',
    summary: 'List beneficiaries',
    item: Beneficiary,
    list: (ctx) => listBeneficiaries({ ctx }),
  });

  app.post(
    '/kyb/forms/:companyId/beneficiaries/',
    {
      ...EITHER,
      schema: {
        ...common,
        operationId: 'kybFormsBeneficiariesCreate',
        summary: 'Add a beneficiary',
        params: CompanyIdParams,
        body: BeneficiaryCreateRequest,
        response: { 201: Beneficiary, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createBeneficiary({ ctx: formCtx(request, request.params.companyId), input: request.body })),
  );

  app.get(
    '/kyb/forms/:companyId/beneficiaries/:id/',
    {
      ...EITHER,
      schema: {
        ...common,
        operationId: 'kybFormsBeneficiariesRetrieve',
        summary: 'Retrieve a beneficiary',
        params: BeneficiaryParams,
        response: { 200: Beneficiary, ...errorResponses(401, 404) },
      },
    },
    async (request) => getBeneficiary({ ctx: formCtx(request, request.params.companyId), id: request.params.id }),
  );

  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/kyb/forms/:companyId/beneficiaries/:id/',
      ...EITHER,
      schema: {
        ...common,
        operationId: method === 'PUT' ? 'kybFormsBeneficiariesUpdate' : 'kybFormsBeneficiariesPartialUpdate',
        summary: method === 'PUT' ? 'Replace a beneficiary' : 'Change a beneficiary',
        params: BeneficiaryParams,
        body: method === 'PUT' ? BeneficiaryRequest : PatchedBeneficiaryRequest,
        response: { 200: Beneficiary, ...errorResponses(400, 401, 404, 409) },
      },
      handler: async (request) =>
        updateBeneficiary({
          ctx: formCtx(request, request.params.companyId),
          id: request.params.id,
          input: request.body,
          merge: method === 'PATCH',
        }),
    });
  }

  formDeleteRoute(app, {
    path: 'beneficiaries/:id/',
    tag: TAG,
    operationId: 'kybFormsBeneficiariesDestroy',
    summary: 'Delete a beneficiary (not one with beneficiaries under it)',
    params: BeneficiaryParams,
    remove: (ctx, id) => deleteBeneficiary({ ctx, id }),
  });
}
