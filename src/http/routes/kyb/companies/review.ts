import { addComment } from '../../../../core/review/add-comment.js';
import { assignCompany } from '../../../../core/review/assign-company.js';
import { listComments } from '../../../../core/review/list-comments.js';
import { loadReviewCompany } from '../../../../core/review/load-company.js';
import { Type } from 'typebox';
import { AssignRequest, AssignResponse, CompanyParams, KybCommentRequest, KybComments } from '../../../../schemas/review.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

const tags = ['Companies'];

/** OpenKYB's review extras: comments on a company and who reviews it. */
export function companyReviewRoutes(app: App): void {
  app.get(
    '/v1/companies/:id/comments/',
    {
      ...PARTNER,
      schema: {
        operationId: 'companyCommentsList',
        summary: 'The comments on a company',
        tags,
        params: CompanyParams,
        response: { 200: Type.Array(KybComments), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const ctx = partnerCtx(request);
      await loadReviewCompany(ctx.db, ctx.partnerId, request.params.id);
      return listComments({ ctx, companyId: request.params.id });
    },
  );

  app.post(
    '/v1/companies/:id/comments/',
    {
      ...PARTNER,
      schema: {
        operationId: 'companyCommentsCreate',
        summary: 'Comment on a company',
        tags,
        params: CompanyParams,
        body: KybCommentRequest,
        response: { 201: KybComments, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await addComment({ ctx: partnerCtx(request), companyId: request.params.id, input: request.body })),
  );

  app.post(
    '/v1/companies/:id/assign/',
    {
      ...PARTNER,
      schema: {
        operationId: 'companyAssign',
        summary: 'Assign the review to a manager (null: nobody)',
        tags,
        params: CompanyParams,
        body: AssignRequest,
        response: { 200: AssignResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => assignCompany({ ctx: partnerCtx(request), companyId: request.params.id, input: request.body }),
  );
}
