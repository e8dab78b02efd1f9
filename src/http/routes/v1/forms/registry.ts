import type { FastifySchema } from 'fastify';
import { getRegistrySession } from '../../../../core/gov-sessions/get-registry-session.js';
import { pickCompany } from '../../../../core/gov-sessions/pick-company.js';
import { searchRegistry } from '../../../../core/gov-sessions/search-registry.js';
import { FormIdParams } from '../../../../schemas/company.js';
import { RegistryPickRequest, RegistryPickResult, RegistrySearchQuerystring, RegistrySearchResult, RegistrySession } from '../../../../schemas/gov-session.js';
import { formCtx, type App } from '../../../context.js';
import { errorResponses, TOKEN_ONLY } from '../../../route-schemas.js';

/** A register route of the form: the token's, on its own form (another form's id is 404). */
function registryRoute<S extends FastifySchema>(operationId: string, summary: string, schema: S) {
  return { ...TOKEN_ONLY, schema: { operationId, summary, tags: ['KYB Forms'], params: FormIdParams, ...schema } };
}

/** The company register in a GOV1/GOV2 session's hosted form (docs/registries.md "GOV1 and GOV2 sessions"). */
export function formRegistryRoutes(app: App): void {
  app.get(
    '/v1/forms/:id/registry/',
    registryRoute('formRegistryRetrieve', 'The session\u2019s register mode, picked company, locked fields and proposed beneficiaries', {
      response: { 200: RegistrySession, ...errorResponses(401, 404) },
    }),
    async (request) => getRegistrySession({ ctx: formCtx(request, request.params.id) }),
  );

  // 409: a FORM session; 502: the register timed out, failed or answered nonsense (nothing stored).
  const registerErrors = errorResponses(400, 401, 404, 409, 502);
  const search = registryRoute('formRegistrySearch', 'Search the company register serving a country (GOV1/GOV2 sessions)', {
    querystring: RegistrySearchQuerystring,
    response: { 200: RegistrySearchResult, ...registerErrors },
  });
  app.get('/v1/forms/:id/registry/search/', search, async (request) => searchRegistry({ ctx: formCtx(request, request.params.id), input: request.query }));

  const pick = registryRoute(
    'formRegistryPick',
    'Pick the company from the register: the server reads its profile and pre-fills the form (GOV1/GOV2 sessions)',
    {
      body: RegistryPickRequest,
      response: { 200: RegistryPickResult, ...registerErrors },
    },
  );
  app.post('/v1/forms/:id/registry/pick/', pick, async (request) => pickCompany({ ctx: formCtx(request, request.params.id), input: request.body }));
}
