import { Type, type Static, type TSchema } from 'typebox';
import type { FormCtx } from '../../../../core/forms/access.js';
import { CompanyIdParams } from '../../../../schemas/company.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses } from '../../../route-schemas.js';

export interface FormList<S extends TSchema> {
  /** The path under the form: GET /kyb/forms/{companyId}/<path>. */
  path: string;
  tag: string;
  operationId: string;
  summary: string;
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
        tags: [route.tag],
        operationId: route.operationId,
        summary: route.summary,
        params: CompanyIdParams,
        // A plain TSchema here: Fastify cannot relate a generic S to its reply type; `list` is checked against S above.
        response: { 200: Type.Array(route.item as TSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => route.list(formCtx(request, request.params.companyId)),
  );
}
