import { Type } from 'typebox';
import { createForm } from '../../../../core/forms/create-form.js';
import { getForm, listForms } from '../../../../core/forms/read-forms.js';
import { submitForm } from '../../../../core/forms/submit-form.js';
import { updateForm } from '../../../../core/forms/update-form.js';
import { FormIdParams } from '../../../../schemas/company.js';
import { KybForm, KybFormCreateRequest, KybFormList, KybFormUpdate, KybFormUpdateRequest, PatchedKybFormUpdateRequest } from '../../../../schemas/form.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses, NO_BODY, TOKEN_ONLY, uploadBodyLimit } from '../../../route-schemas.js';

const tags = ['KYB Forms'];

export function formRoutes(app: App): void {
  app.get(
    '/kyb/forms/',
    {
      ...TOKEN_ONLY,
      schema: {
        operationId: 'kybFormsList',
        summary: 'Has the form of this token been created?',
        tags,
        response: { 200: Type.Array(KybFormList), ...errorResponses(401) },
      },
    },
    async (request) => listForms({ ctx: formCtx(request) }),
  );

  app.post(
    '/kyb/forms/',
    {
      ...TOKEN_ONLY,
      bodyLimit: uploadBodyLimit(app.deps.config.maxUploadBytes, 3),
      schema: {
        operationId: 'kybFormsCreate',
        summary: 'Create the KYB form',
        tags,
        body: KybFormCreateRequest,
        response: { 201: KybForm, ...errorResponses(400, 401, 409, 413) },
      },
    },
    async (request, reply) => reply.code(201).send(await createForm({ ctx: formCtx(request), input: request.body })),
  );

  app.get(
    '/kyb/forms/:id/',
    {
      ...EITHER,
      schema: {
        operationId: 'kybFormsRetrieve',
        summary: 'Retrieve the KYB form',
        tags,
        params: FormIdParams,
        response: { 200: KybForm, ...errorResponses(401, 404) },
      },
    },
    async (request) => getForm({ ctx: formCtx(request, request.params.id) }),
  );

  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/kyb/forms/:id/',
      ...EITHER,
      schema: {
        operationId: method === 'PUT' ? 'kybFormsUpdate' : 'kybFormsPartialUpdate',
        summary: method === 'PUT' ? 'Update the KYB form' : 'Partially update the KYB form',
        tags,
        params: FormIdParams,
        body: method === 'PUT' ? KybFormUpdateRequest : PatchedKybFormUpdateRequest,
        response: { 200: KybFormUpdate, ...errorResponses(400, 401, 404, 409) },
      },
      handler: async (request) => updateForm({ ctx: formCtx(request, request.params.id), input: request.body, merge: method === 'PATCH' }),
    });
  }

  app.post(
    '/kyb/forms/:id/submit/',
    {
      ...TOKEN_ONLY,
      schema: {
        operationId: 'kybFormsSubmitCreate',
        summary: 'Submit the KYB form',
        tags,
        params: FormIdParams,
        response: { 200: NO_BODY, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await submitForm({ ctx: formCtx(request, request.params.id) });
      return reply.code(200).send();
    },
  );
}
