import { Type } from 'typebox';
import { createRegistryCenterCheck } from '../../../../core/gov-checks/create-registry-center-check.js';
import { listRegistryCenterChecks } from '../../../../core/gov-checks/list-registry-center-checks.js';
import { RegistryCenterCheck, RegistryCenterCheckRequest, RegistryCenterListQuery } from '../../../../schemas/gov-checks.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

const tags = ['KYB GOV checks'];

/** iDenfy's registry-center (person register) checks for LT, HU, UK and US_15 (§3.7), answered at once. */
export function registryCenterCheckRoutes(app: App): void {
  app.get(
    '/api/v2/registry-center-checks/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2RegistryCenterChecksList',
        summary: 'List registry-center checks',
        tags,
        querystring: RegistryCenterListQuery,
        response: { 200: Type.Array(RegistryCenterCheck), ...errorResponses(400, 401) },
      },
    },
    async (request) => listRegistryCenterChecks({ ctx: partnerCtx(request), query: request.query }),
  );

  app.post(
    '/api/v2/registry-center-checks/',
    {
      ...PARTNER,
      schema: {
        operationId: 'apiV2RegistryCenterChecksCreate',
        summary: 'Check a person against a registry center',
        tags,
        body: RegistryCenterCheckRequest,
        response: { 201: RegistryCenterCheck, ...errorResponses(400, 401, 502) },
      },
    },
    async (request, reply) => reply.code(201).send(await createRegistryCenterCheck({ ctx: partnerCtx(request), input: request.body })),
  );
}
