import { Type } from 'typebox';
import { createApiKey } from '../../../core/partners/create-api-key.js';
import { listApiKeys } from '../../../core/partners/list-api-keys.js';
import { revokeApiKey } from '../../../core/partners/revoke-api-key.js';
import { ApiKeyCreateBody, ApiKeyCreated, ApiKeyList } from '../../../schemas/api-keys.js';
import { IdParams } from '../../../schemas/common.js';
import { partnerCtx, type App } from '../../context.js';
import { ADMIN, errorResponses } from '../../route-schemas.js';

// Key pairs act as the partner itself, with every permission: only admins see or make them.
const config = ADMIN.config;
const common = { tags: ['API keys'] };

/** The partner's own key pairs (what `openkyb keys create|list|revoke` does for an operator). */
export function apiKeyRoutes(app: App): void {
  app.get(
    '/v1/api-keys/',
    { config, schema: { ...common, summary: 'List API key pairs', response: { 200: ApiKeyList, ...errorResponses(401, 429) } } },
    async (request) => {
      const ctx = partnerCtx(request);
      const keys = await listApiKeys({ ctx, input: { partnerId: ctx.partnerId } });
      return { results: keys.map(({ keyId, apiKey, label, createdAt, revokedAt }) => ({ keyId, apiKey, label, createdAt, revokedAt })) };
    },
  );
  app.post(
    '/v1/api-keys/',
    {
      config,
      schema: {
        ...common,
        summary: 'Create an API key pair',
        description: 'The answer holds the secret; it is never shown again.',
        body: ApiKeyCreateBody,
        response: { 201: ApiKeyCreated, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const ctx = partnerCtx(request);
      const label = request.body.label ?? null;
      const created = await createApiKey({ ctx, input: { partnerId: ctx.partnerId, label } });
      return reply.code(201).send({ ...created, label });
    },
  );
  app.post(
    '/v1/api-keys/:id/revoke/',
    {
      config,
      schema: {
        ...common,
        summary: 'Revoke an API key pair',
        description: 'It stops working on the next request. A revoked or unknown key is 404.',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const ctx = partnerCtx(request);
      await revokeApiKey({ ctx, input: { key: request.params.id, partnerId: ctx.partnerId } });
      return reply.code(204).send(null);
    },
  );
}
