import { Type } from 'typebox';
import { revokeToken } from '../../../../core/tokens/revoke-token.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

const Params = Type.Object({
  // Token strings are letters and digits, ids UUIDs: anything else names nothing (404), and never
  // reaches the database (a NUL would make PostgreSQL fail).
  id: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9-]+$', description: "The token's id, or its tokenString." }),
});

/** OpenKYB extension: the partner ends a KYB session before it expires. */
export function revokeTokenRoute(app: App): void {
  app.delete(
    '/v1/tokens/:id/',
    {
      ...PARTNER,
      schema: {
        operationId: 'tokensRevoke',
        summary: 'Revoke a KYB token',
        description: 'From the next request on, /kyb/info/ and every form call with this token answer 401 AUTHENTICATION_FAILED.',
        tags: ['KYB Token'],
        params: Params,
        response: { 204: Type.Null(), ...errorResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      await revokeToken({ ctx: partnerCtx(request), input: { token: request.params.id } });
      return reply.code(204).send(null);
    },
  );
}
