import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App, AuthMode } from '../context.js';
import { ErrorEnvelope } from '../../schemas/error.js';
import type { ManagerRole } from '../../core/managers/roles.js';
import { requiredRole } from '../route-schemas.js';
import { SESSION_COOKIE } from '../session-cookie.js';

/** The OpenAPI security of each auth mode: routes declare the mode once (route-schemas.ts). */
const SECURITY: Record<AuthMode, Array<Record<string, string[]>> | null> = {
  none: null,
  partner: [{ apiKeyPair: [] }, { managerSession: [] }],
  token: [{ kybTokenAuth: [] }],
  either: [{ kybTokenAuth: [] }, { apiKeyPair: [] }, { managerSession: [] }],
  manager: [{ managerSession: [] }],
};

const ACTIONS: Record<string, string> = { POST: 'Create', PUT: 'Update', PATCH: 'PartialUpdate', DELETE: 'Destroy' };

/**
 * An operationId in the style of iDenfy's own (Django REST framework's): the path's words in
 * camel case, then the action, e.g. GET /v1/webhooks/{id}/ -> v1WebhooksRetrieve. Routes that
 * mirror an iDenfy operation name it explicitly instead.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url.split('/').filter(Boolean);
  const words = segments.filter((s) => !s.startsWith(':')).flatMap((s) => s.split(/[-_.]/));
  const camel = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  const upper = method.toUpperCase();
  const action = upper === 'GET' ? (segments.at(-1)?.startsWith(':') ? 'Retrieve' : 'List') : (ACTIONS[upper] ?? upper.toLowerCase());
  return `${camel}${action}`;
}

type RouteSchema = { hide?: boolean; operationId?: string; response?: Record<string, unknown> } & Record<string, unknown>;

/** The OpenAPI 3.1 document is generated from the route schemas; /docs renders it. */
export async function openapiPlugin(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenKYB API',
        version: '0.1.0',
        description: [
          "Wire-compatible with iDenfy's KYB API (paths under `/kyb/`), plus OpenKYB's own management API under `/v1/`.",
          'Errors use the envelope `{message, identifier, documentation, severity}`; identifiers are listed at [/docs/errors](/docs/errors).',
        ].join('\n\n'),
      },
      servers: [{ url: app.publicUrl }],
      components: {
        securitySchemes: {
          apiKeyPair: { type: 'http', scheme: 'basic', description: 'API key as username, API secret as password.' },
          kybTokenAuth: { type: 'http', scheme: 'bearer', description: 'The tokenString of POST /kyb/tokens/.' },
          managerSession: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description:
              'A manager signed in to the back office (POST /v1/auth/sign-in/). It acts for its partner with its role; every request that is not GET or HEAD also needs the `x-csrf-token` header.',
          },
        },
      },
    },
    // Security, the 401 answer and a default operationId follow from the route's declared auth.
    transform: ({ schema, url, route }) => {
      const given = schema as RouteSchema | undefined;
      if (!given || given.hide) return { schema, url };
      const auth = (route.config as { auth?: AuthMode } | undefined)?.auth ?? 'none';
      const security = SECURITY[auth];
      const method = [route.method].flat()[0] ?? 'GET';
      const role = requiredRole(method, (route.config ?? {}) as { auth?: AuthMode; role?: ManagerRole });
      const errors = { ...(security ? { 401: ErrorEnvelope } : {}), ...(role || auth === 'manager' ? { 403: ErrorEnvelope } : {}) };
      const response = given.response ? { ...errors, ...given.response } : given.response;
      const roleNote = role ? `Back-office managers need the **${role}** role (or a stronger one); an API key pair may call it.` : null;
      return {
        url,
        schema: {
          ...given,
          operationId: given.operationId ?? operationIdOf(method, url),
          ...(roleNote ? { description: [given.description, roleNote].filter(Boolean).join('\n\n'), 'x-openkyb-role': role } : {}),
          ...(security ? { security } : {}),
          ...(response ? { response } : {}),
        } as typeof schema,
      };
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true },
    // The plugin's own policy, with two changes: no upgrade-insecure-requests (a server reached
    // over plain http, localhost, would have its own assets asked for over https), and inline
    // styles allowed (Swagger UI sets some; checked in Chromium: 128 operations shown, no
    // violation left). Scripts stay 'self' only.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace(/\s*upgrade-insecure-requests;?/, '').replace(/style-src 'self' https:\s*/, "style-src 'self' 'unsafe-inline' "),
    uiHooks: {
      onRequest: (_request, reply, done) => {
        reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'SAMEORIGIN').header('referrer-policy', 'no-referrer');
        done();
      },
    },
  });
}
