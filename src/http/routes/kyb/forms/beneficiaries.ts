import { createBeneficiary } from '../../../../core/beneficiaries/create-beneficiary.js';
import { deleteBeneficiary } from '../../../../core/beneficiaries/delete-beneficiary.js';
import { getBeneficiary, listBeneficiaries } from '../../../../core/beneficiaries/read-beneficiaries.js';
import { updateBeneficiary } from '../../../../core/beneficiaries/update-beneficiary.js';
import { Beneficiary, BeneficiaryCreateRequest, BeneficiaryParams, BeneficiaryRequest, PatchedBeneficiaryRequest } from '../../../../schemas/beneficiary.js';
import { CompanyIdParams } from '../../../../schemas/company.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses } from '../../../route-schemas.js';
import { formDeleteRoute, formItemRoute, formListRoute } from './form-routes.js';

const TAG = 'Beneficiaries';
const common = { tags: [TAG] };

export function beneficiaryRoutes(app: App): void {
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

  formListRoute(app, {
    path: 'beneficiaries/',
    tag: TAG,
    operationId: 'kybFormsBeneficiariesList',
    summary: 'List beneficiaries',
    item: Beneficiary,
    list: (ctx) => listBeneficiaries({ ctx }),
  });

  formItemRoute(app, {
    path: 'beneficiaries/:id/',
    tag: TAG,
    operationId: 'kybFormsBeneficiariesRetrieve',
    summary: 'Retrieve a beneficiary',
    params: BeneficiaryParams,
    item: Beneficiary,
    get: (ctx, id) => getBeneficiary({ ctx, id }),
  });

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
