import { Type } from 'typebox';
import { canonicalJson } from '../../../../core/idempotency/with-idempotency.js';
import { createToken } from '../../../../core/tokens/create-token.js';
import { KybToken, KybTokenRequest } from '../../../../schemas/token.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

const Headers = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description: 'OpenKYB extension: a retry with the same key and body within 24 h returns the original response.',
    }),
  ),
});

export function createTokenRoute(app: App): void {
  app.post(
    '/kyb/tokens/',
    {
      ...PARTNER,
      schema: {
        operationId: 'kybTokensCreate',
        summary: 'Generate KYB form token',
        tags: ['KYB Token'],
        headers: Headers,
        body: KybTokenRequest,
        response: { 201: KybToken, ...errorResponses(400, 401, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { body, replayed } = await createToken({
        ctx: partnerCtx(request),
        input: request.body,
        idempotency: key ? { key, fingerprint: `POST /kyb/tokens/ ${canonicalJson(request.body)}` } : undefined,
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(body);
    },
  );
}
