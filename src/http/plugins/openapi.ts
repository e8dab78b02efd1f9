import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from '../context.js';

/** The OpenAPI 3.1 document is generated from the route schemas; /docs renders it. */
export async function openapiPlugin(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenKYB API',
        version: '0.1.0',
        description: [
          'Wire-compatible with iDenfy\'s KYB API (paths under `/kyb/`), plus OpenKYB\'s own management API under `/v1/`.',
          'Errors use the envelope `{message, identifier, documentation, severity}`; identifiers are listed at [/docs/errors](/docs/errors).',
        ].join('\n\n'),
      },
      servers: [{ url: app.publicUrl }],
      components: {
        securitySchemes: {
          apiKeyPair: { type: 'http', scheme: 'basic', description: 'API key as username, API secret as password.' },
          kybTokenAuth: { type: 'http', scheme: 'bearer', description: 'The tokenString of POST /kyb/tokens/.' },
        },
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
}
