import type { FastifySchema } from 'fastify';
import { Type } from 'typebox';
import { createWebhook } from '../../../core/webhooks/create-webhook.js';
import { deleteWebhook } from '../../../core/webhooks/delete-webhook.js';
import { getDelivery, listDeliveries } from '../../../core/webhooks/list-deliveries.js';
import { getWebhook, listWebhooks } from '../../../core/webhooks/list-webhooks.js';
import { resendDelivery } from '../../../core/webhooks/resend-delivery.js';
import { rotateSigningKey } from '../../../core/webhooks/rotate-signing-key.js';
import { sendTestEvent } from '../../../core/webhooks/send-test-event.js';
import { updateWebhook } from '../../../core/webhooks/update-webhook.js';
import { IdParams } from '../../../schemas/common.js';
import {
  DeliveryListQuery,
  RotateKeyInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookInput,
  WebhookPatch,
  WebhookWithKey,
} from '../../../schemas/webhook.js';
import { partnerCtx, type App } from '../../context.js';
import { ADMIN, errorResponses } from '../../route-schemas.js';

// Webhooks carry the partner's events (and their bodies): admins only.
const config = ADMIN.config;

/** A webhooks route's options: admins only, tagged, with its summary and the rest of its schema. */
function admin<S extends FastifySchema>(summary: string, schema: S) {
  return { config, schema: { tags: ['Webhooks'], summary, ...schema } };
}

/** The partner's webhook endpoints, and the deliveries of its events to them. */
export function webhookRoutes(app: App): void {
  const policy = { allowPrivate: app.deps.config.webhookAllowPrivateUrls };

  app.get('/v1/webhooks/', admin('List webhooks', { response: { 200: Type.Array(Webhook), ...errorResponses(401, 429) } }), async (request) =>
    listWebhooks({ ctx: partnerCtx(request) }),
  );
  app.post(
    '/v1/webhooks/',
    admin('Create a webhook', {
      description: 'The answer holds the signing key; it is never shown again.',
      body: WebhookInput,
      response: { 201: WebhookWithKey, ...errorResponses(400, 401, 429) },
    }),
    async (request, reply) => reply.code(201).send(await createWebhook({ ctx: partnerCtx(request), input: request.body, policy })),
  );
  app.get(
    '/v1/webhooks/:id/',
    admin('Retrieve a webhook', { params: IdParams, response: { 200: Webhook, ...errorResponses(401, 404, 429) } }),
    async (request) => getWebhook({ ctx: partnerCtx(request), id: request.params.id }),
  );
  app.patch(
    '/v1/webhooks/:id/',
    admin('Change a webhook', {
      params: IdParams,
      body: WebhookPatch,
      response: { 200: Webhook, ...errorResponses(400, 401, 404, 429) },
    }),
    async (request) => updateWebhook({ ctx: partnerCtx(request), id: request.params.id, input: request.body, policy }),
  );
  app.delete(
    '/v1/webhooks/:id/',
    admin('Delete a webhook', { params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 404, 429) } }),
    async (request, reply) => {
      await deleteWebhook({ ctx: partnerCtx(request), id: request.params.id });
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/v1/webhooks/:id/rotate-signing-key/',
    {
      ...admin('Rotate the signing key', {
        description: 'Sets the given key, or generates one when the body is empty or absent; the answer holds it.',
        params: IdParams,
        body: RotateKeyInput,
        response: { 200: WebhookWithKey, ...errorResponses(400, 401, 404, 429) },
      }),
      // The body is optional: no body means "generate one", the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => rotateSigningKey({ ctx: partnerCtx(request), id: request.params.id, input: request.body }),
  );
  app.get(
    '/v1/webhooks/deliveries/',
    admin('List deliveries', {
      description: 'Newest first, by cursor; filter by status, event type or webhook.',
      querystring: DeliveryListQuery,
      response: { 200: WebhookDeliveryPage, ...errorResponses(400, 401, 429) },
    }),
    async (request) => listDeliveries({ ctx: partnerCtx(request), query: request.query }),
  );
  app.get(
    '/v1/webhooks/deliveries/:id/',
    admin('Retrieve a delivery and its attempts', {
      params: IdParams,
      response: { 200: WebhookDeliveryDetail, ...errorResponses(401, 404, 429) },
    }),
    async (request) => getDelivery({ ctx: partnerCtx(request), id: request.params.id }),
  );
  // Both queue a delivery (a new one, or a failed or delivered one again) and answer 202 with it.
  const queueRoute = (url: string, summary: string, description: string, queue: typeof sendTestEvent) =>
    app.post(
      url,
      admin(summary, { description, params: IdParams, response: { 202: WebhookDelivery, ...errorResponses(401, 404, 409, 429) } }),
      async (request, reply) => reply.code(202).send(await queue({ ctx: partnerCtx(request), id: request.params.id })),
    );
  queueRoute('/v1/webhooks/:id/test/', 'Send a test event', 'Queues a WEBHOOK_TEST event for this webhook.', sendTestEvent);
  queueRoute(
    '/v1/webhooks/deliveries/:id/resend/',
    'Resend a delivery',
    'Queues a failed or delivered delivery again, with a fresh retry schedule.',
    resendDelivery,
  );
}
