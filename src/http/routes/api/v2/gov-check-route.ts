import type { FastifySchema } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import type { PartnerCtx } from '../../../../core/context.js';
import { IdParams } from '../../../../schemas/common.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

/** A GOV-checks route's options (§3.7): the partner's, tagged, with its operation id, summary and the rest of its schema. */
export function govCheck<S extends FastifySchema>(operationId: string, summary: string, schema: S) {
  return { ...PARTNER, schema: { operationId, summary, tags: ['KYB GOV checks'], ...schema } };
}

/** What every GOV-checks resource route names: its path under /api/v2/, operation id and summary. */
interface Documented {
  /** The path under /api/v2/, ending in `/`. */
  path: string;
  operationId: string;
  summary: string;
}

export interface GovList<Q extends TSchema, S extends TSchema> extends Documented {
  query: Q;
  item: S;
  list(ctx: PartnerCtx, query: Static<Q>): Promise<Static<S>[]>;
}

/** The partner's checks of one kind, filtered by a query: GET /api/v2/<path>. */
export function govListRoute<Q extends TSchema, S extends TSchema>(app: App, route: GovList<Q, S>): void {
  app.get(
    `/api/v2/${route.path}`,
    // Plain TSchemas here: Fastify cannot relate a generic Q or S to its types; `list` is checked against them above.
    govCheck(route.operationId, route.summary, {
      querystring: route.query as TSchema,
      response: { 200: Type.Array(route.item as TSchema), ...errorResponses(400, 401) },
    }),
    async (request) => route.list(partnerCtx(request), request.query as Static<Q>),
  );
}

export interface GovCreate<B extends TSchema, S extends TSchema> extends Documented {
  body: B;
  item: S;
  /** The error statuses besides 400 and 401 (502: the register failed). */
  errors?: number[];
  create(ctx: PartnerCtx, input: Static<B>): Promise<Static<S>>;
}

/** Asks for a check: POST /api/v2/<path>, answering 201 with it. */
export function govCreateRoute<B extends TSchema, S extends TSchema>(app: App, route: GovCreate<B, S>): void {
  app.post(
    `/api/v2/${route.path}`,
    govCheck(route.operationId, route.summary, {
      body: route.body as TSchema,
      response: { 201: route.item as TSchema, ...errorResponses(400, 401, ...(route.errors ?? [])) },
    }),
    async (request, reply) => reply.code(201).send(await route.create(partnerCtx(request), request.body as Static<B>)),
  );
}

export interface GovRetrieve<S extends TSchema> extends Documented {
  item: S;
  get(ctx: PartnerCtx, id: string): Promise<Static<S>>;
}

/** One of the partner's checks: GET /api/v2/<path>:id/, or 404. */
export function govRetrieveRoute<S extends TSchema>(app: App, route: GovRetrieve<S>): void {
  app.get(
    `/api/v2/${route.path}:id/`,
    govCheck(route.operationId, route.summary, { params: IdParams, response: { 200: route.item as TSchema, ...errorResponses(401, 404) } }),
    async (request) => route.get(partnerCtx(request), request.params.id),
  );
}
