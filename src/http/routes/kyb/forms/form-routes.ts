import { Type, type Static, type TSchema } from 'typebox';
import type { FormCtx } from '../../../../core/forms/access.js';
import { CompanyIdParams } from '../../../../schemas/company.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses } from '../../../route-schemas.js';

/** What every route under the form documents the same way: its tag, operation id and summary. */
interface Documented {
  tag: string;
  operationId: string;
  summary: string;
}

function documented({ tag, operationId, summary }: Documented) {
  return { tags: [tag], operationId, summary };
}

export interface FormList<S extends TSchema> extends Documented {
  /** The path under the form: GET /kyb/forms/{companyId}/<path>. */
  path: string;
  item: S;
  list(ctx: FormCtx): Promise<Static<S>[]>;
}

/** A list the form holds (beneficiaries, questionnaires, answers as displayed), for its token or its partner. */
export function formListRoute<S extends TSchema>(app: App, route: FormList<S>): void {
  app.get(
    `/kyb/forms/:companyId/${route.path}`,
    {
      ...EITHER,
      schema: {
        ...documented(route),
        params: CompanyIdParams,
        // A plain TSchema here: Fastify cannot relate a generic S to its reply type; `list` is checked against S above.
        response: { 200: Type.Array(route.item as TSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => route.list(formCtx(request, request.params.companyId)),
  );
}

export interface FormDelete extends Documented {
  /** The path under the form, ending in `:id/`: DELETE /kyb/forms/{companyId}/<path>. */
  path: string;
  /** The path's parameters: `companyId`, `id` and any other the path names. */
  params: TSchema;
  remove(ctx: FormCtx, id: string, params: Record<string, string>): Promise<void>;
}

/** Deletes one thing of the form (a beneficiary, a document, a questionnaire's answers): 204, or 409 when the form is closed. */
export function formDeleteRoute(app: App, route: FormDelete): void {
  app.delete(
    `/kyb/forms/:companyId/${route.path}`,
    {
      ...EITHER,
      schema: {
        ...documented(route),
        params: route.params,
        response: { 204: Type.Null(), ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const params = request.params as Record<string, string>;
      await route.remove(formCtx(request, params.companyId!), params.id!, params);
      return reply.code(204).send(null);
    },
  );
}

export interface FormItem<S extends TSchema> extends Documented {
  /** The path under the form, ending in `:id/`: GET /kyb/forms/{companyId}/<path>. */
  path: string;
  params: TSchema;
  item: S;
  get(ctx: FormCtx, id: string): Promise<Static<S>>;
}

/** One thing of the form (a beneficiary, a questionnaire), for its token or its partner. */
export function formItemRoute<S extends TSchema>(app: App, route: FormItem<S>): void {
  app.get(
    `/kyb/forms/:companyId/${route.path}`,
    {
      ...EITHER,
      schema: { ...documented(route), params: route.params, response: { 200: route.item as TSchema, ...errorResponses(401, 404) } },
    },
    async (request) => {
      const params = request.params as Record<string, string>;
      return route.get(formCtx(request, params.companyId!), params.id!);
    },
  );
}
