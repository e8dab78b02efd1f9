import type { Static, TSchema } from 'typebox';
import type { PartnerCtx } from '../../../../core/context.js';
import { IdParams } from '../../../../schemas/common.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

export interface CompanyView<S extends TSchema> {
  /** The segment after the company id: GET /v1/companies/{id}/<name>/. */
  name: string;
  tag: string;
  /** Only where the name differs from the one derived from the path. */
  operationId?: string;
  summary: string;
  response: S;
  /** The core verb; another partner's company is its "not found". */
  read(ctx: PartnerCtx, companyId: string): Promise<Static<S>>;
}

/** A partner's read-only view of one of its companies (its ownership, risk, screening): one route shape for all. */
export function companyViewRoute<S extends TSchema>(app: App, view: CompanyView<S>): void {
  app.get(
    `/v1/companies/:id/${view.name}/`,
    {
      ...PARTNER,
      schema: {
        tags: [view.tag],
        ...(view.operationId ? { operationId: view.operationId } : {}),
        summary: view.summary,
        params: IdParams,
        response: { 200: view.response as TSchema, ...errorResponses(401, 404, 429) },
      },
    },
    // Typed as a plain TSchema here: Fastify cannot relate a generic S to its reply type; `read` is checked against S above.
    async (request) => view.read(partnerCtx(request), request.params.id),
  );
}
