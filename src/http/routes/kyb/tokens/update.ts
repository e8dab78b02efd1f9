import { updateToken } from '../../../../core/tokens/update-token.js';
import { KybTokenUpdate, KybTokenUpdateRequest, PatchedKybTokenUpdateRequest, TokenStringParams } from '../../../../schemas/token.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses } from '../../../route-schemas.js';

/** PUT replaces tags and scan refs (absent ones reset); PATCH changes only what it names. */
export function updateTokenRoutes(app: App): void {
  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({
      method,
      url: '/kyb/tokens/:tokenString/',
      config: { auth: 'partner' },
      schema: {
        operationId: method === 'PUT' ? 'kybTokensUpdate' : 'kybTokensPartialUpdate',
        summary: method === 'PUT' ? 'Update KYB form token' : 'Partially update KYB form token',
        tags: ['KYB Token'],
        params: TokenStringParams,
        body: method === 'PUT' ? KybTokenUpdateRequest : PatchedKybTokenUpdateRequest,
        response: { 200: KybTokenUpdate, ...errorResponses(400, 401, 404, 429) },
      },
      handler: async (request) =>
        updateToken({
          ctx: partnerCtx(request),
          input: { tokenString: request.params.tokenString, changes: request.body ?? {}, replace: method === 'PUT' },
        }),
    });
  }
}
