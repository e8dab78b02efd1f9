import { Type } from 'typebox';
import { getCompanyScreening, loadPartnerCompany } from '../../../core/screening/read-screening.js';
import { requestScreening } from '../../../core/screening/request-screening.js';
import { resolveHit } from '../../../core/screening/resolve-hit.js';
import { presentLists, searchLists } from '../../../core/screening/search-lists.js';
import type { ScreeningPolicy } from '../../../core/screening/status.js';
import { IdParams, Uuid } from '../../../schemas/common.js';
import {
  CompanyScreening,
  ResolveHitRequest,
  ScreeningHit,
  ScreeningLists,
  ScreeningSearchRequest,
  ScreeningSearchResult,
} from '../../../schemas/screening.js';
import { partnerCtx, type App } from '../../context.js';
import { errorResponses } from '../../route-schemas.js';

const common = { tags: ['Screening'] };
const config = { auth: 'partner' as const };

/** OpenKYB's screening API: search the lists, read a case's screening, re-screen, resolve hits. */
export function screeningRoutes(app: App): void {
  const policy: ScreeningPolicy = { requiredLists: app.deps.config.screeningRequiredLists, maxListAgeMs: app.deps.config.screeningMaxListAgeMs };
  const searcher = () => app.deps.screening ?? null;

  app.post(
    '/v1/screening/search',
    {
      config,
      schema: {
        ...common,
        summary: 'Search the sanctions and PEP lists',
        body: ScreeningSearchRequest,
        response: { 200: ScreeningSearchResult, ...errorResponses(400, 401, 429, 503) },
      },
    },
    async (request) => searchLists({ searcher: searcher(), policy, now: app.deps.clock.now(), input: request.body }),
  );

  app.get(
    '/v1/screening/lists/',
    {
      config,
      schema: { ...common, summary: 'The list versions screening uses', response: { 200: ScreeningLists, ...errorResponses(401, 429) } },
    },
    async () => presentLists(searcher()?.lists() ?? null, policy, app.deps.clock.now()),
  );

  app.get(
    '/v1/companies/:id/screening/',
    {
      config,
      schema: {
        ...common,
        summary: "A company's screening: each subject's status and hits",
        params: IdParams,
        response: { 200: CompanyScreening, ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => getCompanyScreening({ ctx: partnerCtx(request), companyId: request.params.id }),
  );

  app.post(
    '/v1/companies/:id/screening/',
    {
      config,
      schema: {
        ...common,
        summary: 'Screen a company again now',
        params: IdParams,
        response: { 202: Type.Object({ companyId: Uuid }), ...errorResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const ctx = partnerCtx(request);
      await loadPartnerCompany(ctx.db, ctx.partnerId, request.params.id);
      await requestScreening(ctx.db, request.params.id, ctx.clock.now());
      return reply.code(202).send({ companyId: request.params.id });
    },
  );

  app.post(
    '/v1/screening/hits/:id/resolve/',
    {
      config,
      schema: {
        ...common,
        summary: 'Resolve a hit as a true or false positive',
        params: IdParams,
        body: ResolveHitRequest,
        response: { 200: ScreeningHit, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request) => resolveHit({ ctx: partnerCtx(request), hitId: request.params.id, input: request.body }),
  );
}
